"""Every statement of the event path addresses one user's rows by the user's key (docs/scaling.md):
what lets per-user tables be distributed by that key. The one exception is the statistics rollup,
whose rows are shared by design and sharded by ``user_pk % PG_SHARDS``."""

from __future__ import annotations

import re

from loyalty.storage.events import event_reversals, event_store
from loyalty.storage.stats import stats as stats_repo

SHARED_ROLLUP = {"r", "st"}
"""The statistics rollup: the daily rows of (tenant, day, event, shard)."""


def ctes(sql: str) -> dict[str, str]:
    """The statement's top-level WITH list, by name, and its final SELECT as ``main``."""
    assert sql.startswith("WITH ")
    out: dict[str, str] = {}
    i = len("WITH ")
    while True:
        match = re.compile(r"(\w+) AS \(").match(sql, i)
        assert match is not None, sql[i : i + 80]
        depth, j = 1, match.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(sql[j], 0)
            j += 1
        out[match.group(1)] = sql[match.end() : j - 1]
        if sql.startswith(", ", j):
            i = j + 2
            continue
        out["main"] = sql[j:].strip()
        return out


def test_the_snapshot_read_takes_one_user_and_only_that_users_rows() -> None:
    sql = event_store._read_sql(True, True, True, 2, True).source
    assert sql.endswith("FROM users u WHERE u.tenant_id = :tenant_id AND u.external_id = :external_id")
    subqueries = re.findall(r"FROM (\w+) (\w) WHERE ([^)]*)\)", sql)
    assert [table for table, _, _ in subqueries] == [
        "event_limit_counters",
        "challenge_progress",
        "streak_progress",
        "balances",
    ]
    for _, alias, where in subqueries:
        assert where.startswith(f"{alias}.user_pk = u.id"), where


def test_every_write_of_an_event_hangs_on_the_users_guard_and_key() -> None:
    parts = ctes(event_store._apply_sql(True, True, 2, 1, 4).source)
    guard = parts.pop("g")
    assert guard.startswith(
        "UPDATE users SET version = version + 1 WHERE id = CAST(:user_pk AS BIGINT) "
        "AND version = CAST(:version AS BIGINT)"
    )
    assert (
        parts.pop("main") == "SELECT (SELECT count(*) FROM g), (SELECT balance FROM b), (SELECT id FROM line)"
    )
    assert set(parts) == {"lim", "le", "h", "b", "line", "cp", "sp", "lb", "marked", "moved", *SHARED_ROLLUP}
    for name, body in parts.items():
        if name in SHARED_ROLLUP:
            continue
        assert body.startswith("INSERT INTO "), name
        # Each row's user is the guard's row (or the user key itself, for the line of ``b``).
        assert "g.id" in body or "CAST(:user_pk AS BIGINT)" in body, name
        assert re.search(r"FROM (g|b|marked m, g)\b", body), name


def test_the_shared_rollup_rows_are_the_users_shard() -> None:
    rollup = ctes(event_store._apply_sql(False, False, 0, 0, 0).source)["st"]
    assert rollup.startswith("INSERT INTO stats_event_daily")
    assert "CAST(:shard AS INTEGER)" in rollup
    assert (
        stats_repo.guarded_params(stats_repo.Hit(1, 4_000_003, "e", "2025-11-05", 9, 10, True, False))[
            "shard"
        ]
        == 4_000_003 % stats_repo.PG_SHARDS
    )


def test_every_write_of_a_reversal_addresses_the_users_rows() -> None:
    writes = [event_reversals._MARK_REVERSED, event_reversals._UNCOUNT, event_reversals._NEXT_VERSION]
    for statement in writes:
        where = statement.source.split(" WHERE ", 1)[1]
        assert re.search(r"\b(user_pk|id) = :user_pk\b", where), statement.source
    # the read finds the event by its id (the API's key) and locks that row only on PostgreSQL
    assert event_store.PostgresEventStore._read.source.endswith("FOR UPDATE OF l")
    assert "FOR UPDATE" not in event_store.SqliteEventStore._read.source
