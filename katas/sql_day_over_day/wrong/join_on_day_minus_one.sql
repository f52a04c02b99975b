-- expect: failed
-- Joining on day - 1 finds nothing after a missing day.
SELECT d.day, d.revenue, d.revenue - p.revenue AS change
FROM daily_revenue AS d
LEFT JOIN daily_revenue AS p ON p.day = d.day - 1
ORDER BY d.day;
