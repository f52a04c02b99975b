-- expect: failed
-- Counting joined rows counts purchases, not converted visits: the rate can pass 1.
SELECT v.campaign,
       COUNT(DISTINCT v.id) AS visits,
       COUNT(p.id) AS converted,
       COUNT(p.id) * 1.0 / COUNT(DISTINCT v.id) AS rate
FROM visits AS v
LEFT JOIN purchases AS p ON p.visit_id = v.id
GROUP BY v.campaign;
