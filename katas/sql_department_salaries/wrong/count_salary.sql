-- expect: failed
-- COUNT(salary) skips the employees whose salary is NULL.
SELECT department, COUNT(salary) AS staff, AVG(salary) AS avg_salary
FROM employees
GROUP BY department
HAVING COUNT(salary) >= 2 AND AVG(salary) >= 50000;
