-- expect: failed
-- ORDER BY day alone: the default RANGE frame adds every transaction of the same day at once.
SELECT id, account, day, amount,
       SUM(amount) OVER (PARTITION BY account ORDER BY day) AS balance
FROM transactions
ORDER BY account, day, id;
