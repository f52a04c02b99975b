-- expect: failed
-- Ids are not in time order: a back-dated transaction (small day, large id) comes too late.
SELECT id, account, day, amount,
       SUM(amount) OVER (PARTITION BY account ORDER BY id) AS balance
FROM transactions
ORDER BY account, day, id;
