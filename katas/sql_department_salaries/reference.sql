SELECT department, COUNT(*) AS staff, AVG(salary) AS avg_salary
FROM employees
GROUP BY department
HAVING COUNT(*) >= 2 AND AVG(salary) >= 50000;
