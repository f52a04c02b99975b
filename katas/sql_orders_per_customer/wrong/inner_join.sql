-- expect: failed
-- An inner join drops the customers without orders.
SELECT c.id AS customer_id, c.name, COUNT(*) AS orders
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.id, c.name;
