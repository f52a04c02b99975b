-- expect: failed
SELECT user_id, status, updated_at
FROM (
    SELECT user_id, status, updated_at,
           ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY updated_at, id) AS n
    FROM status_updates
) AS ranked
WHERE n = 1;
