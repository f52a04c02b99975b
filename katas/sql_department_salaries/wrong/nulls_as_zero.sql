-- expect: failed
-- Dividing by COUNT(*) counts unknown salaries as 0.
SELECT department, COUNT(*) AS staff, SUM(salary) * 1.0 / COUNT(*) AS avg_salary
FROM employees
GROUP BY department
HAVING COUNT(*) >= 2 AND SUM(salary) * 1.0 / COUNT(*) >= 50000;
