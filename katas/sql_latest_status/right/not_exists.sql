SELECT s.user_id, s.status, s.updated_at
FROM status_updates AS s
WHERE NOT EXISTS (
    SELECT 1 FROM status_updates AS later
    WHERE later.user_id = s.user_id
      AND (later.updated_at > s.updated_at
           OR (later.updated_at = s.updated_at AND later.id > s.id))
);
