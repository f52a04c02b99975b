-- expect: failed
-- Without PARTITION BY the ranking is over the whole company.
SELECT department, name, salary
FROM (
    SELECT department, name, salary,
           DENSE_RANK() OVER (ORDER BY salary DESC) AS place
    FROM employees
) AS ranked
WHERE place <= 2;
