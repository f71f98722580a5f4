"""Schema management: upgrade/downgrade with Alembic, and the models-vs-database check."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from loyalty.storage.schema import metadata

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url)
    cfg.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s")
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


async def upgrade(engine: AsyncEngine, url: str, revision: str = "head") -> None:
    async with engine.begin() as conn:
        await conn.run_sync(_upgrade_sync, url, revision)


async def downgrade(engine: AsyncEngine, url: str, revision: str) -> None:
    async with engine.begin() as conn:
        await conn.run_sync(_downgrade_sync, url, revision)


def _upgrade_sync(connection: Connection, url: str, revision: str) -> None:
    cfg = alembic_config(url)
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, revision)


def _downgrade_sync(connection: Connection, url: str, revision: str) -> None:
    cfg = alembic_config(url)
    cfg.attributes["connection"] = connection
    command.downgrade(cfg, revision)


async def current_revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        return await conn.run_sync(lambda c: MigrationContext.configure(c).get_current_revision())


async def schema_differences(engine: AsyncEngine) -> list[Any]:
    """What ``alembic revision --autogenerate`` would emit now; empty when models match the DB."""

    def _diff(connection: Connection) -> list[Any]:
        ctx = MigrationContext.configure(connection, opts={"compare_type": True})
        return [*compare_metadata(ctx, metadata), *_rowid_differences(connection)]

    async with engine.connect() as conn:
        return await conn.run_sync(_diff)


def _rowid_differences(connection: Connection) -> list[tuple[str, str, bool]]:
    """SQLite: ``("sqlite_with_rowid", table, what the model wants)`` for each table stored otherwise
    (Alembic's comparison does not look at how a table is stored)."""
    if connection.dialect.name != "sqlite":
        return []
    rows = connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
    without_rowid = {name: bool(_WITHOUT_ROWID.search(sql or "")) for name, sql in rows}
    return [
        ("sqlite_with_rowid", table.name, wanted)
        for table in metadata.sorted_tables
        if table.name in without_rowid
        and without_rowid[table.name] == (wanted := bool(table.dialect_options["sqlite"]["with_rowid"]))
    ]


_WITHOUT_ROWID = re.compile(r"\)\s*WITHOUT\s+ROWID\s*;?\s*$", re.IGNORECASE)
