SELECT day, revenue, revenue - LAG(revenue) OVER (ORDER BY day) AS change
FROM daily_revenue
ORDER BY day;
