-- expect: failed
-- RANK skips places after a tie: with two people at the top, the second salary is 3rd.
SELECT department, name, salary
FROM (
    SELECT department, name, salary,
           RANK() OVER (PARTITION BY department ORDER BY salary DESC) AS place
    FROM employees
) AS ranked
WHERE place <= 2;
