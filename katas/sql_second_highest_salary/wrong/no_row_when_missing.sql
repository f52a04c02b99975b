-- expect: failed
-- LIMIT/OFFSET on its own returns no row at all, instead of one row holding NULL.
SELECT DISTINCT salary AS second_highest
FROM employees
ORDER BY salary DESC
LIMIT 1 OFFSET 1;
