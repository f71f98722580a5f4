"""Builders shared by the tests: tenants with credentials, tokens, a movable clock, live servers."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import httpx

from loyalty.app.tenancy.credentials import create_api_key, mint_token
from loyalty.app.tenancy.tenants import create_tenant

TEST_RECEIVERS = "127.0.0.1"
"""``LOYALTY_WEBHOOK_ALLOWED_DESTINATIONS`` of every test server, as an operator would set it: the
test webhook receivers (``tests/webhook_receiver.py``) listen on 127.0.0.1, which is refused by
default."""


class Clock:
    """Wall time plus an offset the test controls; ``reset()`` after every test."""

    def __init__(self) -> None:
        self.offset_ms = 0
        self.frozen: int | None = None

    def __call__(self) -> int:
        if self.frozen is not None:
            return self.frozen
        return time.time_ns() // 1_000_000 + self.offset_ms

    def set(self, ts_ms: int) -> None:
        self.frozen = ts_ms

    def advance(self, ms: int) -> None:
        if self.frozen is not None:
            self.frozen += ms
        else:
            self.offset_ms += ms

    def reset(self) -> None:
        self.offset_ms = 0
        self.frozen = None


@dataclass
class TenantHandle:
    name: str
    tenant_id: int
    secret: str
    admin_key: str
    client: httpx.AsyncClient

    @property
    def admin(self) -> dict[str, str]:
        return {"X-API-Key": self.admin_key}

    def token(self, sub: str, scope: str | None = None, ttl_s: int = 3600, **extra: Any) -> str:
        return mint_token(
            self.secret, tenant=self.name, sub=sub, now_s=int(time.time()), ttl_s=ttl_s, scope=scope
        )

    def user(self, sub: str, scope: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(sub, scope)}"}

    def manager(self) -> dict[str, str]:
        return self.user("backoffice", "loyalty:manage")

    async def put(self, kind: str, item_id: str, body: dict[str, Any]) -> httpx.Response:
        return await self.client.put(f"/v1/admin/{kind}/{item_id}", json=body, headers=self.admin)

    async def create_user(self, user_id: str) -> None:
        r = await self.client.post("/v1/user", json={"userId": user_id}, headers=self.admin)
        assert r.status_code == 201, r.text


async def make_tenant(app: Any, client: httpx.AsyncClient) -> TenantHandle:
    services = app.state.services
    name = f"t{secrets.token_hex(5)}"
    secret = secrets.token_urlsafe(32)
    now = services.now()
    tenant_id = await create_tenant(services.stores, name, jwt_secret=secret, now=now)
    async with services.stores.write() as store:
        key = await create_api_key(
            store, tenant_id=tenant_id, key_id="admin", name="admin", role="admin", now=now
        )
    return TenantHandle(name=name, tenant_id=tenant_id, secret=secret, admin_key=key.key, client=client)


def pg_admin_url(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://").rsplit("/", 1)[0] + "/postgres"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def start_live_server(
    database_url: str, *, workers: int = 1, extra_env: dict[str, str] | None = None
) -> Iterator[str]:
    port = free_port()
    src = str(Path(__file__).resolve().parent.parent / "src")
    env = {
        **os.environ,
        "PYTHONPATH": src,
        "LOYALTY_DATABASE_URL": database_url,
        "LOYALTY_CONFIG_CACHE_SECONDS": "0",
        "LOYALTY_DELIVERY_IN_PROCESS": "false",  # webhook tests drive delivery themselves
        "LOYALTY_WEBHOOK_ALLOWED_DESTINATIONS": TEST_RECEIVERS,
        # The sweeps run on the wall clock: tests that expire or mature on purpose do it themselves.
        "LOYALTY_SWEEP_SECONDS": "0",
        **(extra_env or {}),
    }
    # The server's log goes to a file, not a pipe: nobody reads a pipe while the test runs, and a
    # full pipe (64 KiB of access log) blocks the server in the middle of a request.
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "loyalty", "serve", "--port", str(port), "--workers", str(workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,  # its own process group: the workers go with it
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_ready(base, proc, log)
            yield base
        finally:
            stop_process_group(proc)


def stop_process_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server, then SIGKILL whatever of its group is left. A worker outliving the test
    would keep running the background sweeps (on the wall clock) against the shared test database."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=15)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def wait_ready(
    base: str, proc: subprocess.Popen[bytes], log: IO[bytes] | None = None, timeout: float = 30.0
) -> None:
    deadline = time.monotonic() + timeout
    # One client for all polls: building one loads the CA bundle, which costs more CPU than the poll.
    with httpx.Client(timeout=1) as http:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                err = ""
                if log is not None:
                    log.seek(0)
                    err = log.read().decode(errors="replace")
                raise RuntimeError(f"server exited with {proc.returncode}: {err[-2000:]}")
            try:
                if http.get(base + "/healthz").status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
    raise RuntimeError("server did not become ready")


class LiveProcess:
    """One ``loyalty serve`` process on a fixed port that a test can kill (SIGKILL) and start again."""

    def __init__(self, database_url: str, extra_env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src"),
            "LOYALTY_DATABASE_URL": database_url,
            "LOYALTY_CONFIG_CACHE_SECONDS": "0",
            "LOYALTY_DELIVERY_IN_PROCESS": "false",  # tests drive webhook delivery themselves
            "LOYALTY_WEBHOOK_ALLOWED_DESTINATIONS": TEST_RECEIVERS,
            "LOYALTY_LOG_LEVEL": "WARNING",
            "LOYALTY_SWEEP_SECONDS": "0",  # the wall clock's sweeps would race the tests' own
            **(extra_env or {}),
        }
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "loyalty", "serve", "--port", str(self.port)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_ready(self.base, self.proc, timeout=60)

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        assert self.proc.returncode == -signal.SIGKILL

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
