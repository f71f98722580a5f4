"""The ``referrals`` kind in config as code and the dashboard, like every other kind; the lifecycle
rewards and reminders on the dashboard's settings page."""

from __future__ import annotations

from typing import Any

import httpx

from loyalty.app.kernel.principal import ADMIN, Principal
from loyalty.app.tenancy.config_as_code import apply_document, export_tenant
from tests.integration.test_dashboard import form_post
from tests.support import TenantHandle

FRIENDS: dict[str, Any] = {
    "referralId": "friends",
    "status": "ACTIVE",
    "eventId": "purchase_completed",
    "conditions": {
        "type": "AND",
        "conditions": [{"field": "amount", "operator": "greater_than_or_equal", "value": 20}],
    },
    "referrerPoints": 500,
    "refereePoints": 200,
    "maxReferralsPerReferrer": 20,
}


def admin_of(app: Any, tenant: TenantHandle) -> tuple[Any, Principal]:
    principal = Principal(
        tenant_id=tenant.tenant_id, tenant=tenant.name, subject="cli", scopes=frozenset({ADMIN})
    )
    return app.state.services, principal


async def test_referrals_are_exported_and_applied_as_code(
    app: Any, tenant: TenantHandle, other_tenant: TenantHandle
) -> None:
    assert (await tenant.put("referrals", "friends", FRIENDS)).status_code == 200
    document = await export_tenant(*admin_of(app, tenant))
    exported = document["items"]["referrals"]["friends"]
    assert {k: exported[k] for k in FRIENDS} == FRIENDS
    await apply_document(*admin_of(app, other_tenant), document, dry_run=False, prune=False)
    copied = (await other_tenant.client.get("/v1/admin/referrals/friends", headers=other_tenant.admin)).json()
    assert {k: copied[k] for k in FRIENDS} == FRIENDS


async def test_the_dashboard_lists_and_edits_referral_programmes(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    home = await admin_browser.get("/dashboard/config/referrals")
    assert home.status_code == 200
    body = (
        "referralId: friends\neventId: purchase_completed\nreferrerPoints: 500\nrefereePoints: 200\n"
        "maxReferralsPerReferrer: 20\n"
    )
    url = "/dashboard/config/referrals/friends"
    response = await form_post(admin_browser, url, url, {"body": body})
    assert response.status_code == 303, response.text[:500]
    stored = (await tenant.client.get("/v1/admin/referrals/friends", headers=tenant.admin)).json()
    assert (stored["referrerPoints"], stored["refereePoints"], stored["status"]) == (500, 200, "ACTIVE")
    listing = await admin_browser.get("/dashboard/config/referrals")
    assert "friends" in listing.text
    bad = await form_post(admin_browser, url, url, {"body": body.replace("500", "-1")})
    assert bad.status_code == 400
    assert "<strong>referrerPoints</strong>" in bad.text


async def test_the_settings_page_edits_lifecycle_rewards_and_reminders(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    from tests.integration.test_dashboard import SETTINGS_FORM

    form = {
        **SETTINGS_FORM,
        "birthdayReward.points": "100",
        "birthdayReward.offerId": "cake",
        "anniversaryReward.points": "",
        "anniversaryReward.offerId": "",
        "expiryReminderDays": "14",
    }
    response = await form_post(admin_browser, "/dashboard/settings", "/dashboard/settings", form)
    assert response.status_code == 303, response.text[:500]
    stored = (await tenant.client.get("/v1/admin/settings/tenant", headers=tenant.admin)).json()
    assert stored["birthdayReward"] == {"points": 100, "offerId": "cake", "active": True}
    assert stored["anniversaryReward"] is None
    assert stored["expiryReminderDays"] == 14
    page = await admin_browser.get("/dashboard/settings")
    assert 'name="expiryReminderDays" inputmode="numeric" value="14"' in page.text
    bad = await form_post(
        admin_browser, "/dashboard/settings", "/dashboard/settings", {**form, "expiryReminderDays": "0"}
    )
    assert bad.status_code == 400
    field_html = bad.text.split('id="expiryReminderDays"', 1)[1].split("</div>", 1)[0]
    assert "&#39;expiryReminderDays&#39; must be a whole number from 1 to 365" in field_html
