WITH levels AS (
    SELECT department, salary,
           ROW_NUMBER() OVER (PARTITION BY department ORDER BY salary DESC) AS place
    FROM (SELECT DISTINCT department, salary FROM employees)
)
SELECT e.department, e.name, e.salary
FROM employees AS e
JOIN levels AS l ON l.department = e.department AND l.salary = e.salary
WHERE l.place <= 2;
