-- expect: failed
SELECT day, revenue, LAG(revenue) OVER (ORDER BY day) - revenue AS change
FROM daily_revenue
ORDER BY day;
