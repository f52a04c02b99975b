SELECT t.id, t.account, t.day, t.amount, SUM(p.amount) AS balance
FROM transactions AS t
JOIN transactions AS p
  ON p.account = t.account
 AND (p.day < t.day OR (p.day = t.day AND p.id <= t.id))
GROUP BY t.id, t.account, t.day, t.amount
ORDER BY t.account, t.day, t.id;
