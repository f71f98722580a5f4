"""The dashboard's member care and people pages: a support agent grants and revokes a member's
coupon, an admin changes a person's role, and the tenant always keeps one active admin."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from loyalty.app.tenancy import staff
from loyalty.core.errors import ErrorCode, LoyaltyError
from tests.integration.dashboard_staff_support import add_staff, signed_in_browsers, staff_sign_in
from tests.integration.test_dashboard import csrf_of, form_post
from tests.support import TenantHandle


@pytest.fixture
async def browser(app: object) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def support_with_offer(app: Any, tenant: TenantHandle, browser: httpx.AsyncClient) -> None:
    await tenant.create_user("ann")
    assert (await tenant.put("offers", "coffee", {"title": "Free coffee", "points": 100})).status_code == 200
    await add_staff(app, tenant, "sue@example.com", "support")
    assert (await staff_sign_in(browser, tenant, "sue@example.com")).status_code == 303


def coupon_row(html: str, coupon_id: int) -> str:
    return html.split(f'data-coupon="{coupon_id}"', 1)[1].split("</tr>", 1)[0]


async def test_support_grants_a_coupon_and_revokes_it_from_the_member_page(
    app: Any, browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await support_with_offer(app, tenant, browser)
    page = await browser.get("/dashboard/users/ann")
    assert 'id="grant-coupon"' in page.text
    assert '<option value="coffee" >Free coffee (coffee)</option>' in page.text
    granted = await browser.post(
        "/dashboard/users/ann/coupons",
        data={"csrf": csrf_of(page.text), "offerId": "coffee", "couponReason": "parcel was late"},
    )
    assert granted.status_code == 303
    [coupon] = (await tenant.client.get("/v1/admin/users/ann/coupons", headers=tenant.admin)).json()
    number = int(coupon["couponId"].removeprefix("COUPON#"))
    assert (
        f"Issued coupon {coupon['code']} (coffee); no points charged."
        in (await browser.get(granted.headers["location"])).text
    )
    page = await browser.get("/dashboard/users/ann")
    assert 'data-state="open"' in coupon_row(page.text, number)
    assert (await tenant.client.get("/v1/user/ann/points", headers=tenant.admin)).json()["points"] == 0

    revoked = await browser.post(
        f"/dashboard/users/ann/coupons/{number}/revoke",
        data={"csrf": csrf_of(page.text), "reason": "customer asked"},
    )
    assert revoked.status_code == 303
    page = await browser.get("/dashboard/users/ann")
    row = coupon_row(page.text, number)
    assert 'data-state="revoked"' in row
    assert "customer asked" in row
    assert "/revoke" not in row  # no button on a revoked coupon
    audit = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
    assert [(a["actor"], a["action"]) for a in audit[:2]] == [
        ("staff:sue@example.com", "coupon.revoke"),
        ("staff:sue@example.com", "coupon.grant"),
    ]
    again = await browser.post(
        f"/dashboard/users/ann/coupons/{number}/revoke", data={"csrf": csrf_of(page.text), "reason": "twice"}
    )
    assert again.status_code == 409
    assert "the coupon is already revoked: only an unredeemed coupon can be revoked" in again.text
    assert 'id="revoke-error"' in again.text


async def test_a_grant_without_reason_or_offer_is_shown_at_the_field(
    app: Any, browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await support_with_offer(app, tenant, browser)

    async def grant(offer_id: str, reason: str) -> httpx.Response:
        form = {"offerId": offer_id, "couponReason": reason}
        return await form_post(browser, "/dashboard/users/ann", "/dashboard/users/ann/coupons", form)

    no_reason = await grant("coffee", "")
    assert no_reason.status_code == 400
    grant_form = no_reason.text.split('id="grant-coupon"', 1)[1].split("</form>", 1)[0]
    assert "&#39;reason&#39; is required: say why the member gets this coupon" in grant_form
    adjust_form = no_reason.text.split("/adjust", 1)[1].split("</form>", 1)[0]
    assert "field-error" not in adjust_form
    no_offer = await grant("", "x")
    assert no_offer.status_code == 400
    assert "&#39;offerId&#39; is required" in no_offer.text.split('id="grant-coupon"', 1)[1]
    unknown = await grant("tea", "x")
    assert unknown.status_code == 404
    assert "offer &#39;tea&#39; does not exist" in unknown.text


async def test_a_viewer_sees_the_coupons_but_no_grant_or_revoke_form(
    app: Any, browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await tenant.create_user("ann")
    assert (await tenant.put("offers", "coffee", {"title": "Free coffee", "points": 100})).status_code == 200
    r = await tenant.client.post(
        "/v1/admin/users/ann/coupons", json={"offerId": "coffee", "reason": "x"}, headers=tenant.admin
    )
    number = int(r.json()["couponId"].removeprefix("COUPON#"))
    await add_staff(app, tenant, "vic@example.com", "viewer")
    await staff_sign_in(browser, tenant, "vic@example.com")
    page = await browser.get("/dashboard/users/ann")
    assert 'data-state="open"' in coupon_row(page.text, number)
    assert 'id="grant-coupon"' not in page.text
    assert "/revoke" not in page.text
    refused = await browser.post(
        f"/dashboard/users/ann/coupons/{number}/revoke", data={"csrf": csrf_of(page.text), "reason": "x"}
    )
    assert refused.status_code == 403
    assert "Your role (viewer) may not do this." in refused.text


async def test_an_admin_changes_a_role_and_it_applies_to_the_next_request(
    app: Any, tenant: TenantHandle
) -> None:
    await tenant.create_user("ann")
    await add_staff(app, tenant, "ada@example.com", "admin")
    await add_staff(app, tenant, "sue@example.com", "support")
    async with signed_in_browsers(app, tenant, "ada@example.com", "sue@example.com") as (ada, sue):
        sue_page = await sue.get("/dashboard/users/ann")
        assert 'id="grant-coupon"' in sue_page.text
        done = await form_post(
            ada, "/dashboard/staff", "/dashboard/staff/sue%40example.com/role", {"role": "viewer"}
        )
        assert done.status_code == 303
        assert "sue@example.com is now viewer." in (await ada.get(done.headers["location"])).text
        refused = await sue.post(
            "/dashboard/users/ann/adjust", data={"csrf": csrf_of(sue_page.text), "points": "5", "reason": "x"}
        )
        assert refused.status_code == 403
        assert "Your role (viewer) may not do this." in refused.text
        listing = (await ada.get("/dashboard/staff")).text
        row = listing.split('data-staff="sue@example.com"', 1)[1].split("</tr>", 1)[0]
        assert '<span class="pill">viewer</span>' in row
    audit = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
    assert (audit[0]["actor"], audit[0]["action"], audit[0]["target"]) == (
        "staff:ada@example.com",
        "staff.role",
        "staff/sue@example.com",
    )
    assert (audit[0]["before"], audit[0]["after"]) == ({"role": "support"}, {"role": "viewer"})


async def test_the_last_admin_can_be_neither_demoted_nor_disabled(
    app: Any, browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await add_staff(app, tenant, "ada@example.com", "admin")
    await staff_sign_in(browser, tenant, "ada@example.com")
    refused = await form_post(
        browser, "/dashboard/staff", "/dashboard/staff/ada%40example.com/role", {"role": "support"}
    )
    assert refused.status_code == 409
    assert (
        "cannot demote ada@example.com: the tenant&#39;s last active admin; make another person admin first"
        in refused.text
    )
    services = app.state.services
    with pytest.raises(LoyaltyError) as raised:
        async with services.stores.write() as store:
            await staff.disable_staff(
                store, tenant_id=tenant.tenant_id, email="ada@example.com", actor="test", now=services.now()
            )
    assert raised.value.code == ErrorCode.CONFLICT
    assert (await browser.get("/dashboard/staff")).status_code == 200  # still an admin, still signed in


async def test_two_admins_demoting_each_other_at_once_leave_one_admin(app: Any, tenant: TenantHandle) -> None:
    await add_staff(app, tenant, "ada@example.com", "admin")
    await add_staff(app, tenant, "bea@example.com", "admin")
    async with signed_in_browsers(app, tenant, "ada@example.com", "bea@example.com") as (ada, bea):
        ada_csrf = csrf_of((await ada.get("/dashboard/staff")).text)
        bea_csrf = csrf_of((await bea.get("/dashboard/staff")).text)
        replies = await asyncio.gather(
            ada.post("/dashboard/staff/bea%40example.com/role", data={"csrf": ada_csrf, "role": "viewer"}),
            bea.post("/dashboard/staff/ada%40example.com/role", data={"csrf": bea_csrf, "role": "viewer"}),
        )
    statuses = sorted(r.status_code for r in replies)
    # The loser is refused as the last admin, or (when the winner demoted them first) as a viewer.
    assert statuses in ([303, 403], [303, 409]), statuses
    services = app.state.services
    async with services.stores.read() as store:
        people = await staff.list_staff(store, tenant.tenant_id)
    assert sorted(p.role for p in people) == ["admin", "viewer"]


async def test_the_member_page_shows_challenge_progress_and_streaks(
    app: Any, browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await tenant.create_user("ann")
    login = {"title": "Login", "status": "ACTIVE", "type": "FIXED", "reward": {"default": 10}}
    challenge = {"title": {"en": "Three logins"}, "type": "FIXED", "goal": 3, "points": 5, "eventId": "login"}
    streak = {"streakId": "daily_login", "eventIds": ["login"], "timeFrame": "daily", "milestones": {"7": 50}}
    for kind, item_id, body in (
        ("events", "login", login),
        ("challenges", "three_logins", challenge),
        ("streaks", "daily_login", streak),
    ):
        assert (await tenant.put(kind, item_id, body)).status_code == 200
    for _ in range(2):
        logged = await tenant.client.post(
            "/v1/event", json={"eventId": "login", "userId": "ann", "metadata": {}}, headers=tenant.admin
        )
        assert logged.status_code == 200, logged.text
    await add_staff(app, tenant, "vic@example.com", "viewer")
    await staff_sign_in(browser, tenant, "vic@example.com")
    page = (await browser.get("/dashboard/users/ann")).text
    challenge_row = page.split('data-challenge="three_logins"', 1)[1].split("</tr>", 1)[0]
    assert "Three logins" in challenge_row
    assert '<progress max="3" value="2"></progress> 2 / 3' in challenge_row
    assert ">open<" in challenge_row
    streak_row = page.split('data-streak="daily_login"', 1)[1].split("</tr>", 1)[0]
    cells = [c.split("<", 1)[0] for c in streak_row.split('<td class="num">')[1:3]]
    assert cells == ["1", "1"]  # two logins on one day: a run of one day
    assert "T" not in streak_row.rsplit('class="nowrap">', 1)[1].split("<", 1)[0]  # shown as YYYY-MM-DD HH:MM
