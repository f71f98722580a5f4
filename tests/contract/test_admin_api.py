"""The generic admin API: settings, api-keys and the audit trail."""

from __future__ import annotations

from tests.support import TenantHandle


async def test_settings_have_documented_defaults(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/admin/settings/tenant", headers=tenant.admin)
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == "tenant"
    assert body["timeZone"] == "UTC"
    assert body["expiryPolicy"] == {"mode": "never", "days": None, "period": None, "afterMonths": 0}
    assert body["couponCodePattern"] == "LLS-######"
    assert body["autoCreateUsers"] is False
    assert body["jwtSecretSet"] is True
    assert "jwtSecret" not in body


async def test_settings_list_holds_the_one_settings_object(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/admin/settings", headers=tenant.admin)
    assert r.status_code == 200
    assert [item["id"] for item in r.json()] == ["tenant"]


async def test_put_settings_replaces_them(tenant: TenantHandle) -> None:
    r = await tenant.put("settings", "tenant", {"timeZone": "Europe/Berlin", "autoCreateUsers": True})
    assert r.status_code == 200
    assert r.json()["timeZone"] == "Europe/Berlin"
    again = await tenant.client.get("/v1/admin/settings/tenant", headers=tenant.admin)
    assert again.json()["timeZone"] == "Europe/Berlin"
    assert again.json()["autoCreateUsers"] is True


async def test_unknown_time_zone_is_400_naming_the_field(tenant: TenantHandle) -> None:
    r = await tenant.put("settings", "tenant", {"timeZone": "Mars/Olympus"})
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "timeZone"
    assert "Mars/Olympus" in r.json()["message"]


async def test_wrong_type_in_settings_is_400_naming_the_field(tenant: TenantHandle) -> None:
    r = await tenant.put("settings", "tenant", {"autoCreateUsers": "maybe"})
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "autoCreateUsers"


async def test_unknown_settings_field_is_400(tenant: TenantHandle) -> None:
    r = await tenant.put("settings", "tenant", {"colour": "blue"})
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "colour"


async def test_expiry_policy_days_must_be_positive(tenant: TenantHandle) -> None:
    r = await tenant.put("settings", "tenant", {"expiryPolicy": {"mode": "days_after_earning", "days": 0}})
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "expiryPolicy.days"


async def test_settings_cannot_be_deleted(tenant: TenantHandle) -> None:
    r = await tenant.client.delete("/v1/admin/settings/tenant", headers=tenant.admin)
    assert r.status_code == 400


async def test_unknown_kind_is_404(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/admin/spaceships", headers=tenant.admin)
    assert r.status_code == 404
    assert "spaceships" in r.json()["message"]


async def test_api_key_is_shown_once_and_stored_hashed(tenant: TenantHandle) -> None:
    created = await tenant.put("api-keys", "shop", {"role": "service", "name": "Shop backend"})
    assert created.status_code == 200
    key = created.json()["key"]
    assert key.startswith("lyk_")
    listed = await tenant.client.get("/v1/admin/api-keys", headers=tenant.admin)
    shop = next(k for k in listed.json() if k["id"] == "shop")
    assert shop == {
        "id": "shop",
        "name": "Shop backend",
        "role": "service",
        "prefix": key[:10],
        "createdAt": shop["createdAt"],
        "revoked": False,
        "revokedAt": None,
    }
    assert key not in listed.text
    one = await tenant.client.get("/v1/admin/api-keys/shop", headers=tenant.admin)
    assert "key" not in one.json()


async def test_api_key_role_must_be_admin_or_service(tenant: TenantHandle) -> None:
    r = await tenant.put("api-keys", "k", {"role": "root"})
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "role"


async def test_api_key_ids_are_unique(tenant: TenantHandle) -> None:
    assert (await tenant.put("api-keys", "k", {"role": "service"})).status_code == 200
    again = await tenant.put("api-keys", "k", {"role": "service"})
    assert again.status_code == 400
    assert again.json()["data"]["field"] == "id"


async def test_revoking_an_unknown_key_is_404(tenant: TenantHandle) -> None:
    r = await tenant.client.delete("/v1/admin/api-keys/nope", headers=tenant.admin)
    assert r.status_code == 404


async def test_configuration_changes_are_in_the_audit_trail(tenant: TenantHandle) -> None:
    await tenant.put("settings", "tenant", {"timeZone": "Europe/Berlin"})
    await tenant.put("api-keys", "shop", {"role": "service"})
    r = await tenant.client.get("/v1/admin/audit", headers=tenant.admin)
    assert r.status_code == 200
    records = r.json()
    assert [rec["action"] for rec in records[:2]] == ["api-key.create", "settings.update"]
    settings_change = records[1]
    assert settings_change["actor"] == "api-key:admin"
    assert settings_change["before"]["timeZone"] == "UTC"
    assert settings_change["after"]["timeZone"] == "Europe/Berlin"
    assert all("key" not in (rec["after"] or {}) for rec in records)


async def test_admin_api_only_shows_the_callers_tenant(
    tenant: TenantHandle, other_tenant: TenantHandle
) -> None:
    await other_tenant.put("api-keys", "theirs", {"role": "service"})
    r = await tenant.client.get("/v1/admin/api-keys/theirs", headers=tenant.admin)
    assert r.status_code == 404
