"""A user's ``birthday`` (MM-DD): the Lynes user create body's optional field, the admin API and
the users import; lifecycle reward settings validated like every setting."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from loyalty.storage.tables import users
from tests.support import TenantHandle


async def birthday_of(app: Any, tenant: TenantHandle, user_id: str) -> str | None:
    async with app.state.runtime.database.read() as conn:
        found = await conn.execute(
            select(users.c.birthday).where(
                users.c.tenant_id == tenant.tenant_id, users.c.external_id == user_id
            )
        )
        return found.scalar_one()  # type: ignore[no-any-return]


async def test_create_user_takes_an_optional_birthday(app: Any, tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        "/v1/user", json={"userId": "anna", "birthday": "05-17"}, headers=tenant.admin
    )
    assert r.status_code == 201
    assert set(r.json()) == {"message", "userId", "createdAt"}
    assert await birthday_of(app, tenant, "anna") == "05-17"
    await tenant.create_user("ben")
    assert await birthday_of(app, tenant, "ben") is None


async def test_a_bad_birthday_is_a_400_naming_the_field(app: Any, tenant: TenantHandle) -> None:
    for bad in ("5-17", "13-01", "02-30", "1990-05-17", "", "ab-cd"):
        r = await tenant.client.post(
            "/v1/user", json={"userId": "anna", "birthday": bad}, headers=tenant.admin
        )
        assert r.status_code == 400, bad
        assert r.json() == {
            "statusCode": 400,
            "message": f"'birthday' must be a day of the year as MM-DD (e.g. 05-17), not {bad!r}",
            "data": {"code": "invalid_input", "field": "birthday"},
        }
    r = await tenant.client.post("/v1/user", json={"userId": "anna", "birthday": 517}, headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "birthday"
    leap = await tenant.client.post(
        "/v1/user", json={"userId": "leo", "birthday": "02-29"}, headers=tenant.admin
    )
    assert leap.status_code == 201


async def test_the_admin_api_sets_and_clears_a_birthday_with_an_audit_entry(
    app: Any, tenant: TenantHandle
) -> None:
    await tenant.create_user("anna")
    r = await tenant.client.put(
        "/v1/admin/users/anna/birthday", json={"birthday": "12-24"}, headers=tenant.admin
    )
    assert r.status_code == 200
    assert r.json() == {"userId": "anna", "birthday": "12-24"}
    assert await birthday_of(app, tenant, "anna") == "12-24"
    cleared = await tenant.client.put(
        "/v1/admin/users/anna/birthday", json={"birthday": None}, headers=tenant.admin
    )
    assert cleared.json() == {"userId": "anna", "birthday": None}
    audit = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
    changes = [(a["action"], a["before"], a["after"]) for a in audit if a["target"] == "users/anna"]
    assert sorted(changes, key=str) == sorted(
        [
            ("user.birthday", {"birthday": None}, {"birthday": "12-24"}),
            ("user.birthday", {"birthday": "12-24"}, {"birthday": None}),
        ],
        key=str,
    )


async def test_the_admin_api_refuses_bad_input_unknown_users_and_user_tokens(tenant: TenantHandle) -> None:
    await tenant.create_user("anna")
    bad = await tenant.client.put(
        "/v1/admin/users/anna/birthday", json={"birthday": "31-12"}, headers=tenant.admin
    )
    assert (bad.status_code, bad.json()["data"]["field"]) == (400, "birthday")
    unknown = await tenant.client.put(
        "/v1/admin/users/nobody/birthday", json={"birthday": "01-01"}, headers=tenant.admin
    )
    assert unknown.status_code == 404
    own = await tenant.client.put(
        "/v1/admin/users/anna/birthday", json={"birthday": "01-01"}, headers=tenant.user("anna")
    )
    assert own.status_code == 403


async def test_the_users_import_takes_an_optional_birthday_column(app: Any, tenant: TenantHandle) -> None:
    await tenant.create_user("bob")
    body = "userId,usergroup,createdAt,birthday\nann,,2019-04-02T09:30:00Z,05-17\nbob,,,02-29\ncid,,,\n"
    headers = {**tenant.admin, "Content-Type": "text/csv"}
    r = await tenant.client.post("/v1/admin/import/users", content=body, headers=headers)
    assert r.status_code == 200, r.text
    assert [await birthday_of(app, tenant, u) for u in ("ann", "bob", "cid")] == ["05-17", "02-29", None]
    bad = await tenant.client.post(
        "/v1/admin/import/users", content="userId,birthday\ndan,17-05\n", headers=headers
    )
    assert bad.status_code == 400
    assert bad.json()["data"]["errors"] == [
        {
            "line": 2,
            "field": "birthday",
            "message": "'birthday' must be a day of the year as MM-DD (e.g. 05-17), not '17-05'",
        }
    ]


async def test_lifecycle_settings_are_validated_naming_the_field(tenant: TenantHandle) -> None:
    cases = [
        ({"birthdayReward": {"points": -5}}, "birthdayReward.points"),
        ({"anniversaryReward": {"points": 0}}, "anniversaryReward.points"),
        ({"expiryReminderDays": 0}, "expiryReminderDays"),
        ({"expiryReminderDays": 400}, "expiryReminderDays"),
    ]
    for body, field in cases:
        r = await tenant.put("settings", "tenant", body)
        assert r.status_code == 400, body
        assert r.json()["data"]["field"] == field
    good = {
        "birthdayReward": {"points": 100, "offerId": "cake"},
        "anniversaryReward": {"points": 50},
        "expiryReminderDays": 7,
    }
    r = await tenant.put("settings", "tenant", good)
    assert r.status_code == 200, r.text
    body = (await tenant.client.get("/v1/admin/settings/tenant", headers=tenant.admin)).json()
    assert body["birthdayReward"] == {"points": 100, "offerId": "cake", "active": True}
    assert body["anniversaryReward"] == {"points": 50, "offerId": None, "active": True}
    assert body["expiryReminderDays"] == 7
