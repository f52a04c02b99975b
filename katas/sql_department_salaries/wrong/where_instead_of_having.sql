-- expect: failed
-- Filters employees before grouping: the low salaries vanish from the average and the count.
SELECT department, COUNT(*) AS staff, AVG(salary) AS avg_salary
FROM employees
WHERE salary >= 50000
GROUP BY department
HAVING COUNT(*) >= 2;
