"""Test harness: one database per session (SQLite file or a fresh PostgreSQL database), the app
served in-process over HTTP semantics (httpx ASGI transport), a fresh tenant per test, and a clock
tests can move. ``LOYALTY_TEST_DATABASE_URL=postgresql://…`` runs the same suite on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from tests.support import TEST_RECEIVERS, Clock, TenantHandle, make_tenant, pg_admin_url, start_live_server


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    url = os.environ.get("LOYALTY_TEST_DATABASE_URL", "")
    required = os.environ.get("LOYALTY_REQUIRE_POSTGRES") == "1"
    if url.startswith("postgres") or required:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set LOYALTY_TEST_DATABASE_URL (CI runs these)")
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = os.environ.get("LOYALTY_TEST_DATABASE_URL")
    if not base:
        path: Path = tmp_path_factory.mktemp("db") / "loyalty-test.db"
        yield f"sqlite:///{path}"
        return
    import asyncpg

    name = f"loyalty_test_{secrets.token_hex(4)}"
    admin = pg_admin_url(base)

    async def run(sql: str) -> None:
        conn = await asyncpg.connect(admin)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(run(f'CREATE DATABASE "{name}"'))
    yield base.rsplit("/", 1)[0] + "/" + name
    asyncio.run(run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def clock() -> Clock:
    return Clock()


@pytest.fixture(autouse=True)
def _reset_clock(clock: Clock) -> Iterator[None]:
    yield
    clock.reset()


@pytest.fixture(scope="session")
async def app(database_url: str, clock: Clock) -> AsyncIterator[object]:
    from loyalty.api.app import create_app
    from loyalty.settings import Settings

    settings = Settings(
        database_url=database_url,
        config_cache_seconds=0.0,
        max_body_bytes=64 * 1024,
        delivery_in_process=False,  # tests drive webhook delivery themselves, on the test clock
        webhook_allowed_destinations=TEST_RECEIVERS,
        # Every test signs in from the same address in the same minute of the test clock; the
        # per-account limit (a new tenant per test) is the one the tests check.
        dashboard_signin_per_address_per_minute=1_000_000,
        # Cheap staff password hashes: the tests sign in hundreds of times on a small machine.
        password_hash_time_cost=1,
        password_hash_memory_kib=1024,
    )
    application = create_app(settings, clock=clock)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture(scope="session")
async def client(app: object) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
async def tenant(app: object, client: httpx.AsyncClient) -> TenantHandle:
    return await make_tenant(app, client)


@pytest.fixture
async def other_tenant(app: object, client: httpx.AsyncClient) -> TenantHandle:
    return await make_tenant(app, client)


@pytest.fixture(scope="session")
def live_server(database_url: str, app: object) -> Iterator[str]:
    """A real ``loyalty serve`` process on the same database, for concurrency over real sockets."""
    with start_live_server(database_url, workers=1) as base_url:
        yield base_url


@pytest.fixture
def now_ms() -> int:
    return time.time_ns() // 1_000_000
