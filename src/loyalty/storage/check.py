"""Migrations check: upgrade to head, compare with the models, downgrade to base, upgrade again.

``python -m loyalty.storage.check URL [--fresh-database]``; exits 1 on any difference.
With ``--fresh-database`` (PostgreSQL) the check runs in a new database that is dropped afterwards.
"""

from __future__ import annotations

import asyncio
import secrets
import sys

from loyalty.storage import migrate
from loyalty.storage.database import Database


async def check(url: str) -> list[str]:
    problems: list[str] = []
    db = Database(url)
    try:
        await migrate.upgrade(db.engine, url)
        diff = await migrate.schema_differences(db.engine)
        if diff:
            problems.append(f"models and migrations differ after upgrade: {diff}")
        await migrate.downgrade(db.engine, url, "base")
        if await migrate.current_revision(db.engine) is not None:
            problems.append("downgrade to base left a revision behind")
        await migrate.upgrade(db.engine, url)
        if await migrate.current_revision(db.engine) != migrate.head_revision():
            problems.append("second upgrade did not reach head")
        diff = await migrate.schema_differences(db.engine)
        if diff:
            problems.append(f"models and migrations differ after down-and-up: {diff}")
    finally:
        await db.dispose()
    return problems


async def _with_fresh_pg(url: str) -> list[str]:
    import asyncpg

    base, _, _ = url.rpartition("/")
    name = f"loyalty_check_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(base + "/postgres")
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            return await check(f"{base}/{name}")
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    url = argv[0]
    fresh = "--fresh-database" in argv[1:]
    problems = asyncio.run(_with_fresh_pg(url) if fresh else check(url))
    for problem in problems:
        print("FAIL:", problem)
    if not problems:
        print(f"migrations check passed on {url.split(':', 1)[0]} (head {migrate.head_revision()})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
