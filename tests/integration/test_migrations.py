"""The migrations build exactly the models' schema, and go down and up again, on this engine."""

from __future__ import annotations

import contextlib
import json
import secrets
import sqlite3
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from loyalty.storage import migrate
from loyalty.storage.check import check
from loyalty.storage.database import SQLITE_PAGE_SIZE, Database


async def test_the_session_database_matches_the_models(app: object) -> None:
    db: Database = app.state.runtime.database  # type: ignore[attr-defined]
    assert await migrate.current_revision(db.engine) == migrate.head_revision()
    assert await migrate.schema_differences(db.engine) == []


@contextlib.asynccontextmanager
async def _scratch_url(database_url: str, tmp_path) -> AsyncIterator[str]:
    """A new empty database on the session's engine, dropped afterwards."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'scratch.db'}"
        return
    import asyncpg

    base = database_url.rsplit("/", 1)[0]
    name = f"loyalty_scratch_{secrets.token_hex(3)}"
    admin = await asyncpg.connect(base + "/postgres")
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield f"{base}/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def test_migrations_go_down_to_base_and_up_again(database_url: str, tmp_path) -> None:
    async with _scratch_url(database_url, tmp_path) as url:
        assert await check(url) == []


async def test_rekeying_the_leaderboard_scores_keeps_every_score(database_url: str, tmp_path) -> None:
    """0011 keys the scores by user first (and back on downgrade); the rows are carried over."""
    rows = [
        (1, "board", "all", 7, 30, 1000),
        (1, "board", "w:2026-W48", 7, 10, 1001),
        (1, "other", "all", 7, 5, 1002),
        (1, "board", "all", 8, 30, 999),
    ]
    select = (
        "SELECT tenant_id, leaderboard_id, bucket, user_pk, score, updated_at FROM leaderboard_scores "
        "ORDER BY user_pk, leaderboard_id, bucket"
    )
    async with _scratch_url(database_url, tmp_path) as url:
        db = Database(url)
        try:
            await migrate.upgrade(db.engine, url, "0010")
            async with db.engine.begin() as conn:
                for row in rows:
                    await conn.execute(
                        text("INSERT INTO leaderboard_scores VALUES (:t, :lb, :b, :u, :s, :at)"),
                        dict(zip(("t", "lb", "b", "u", "s", "at"), row, strict=True)),
                    )
            expected = sorted(rows, key=lambda r: (r[3], r[1], r[2]))
            await migrate.upgrade(db.engine, url)
            async with db.engine.connect() as conn:
                assert [tuple(r) for r in await conn.execute(text(select))] == expected
                same_key = "INSERT INTO leaderboard_scores VALUES (2, 'board', 'all', 7, 1, 1)"
                with pytest.raises(IntegrityError):  # the new key: one row per user, board and bucket
                    await conn.execute(text(same_key))
            await migrate.downgrade(db.engine, url, "0010")
            async with db.engine.connect() as conn:
                assert [tuple(r) for r in await conn.execute(text(select))] == expected
        finally:
            await db.dispose()


async def test_read_markers_start_after_existing_event_credits_and_old_coupons_get_an_end(
    database_url: str, tmp_path
) -> None:
    """0014: users read every event credit from before it (those notified by stored rows, if at
    all); a coupon without an end gets the default 365 days from its issue."""
    line = (
        "INSERT INTO ledger_entries (tenant_id, user_pk, metric, kind, amount, source, balance_after, "
        "created_at) VALUES (1, :user, 'points', 'credit', 5, :source, 5, :at)"
    )
    coupon = (
        "INSERT INTO coupons (tenant_id, user_pk, code, valid_until, metadata, created_at) "
        "VALUES (1, 7, :code, :until, '{}', 1000)"
    )
    async with _scratch_url(database_url, tmp_path) as url:
        db = Database(url)
        try:
            await migrate.upgrade(db.engine, url, "0011")
            async with db.engine.begin() as conn:
                for user, source, at in [
                    (7, "event", 100),
                    (7, "event", 200),
                    (7, "manual", 300),
                    (8, "manual", 50),
                ]:
                    await conn.execute(text(line), {"user": user, "source": source, "at": at})
                await conn.execute(text(coupon), {"code": "A", "until": None})
                await conn.execute(text(coupon), {"code": "B", "until": 5000})
            await migrate.upgrade(db.engine, url)
            async with db.engine.connect() as conn:
                markers = await conn.execute(
                    text("SELECT user_pk, ledger_id, ledger_ts FROM notification_read_markers")
                )
                assert [tuple(r) for r in markers] == [(7, 2, 200)]
                ends = await conn.execute(text("SELECT code, valid_until FROM coupons ORDER BY code"))
                assert [tuple(r) for r in ends] == [("A", 1000 + 365 * 86_400_000), ("B", 5000)]
        finally:
            await db.dispose()


async def test_the_check_sees_how_an_sqlite_table_is_stored(database_url: str, tmp_path) -> None:
    """Alembic's comparison ignores WITHOUT ROWID; the check does not."""
    if not database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL has no rowid tables")
    url = f"sqlite:///{tmp_path / 'rowid.db'}"
    db = Database(url)
    try:
        await migrate.upgrade(db.engine, url)
        assert await migrate.schema_differences(db.engine) == []
        async with db.engine.begin() as conn:  # stats_user_periods rebuilt as a rowid table
            sql = (
                await conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'stats_user_periods'")
            ).scalar_one()
            await conn.exec_driver_sql("DROP TABLE stats_user_periods")
            await conn.exec_driver_sql(sql.rstrip().removesuffix("WITHOUT ROWID"))
        assert await migrate.schema_differences(db.engine) == [
            ("sqlite_with_rowid", "stats_user_periods", False)
        ]
    finally:
        await db.dispose()


async def test_a_new_sqlite_database_gets_small_pages_and_an_old_one_keeps_its_own(tmp_path) -> None:
    fresh, old = tmp_path / "fresh.db", tmp_path / "old.db"
    created = sqlite3.connect(old)
    created.execute("CREATE TABLE before_this_release (id INTEGER PRIMARY KEY)")  # 4 KiB pages
    created.close()
    for path in (fresh, old):
        db = Database(f"sqlite:///{path}")
        try:
            async with db.write() as conn:
                await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY)"))
        finally:
            await db.dispose()
    sizes = {}
    for path in (fresh, old):
        check = sqlite3.connect(path)
        sizes[path.name] = check.execute("PRAGMA page_size").fetchone()[0]
        check.close()
    assert sizes == {"fresh.db": SQLITE_PAGE_SIZE, "old.db": 4096}
    assert SQLITE_PAGE_SIZE == 2048


async def test_existing_webhooks_keep_their_signature_format_and_queued_messages_learn_their_user(
    database_url: str, tmp_path
) -> None:
    """0013: webhooks made before the Standard Webhooks format keep ``loyalty-v1``; queued messages
    get ``user_id`` from their body so a user's deletion finds them. Downgrade takes both back."""
    hook = json.dumps(
        {"id": "crm", "url": "https://crm.example.com/h", "eventTypes": ["user.deleted"], "secret": "x" * 16}
    )
    message = (
        '{"id":"whd_1","type":"user.deleted","tenant":"acme","createdAt":1,"data":{"userId":"user_123"}}'
    )
    async with _scratch_url(database_url, tmp_path) as url:
        db = Database(url)
        try:
            await migrate.upgrade(db.engine, url, "0011")
            async with db.engine.begin() as conn:
                await conn.execute(
                    text("INSERT INTO tenants (id, name, settings, created_at) VALUES (1, 'acme', '{}', 1)")
                )
                await conn.execute(
                    text(
                        "INSERT INTO config_items (tenant_id, kind, item_id, body, version, updated_at) "
                        "VALUES (1, 'webhooks', 'crm', :body, 1, 1)"
                    ),
                    {"body": hook},
                )
                await conn.execute(
                    text(
                        "INSERT INTO webhook_outbox (delivery_id, tenant_id, webhook_id, event_type, body, "
                        "status, attempts, next_attempt_at, retry_until, created_at) "
                        "VALUES ('whd_1', 1, 'crm', 'user.deleted', :body, 'pending', 0, 1, 2, 1)"
                    ),
                    {"body": message},
                )
            await migrate.upgrade(db.engine, url)
            async with db.engine.connect() as conn:
                body = (await conn.execute(text("SELECT body FROM config_items"))).scalar_one()
                user = (await conn.execute(text("SELECT user_id FROM webhook_outbox"))).scalar_one()
            stored = json.loads(body) if isinstance(body, str) else body
            assert stored == {**json.loads(hook), "signatureFormat": "loyalty-v1"}
            assert user == "user_123"
            await migrate.downgrade(db.engine, url, "0011")
            async with db.engine.connect() as conn:
                body = (await conn.execute(text("SELECT body FROM config_items"))).scalar_one()
            assert (json.loads(body) if isinstance(body, str) else body) == json.loads(hook)
        finally:
            await db.dispose()
