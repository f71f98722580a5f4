"""Milestone sets (tiers) through the admin API, and tier crossings after activity: up, down,
exactly once, in the seed 001 ``milestoneChanges`` shape."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from loyalty.app.gamification import milestones
from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger import ledger
from loyalty.app.users.users import resolve_user
from tests.activity_support import in_write, log_activity
from tests.support import TenantHandle

LIFETIME = {
    "id": "status",
    "metric": "points",
    "basis": "lifetime",
    "milestones": [
        {"id": "bronze", "threshold": 100},
        {"id": "silver", "threshold": 500},
        {"id": "gold", "threshold": 2000},
    ],
}
BALANCE = {**LIFETIME, "id": "wallet", "basis": "balance"}


async def configure(tenant: TenantHandle, body: dict[str, Any]) -> None:
    r = await tenant.put("milestones", body["id"], body)
    assert r.status_code == 200, r.text


async def milestone_notes(tenant: TenantHandle, user_id: str) -> list[dict[str, Any]]:
    export = (await tenant.client.get(f"/v1/user/{user_id}/export", headers=tenant.admin)).json()
    notes = sorted(export["notifications"], key=lambda n: n["id"])  # the export is unordered
    return [n["payload"] for n in notes if n["type"] == "milestoneChanged"]


async def spend(app: Any, tenant: TenantHandle, user_id: str, points: int) -> None:
    async def work(tx: Tx) -> None:
        await ledger.debit(tx, await resolve_user(tx, user_id, create=False), points, source="offer")

    await in_write(app, tenant, work)


async def test_crossing_up_notifies_with_milestone_changes(app: Any, tenant: TenantHandle) -> None:
    await configure(tenant, LIFETIME)
    outcome = await log_activity(app, tenant, "u", "purchase", points=150)
    assert outcome.data["milestoneChanges"] == {"status": {"oldValue": None, "newValue": "bronze"}}
    await log_activity(app, tenant, "u", "purchase", points=400)
    assert await milestone_notes(tenant, "u") == [
        {"milestoneChanges": {"status": {"oldValue": None, "newValue": "bronze"}}},
        {"milestoneChanges": {"status": {"oldValue": "bronze", "newValue": "silver"}}},
    ]


async def test_no_crossing_no_notification(app: Any, tenant: TenantHandle) -> None:
    await configure(tenant, LIFETIME)
    await log_activity(app, tenant, "u", "purchase", points=50)
    await log_activity(app, tenant, "u", "purchase", points=20)
    assert await milestone_notes(tenant, "u") == []


async def test_jumping_two_tiers_is_one_change(app: Any, tenant: TenantHandle) -> None:
    await configure(tenant, LIFETIME)
    await log_activity(app, tenant, "u", "purchase", points=150)
    outcome = await log_activity(app, tenant, "u", "purchase", points=5000)
    assert outcome.data["milestoneChanges"] == {"status": {"oldValue": "bronze", "newValue": "gold"}}


async def test_balance_basis_goes_down_and_lifetime_does_not(app: Any, tenant: TenantHandle) -> None:
    await configure(tenant, LIFETIME)
    await configure(tenant, BALANCE)
    await log_activity(app, tenant, "u", "purchase", points=600)
    await spend(app, tenant, "u", 550)
    outcome = await log_activity(app, tenant, "u", "login", points=0)
    assert outcome.data["milestoneChanges"] == {"wallet": {"oldValue": "silver", "newValue": None}}
    assert await milestone_notes(tenant, "u") == [
        {
            "milestoneChanges": {
                "status": {"oldValue": None, "newValue": "silver"},
                "wallet": {"oldValue": None, "newValue": "silver"},
            }
        },
        {"milestoneChanges": {"wallet": {"oldValue": "silver", "newValue": None}}},
    ]


async def test_reevaluating_twice_reports_a_crossing_once(app: Any, tenant: TenantHandle) -> None:
    await configure(tenant, LIFETIME)
    await log_activity(app, tenant, "u", "purchase", points=150)

    async def twice(tx: Tx) -> list[dict[str, Any]]:
        pk = await resolve_user(tx, "u", create=False)
        await ledger.credit(tx, pk, 400, source="manual")
        return [await milestones.reevaluate(tx, pk), await milestones.reevaluate(tx, pk)]

    first, second = await in_write(app, tenant, twice)
    assert (first, second) == ({"status": {"oldValue": "bronze", "newValue": "silver"}}, {})


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"milestones": []}, "milestones"),
        ({"milestones": [{"id": "a", "threshold": 5}, {"id": "a", "threshold": 9}]}, "milestones"),
        ({"milestones": [{"id": "a", "threshold": 9}, {"id": "b", "threshold": 5}]}, "milestones"),
        ({"milestones": [{"id": "a", "threshold": -1}]}, "milestones"),
        ({"basis": "earned"}, "basis"),
        ({"milestones": [{"id": "a"}]}, "milestones[0].threshold"),
    ],
)
async def test_invalid_milestone_sets_are_400_naming_the_field(
    tenant: TenantHandle, change: dict[str, Any], field: str
) -> None:
    r = await tenant.put("milestones", "status", {**LIFETIME, **change})
    assert r.status_code == 400
    assert r.json()["data"]["field"] == field


async def test_simultaneous_activities_report_each_crossing_once(app: Any, tenant: TenantHandle) -> None:
    await configure(tenant, LIFETIME)
    await tenant.create_user("u")
    await asyncio.gather(*[log_activity(app, tenant, "u", "purchase", points=60) for _ in range(10)])
    assert await milestone_notes(tenant, "u") == [
        {"milestoneChanges": {"status": {"oldValue": None, "newValue": "bronze"}}},
        {"milestoneChanges": {"status": {"oldValue": "bronze", "newValue": "silver"}}},
    ]
