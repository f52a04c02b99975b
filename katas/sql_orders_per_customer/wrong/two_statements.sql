-- expect: error
DELETE FROM orders; SELECT id, name, 0 FROM customers;
