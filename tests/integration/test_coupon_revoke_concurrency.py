"""A revoke racing a redemption (and revokes racing each other) over real sockets: for each coupon
exactly one wins, on SQLite and on PostgreSQL (one process, and two processes on PostgreSQL)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from loyalty.storage.offers.coupon_tables import coupons as coupon_table
from tests.support import TenantHandle, start_live_server

COUPONS = 10


async def granted_coupons(tenant: TenantHandle, count: int) -> list[int]:
    await tenant.create_user("ann")
    assert (await tenant.put("offers", "coffee", {"title": "Coffee", "points": 100})).status_code == 200
    ids = []
    for n in range(count):
        r = await tenant.client.post(
            "/v1/admin/users/ann/coupons",
            json={"offerId": "coffee", "reason": f"grant {n}"},
            headers=tenant.admin,
        )
        assert r.status_code == 201, r.text
        ids.append(int(r.json()["couponId"].removeprefix("COUPON#")))
    return ids


async def stored(app: Any, tenant: TenantHandle) -> dict[int, dict[str, Any]]:
    async with app.state.runtime.database.read() as conn:
        rows = await conn.execute(select(coupon_table).where(coupon_table.c.tenant_id == tenant.tenant_id))
        return {int(r["id"]): dict(r) for r in rows.mappings()}


async def revoke_races_redeem(base_url: str, app: Any, tenant: TenantHandle) -> None:
    ids = await granted_coupons(tenant, COUPONS)
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:

        def redeem(coupon_id: int) -> Any:
            body = {"userId": "ann", "SK": f"COUPON#{coupon_id}"}
            return http.put(f"/v1/user/ann/coupon/{coupon_id}", json=body, headers=tenant.user("ann"))

        def revoke(coupon_id: int) -> Any:
            url = f"/v1/admin/users/ann/coupons/{coupon_id}/revoke"
            return http.post(url, json={"reason": "race"}, headers=tenant.admin)

        pairs = await asyncio.gather(*(asyncio.gather(redeem(c), revoke(c)) for c in ids))
    rows = await stored(app, tenant)
    redeemed = revoked = 0
    for coupon_id, (redeem_reply, revoke_reply) in zip(ids, pairs, strict=True):
        outcome = (redeem_reply.status_code, revoke_reply.status_code)
        assert outcome in ((200, 409), (400, 200)), (outcome, redeem_reply.text, revoke_reply.text)
        row = rows[coupon_id]
        if outcome == (200, 409):
            redeemed += 1
            assert revoke_reply.json()["message"] == (
                "the coupon is already redeemed: only an unredeemed coupon can be revoked"
            )
            assert (row["redeemed"], row["revoked_at"]) == (True, None)
        else:
            revoked += 1
            assert redeem_reply.json()["message"] == "the coupon was revoked"
            assert row["redeemed"] is False
            assert row["revoke_reason"] == "race"
    assert redeemed + revoked == COUPONS
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        open_left = (await http.get("/v1/user/ann/coupon", headers=tenant.admin)).json()
    assert open_left == []


async def revokes_race_each_other(base_url: str, app: Any, tenant: TenantHandle) -> None:
    [coupon_id] = await granted_coupons(tenant, 1)
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        replies = await asyncio.gather(
            *(
                http.post(
                    f"/v1/admin/users/ann/coupons/{coupon_id}/revoke",
                    json={"reason": f"r{n}"},
                    headers=tenant.admin,
                )
                for n in range(8)
            )
        )
    assert sorted(r.status_code for r in replies) == [200] + [409] * 7
    winner = next(r.json() for r in replies if r.status_code == 200)
    row = (await stored(app, tenant))[coupon_id]
    assert row["revoke_reason"] == winner["reason"]
    records = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
    assert [a["after"]["reason"] for a in records if a["action"] == "coupon.revoke"] == [winner["reason"]]


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=pytest.mark.postgres_only)])
@pytest.mark.parametrize(
    "race",
    [revoke_races_redeem, revokes_race_each_other],
    ids=["revoke-and-redeem-never-both-succeed", "eight-parallel-revokes-revoke-once"],
)
async def test_one_change_of_a_coupon_wins_over_real_sockets(
    app: Any, database_url: str, tenant: TenantHandle, race: Any, workers: int
) -> None:
    """One server process on either engine; two processes on PostgreSQL."""
    with start_live_server(database_url, workers=workers) as base_url:
        await race(base_url, app, tenant)
