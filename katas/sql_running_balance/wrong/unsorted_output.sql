-- expect: failed
-- The right balances, in the order of the ids.
SELECT id, account, day, amount,
       SUM(amount) OVER (PARTITION BY account ORDER BY day, id) AS balance
FROM transactions
ORDER BY id;
