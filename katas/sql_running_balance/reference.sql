SELECT id, account, day, amount,
       SUM(amount) OVER (
           PARTITION BY account ORDER BY day, id
           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
       ) AS balance
FROM transactions
ORDER BY account, day, id;
