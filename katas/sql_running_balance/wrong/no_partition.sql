-- expect: failed
-- Without PARTITION BY the running total runs across all accounts.
SELECT id, account, day, amount,
       SUM(amount) OVER (ORDER BY account, day, id) AS balance
FROM transactions
ORDER BY account, day, id;
