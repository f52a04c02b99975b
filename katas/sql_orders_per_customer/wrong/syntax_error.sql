-- expect: error
SELECT c.id, c.name, COUNT(o.id)
FORM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.id;
