-- expect: failed
-- MAX(status) is the alphabetically last status, not the status of the latest row.
SELECT user_id, MAX(status) AS status, MAX(updated_at) AS updated_at
FROM status_updates
GROUP BY user_id;
