"""``loyalty worker``'s lifecycle jobs: birthday and anniversary rewards on the day in the tenant's
time zone and expiry reminders, each exactly once however often and by how many workers they run
(in-process on the test clock; two real worker processes on the wall clock)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from loyalty.app.promotions import lifecycle
from tests.support import Clock, TenantHandle
from tests.webhook_receiver import STANDARD_SECRET

SRC = str(Path(__file__).resolve().parents[2] / "src")
DAY_MS = 86_400_000


def at(text: str) -> int:
    """Epoch ms of an ISO instant."""
    return int(datetime.fromisoformat(text).timestamp() * 1000)


async def settings(tenant: TenantHandle, **values: Any) -> None:
    r = await tenant.put("settings", "tenant", {"timeZone": "Europe/Berlin", **values})
    assert r.status_code == 200, r.text


async def user(tenant: TenantHandle, user_id: str, birthday: str | None = None) -> None:
    body = {"userId": user_id, **({"birthday": birthday} if birthday else {})}
    r = await tenant.client.post("/v1/user", json=body, headers=tenant.admin)
    assert r.status_code == 201, r.text


async def export(tenant: TenantHandle, user_id: str) -> dict[str, Any]:
    r = await tenant.client.get(f"/v1/user/{user_id}/export", headers=tenant.admin)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


async def paid(tenant: TenantHandle, user_id: str, source: str) -> list[int]:
    return [e["amount"] for e in (await export(tenant, user_id))["ledger_entries"] if e["source"] == source]


async def run(app: Any) -> lifecycle.LifecycleRun:
    return await lifecycle.run_once(app.state.services)


async def test_a_birthday_is_paid_once_on_the_day_in_the_tenants_time_zone(
    app: Any, clock: Clock, tenant: TenantHandle
) -> None:
    await settings(tenant, birthdayReward={"points": 100})
    clock.set(at("2026-03-01T12:00:00+00:00"))
    await user(tenant, "anna", "05-17")
    clock.set(at("2026-05-16T21:30:00+00:00"))  # 23:30 in Berlin: still the 16th
    await run(app)
    assert await paid(tenant, "anna", "birthday") == []
    clock.set(at("2026-05-16T22:30:00+00:00"))  # 00:30 on the 17th in Berlin
    await run(app)
    await run(app)  # a re-run (or a restarted worker) pays nothing more
    clock.advance(12 * 3_600_000)
    await run(app)
    assert await paid(tenant, "anna", "birthday") == [100]
    data = await export(tenant, "anna")
    assert [(h["type"], h["points"], h["entry_id"]) for h in data["history_entries"]] == [
        ("BIRTHDAY", 100, "BIRTHDAY#2026")
    ]
    assert data["history_entries"][0]["title"]["en"] == "Happy birthday!"
    notes = [n for n in data["notifications"] if n["type"] == "birthdayReward"]
    assert len(notes) == 1
    assert (notes[0]["payload"]["kind"], notes[0]["payload"]["points"]) == ("birthday", 100)
    clock.set(at("2027-05-17T10:00:00+00:00"))  # next year: paid again
    await run(app)
    assert await paid(tenant, "anna", "birthday") == [100, 100]


async def test_two_workers_at_once_pay_each_birthday_once(
    app: Any, clock: Clock, tenant: TenantHandle
) -> None:
    await settings(tenant, birthdayReward={"points": 30})
    clock.set(at("2026-07-01T08:00:00+00:00"))
    names = [f"u{i}" for i in range(6)]
    for name in names:
        await user(tenant, name, "07-01")
    await asyncio.gather(run(app), run(app), run(app))
    for name in names:
        assert await paid(tenant, name, "birthday") == [30]


async def test_february_29_is_celebrated_on_the_28th_of_other_years(
    app: Any, clock: Clock, tenant: TenantHandle
) -> None:
    await settings(tenant, birthdayReward={"points": 29})
    clock.set(at("2027-01-10T12:00:00+00:00"))
    await user(tenant, "leo", "02-29")
    await user(tenant, "ida", "02-28")
    clock.set(at("2027-02-28T12:00:00+00:00"))
    await run(app)
    assert (await paid(tenant, "leo", "birthday"), await paid(tenant, "ida", "birthday")) == ([29], [29])
    clock.set(at("2027-03-01T12:00:00+00:00"))
    await run(app)
    assert await paid(tenant, "leo", "birthday") == [29]
    clock.set(at("2028-02-28T12:00:00+00:00"))  # a leap year: the 28th is not leo's day
    await run(app)
    assert (await paid(tenant, "leo", "birthday"), await paid(tenant, "ida", "birthday")) == ([29], [29, 29])
    clock.set(at("2028-02-29T12:00:00+00:00"))
    await run(app)
    assert await paid(tenant, "leo", "birthday") == [29, 29]


async def test_a_birthday_coupon_is_given_as_a_present(app: Any, clock: Clock, tenant: TenantHandle) -> None:
    offer = {"offerId": "cake", "title": "Birthday cake", "points": 300, "couponValidDays": 30}
    assert (await tenant.put("offers", "cake", offer)).status_code == 200
    await settings(tenant, birthdayReward={"offerId": "cake"})
    clock.set(at("2026-09-09T09:00:00+00:00"))
    await user(tenant, "anna", "09-09")
    await run(app)
    data = await export(tenant, "anna")
    assert [(c["offer_id"], c["title"]) for c in data["coupons"]] == [("cake", "Birthday cake")]
    assert data["balances"] == []  # the offer's price is not charged
    note = next(n for n in data["notifications"] if n["type"] == "birthdayReward")
    assert note["payload"]["offerId"] == "cake"
    assert note["payload"]["code"] == data["coupons"][0]["code"]


async def test_the_membership_anniversary_is_paid_from_the_first_year_on(
    app: Any, clock: Clock, tenant: TenantHandle
) -> None:
    await settings(tenant, anniversaryReward={"points": 50})
    clock.set(at("2025-03-10T07:00:00+00:00"))
    await user(tenant, "anna")
    await run(app)  # the day of joining is no anniversary
    clock.set(at("2026-03-09T12:00:00+00:00"))
    await run(app)
    assert await paid(tenant, "anna", "anniversary") == []
    clock.set(at("2026-03-10T12:00:00+00:00"))
    await asyncio.gather(run(app), run(app))
    await run(app)
    assert await paid(tenant, "anna", "anniversary") == [50]
    note = next(
        n for n in (await export(tenant, "anna"))["notifications"] if n["type"] == "anniversaryReward"
    )
    assert (note["payload"]["years"], note["payload"]["year"]) == (1, 2026)


async def test_expiry_reminders_are_sent_once_per_credit(
    app: Any, clock: Clock, tenant: TenantHandle
) -> None:
    hook = {"url": "http://127.0.0.1:9/hook", "secret": STANDARD_SECRET, "eventTypes": ["points.expiring"]}
    assert (await tenant.put("webhooks", "crm", hook)).status_code == 200
    await settings(tenant, expiryPolicy={"mode": "days_after_earning", "days": 30}, expiryReminderDays=7)
    clock.set(at("2026-04-01T12:00:00+00:00"))
    await user(tenant, "anna")
    r = await tenant.client.post(
        "/v1/admin/users/anna/adjustments", json={"points": 80, "reason": "welcome"}, headers=tenant.admin
    )
    assert r.status_code == 201, r.text
    entry_id = r.json()["entryId"]
    await run(app)  # 30 days left: no reminder yet
    clock.advance(24 * DAY_MS)  # 6 days left
    await asyncio.gather(run(app), run(app))
    await run(app)
    deliveries = (await tenant.client.get("/v1/admin/webhooks/crm/deliveries", headers=tenant.admin)).json()
    assert [(d["eventType"], d["body"]["data"]) for d in deliveries] == [
        (
            "points.expiring",
            {
                "userId": "anna",
                "points": 80,
                "expiresAt": at("2026-05-01T12:00:00+00:00"),
                "entryId": entry_id,
                "metric": "points",
            },
        )
    ]
    notes = [n for n in (await export(tenant, "anna"))["notifications"] if n["type"] == "pointsExpiring"]
    assert [n["payload"]["points"] for n in notes] == [80]


async def test_spent_credits_get_no_reminder(app: Any, clock: Clock, tenant: TenantHandle) -> None:
    await settings(tenant, expiryPolicy={"mode": "days_after_earning", "days": 5}, expiryReminderDays=7)
    clock.set(at("2026-04-01T12:00:00+00:00"))
    await user(tenant, "anna")
    for points in (40, -40):
        r = await tenant.client.post(
            "/v1/admin/users/anna/adjustments", json={"points": points, "reason": "x"}, headers=tenant.admin
        )
        assert r.status_code == 201, r.text
    assert (await run(app)).reminders == 0


def _worker(database_url: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PYTHONPATH": SRC,
        "LOYALTY_DATABASE_URL": database_url,
        "LOYALTY_CONFIG_CACHE_SECONDS": "0",
        "LOYALTY_WEBHOOK_ALLOWED_DESTINATIONS": "127.0.0.1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "loyalty", "worker", "--once"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


async def test_two_worker_processes_pay_a_birthday_and_remind_once(
    database_url: str, tenant: TenantHandle
) -> None:
    today = datetime.fromtimestamp(time.time(), tz=UTC)
    r = await tenant.put(
        "settings",
        "tenant",
        {
            "birthdayReward": {"points": 75},
            "expiryPolicy": {"mode": "days_after_earning", "days": 3},
            "expiryReminderDays": 7,
        },
    )
    assert r.status_code == 200, r.text
    names = [f"p{i}" for i in range(5)]
    for name in names:
        await user(tenant, name, f"{today.month:02d}-{today.day:02d}")
    adjusted = await tenant.client.post(
        "/v1/admin/users/p0/adjustments", json={"points": 10, "reason": "x"}, headers=tenant.admin
    )
    assert adjusted.status_code == 201, adjusted.text
    workers = [_worker(database_url) for _ in range(2)]
    outputs = [await asyncio.to_thread(w.communicate, None, 120) for w in workers]
    assert [w.returncode for w in workers] == [0, 0], [o[1].decode()[-2000:] for o in outputs]
    for name in names:
        assert await paid(tenant, name, "birthday") == [75]
    # p0's adjustment and birthday credits both expire within 3 days: one reminder each.
    notes = [n for n in (await export(tenant, "p0"))["notifications"] if n["type"] == "pointsExpiring"]
    assert sorted(n["payload"]["points"] for n in notes) == [10, 75]
