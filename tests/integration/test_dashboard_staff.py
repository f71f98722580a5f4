"""People in the dashboard: sign-in by email and password, the one-time password, changing one's
own password, disabling, rate-limited attempts, the API key only as bootstrap, staff management."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.integration.dashboard_staff_support import PASSWORD, add_staff, signed_in_browsers, staff_sign_in
from tests.integration.test_dashboard import csrf_of, form_post, sign_in
from tests.support import TenantHandle


@pytest.fixture
async def browser(app: object) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def test_a_person_signs_in_with_email_and_password_and_is_named_on_every_page(
    app: Any, browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await add_staff(app, tenant, "alice@example.com", "admin")
    response = await staff_sign_in(browser, tenant, "Alice@Example.com")
    assert response.status_code == 303
    assert response.headers["location"] == "/dashboard/"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "Path=/dashboard" in cookie
    assert PASSWORD not in cookie
    page = await browser.get("/dashboard/")
    assert page.status_code == 200
    assert 'id="signed-in-as">alice@example.com · <span class="pill">admin</span>' in page.text


async def test_a_wrong_password_an_unknown_email_and_an_unknown_tenant_get_the_same_answer(
    app: Any, browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await add_staff(app, tenant, "alice@example.com", "admin")
    message = "That tenant, email and password do not match an active account."
    for tenant_name, email, password in [
        (tenant.name, "alice@example.com", "wrong password"),
        (tenant.name, "bob@example.com", PASSWORD),
    ]:
        handle = TenantHandle(tenant_name, tenant.tenant_id, tenant.secret, tenant.admin_key, tenant.client)
        response = await staff_sign_in(browser, handle, email, password)
        assert response.status_code == 401
        assert message in response.text
    other = TenantHandle("no-such-tenant", 0, "", "", tenant.client)
    response = await staff_sign_in(browser, other, "alice@example.com")
    assert response.status_code == 401
    assert message in response.text
    assert (await browser.get("/dashboard/")).status_code == 303


async def test_the_one_time_password_must_be_replaced_before_anything_else(
    app: Any, browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    one_time = await add_staff(app, tenant, "sam@example.com", "support", ready=False)
    response = await staff_sign_in(browser, tenant, "sam@example.com", one_time)
    assert response.headers["location"] == "/dashboard/account"
    held = await browser.get("/dashboard/users")
    assert held.status_code == 303
    assert held.headers["location"].startswith("/dashboard/account")

    refused = await form_post(
        browser,
        "/dashboard/account",
        "/dashboard/account",
        {"current": one_time, "password": "short", "repeat": "short"},
    )
    assert refused.status_code == 400
    assert "the new password needs at least 12 characters" in refused.text
    differ = await form_post(
        browser,
        "/dashboard/account",
        "/dashboard/account",
        {"current": one_time, "password": "a long new password", "repeat": "another long one"},
    )
    assert "the two new passwords differ" in differ.text

    changed = await form_post(
        browser,
        "/dashboard/account",
        "/dashboard/account",
        {"current": one_time, "password": "a long new password", "repeat": "a long new password"},
    )
    assert changed.status_code == 303
    assert (await browser.get("/dashboard/users")).status_code == 200

    # The one-time password is gone; the new one signs in.
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as other:
        assert (await staff_sign_in(other, tenant, "sam@example.com", one_time)).status_code == 401
        assert (
            await staff_sign_in(other, tenant, "sam@example.com", "a long new password")
        ).status_code == 303


async def test_changing_the_password_ends_the_persons_other_sessions(app: Any, tenant: TenantHandle) -> None:
    await add_staff(app, tenant, "vic@example.com", "viewer")
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with (
        httpx.AsyncClient(transport=transport, base_url="http://testserver") as laptop,
        httpx.AsyncClient(transport=transport, base_url="http://testserver") as phone,
    ):
        await staff_sign_in(laptop, tenant, "vic@example.com")
        await staff_sign_in(phone, tenant, "vic@example.com")
        changed = await form_post(
            laptop,
            "/dashboard/account",
            "/dashboard/account",
            {"current": PASSWORD, "password": "brand new password!", "repeat": "brand new password!"},
        )
        assert changed.status_code == 303
        assert (await laptop.get("/dashboard/")).status_code == 200
        assert (await phone.get("/dashboard/")).status_code == 303


async def test_sign_in_attempts_are_limited_per_account(
    app: Any, browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await add_staff(app, tenant, "alice@example.com", "admin")
    limit = app.state.services.settings.dashboard_signin_per_account_per_minute
    for _ in range(limit):
        assert (await staff_sign_in(browser, tenant, "alice@example.com", "guess")).status_code == 401
    # Over the limit even the right password is refused until the minute is over.
    blocked = await staff_sign_in(browser, tenant, "alice@example.com")
    assert blocked.status_code == 429
    assert "Too many sign-in attempts; try again in" in blocked.text
    assert 1 <= int(blocked.headers["retry-after"]) <= 60
    app.state.services.clock.advance(60_000)
    assert (await staff_sign_in(browser, tenant, "alice@example.com")).status_code == 303


async def test_the_api_key_signs_in_only_while_the_tenant_has_no_staff(
    app: Any, browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    assert (await sign_in(browser, tenant.admin_key)).status_code == 303
    created = await form_post(
        browser, "/dashboard/staff", "/dashboard/staff", {"email": "Owner@Example.com", "role": "admin"}
    )
    assert created.status_code == 200
    assert "Created <strong>owner@example.com</strong> (admin)" in created.text
    # The key's session ends with the first account, and the key no longer signs in.
    assert (await browser.get("/dashboard/")).status_code == 303
    refused = await sign_in(browser, tenant.admin_key)
    assert refused.status_code == 401
    assert "This tenant has staff accounts: sign in with your email and password." in refused.text
    audit = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
    assert (audit[0]["actor"], audit[0]["action"], audit[0]["target"]) == (
        "api-key:admin",
        "staff.create",
        "staff/owner@example.com",
    )


async def test_an_admin_disables_a_person_and_their_session_ends_at_once(
    app: Any, tenant: TenantHandle
) -> None:
    await add_staff(app, tenant, "alice@example.com", "admin")
    await add_staff(app, tenant, "bob@example.com", "support")
    async with signed_in_browsers(app, tenant, "alice@example.com", "bob@example.com") as (alice, bob):
        assert (await bob.get("/dashboard/users")).status_code == 200
        done = await form_post(alice, "/dashboard/staff", "/dashboard/staff/bob%40example.com/disable", {})
        assert done.status_code == 303
        assert (await bob.get("/dashboard/users")).status_code == 303
        assert (await staff_sign_in(bob, tenant, "bob@example.com")).status_code == 401
        listing = await alice.get("/dashboard/staff")
        row = listing.text.split("<td>bob@example.com</td>", 1)[1].split("</tr>", 1)[0]
        assert ">disabled<" in row
    audit = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
    assert (audit[0]["actor"], audit[0]["action"]) == ("staff:alice@example.com", "staff.disable")


async def test_sign_out_ends_the_session(app: Any, browser: httpx.AsyncClient, tenant: TenantHandle) -> None:
    await add_staff(app, tenant, "alice@example.com", "viewer")
    await staff_sign_in(browser, tenant, "alice@example.com")
    page = await browser.get("/dashboard/")
    response = await browser.post("/dashboard/logout", data={"csrf": csrf_of(page.text)})
    assert response.status_code == 303
    assert (await browser.get("/dashboard/")).status_code == 303


async def test_changes_are_attributed_to_the_person(
    app: Any, browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await tenant.create_user("ann")
    await add_staff(app, tenant, "sue@example.com", "support")
    await staff_sign_in(browser, tenant, "sue@example.com")
    response = await form_post(
        browser,
        "/dashboard/users/ann",
        "/dashboard/users/ann/adjust",
        {"points": "30", "reason": "late parcel"},
    )
    assert response.status_code == 303
    audit = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
    assert (audit[0]["actor"], audit[0]["action"], audit[0]["after"]["reason"]) == (
        "staff:sue@example.com",
        "points.adjust",
        "late parcel",
    )
