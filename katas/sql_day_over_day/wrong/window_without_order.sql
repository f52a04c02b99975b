-- expect: failed
-- LAG over () follows whatever order SQLite reads the rows in, not the days.
SELECT day, revenue, revenue - LAG(revenue) OVER () AS change
FROM (SELECT * FROM daily_revenue ORDER BY revenue)
ORDER BY day;
