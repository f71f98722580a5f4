"""Each role's day in headless Chromium against ``loyalty serve``: an admin signs in with a
password and edits an event in the schema form; a support agent finds a member by search and adjusts
their points; a viewer reads; support and viewer are refused the programme and the settings; a
person signs in through the tenant's OpenID Connect provider (a real one, on 127.0.0.1)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from loyalty.app import features
from tests.e2e.conftest import screenshot
from tests.integration.dashboard_staff_support import PASSWORD, add_staff
from tests.oidc_provider import running_provider, sso_settings
from tests.support import TenantHandle

features.load()

EVENT = {"title": "Review written", "status": "ACTIVE", "type": "FIXED", "reward": {"default": 15}}


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    with running_provider() as issuer:
        yield issuer


async def sign_in(page: Any, base: str, tenant: TenantHandle, email: str) -> None:
    await page.goto(f"{base}/dashboard/login")
    await page.fill("#tenant", tenant.name)
    await page.fill("#email", email)
    await page.fill("#password", PASSWORD)
    await page.click("#password-sign-in button:has-text('Sign in')")
    await page.wait_for_url(f"{base}/dashboard/")


async def sign_in_as(page: Any, app: Any, base: str, tenant: TenantHandle, email: str, role: str) -> None:
    """A new staff account with ``role``, signed in in ``page``."""
    await add_staff(app, tenant, email, role)
    await sign_in(page, base, tenant, email)


async def refused(page: Any, base: str, path: str, role: str) -> None:
    response = await page.goto(f"{base}{path}")
    assert response.status == 403
    assert f"Your role ({role}) may not do this." in await page.locator("main").inner_text()


async def seed(base: str, tenant: TenantHandle) -> None:
    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        for user_id in ("cust-1001", "cust-1002", "cust-2001"):
            assert (await api.post("/v1/user", json={"userId": user_id})).status_code == 201
        body = {"points": 120, "reason": "welcome"}
        assert (await api.post("/v1/admin/users/cust-1002/adjustments", json=body)).status_code == 201
        assert (await api.put("/v1/admin/events/review_written", json=EVENT)).status_code == 200


async def test_an_admin_edits_an_event_in_the_schema_form(
    page: Any, app: Any, live_server: str, tenant: TenantHandle
) -> None:
    base = live_server
    await seed(base, tenant)
    await add_staff(app, tenant, "olga@example.com", "admin")
    await page.goto(f"{base}/dashboard/login")
    await screenshot(page, "login")
    await sign_in(page, base, tenant, "olga@example.com")
    assert await page.locator("#signed-in-as").inner_text() == "olga@example.com · admin"

    await page.goto(f"{base}/dashboard/config/events/review_written")
    await page.fill("#ff-title", "Product review written")
    await page.fill("#ff-limit", "-2")
    await page.click("#schema-form button:has-text('Save')")
    error = page.locator("[data-form-field='limit'] .field-error")
    assert "limit" in (await error.inner_text())
    await screenshot(page, "event-form-error")
    await page.fill("#ff-limit", "5")
    await page.click("#schema-form button:has-text('Save')")
    assert await page.locator(".notice").inner_text() == "Saved events/review_written (version 2)."
    await screenshot(page, "event-edit")
    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        stored = (await api.get("/v1/admin/events/review_written")).json()
    assert (stored["title"], stored["limit"]) == ("Product review written", 5)

    await page.goto(f"{base}/dashboard/audit?actor=staff%3Aolga%40example.com")
    assert await page.locator("#audit tbody tr").count() == 1
    assert "events.update" in await page.locator("#audit").inner_text()
    await screenshot(page, "audit")


async def test_a_support_agent_finds_a_member_and_adjusts_points_but_not_the_programme(
    page: Any, app: Any, live_server: str, tenant: TenantHandle
) -> None:
    base = live_server
    await seed(base, tenant)
    await add_staff(app, tenant, "sue@example.com", "support")
    await sign_in(page, base, tenant, "sue@example.com")

    await page.click("nav >> text=Members")
    await page.fill("#search-prefix", "cust-10")
    await page.fill("#search-minBalance", "100")
    await page.click("#member-search button:has-text('Search')")
    assert await page.locator("#members tbody tr").count() == 1
    await screenshot(page, "members")
    await page.click("#members >> text=cust-1002")
    assert await page.locator("#points-balance").inner_text() == "120"
    await page.fill("#adjust-points", "30")
    await page.fill("#adjust-reason", "Parcel arrived late")
    await page.click("button:has-text('Apply adjustment')")
    assert await page.locator(".notice").inner_text() == "Adjusted +30 points; balance is now 150."
    assert await page.locator("#delete-member").count() == 0  # erasure is the admin's
    await screenshot(page, "user")

    # The programme is read only for support: no save button, and a save is refused on the server.
    await page.goto(f"{base}/dashboard/config/events/review_written")
    assert await page.locator("#schema-form button:has-text('Save')").count() == 0
    csrf = await page.locator("input[name='csrf']").first.input_value()
    forged = await page.request.post(
        f"{base}/dashboard/config/events/review_written",
        form={"csrf": csrf, "mode": "form", "f.title": "Hijacked"},
    )
    assert forged.status == 403
    await refused(page, base, "/dashboard/settings", "support")
    await screenshot(page, "refused-support")
    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        assert (await api.get("/v1/admin/events/review_written")).json()["title"] == "Review written"
        audit = (await api.get("/v1/admin/audit")).json()
    assert (audit[0]["actor"], audit[0]["action"]) == ("staff:sue@example.com", "points.adjust")


async def test_a_viewer_reads_and_changes_nothing(
    page: Any, app: Any, live_server: str, tenant: TenantHandle
) -> None:
    base = live_server
    await seed(base, tenant)
    await add_staff(app, tenant, "vic@example.com", "viewer")
    await sign_in(page, base, tenant, "vic@example.com")
    await page.goto(f"{base}/dashboard/users/cust-1002")
    assert await page.locator("#points-balance").inner_text() == "120"
    assert await page.locator("#adjust-points").count() == 0
    csrf = await page.locator("input[name='csrf']").first.input_value()
    forged = await page.request.post(
        f"{base}/dashboard/users/cust-1002/adjust", form={"csrf": csrf, "points": "500", "reason": "me"}
    )
    assert forged.status == 403
    await refused(page, base, "/dashboard/api-keys", "viewer")
    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        assert (await api.get("/v1/user/cust-1002/points")).json()["points"] == 120


async def test_sign_in_through_the_tenants_openid_provider(
    page: Any, live_server: str, tenant: TenantHandle, provider: str
) -> None:
    base = live_server
    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        current = (await api.get("/v1/admin/settings/tenant")).json()
        saved = await api.put("/v1/admin/settings/tenant", json={**current, "sso": sso_settings(provider)})
        assert saved.status_code == 200, saved.text
    await page.goto(f"{base}/dashboard/login")
    await page.fill("#tenant", tenant.name)
    await page.click("button:has-text('Sign in with single sign-on')")
    await page.wait_for_url(f"{provider}/**")
    await page.click("button:has-text('alice-1')")  # the provider's own consent page
    await page.wait_for_url(f"{base}/dashboard/")
    assert await page.locator("#signed-in-as").inner_text() == "alice@example.com · support"
    await screenshot(page, "sso-signed-in")
