WITH latest AS (
    SELECT user_id, MAX(updated_at) AS updated_at
    FROM status_updates
    GROUP BY user_id
), chosen AS (
    SELECT s.user_id, MAX(s.id) AS id
    FROM status_updates AS s
    JOIN latest AS l ON l.user_id = s.user_id AND l.updated_at = s.updated_at
    GROUP BY s.user_id
)
SELECT s.user_id, s.status, s.updated_at
FROM status_updates AS s
JOIN chosen AS c ON c.id = s.id;
