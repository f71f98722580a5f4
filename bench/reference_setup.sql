DROP TABLE IF EXISTS ref_balances, ref_history, ref_daily;
CREATE TABLE ref_balances (user_id int PRIMARY KEY, balance bigint NOT NULL);
CREATE TABLE ref_history (id bigserial PRIMARY KEY, user_id int NOT NULL, event_id text NOT NULL,
                          points bigint NOT NULL, ts timestamptz NOT NULL);
CREATE INDEX ON ref_history (user_id, ts);
-- The user's daily counter (as the app's limit counter, keyed by the user first).
CREATE TABLE ref_daily (user_id int, day date, event_id text, n bigint NOT NULL,
                        PRIMARY KEY (user_id, day, event_id));
INSERT INTO ref_balances SELECT g, 0 FROM generate_series(1, :maxuser) g;
