"""The dashboard over HTTP: sign-in, session cookie, CSRF, every page, and its writes."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from urllib.parse import quote

import httpx
import pytest

from tests.support import TenantHandle

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
PAGES = [
    "/dashboard/",
    "/dashboard/analytics",
    "/dashboard/users",
    "/dashboard/settings",
    "/dashboard/api-keys",
    "/dashboard/audit",
]


@pytest.fixture
async def browser(app: object) -> AsyncIterator[httpx.AsyncClient]:
    """A client with its own cookie jar (the shared ``client`` must not carry a session)."""
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


def csrf_of(html: str) -> str:
    match = CSRF.search(html)
    assert match, html[:500]
    return match.group(1)


async def sign_in(browser: httpx.AsyncClient, key: str) -> httpx.Response:
    """The bootstrap sign-in with the tenant's admin API key (a tenant without staff accounts)."""
    page = await browser.get("/dashboard/login")
    return await browser.post(
        "/dashboard/login/key", data={"csrf": csrf_of(page.text), "apiKey": key, "next": "/dashboard/"}
    )


async def form_post(
    browser: httpx.AsyncClient, page_url: str, action: str, data: dict[str, str]
) -> httpx.Response:
    page = await browser.get(page_url)
    assert page.status_code == 200, page.text[:300]
    return await browser.post(action, data={"csrf": csrf_of(page.text), **data})


async def test_sign_in_with_the_admin_key_sets_a_hardened_session_cookie(
    browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    response = await sign_in(browser, tenant.admin_key)
    assert response.status_code == 303
    assert response.headers["location"] == "/dashboard/"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("loyalty_dashboard=")
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie or "SameSite=Lax" in cookie
    assert "Path=/dashboard" in cookie
    assert tenant.admin_key not in cookie
    assert "Secure" not in cookie  # plain http in the test; https requests get Secure


async def test_session_cookie_is_secure_over_https(app: object, tenant: TenantHandle) -> None:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as secure:
        response = await sign_in(secure, tenant.admin_key)
    assert response.status_code == 303
    assert "Secure" in response.headers["set-cookie"]


async def test_wrong_key_is_refused_with_a_message(browser: httpx.AsyncClient, tenant: TenantHandle) -> None:
    response = await sign_in(browser, "lyk_not_a_key")
    assert response.status_code == 401
    assert "That API key is unknown or revoked." in response.text
    assert (await browser.get("/dashboard/")).status_code == 303


async def test_service_key_cannot_sign_in(browser: httpx.AsyncClient, tenant: TenantHandle) -> None:
    created = await tenant.put("api-keys", "shop", {"role": "service"})
    response = await sign_in(browser, created.json()["key"])
    assert response.status_code == 401
    assert "needs an admin API key" in response.text


async def test_login_without_csrf_token_is_forbidden(
    browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await browser.get("/dashboard/login")
    response = await browser.post("/dashboard/login/key", data={"apiKey": tenant.admin_key})
    assert response.status_code == 403


async def test_post_without_csrf_token_is_forbidden_and_changes_nothing(
    browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await sign_in(browser, tenant.admin_key)
    response = await browser.post("/dashboard/settings", data={"timeZone": "Europe/Berlin"})
    assert response.status_code == 403
    settings = await tenant.client.get("/v1/admin/settings/tenant", headers=tenant.admin)
    assert settings.json()["timeZone"] == "UTC"


@pytest.mark.parametrize("path", PAGES)
async def test_every_page_answers_a_signed_in_admin(
    browser: httpx.AsyncClient, tenant: TenantHandle, path: str
) -> None:
    await sign_in(browser, tenant.admin_key)
    response = await browser.get(path)
    assert response.status_code == 200
    assert f"tenant <strong>{tenant.name}</strong>" in response.text


@pytest.mark.parametrize("path", [*PAGES, "/dashboard/config/events", "/dashboard/users?userId=u1"])
async def test_every_page_redirects_to_sign_in_without_a_session(
    browser: httpx.AsyncClient, path: str
) -> None:
    response = await browser.get(path)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/dashboard/login?next=")


async def test_a_tampered_session_cookie_is_not_accepted(
    browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await sign_in(browser, tenant.admin_key)
    value = browser.cookies["loyalty_dashboard"]
    browser.cookies.clear()
    browser.cookies.set("loyalty_dashboard", value[:-3] + "AAA", domain="testserver", path="/dashboard")
    assert (await browser.get("/dashboard/")).status_code == 303


async def test_revoking_the_signed_in_key_ends_the_session(
    browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await sign_in(browser, tenant.admin_key)
    response = await form_post(browser, "/dashboard/api-keys", "/dashboard/api-keys/admin/revoke", {})
    assert response.status_code == 303
    assert (await browser.get("/dashboard/")).status_code == 303


async def test_sign_out_ends_the_session(browser: httpx.AsyncClient, tenant: TenantHandle) -> None:
    await sign_in(browser, tenant.admin_key)
    response = await form_post(browser, "/dashboard/", "/dashboard/logout", {})
    assert response.headers["location"] == "/dashboard/login"
    assert (await browser.get("/dashboard/")).status_code == 303


SETTINGS_FORM = {
    "timeZone": "Europe/Berlin",
    "couponCodePattern": "SHOP-####",
    "languages": "en, de",
    "defaultLanguage": "de",
    "expiryPolicy.mode": "days_after_earning",
    "expiryPolicy.days": "365",
    "expiryPolicy.afterMonths": "0",
    "rateLimit.requestsPerMinute": "0",
    "rateLimit.perCredentialPerMinute": "0",
}


async def test_settings_form_saves_through_the_admin_use_case(
    browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await sign_in(browser, tenant.admin_key)
    response = await form_post(browser, "/dashboard/settings", "/dashboard/settings", SETTINGS_FORM)
    assert response.status_code == 303
    stored = (await tenant.client.get("/v1/admin/settings/tenant", headers=tenant.admin)).json()
    assert stored["timeZone"] == "Europe/Berlin"
    assert stored["couponCodePattern"] == "SHOP-####"
    assert stored["defaultLanguage"] == "de"
    assert stored["expiryPolicy"] == {
        "mode": "days_after_earning",
        "days": 365,
        "period": None,
        "afterMonths": 0,
    }
    audit = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
    assert audit[0]["action"] == "settings.update"
    assert audit[0]["actor"] == "api-key:admin"


async def test_settings_validation_error_is_shown_next_to_the_field(
    browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await sign_in(browser, tenant.admin_key)
    form = {**SETTINGS_FORM, "timeZone": "Mars/Olympus"}
    response = await form_post(browser, "/dashboard/settings", "/dashboard/settings", form)
    assert response.status_code == 400
    field_html = response.text.split('id="timeZone"', 1)[1].split("</div>", 1)[0]
    assert "unknown IANA time zone &#39;Mars/Olympus&#39;" in field_html
    stored = (await tenant.client.get("/v1/admin/settings/tenant", headers=tenant.admin)).json()
    assert stored["timeZone"] == "UTC"


async def test_api_key_is_shown_once_at_creation_and_works(
    browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await sign_in(browser, tenant.admin_key)
    response = await form_post(
        browser,
        "/dashboard/api-keys",
        "/dashboard/api-keys",
        {"id": "pos", "name": "Till", "role": "service"},
    )
    assert response.status_code == 200
    shown = re.search(r'value="(lyk_[^"]+)"', response.text)
    assert shown is not None
    listed = await tenant.client.get("/v1/admin/api-keys/pos", headers={"X-API-Key": shown.group(1)})
    assert listed.status_code == 403  # a service key works (authenticates) but may not configure
    again = await browser.get("/dashboard/api-keys")
    assert shown.group(1) not in again.text


async def test_api_key_with_a_bad_role_names_the_field(
    browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await sign_in(browser, tenant.admin_key)
    response = await form_post(
        browser, "/dashboard/api-keys", "/dashboard/api-keys", {"id": "x", "name": "", "role": "root"}
    )
    assert response.status_code == 400
    assert "&#39;role&#39; must be one of admin, service" in response.text


async def test_manual_adjustment_moves_the_balance_and_is_audited(
    browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await tenant.create_user("ann")
    await sign_in(browser, tenant.admin_key)
    page = "/dashboard/users/ann"
    response = await form_post(
        browser, page, "/dashboard/users/ann/adjust", {"points": "120", "reason": "goodwill"}
    )
    assert response.status_code == 303
    response = await form_post(
        browser, page, "/dashboard/users/ann/adjust", {"points": "-20", "reason": "typo"}
    )
    shown = await browser.get(response.headers["location"])
    assert "Adjusted -20 points; balance is now 100." in shown.text
    assert '<strong id="points-balance">100</strong>' in shown.text
    assert "<td>goodwill</td>" in shown.text
    assert "<td>typo</td>" in shown.text
    points = await tenant.client.get("/v1/user/ann/points", headers=tenant.admin)
    assert points.json() == {"userId": "ann", "points": 100, "userExists": True, "pendingPoints": 0}
    audit = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
    adjustments = [a for a in audit if a["target"] == "users/ann/points"]
    assert [(a["action"], a["after"]["amount"], a["after"]["reason"]) for a in adjustments] == [
        ("points.adjust", -20, "typo"),
        ("points.adjust", 120, "goodwill"),
    ]


async def test_adjustment_below_zero_is_refused_next_to_the_points_field(
    browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await tenant.create_user("bob")
    await sign_in(browser, tenant.admin_key)
    page = "/dashboard/users/bob"
    response = await form_post(browser, page, "/dashboard/users/bob/adjust", {"points": "-5", "reason": "x"})
    assert response.status_code == 400
    assert "not enough points" in response.text.split('id="adjust-points"', 1)[1].split("</div>", 1)[0]


async def test_unknown_user_page_says_so(browser: httpx.AsyncClient, tenant: TenantHandle) -> None:
    await sign_in(browser, tenant.admin_key)
    response = await browser.get("/dashboard/users?userId=" + quote("nobody"))
    assert response.status_code == 303
    assert response.headers["location"] == "/dashboard/users/nobody"
    response = await browser.get("/dashboard/users/nobody")
    assert response.status_code == 200
    assert "There is no member <code>nobody</code> in this tenant." in response.text


async def test_unknown_kind_page_is_404(browser: httpx.AsyncClient, tenant: TenantHandle) -> None:
    await sign_in(browser, tenant.admin_key)
    response = await browser.get("/dashboard/config/no-such-kind")
    assert response.status_code == 404
    assert "there is no configuration kind &#39;no-such-kind&#39;" in response.text


async def test_static_stylesheet_is_served_locally(browser: httpx.AsyncClient) -> None:
    response = await browser.get("/dashboard/static/dashboard.css")
    assert response.status_code == 200
    assert "http" not in response.text.split("*/", 1)[1]


async def test_dashboard_without_trailing_slash_leads_to_sign_in(browser: httpx.AsyncClient) -> None:
    first = await browser.get("/dashboard")
    assert (first.status_code, first.headers["location"]) == (307, "http://testserver/dashboard/")
    second = await browser.get("/dashboard/")
    assert second.headers["location"] == "/dashboard/login?next=%2Fdashboard%2F"
