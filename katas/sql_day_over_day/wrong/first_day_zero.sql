-- expect: failed
-- The first day has no previous day: its change is unknown (NULL), not 0.
SELECT day, revenue, revenue - LAG(revenue, 1, revenue) OVER (ORDER BY day) AS change
FROM daily_revenue
ORDER BY day;
