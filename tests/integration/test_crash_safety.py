"""Crash safety: events from 32 clients while the server is SIGKILLed three times and restarted.

Every request answered 2xx is in the ledger exactly once; a request that got no answer is either
fully applied (logged event, ledger line, history line, Idempotency-Key row) or not at all; retrying
the unanswered ones with the same key after restart applies each key exactly once; balances equal
the ledger (``ledger.verify``); and every committed change's webhook is delivered exactly once: a
``loyalty worker`` beside the server delivers while the load runs and is stopped with SIGTERM after
it, and the outbox is drained after restart. Runs on the session database (SQLite, or PostgreSQL
with ``LOYALTY_TEST_DATABASE_URL``) with 10,000 events, in CI too; ``LOYALTY_CRASH_EVENTS`` sets
another size and ``LOYALTY_CRASH_SEED`` replays the kill points of a run (both printed with ``-s``).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import select

from loyalty.app.ledger import ledger
from loyalty.app.messaging.delivery import Deliverer
from loyalty.storage.events.event_tables import logged_events
from loyalty.storage.tables import balances, history_entries, idempotency_keys, ledger_entries
from tests.support import Clock, LiveProcess, TenantHandle
from tests.webhook_receiver import STANDARD_SECRET, webhook_receiver

EVENTS = int(os.environ.get("LOYALTY_CRASH_EVENTS", "10000"))
CLIENTS = 32
KILLS = 3
USERS = 40
POINTS = 2


@dataclass
class Load:
    acked: dict[int, int] = field(default_factory=dict)
    """Request number -> logged points, for every request answered 2xx."""
    unanswered: set[int] = field(default_factory=set)
    kills_at: list[int] = field(default_factory=list)


def key_of(i: int) -> str:
    return f"crash-{i}"


def user_of(i: int) -> str:
    return f"u{i % USERS}"


def request_of(i: int) -> tuple[bytes, str]:
    """The body and Idempotency-Key of request ``i``: a retry sends the same bytes (or it is a 422)."""
    body = {"eventId": "visit", "userId": user_of(i), "metadata": {"k": key_of(i)}}
    return json.dumps(body).encode(), key_of(i)


class Unanswered(Exception):
    """The connection failed before a whole response arrived: the request may or may not have run."""


class KeepAliveConnection:
    """One HTTP/1.1 keep-alive connection that POSTs JSON, for the load.

    The load is 10,000 requests on a machine of 2 cores that also runs the server; httpx spends
    several times the CPU per request that this does, and that CPU is taken from the server.
    """

    def __init__(self, port: int, headers: dict[str, str]) -> None:
        self.port = port
        self.fixed = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def post(self, path: str, body: bytes, key: str) -> tuple[int, bytes]:
        try:
            async with asyncio.timeout(30):
                return await self._post(path, body, key)
        except (OSError, EOFError, TimeoutError) as exc:  # reset, refused, cut short
            self.close()
            raise Unanswered(repr(exc)) from exc

    async def _post(self, path: str, payload: bytes, key: str) -> tuple[int, bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection("127.0.0.1", self.port)
        reader, writer = self.streams
        head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n{self.fixed}"
            f"Idempotency-Key: {key}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n"
        )
        writer.write(head.encode() + payload)
        await writer.drain()
        status_line, *header_lines = (await reader.readuntil(b"\r\n\r\n")).decode().split("\r\n")
        headers = {k.lower(): v for k, v in (line.split(": ", 1) for line in header_lines if line)}
        answer = await reader.readexactly(int(headers["content-length"]))
        if headers.get("connection", "").lower() == "close":
            self.close()
        return int(status_line.split(" ", 2)[1]), answer

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def run_load(server: LiveProcess, tenant: TenantHandle, rng: random.Random) -> Load:
    load = Load()
    up = asyncio.Event()
    up.set()
    starts = 1  # how many times the server was started: a connection to an earlier one is dead
    pending = iter(range(EVENTS))
    thresholds = sorted(
        EVENTS * (k + 1) // (KILLS + 1) + rng.randint(-EVENTS // 10, EVENTS // 10) for k in range(KILLS)
    )
    reached = [asyncio.Event() for _ in thresholds]

    def finished_one() -> None:
        done = len(load.acked) + len(load.unanswered)
        for threshold, event in zip(thresholds, reached, strict=True):
            if done >= threshold:
                event.set()

    async def client() -> None:
        http = KeepAliveConnection(server.port, tenant.admin)
        opened_for = starts
        try:
            for i in pending:
                await up.wait()
                if opened_for != starts:
                    http.close()
                    opened_for = starts
                body, key = request_of(i)
                try:
                    status, answer = await http.post("/v1/event", body, key)
                except Unanswered:
                    load.unanswered.add(i)  # sent (maybe committed), never answered
                else:
                    assert status == 200, answer
                    load.acked[i] = json.loads(answer)["data"]["points"]
                finished_one()
        finally:
            http.close()

    async def killer() -> None:
        nonlocal starts
        for event in reached:
            await event.wait()
            up.clear()
            load.kills_at.append(len(load.acked) + len(load.unanswered))
            await asyncio.to_thread(server.kill)
            await asyncio.to_thread(server.start)
            starts += 1
            up.set()

    killing = asyncio.create_task(killer())
    await asyncio.gather(*(client() for _ in range(CLIENTS)))
    await killing
    return load


@dataclass
class Stored:
    logged: dict[str, list[int]]
    """Idempotency-Key (from the event's metadata) -> logged event ids."""
    ledger_lines: Counter[str]
    """Logged event id -> number of ledger lines that reference it."""
    history_lines: Counter[int]
    keys: set[str]
    balances: dict[str, int]
    ledger_sums: dict[str, int]
    logged_per_user: Counter[str]


async def stored(app: Any, tenant_id: int) -> Stored:
    async with app.state.runtime.database.read() as conn:
        events = (
            await conn.execute(
                select(logged_events.c.id, logged_events.c.user_id, logged_events.c.metadata).where(
                    logged_events.c.tenant_id == tenant_id
                )
            )
        ).all()
        lines = (
            await conn.execute(
                select(ledger_entries.c.reference, ledger_entries.c.user_pk, ledger_entries.c.amount).where(
                    ledger_entries.c.tenant_id == tenant_id
                )
            )
        ).all()
        history = (
            await conn.execute(
                select(history_entries.c.details).where(history_entries.c.tenant_id == tenant_id)
            )
        ).all()
        keys = (
            await conn.execute(
                select(idempotency_keys.c.key).where(idempotency_keys.c.tenant_id == tenant_id)
            )
        ).all()
        rows = (
            await conn.execute(
                select(balances.c.user_pk, balances.c.balance).where(balances.c.tenant_id == tenant_id)
            )
        ).all()
    logged: dict[str, list[int]] = {}
    per_user: Counter[str] = Counter()
    pk_of_user: dict[int, str] = {}
    for event_id, user_id, metadata in events:
        logged.setdefault(metadata["k"], []).append(int(event_id))
        per_user[user_id] += 1
    ledger_sums: Counter[str] = Counter()
    for _ref, user_pk, amount in lines:
        ledger_sums[str(user_pk)] += int(amount)
    for user_pk, _ in rows:
        pk_of_user[int(user_pk)] = str(user_pk)
    return Stored(
        logged=logged,
        ledger_lines=Counter(str(ref) for ref, _, _ in lines),
        history_lines=Counter(int(details["loggedEventId"]) for (details,) in history),
        keys={str(k) for (k,) in keys},
        balances={str(pk): int(balance) for pk, balance in rows},
        ledger_sums=dict(ledger_sums),
        logged_per_user=per_user,
    )


def assert_whole(state: Stored, key: str) -> bool:
    """True when the request with ``key`` was applied completely, False when not at all."""
    ids = state.logged.get(key, [])
    assert len(ids) <= 1, f"{key} applied {len(ids)} times"
    if not ids:
        assert key not in state.keys, f"{key} recorded as done but nothing was applied"
        return False
    assert state.ledger_lines[str(ids[0])] == 1, f"{key}: logged without exactly one ledger line"
    assert state.history_lines[ids[0]] == 1, f"{key}: logged without exactly one history line"
    assert key in state.keys, f"{key}: applied but its Idempotency-Key was not recorded"
    return True


async def test_events_survive_three_sigkills_exactly_once(
    app: Any, database_url: str, tenant: TenantHandle, clock: Clock
) -> None:
    seed = int(os.environ.get("LOYALTY_CRASH_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    started = time.monotonic()
    r = await tenant.put(
        "events", "visit", {"eventId": "visit", "title": "Visit", "reward": {"default": POINTS}}
    )
    assert r.status_code == 200, r.text
    for n in range(USERS):
        await tenant.create_user(f"u{n}")
    with webhook_receiver() as receiver:
        r = await tenant.put(
            "webhooks",
            "crm",
            {"url": receiver.url, "secret": STANDARD_SECRET, "eventTypes": ["points.awarded"]},
        )
        assert r.status_code == 200, r.text
        # The configuration is complete before the server starts: it may cache it as it does by default.
        server = LiveProcess(database_url, extra_env={"LOYALTY_CONFIG_CACHE_SECONDS": "2"})
        # Webhooks go out while the load runs, from a worker beside the server (which never delivers).
        worker = await asyncio.to_thread(
            subprocess.Popen,
            [sys.executable, "-m", "loyalty", "worker"],
            env=server.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            await asyncio.to_thread(server.start)
            try:
                load = await run_load(server, tenant, rng)
                loaded = time.monotonic()

                # Before any retry: acknowledged exactly once, unanswered all-or-nothing.
                assert len(load.kills_at) == KILLS
                assert len(load.acked) + len(load.unanswered) == EVENTS
                assert set(load.acked.values()) == {POINTS}
                state = await stored(app, tenant.tenant_id)
                for i in load.acked:
                    assert assert_whole(state, key_of(i)), f"acknowledged request {i} is missing"
                committed_unanswered = {i for i in load.unanswered if assert_whole(state, key_of(i))}
                assert set(state.logged) <= {key_of(i) for i in range(EVENTS)}
                assert len(state.logged) == len(load.acked) + len(committed_unanswered)
                assert state.balances == state.ledger_sums
                assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []

                # Retrying every unanswered request with its own key applies each exactly once.
                async with httpx.AsyncClient(base_url=server.base, timeout=30) as http:
                    retried = await asyncio.gather(
                        *(
                            http.post(
                                "/v1/event",
                                content=request_of(i)[0],
                                headers={
                                    **tenant.admin,
                                    "Idempotency-Key": key_of(i),
                                    "Content-Type": "application/json",
                                },
                            )
                            for i in sorted(load.unanswered)
                        )
                    )
            finally:
                await asyncio.to_thread(server.stop)
            # SIGTERM: the worker records the batch it is sending, so nothing is sent twice.
            worker.send_signal(signal.SIGTERM)
            assert await asyncio.to_thread(worker.wait, 60) == 0
        finally:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
        by_worker = len(receiver.accepted(tenant.name))
        assert [a.status_code for a in retried] == [200] * len(load.unanswered)
        replayed = sum(a.headers.get("Idempotent-Replayed") == "true" for a in retried)
        assert replayed == len(committed_unanswered)

        state = await stored(app, tenant.tenant_id)
        for i in range(EVENTS):
            assert assert_whole(state, key_of(i)), f"request {i} was never applied"
        assert len(state.keys) == EVENTS
        assert sorted(state.logged_per_user.values()) == [EVENTS // USERS] * USERS
        assert sorted(state.balances.values()) == [POINTS * EVENTS // USERS] * USERS
        assert state.balances == state.ledger_sums
        assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []

        # Every committed credit's webhook is delivered once the outbox is drained after restart.
        # A failed attempt is retried after a backoff: move the clock past it until all are in.
        async with Deliverer(app.state.services) as deliverer:
            for _ in range(5):
                await deliverer.drain()
                if len(receiver.accepted(tenant.name)) >= EVENTS:
                    break
                clock.advance(3_600_000)
        delivered = receiver.accepted(tenant.name)
    entries = Counter(d.json["data"]["entryId"] for d in delivered)
    assert len(delivered) == EVENTS
    assert len(entries) == EVENTS
    assert {d.json["type"] for d in delivered} == {"points.awarded"}
    print(
        f"crash safety ({app.state.runtime.database.dialect}, seed {seed}): {EVENTS} requests from {CLIENTS}"
        f" clients, killed after {load.kills_at}, acknowledged {len(load.acked)}, unanswered"
        f" {len(load.unanswered)} of which committed {len(committed_unanswered)}, applied"
        f" {len(state.keys)}, webhooks {len(delivered)} ({by_worker} by the worker during the load),"
        f" load {loaded - started:.1f}s, total {time.monotonic() - started:.1f}s"
    )
