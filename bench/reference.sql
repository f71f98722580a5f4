-- The minimal transaction one logged event needs (bench reference, run by pgbench): update the
-- user's balance, insert a history line, upsert the user's daily counter. Every row is the
-- user's own, as the app's are: no row is shared among clients, so the reference is never slowed
-- by a lock the app does not wait for (the app shards its statistics rollups for that reason).
\set uid random(1, :maxuser)
BEGIN;
UPDATE ref_balances SET balance = balance + 10 WHERE user_id = :uid RETURNING balance;
INSERT INTO ref_history (user_id, event_id, points, ts) VALUES (:uid, 'purchase_completed', 10, now());
INSERT INTO ref_daily (user_id, day, event_id, n) VALUES (:uid, current_date, 'purchase_completed', 1)
  ON CONFLICT (user_id, day, event_id) DO UPDATE SET n = ref_daily.n + 1;
COMMIT;
