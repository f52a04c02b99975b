-- expect: failed
-- ROW_NUMBER breaks ties arbitrarily: one of two equal top earners is dropped.
SELECT department, name, salary
FROM (
    SELECT department, name, salary,
           ROW_NUMBER() OVER (PARTITION BY department ORDER BY salary DESC) AS place
    FROM employees
) AS ranked
WHERE place <= 2;
