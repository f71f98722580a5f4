-- The minimal transaction one logged event needs (bench reference, run by pgbench):
-- update a balance, insert a history line, upsert a daily counter.
\set uid random(1, :maxuser)
BEGIN;
UPDATE ref_balances SET balance = balance + 10 WHERE user_id = :uid RETURNING balance;
INSERT INTO ref_history (user_id, event_id, points, ts) VALUES (:uid, 'purchase_completed', 10, now());
INSERT INTO ref_daily (day, event_id, n) VALUES (current_date, 'purchase_completed', 1)
  ON CONFLICT (day, event_id) DO UPDATE SET n = ref_daily.n + 1;
COMMIT;
