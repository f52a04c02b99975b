-- expect: failed
-- Without ORDER BY in the window, every row gets the account's final balance.
SELECT id, account, day, amount,
       SUM(amount) OVER (PARTITION BY account) AS balance
FROM transactions
ORDER BY account, day, id;
