-- The `scale` scenario's store: :users users of tenant :tenant, each with 10 ledger lines, a
-- balance that matches them, and 10 history entries (10 million of each for 1 million users),
-- spread over the last 100 days. Run by bench/harness.py with psql variables tenant, users, now.
INSERT INTO users (tenant_id, external_id, profile, created_at)
SELECT :tenant, 'u' || g, '{}', :now - 100 * 86400000::bigint FROM generate_series(1, :users) g;

INSERT INTO ledger_entries (tenant_id, user_pk, metric, kind, amount, remaining, source, reference,
                            description, balance_after, created_at)
SELECT :tenant, u.id, 'points', 'credit', 10, 10, 'event', NULL, 'Purchase completed', 10 * k,
       :now - (100 - 10 * k) * 86400000::bigint
FROM users u CROSS JOIN generate_series(1, 10) k WHERE u.tenant_id = :tenant;

INSERT INTO balances (user_pk, metric, tenant_id, balance, lifetime_earned, updated_at)
SELECT u.id, 'points', :tenant, 100, 100, :now FROM users u WHERE u.tenant_id = :tenant;

INSERT INTO history_entries (tenant_id, user_pk, entry_id, type, ref_id, points, ts, date_key, title,
                             details)
SELECT :tenant, u.id, 'EVENT#purchase_completed#' || k, 'EVENT', 'purchase_completed', 10,
       :now - (100 - 10 * k) * 86400000::bigint,
       to_char(to_timestamp((:now - (100 - 10 * k) * 86400000::bigint) / 1000), 'YYYY-MM-DD'),
       '{"en": "Purchase completed"}', '{"conditionReached": true, "limitReached": false}'
FROM users u CROSS JOIN generate_series(1, 10) k WHERE u.tenant_id = :tenant;

VACUUM ANALYZE users;
VACUUM ANALYZE ledger_entries;
VACUUM ANALYZE balances;
VACUUM ANALYZE history_entries;

-- Write the filled store to disk now: otherwise the checkpoint after these 20 million rows (and
-- their hint bits set by the vacuum) flushes gigabytes while the measured run goes on.
CHECKPOINT;
