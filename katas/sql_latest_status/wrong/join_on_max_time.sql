-- expect: failed
-- Joining back on the latest time keeps every update that shares it: duplicates on ties.
SELECT s.user_id, s.status, s.updated_at
FROM status_updates AS s
JOIN (
    SELECT user_id, MAX(updated_at) AS updated_at FROM status_updates GROUP BY user_id
) AS l ON l.user_id = s.user_id AND l.updated_at = s.updated_at;
