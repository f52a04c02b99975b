-- expect: failed
-- Without DISTINCT, a tie at the top makes the top salary "second".
SELECT (SELECT salary FROM employees ORDER BY salary DESC LIMIT 1 OFFSET 1) AS second_highest;
