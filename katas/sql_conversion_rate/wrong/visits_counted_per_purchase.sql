-- expect: failed
-- COUNT(*) after the join counts a visit once per purchase.
SELECT v.campaign,
       COUNT(*) AS visits,
       COUNT(DISTINCT p.visit_id) AS converted,
       COUNT(DISTINCT p.visit_id) * 1.0 / COUNT(*) AS rate
FROM visits AS v
LEFT JOIN purchases AS p ON p.visit_id = v.id
GROUP BY v.campaign;
