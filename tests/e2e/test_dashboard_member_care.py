"""Coupons and people in headless Chromium against ``loyalty serve``: a support agent issues a
coupon to a member and revokes it; an admin changes a person's role and cannot demote the last
admin; a viewer is refused both, in the page and on the server."""

from __future__ import annotations

from typing import Any

import httpx

from loyalty.app import features
from tests.e2e.conftest import screenshot
from tests.e2e.test_dashboard_roles import refused, seed, sign_in_as
from tests.integration.dashboard_staff_support import add_staff
from tests.support import TenantHandle

features.load()

OFFER = {"title": "Free coffee", "points": 100, "description": "Any size, any shop"}


LOGIN = {"title": "App login", "status": "ACTIVE", "type": "FIXED", "reward": {"default": 10}}
CHALLENGE = {
    "title": {"en": "Log in three times"},
    "type": "FIXED",
    "goal": 3,
    "points": 25,
    "eventId": "login",
}
STREAK = {"streakId": "daily_login", "eventIds": ["login"], "timeFrame": "daily", "milestones": {"7": 50}}
TIERS = {
    "title": {"en": "Status"},
    "metric": "points",
    "milestones": [{"id": "bronze", "threshold": 100}, {"id": "silver", "threshold": 500}],
}


async def with_offer(base: str, tenant: TenantHandle) -> None:
    """The roles' seed, an offer, and a member (cust-1002) with challenge progress, a streak and a
    tier, so the member page shows every section."""
    await seed(base, tenant)
    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        for path, body in (
            ("offers/coffee", OFFER),
            ("events/login", LOGIN),
            ("challenges/three_logins", CHALLENGE),
            ("streaks/daily_login", STREAK),
            ("milestones/status", TIERS),
        ):
            assert (await api.put(f"/v1/admin/{path}", json=body)).status_code == 200
        for _ in range(2):
            logged = await api.post(
                "/v1/event", json={"eventId": "login", "userId": "cust-1002", "metadata": {}}
            )
            assert logged.status_code == 200, logged.text


async def test_a_support_agent_issues_a_coupon_and_revokes_it(
    page: Any, app: Any, live_server: str, tenant: TenantHandle
) -> None:
    base = live_server
    await with_offer(base, tenant)
    await sign_in_as(page, app, base, tenant, "sue@example.com", "support")
    await page.goto(f"{base}/dashboard/users/cust-1002")

    await page.select_option("#grant-offer", "coffee")
    await page.fill("#grant-reason", "Parcel arrived late")
    await page.click("button:has-text('Issue coupon (no points charged)')")
    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        [coupon] = (await api.get("/v1/admin/users/cust-1002/coupons")).json()
    code = coupon["code"]
    assert await page.locator(".notice").inner_text() == f"Issued coupon {code} (coffee); no points charged."
    row = page.locator("#coupons tbody tr", has_text=code)
    assert await row.get_attribute("data-state") == "open"
    assert await page.locator("#points-balance").inner_text() == "140"  # 120 + two logins; no charge
    assert (
        await page.locator("#challenges tr[data-challenge='three_logins'] progress").get_attribute("value")
        == "2"
    )
    assert await page.locator("#streaks tr[data-streak='daily_login'] td.num").first.inner_text() == "1"
    await screenshot(page, "user-coupons")

    await row.locator("input[name='reason']").fill("Sent to the wrong member")
    await row.locator("button:has-text('Revoke')").click()
    assert (
        await page.locator(".notice").inner_text() == f"Revoked coupon {code}; it can no longer be redeemed."
    )
    row = page.locator("#coupons tbody tr", has_text=code)
    assert await row.get_attribute("data-state") == "revoked"
    assert "Sent to the wrong member" in await row.inner_text()
    await screenshot(page, "user-coupon-revoked")

    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        assert (await api.get("/v1/user/cust-1002/coupon")).json() == []
        audit = (await api.get("/v1/admin/audit")).json()
    assert [(a["actor"], a["action"]) for a in audit[:2]] == [
        ("staff:sue@example.com", "coupon.revoke"),
        ("staff:sue@example.com", "coupon.grant"),
    ]


async def test_an_admin_changes_a_role_but_keeps_the_last_admin(
    page: Any, app: Any, live_server: str, tenant: TenantHandle
) -> None:
    base = live_server
    await add_staff(app, tenant, "sue@example.com", "support")
    await sign_in_as(page, app, base, tenant, "olga@example.com", "admin")
    await page.click("nav >> text=Staff")

    sue = page.locator("#staff tr[data-staff='sue@example.com']")
    await sue.locator("select[name='role']").select_option("viewer")
    await sue.locator("button:has-text('Change')").click()
    assert await page.locator(".notice").inner_text() == "sue@example.com is now viewer."
    assert await page.locator("#staff tr[data-staff='sue@example.com'] .pill").inner_text() == "viewer"
    await screenshot(page, "staff")

    olga = page.locator("#staff tr[data-staff='olga@example.com']")
    await olga.locator("select[name='role']").select_option("support")
    await olga.locator("button:has-text('Change')").click()
    assert await page.locator("#role-error").inner_text() == (
        "cannot demote olga@example.com: the tenant's last active admin; make another person admin first"
    )
    assert await page.locator("#staff tr[data-staff='olga@example.com'] .pill").inner_text() == "admin"
    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        audit = (await api.get("/v1/admin/audit", params={"action": "staff.role"})).json()
    changes = [(a["actor"], a["target"], a["after"]) for a in audit if a["action"] == "staff.role"]
    assert changes == [("staff:olga@example.com", "staff/sue@example.com", {"role": "viewer"})]


async def test_a_viewer_can_neither_issue_nor_revoke_a_coupon_nor_change_a_role(
    page: Any, app: Any, live_server: str, tenant: TenantHandle
) -> None:
    base = live_server
    await with_offer(base, tenant)
    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        granted = await api.post(
            "/v1/admin/users/cust-1002/coupons", json={"offerId": "coffee", "reason": "welcome"}
        )
    number = granted.json()["couponId"].removeprefix("COUPON#")
    await sign_in_as(page, app, base, tenant, "vic@example.com", "viewer")
    await page.goto(f"{base}/dashboard/users/cust-1002")
    assert await page.locator("#coupons tbody tr").get_attribute("data-state") == "open"
    assert await page.locator("#grant-coupon").count() == 0
    assert await page.locator("#coupons button:has-text('Revoke')").count() == 0

    csrf = await page.locator("input[name='csrf']").first.input_value()
    forged = [
        await page.request.post(
            f"{base}/dashboard/users/cust-1002/coupons",
            form={"csrf": csrf, "offerId": "coffee", "couponReason": "me"},
        ),
        await page.request.post(
            f"{base}/dashboard/users/cust-1002/coupons/{number}/revoke", form={"csrf": csrf, "reason": "me"}
        ),
        await page.request.post(
            f"{base}/dashboard/staff/vic%40example.com/role", form={"csrf": csrf, "role": "admin"}
        ),
    ]
    assert [r.status for r in forged] == [403, 403, 403]
    await refused(page, base, "/dashboard/staff", "viewer")
    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        states = [c["state"] for c in (await api.get("/v1/admin/users/cust-1002/coupons")).json()]
    assert states == ["open"]
