-- expect: failed
-- Integer division: every rate below 1 becomes 0.
SELECT v.campaign,
       COUNT(DISTINCT v.id) AS visits,
       COUNT(DISTINCT p.visit_id) AS converted,
       COUNT(DISTINCT p.visit_id) / COUNT(DISTINCT v.id) AS rate
FROM visits AS v
LEFT JOIN purchases AS p ON p.visit_id = v.id
GROUP BY v.campaign;
