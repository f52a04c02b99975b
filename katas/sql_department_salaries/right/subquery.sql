SELECT department, staff, avg_salary
FROM (
    SELECT department,
           COUNT(id) AS staff,
           SUM(salary) * 1.0 / COUNT(salary) AS avg_salary
    FROM employees
    GROUP BY department
) AS per_department
WHERE staff >= 2 AND avg_salary >= 50000;
