-- With (day, id) unique, the default RANGE frame has no peers: the same as ROWS.
SELECT id, account, day, amount,
       SUM(amount) OVER (PARTITION BY account ORDER BY day, id) AS balance
FROM transactions
ORDER BY account, day, id;
