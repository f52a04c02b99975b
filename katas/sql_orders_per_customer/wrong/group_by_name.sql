-- expect: failed
-- Two customers may share a name: grouping by name merges them.
SELECT MIN(c.id) AS customer_id, c.name, COUNT(o.id) AS orders
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.name;
