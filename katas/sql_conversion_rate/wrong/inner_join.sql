-- expect: failed
-- An inner join keeps only converted visits: every rate is 1, and campaigns without a sale vanish.
SELECT v.campaign,
       COUNT(DISTINCT v.id) AS visits,
       COUNT(DISTINCT p.visit_id) AS converted,
       COUNT(DISTINCT p.visit_id) * 1.0 / COUNT(DISTINCT v.id) AS rate
FROM visits AS v
JOIN purchases AS p ON p.visit_id = v.id
GROUP BY v.campaign;
