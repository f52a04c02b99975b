SELECT v.campaign,
       COUNT(*) AS visits,
       SUM(EXISTS (SELECT 1 FROM purchases AS p WHERE p.visit_id = v.id)) AS converted,
       AVG(EXISTS (SELECT 1 FROM purchases AS p WHERE p.visit_id = v.id)) AS rate
FROM visits AS v
GROUP BY v.campaign;
