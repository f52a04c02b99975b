-- expect: failed
-- SUM / COUNT on integers is integer division in SQLite: 50500.5 becomes 50500.
SELECT department, COUNT(*) AS staff, SUM(salary) / COUNT(salary) AS avg_salary
FROM employees
GROUP BY department
HAVING COUNT(*) >= 2 AND SUM(salary) / COUNT(salary) >= 50000;
