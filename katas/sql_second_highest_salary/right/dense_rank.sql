SELECT MAX(salary) AS second_highest
FROM (
    SELECT salary, DENSE_RANK() OVER (ORDER BY salary DESC) AS place FROM employees
)
WHERE place = 2;
