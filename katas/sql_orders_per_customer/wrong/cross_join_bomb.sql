-- expect: timeout
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
SELECT c.id, c.name, (SELECT COUNT(*) FROM n AS a, n AS b) FROM customers AS c;
