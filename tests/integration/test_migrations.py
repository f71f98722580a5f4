"""The migrations build exactly the models' schema, and go down and up again, on this engine."""

from __future__ import annotations

import secrets

import pytest

from loyalty.storage import migrate
from loyalty.storage.check import check
from loyalty.storage.database import Database


async def test_the_session_database_matches_the_models(app: object) -> None:
    db: Database = app.state.services.db  # type: ignore[attr-defined]
    assert await migrate.current_revision(db.engine) == migrate.head_revision()
    assert await migrate.schema_differences(db.engine) == []


async def test_migrations_go_down_to_base_and_up_again(database_url: str, tmp_path) -> None:
    if database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'updown.db'}"
        assert await check(url) == []
        return
    import asyncpg

    base = database_url.rsplit("/", 1)[0]
    name = f"loyalty_updown_{secrets.token_hex(3)}"
    admin = await asyncpg.connect(base + "/postgres")
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        assert await check(f"{base}/{name}") == []
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


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
