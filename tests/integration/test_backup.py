"""Backups taken while the server writes: the restored store passes ``loyalty ledger verify`` and
holds every write acknowledged before the backup started. SQLite with ``loyalty backup`` /
``restore``; PostgreSQL with pg_dump / pg_restore, as docs/operations.md says."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from loyalty.app.tenancy.credentials import mint_token
from tests.support import pg_admin_url, start_live_server

SRC = str(Path(__file__).resolve().parents[2] / "src")
VISIT = {"eventId": "visit", "title": "Visit", "status": "ACTIVE", "type": "FIXED", "reward": {"default": 5}}
BEFORE = 40
"""Writes acknowledged before the backup starts."""
AFTER = 20
"""Writes acknowledged after it ends (the server kept writing all along)."""


def loyalty(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC, "LOYALTY_DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "loyalty", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


class Writer:
    """Logs a visit for a new user u0, u1, … in a loop; ``acked`` lists the users answered 200."""

    def __init__(self, base: str, tenant: str, secret: str) -> None:
        token = mint_token(
            secret, tenant=tenant, sub="backoffice", now_s=0, ttl_s=10**10, scope="loyalty:manage"
        )
        self.base, self.headers = base, {"Authorization": f"Bearer {token}"}
        self.acked: list[int] = []
        self.stop = threading.Event()
        self.reached = threading.Event()
        self.wanted = BEFORE
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=30) as http:
            i = 0
            while not self.stop.is_set():
                r = http.post("/v1/event", json={"eventId": "visit", "userId": f"u{i}"}, headers=self.headers)
                assert r.status_code == 200, r.text
                self.acked.append(i)
                if len(self.acked) >= self.wanted:
                    self.reached.set()
                i += 1

    def until(self, count: int) -> None:
        self.wanted = count
        self.reached.clear()
        if len(self.acked) < count:
            assert self.reached.wait(timeout=120), "the writer stalled"


@contextmanager
def writing(base: str, tenant: str, secret: str, admin_key: str) -> Iterator[Writer]:
    with httpx.Client(base_url=base, headers={"X-API-Key": admin_key}) as http:
        assert http.put("/v1/admin/events/visit", json=VISIT).status_code == 200
        assert http.put("/v1/admin/settings/tenant", json={"autoCreateUsers": True}).status_code == 200
    writer = Writer(base, tenant, secret)
    writer.thread.start()
    try:
        writer.until(BEFORE)
        yield writer
    finally:
        writer.stop.set()
        writer.thread.join(timeout=60)


def create_tenant(database_url: str, name: str) -> tuple[str, str]:
    secret = secrets.token_urlsafe(32)
    created = loyalty("tenant", "create", name, "--jwt-secret", secret, database_url=database_url)
    assert created.returncode == 0, created.stderr
    return secret, json.loads(created.stdout)["adminKey"]


def test_a_sqlite_backup_taken_while_writing_restores_every_acknowledged_write(tmp_path: Path) -> None:
    live = f"sqlite:///{tmp_path / 'live.db'}"
    secret, key = create_tenant(live, "shop")
    with start_live_server(live) as base, writing(base, "shop", secret, key) as writer:
        started = len(writer.acked)
        taken = loyalty("backup", str(tmp_path / "backup.db"), database_url=live)
        assert taken.returncode == 0, taken.stderr
        writer.until(started + AFTER)
    restored = f"sqlite:///{tmp_path / 'restored.db'}"
    put_back = loyalty("restore", str(tmp_path / "backup.db"), database_url=restored)
    assert put_back.returncode == 0, put_back.stderr
    verified = loyalty("ledger", "verify", database_url=restored)
    assert (verified.returncode, verified.stdout.strip()) == (
        0,
        "ledger verified: every balance equals the sum of its ledger",
    )
    with sqlite3.connect(tmp_path / "restored.db") as db:
        balances = dict(
            db.execute(
                "SELECT u.external_id, b.balance FROM users u JOIN balances b ON b.user_pk = u.id"
            ).fetchall()
        )
    for i in writer.acked[:started]:
        assert balances.get(f"u{i}") == 5, f"u{i} was acknowledged before the backup and is missing"
    # The backup is one snapshot: every restored user has the whole of their one visit.
    assert set(balances.values()) == {5}
    assert len(balances) <= len(writer.acked)


@pytest.mark.postgres_only
def test_a_pg_dump_taken_while_writing_restores_every_acknowledged_write(
    database_url: str, tmp_path: Path
) -> None:
    import asyncpg

    name = f"bk{secrets.token_hex(4)}"
    secret, key = create_tenant(database_url, name)
    dump = tmp_path / "loyalty.dump"
    with start_live_server(database_url) as base, writing(base, name, secret, key) as writer:
        started = len(writer.acked)
        subprocess.run(
            ["pg_dump", "--format=custom", f"--file={dump}", database_url], check=True, timeout=300
        )
        writer.until(started + AFTER)
    target = f"loyalty_restore_{secrets.token_hex(4)}"
    admin = pg_admin_url(database_url)

    async def sql(url: str, statement: str) -> list[asyncpg.Record]:
        conn = await asyncpg.connect(url)
        try:
            return await conn.fetch(statement)
        finally:
            await conn.close()

    asyncio.run(sql(admin, f'CREATE DATABASE "{target}"'))
    restored = database_url.rsplit("/", 1)[0] + "/" + target
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={restored}", str(dump)], check=True, timeout=300
        )
        verified = loyalty("ledger", "verify", "--tenant", name, database_url=restored)
        assert (verified.returncode, verified.stdout.strip()) == (
            0,
            "ledger verified: every balance equals the sum of its ledger",
        )
        rows = asyncio.run(
            sql(
                restored,
                "SELECT u.external_id, b.balance FROM users u JOIN balances b ON b.user_pk = u.id "
                f"JOIN tenants t ON t.id = u.tenant_id WHERE t.name = '{name}'",
            )
        )
        balances = {r["external_id"]: r["balance"] for r in rows}
        for i in writer.acked[:started]:
            assert balances.get(f"u{i}") == 5, f"u{i} was acknowledged before the dump and is missing"
        assert set(balances.values()) == {5}
    finally:
        asyncio.run(sql(admin, f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)'))


def test_backup_and_restore_refuse_to_overwrite_and_to_take_what_is_not_a_store(tmp_path: Path) -> None:
    live = f"sqlite:///{tmp_path / 'live.db'}"
    create_tenant(live, "shop")
    (tmp_path / "taken.db").write_text("keep me")
    refused = loyalty("backup", str(tmp_path / "taken.db"), database_url=live)
    assert (refused.returncode, refused.stderr.splitlines()[-1]) == (
        1,
        f"error: {tmp_path / 'taken.db'} exists: choose another name, or pass --force to replace it",
    )
    assert (tmp_path / "taken.db").read_text() == "keep me"
    not_a_store = loyalty(
        "restore", str(tmp_path / "taken.db"), database_url=f"sqlite:///{tmp_path / 'new.db'}"
    )
    assert not_a_store.returncode == 1
    assert "not a readable SQLite database" in not_a_store.stderr
    assert loyalty("backup", str(tmp_path / "b.db"), database_url=live).returncode == 0
    occupied = loyalty("restore", str(tmp_path / "b.db"), database_url=live)
    assert (occupied.returncode, occupied.stderr.splitlines()[-1]) == (
        1,
        f"error: the store {tmp_path / 'live.db'} exists: stop the server, then pass --force to replace it",
    )
    forced = loyalty("restore", str(tmp_path / "b.db"), "--force", database_url=live)
    assert forced.returncode == 0, forced.stderr
    listed = loyalty("tenant", "list", database_url=live)
    assert listed.stdout.splitlines()[1].split()[0] == "shop"


def test_backup_points_postgresql_users_to_pg_dump(tmp_path: Path) -> None:
    result = loyalty("backup", str(tmp_path / "b.db"), database_url="postgresql://loyalty@db.example/loyalty")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "error: postgresql://loyalty@db.example/loyalty is PostgreSQL: back it up with pg_dump "
        "(or base backups and WAL archiving), see docs/operations.md#backup-and-restore"
    )
