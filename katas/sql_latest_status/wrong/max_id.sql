-- expect: failed
-- The largest id is the last row imported, not the latest update.
SELECT s.user_id, s.status, s.updated_at
FROM status_updates AS s
WHERE s.id IN (SELECT MAX(id) FROM status_updates GROUP BY user_id);
