SELECT d.day, d.revenue,
       d.revenue - (
           SELECT p.revenue FROM daily_revenue AS p
           WHERE p.day < d.day ORDER BY p.day DESC LIMIT 1
       ) AS change
FROM daily_revenue AS d
ORDER BY d.day;
