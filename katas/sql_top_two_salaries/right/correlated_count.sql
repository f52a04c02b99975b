SELECT e.department, e.name, e.salary
FROM employees AS e
WHERE (
    SELECT COUNT(DISTINCT higher.salary)
    FROM employees AS higher
    WHERE higher.department = e.department AND higher.salary > e.salary
) < 2;
