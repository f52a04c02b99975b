SELECT user_id, status, updated_at
FROM (
    SELECT user_id, status, updated_at,
           ROW_NUMBER() OVER (
               PARTITION BY user_id ORDER BY updated_at DESC, id DESC
           ) AS newest_first
    FROM status_updates
) AS ranked
WHERE newest_first = 1;
