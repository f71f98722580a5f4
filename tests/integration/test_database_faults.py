"""PostgreSQL going away under load: 503 in the dialect's envelope, then recovery without a restart.

The test runs its own throwaway PostgreSQL cluster (``initdb`` + ``pg_ctl`` on a free port), so
stopping it never disturbs the shared server other tests use.
"""

from __future__ import annotations

import asyncio
import glob
import os
import secrets
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from loyalty.app.ledger import ledger
from loyalty.app.tenancy.credentials import create_api_key
from loyalty.app.tenancy.tenants import create_tenant
from loyalty.storage.database import Database
from loyalty.storage.store import SqlStores
from loyalty.storage.tables import idempotency_keys
from tests.support import LiveProcess, free_port

pytestmark = pytest.mark.postgres_only  # needs the PostgreSQL server binaries (CI's PostgreSQL run)

CLIENTS = 8
UNAVAILABLE = {
    "statusCode": 503,
    "message": "the database is unavailable; retry later",
    "data": {"code": "unavailable", "field": None},
}


def pg_bin() -> str:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    if found:
        return os.path.dirname(found[-1])
    pg_ctl = shutil.which("pg_ctl")
    assert pg_ctl, "PostgreSQL server binaries (initdb, pg_ctl) are needed"
    return os.path.dirname(pg_ctl)


class Cluster:
    """A PostgreSQL cluster of the test's own in a temporary directory (trust auth, no fsync)."""

    def __init__(self) -> None:
        self.dir = tempfile.mkdtemp(prefix="loyalty-pg-")
        self.port = free_port()
        self.bin = pg_bin()
        self.as_postgres = os.geteuid() == 0  # initdb refuses to run as root
        if self.as_postgres:
            shutil.chown(self.dir, "postgres")
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, tool: str, *args: str) -> None:
        cmd = [os.path.join(self.bin, tool), *args]
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr.decode()[-2000:]

    def init(self) -> None:
        self._run(
            "initdb", "-D", f"{self.dir}/data", "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run("pg_ctl", "-D", f"{self.dir}/data", "-o", options, "-l", f"{self.dir}/log", "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", f"{self.dir}/data", "-m", "fast", "-w", "stop")

    def destroy(self) -> None:
        if os.path.exists(f"{self.dir}/data/postmaster.pid"):
            self._run("pg_ctl", "-D", f"{self.dir}/data", "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    c = Cluster()
    try:
        c.init()
        c.start()
        yield c
    finally:
        c.destroy()


@dataclass
class Answer:
    started: float
    finished: float
    key: str
    status: int
    body: Any
    retry_after: str | None


@dataclass
class Run:
    answers: list[Answer] = field(default_factory=list)
    stop: bool = False


async def admin_key(url: str) -> str:
    db = Database(url)
    try:
        now = int(time.time() * 1000)
        tenant_id = await create_tenant(
            db.stores, f"t{secrets.token_hex(4)}", jwt_secret=secrets.token_urlsafe(32), now=now
        )
        async with db.stores.write() as store:
            key = await create_api_key(
                store, tenant_id=tenant_id, key_id="admin", name="admin", role="admin", now=now
            )
        return key.key
    finally:
        await db.dispose()


async def readyz(base: str) -> httpx.Response:
    # A new connection: the setup client's keep-alive one may have idled past the server's timeout.
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        return await http.get("/readyz")


async def wait_for(predicate: Any, within_s: float) -> None:
    deadline = time.monotonic() + within_s
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def test_postgresql_going_away_answers_503_and_recovers_without_a_restart(cluster: Cluster) -> None:
    server = LiveProcess(
        cluster.url, {"LOYALTY_DB_TIMEOUT_SECONDS": "3", "LOYALTY_CONFIG_CACHE_SECONDS": "2"}
    )
    await asyncio.to_thread(server.start)
    try:
        headers = {"X-API-Key": await admin_key(cluster.url)}
        run = Run()
        async with httpx.AsyncClient(base_url=server.base, timeout=30) as http:
            r = await http.put(
                "/v1/admin/events/visit",
                json={"eventId": "visit", "title": "Visit", "reward": {"default": 1}},
                headers=headers,
            )
            assert r.status_code == 200, r.text
            for n in range(CLIENTS):
                r = await http.post("/v1/user", json={"userId": f"u{n}"}, headers=headers)
                assert r.status_code == 201, r.text

            async def client(n: int) -> None:
                i = 0
                async with httpx.AsyncClient(base_url=server.base, timeout=30) as c:
                    while not run.stop:
                        i += 1
                        key = f"c{n}-{i}"
                        started = time.monotonic()
                        r = await c.post(
                            "/v1/event",
                            json={"eventId": "visit", "userId": f"u{n}"},
                            headers={**headers, "Idempotency-Key": key},
                        )
                        run.answers.append(
                            Answer(
                                started,
                                time.monotonic(),
                                key,
                                r.status_code,
                                r.json(),
                                r.headers.get("retry-after"),
                            )
                        )

            def count(status: int, after: float = 0.0) -> int:
                return sum(1 for a in run.answers if a.status == status and a.started >= after)

            clients = [asyncio.create_task(client(n)) for n in range(CLIENTS)]
            try:
                await wait_for(lambda: count(200) >= 24, 60)
                await asyncio.to_thread(cluster.stop)
                stopped = time.monotonic()
                await wait_for(lambda: count(503, stopped) >= 24, 30)
                ready_down = await readyz(server.base)
                # Requests may succeed as soon as PostgreSQL accepts connections, before pg_ctl
                # returns: the "away" window ends when the restart begins.
                restarting = time.monotonic()
                await asyncio.to_thread(cluster.start)
                restarted = time.monotonic()
                await wait_for(lambda: count(200, restarted) >= 24, 30)
                ready_up = await readyz(server.base)
            finally:
                run.stop = True
                await asyncio.gather(*clients)
        assert server.proc is not None
        assert server.proc.poll() is None  # the same process throughout
    finally:
        await asyncio.to_thread(server.stop)

    assert {a.status for a in run.answers} <= {200, 503}
    down = [a for a in run.answers if stopped <= a.started and a.finished <= restarting]
    assert len(down) >= 24
    assert {a.status for a in down} == {503}
    failed = [a for a in run.answers if a.status == 503]
    assert all(a.body == UNAVAILABLE for a in failed)
    assert {a.retry_after for a in failed} == {"1"}
    assert max(a.finished - a.started for a in failed) < 5.0  # answered, not hung
    assert ready_down.status_code == 503
    assert ready_down.json() == {"status": "database unavailable"}
    assert ready_up.status_code == 200
    assert ready_up.json() == {"status": "ready"}
    recovery = min(a.finished for a in run.answers if a.status == 200 and a.started >= restarted) - restarted
    assert recovery < 10.0

    # Every acknowledged request is stored; the ledger and the balances agree.
    acked = {a.key for a in run.answers if a.status == 200}
    db = Database(cluster.url)
    try:
        async with db.read() as conn:
            stored = {str(k) for (k,) in (await conn.execute(select(idempotency_keys.c.key))).all()}
            count_all = (await conn.execute(select(func.count()).select_from(idempotency_keys))).scalar_one()
        assert acked <= stored
        assert count_all <= len(run.answers)
        assert await ledger.verify(SqlStores(db)) == []
    finally:
        await db.dispose()
    print(
        f"database faults: {len(run.answers)} requests, {len(acked)} answered 200,"
        f" {len(failed)} answered 503 (slowest {max(a.finished - a.started for a in failed):.2f}s),"
        f" 2xx again {recovery:.2f}s after PostgreSQL was back"
    )
