-- A key may hold for a window only (Open311 retries are keyed by their content): after expires_at the next
-- identical request takes the key over and files a new ticket. Null: the key holds until purged (Idempotency-Key).
alter table idempotency_key add column expires_at timestamptz;
