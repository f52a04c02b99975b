-- expect: failed
-- COUNT(*) counts the left join's NULL row: a customer without orders gets 1.
SELECT c.id AS customer_id, c.name, COUNT(*) AS orders
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.id, c.name;
