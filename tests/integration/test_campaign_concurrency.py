"""A campaign's ``maxPointsPerUser`` holds under concurrent events of one user, sent to two
processes at once (a real server and the in-process app on the same database), on both stores;
and pending points mature exactly once however many processes mature at once."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert, select

from loyalty.app.events.event_store import CampaignWrite, EventWrites, SnapshotQuery
from loyalty.app.ledger import ledger, pending
from loyalty.storage.promotions.campaign_tables import campaign_totals, pending_credits
from loyalty.storage.tables import ledger_entries
from tests.support import Clock, TenantHandle

RACERS = 12
SRC = str(Path(__file__).resolve().parents[2] / "src")
CAMPAIGN = {"campaignId": "double", "eventIds": ["buy"], "multiplier": 2.0, "maxPointsPerUser": 500}


async def _rows(app: Any, table: Any, *where: Any) -> list[dict[str, Any]]:
    async with app.state.runtime.database.read() as conn:
        return [dict(r) for r in (await conn.execute(select(table).where(*where))).mappings()]


async def test_concurrent_events_never_exceed_the_campaign_cap(
    app: Any, live_server: str, tenant: TenantHandle
) -> None:
    assert (
        await tenant.put("events", "buy", {"eventId": "buy", "title": "Buy", "reward": {"default": 200}})
    ).status_code == 200
    assert (await tenant.put("campaigns", "double", CAMPAIGN)).status_code == 200
    await tenant.create_user("u")
    body = {"eventId": "buy", "userId": "u"}
    async with httpx.AsyncClient(base_url=live_server, timeout=60) as remote:
        answers = await asyncio.gather(
            *(
                (remote if i % 2 else tenant.client).post("/v1/event", json=body, headers=tenant.admin)
                for i in range(RACERS)
            )
        )
    assert [a.status_code for a in answers] == [200] * RACERS, [a.text for a in answers]
    added = sorted(sum(c["points"] for c in a.json()["data"].get("campaigns", [])) for a in answers)
    assert sum(added) == 500
    assert added[-3:] == [100, 200, 200]  # 200 + 200 + the 100 left; every other event gets nothing
    [total] = await _rows(app, campaign_totals, campaign_totals.c.tenant_id == tenant.tenant_id)
    assert total["points"] == 500
    points = (await tenant.client.get("/v1/user/u/points", headers=tenant.admin)).json()["points"]
    assert points == RACERS * 200 + 500
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []


async def test_pending_points_mature_exactly_once_with_several_workers(
    app: Any, tenant: TenantHandle
) -> None:
    body = {"eventId": "buy", "title": "Buy", "reward": {"default": 50}, "pendingDays": 3}
    assert (await tenant.put("events", "buy", body)).status_code == 200
    for user in ("a", "b", "c"):
        await tenant.create_user(user)
        for _ in range(2):
            r = await tenant.client.post(
                "/v1/event", json={"eventId": "buy", "userId": user}, headers=tenant.admin
            )
            assert r.status_code == 200, r.text
    services = app.state.services
    due = services.now() + 3 * 86_400_000
    matured = await asyncio.gather(
        *(pending.mature_due(services, now=due, tenant_id=tenant.tenant_id) for _ in range(4))
    )
    assert sum(matured) == 6
    rows = await _rows(app, pending_credits, pending_credits.c.tenant_id == tenant.tenant_id)
    assert sorted(r["state"] for r in rows) == ["matured"] * 6
    lines = await _rows(app, ledger_entries, ledger_entries.c.tenant_id == tenant.tenant_id)
    assert sorted((line["amount"], line["entry_key"]) for line in lines) == sorted(
        (50, f"event:{r['logged_id']}") for r in rows
    )
    assert await ledger.verify(services.stores, tenant_id=tenant.tenant_id) == []


async def test_the_write_refuses_to_pass_the_cap_whatever_the_snapshot_saw(
    app: Any, tenant: TenantHandle
) -> None:
    """The cap is the database's check, not only the decision's: a write whose campaign total
    moved since the read (here by hand, leaving the user's version alone) writes nothing, and the
    event path decides again."""
    assert (
        await tenant.put("events", "buy", {"eventId": "buy", "title": "Buy", "reward": {"default": 200}})
    ).status_code == 200
    await tenant.create_user("u")
    services = app.state.services
    query = SnapshotQuery(
        tenant_id=tenant.tenant_id,
        user_id="u",
        event_id="buy",
        limit_period_key=None,
        challenges=False,
        streak_ids=(),
        points_account=False,
        allocate_id=not app.state.runtime.database.is_sqlite,
        campaign_ids=("double",),
    )
    async with services.stores.write() as tx_store:
        store, conn = tx_store.event_store, tx_store.conn
        rows = await store.read(query)
        assert rows is not None
        assert rows.campaign_totals == {}
        await conn.execute(
            insert(campaign_totals).values(
                user_pk=rows.user_pk,
                campaign_id="double",
                tenant_id=tenant.tenant_id,
                points=450,
                updated_at=0,
            )
        )
        now = services.now()
        writes = EventWrites(
            tenant_id=tenant.tenant_id,
            user_pk=rows.user_pk,
            user_id="u",
            version=rows.version,
            now=now,
            logged_id=rows.logged_id,
            event_id="buy",
            points=400,
            usergroup="default",
            condition_reached=True,
            limit_reached=False,
            counted_in=None,
            metadata={},
            history={
                "entry_id": "x",
                "date_key": "2026-01-01",
                "title": None,
                "description": None,
                "image": None,
            },
            day_key="2026-01-01",
            hour=0,
            campaigns=(CampaignWrite("double", 200, 500),),
        )
        assert await store.apply(writes, transaction=True) is None
        again = await store.read(query, lock=True)
        assert again is not None
        assert again.campaign_totals == {"double": 450}


async def test_two_worker_processes_mature_each_pending_credit_once(
    app: Any, database_url: str, tenant: TenantHandle, clock: Clock
) -> None:
    body = {"eventId": "buy", "title": "Buy", "reward": {"default": 30}, "pendingDays": 1}
    assert (await tenant.put("events", "buy", body)).status_code == 200
    clock.set(clock() - 3 * 86_400_000)  # logged three days ago: due now on the workers' clock
    for user in ("a", "b"):
        await tenant.create_user(user)
        for _ in range(3):
            r = await tenant.client.post(
                "/v1/event", json={"eventId": "buy", "userId": user}, headers=tenant.admin
            )
            assert r.status_code == 200, r.text
    env = {**os.environ, "PYTHONPATH": SRC, "LOYALTY_DATABASE_URL": database_url}
    workers = [
        await asyncio.create_subprocess_exec(
            sys.executable, "-m", "loyalty", "worker", "--once", env=env, stdout=asyncio.subprocess.PIPE
        )
        for _ in range(2)
    ]
    outputs = [(await w.communicate())[0].decode() for w in workers]
    assert [w.returncode for w in workers] == [0, 0]
    assert all("pending credits" in out for out in outputs)
    rows = await _rows(app, pending_credits, pending_credits.c.tenant_id == tenant.tenant_id)
    assert sorted(r["state"] for r in rows) == ["matured"] * 6
    lines = await _rows(app, ledger_entries, ledger_entries.c.tenant_id == tenant.tenant_id)
    assert sorted(line["entry_key"] for line in lines) == sorted(f"event:{r['logged_id']}" for r in rows)
    for user in ("a", "b"):
        points = (await tenant.client.get(f"/v1/user/{user}/points", headers=tenant.admin)).json()
        assert (points["points"], points["pendingPoints"]) == (90, 0)
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []
