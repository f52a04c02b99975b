-- expect: failed
SELECT department, name, salary
FROM (
    SELECT department, name, salary,
           DENSE_RANK() OVER (PARTITION BY department ORDER BY salary) AS place
    FROM employees
) AS ranked
WHERE place <= 2;
