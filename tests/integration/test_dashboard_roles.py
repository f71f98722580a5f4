"""The route-by-role matrix: every route the dashboard mounts, every method, every role.

The cases come from the routes ``loyalty.web.pages.build`` mounts, and each must have an
expectation below: a new route without one fails here (and ``build`` refuses a route without a
rule in ``loyalty.web.roles``). A refused request is 403 before the page's handler runs; an
allowed one is answered by the handler (200, a redirect, or the handler's own 400/404)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from starlette.routing import Route

from loyalty.settings import Settings
from loyalty.web import pages
from tests.integration.dashboard_staff_support import add_staff, staff_sign_in
from tests.integration.test_dashboard import csrf_of
from tests.support import TenantHandle

ALL = {"admin", "support", "viewer"}
CARE = {"admin", "support"}
ADMIN = {"admin"}
PUBLIC = None

EXPECTED: dict[tuple[str, str], set[str] | None] = {
    ("/", "GET"): ALL,
    ("/login", "GET"): PUBLIC,
    ("/login", "POST"): PUBLIC,
    ("/login/key", "POST"): PUBLIC,
    ("/logout", "POST"): PUBLIC,
    ("/sso", "POST"): PUBLIC,
    ("/sso/callback", "GET"): PUBLIC,
    ("/account", "GET"): ALL,
    ("/account", "POST"): ALL,
    ("/staff", "GET"): ADMIN,
    ("/staff", "POST"): ADMIN,
    ("/staff/{email}/disable", "POST"): ADMIN,
    ("/staff/{email}/role", "POST"): ADMIN,
    ("/config/{kind}", "GET"): ALL,
    ("/config/{kind}/{id}", "GET"): ALL,
    ("/config/{kind}/{id}", "POST"): ADMIN,
    ("/config/offers/{id}/codes", "POST"): ADMIN,
    ("/config/webhooks/{id}/deliveries/{deliveryId}/resend", "POST"): CARE,
    ("/config/{kind}/{id}/status", "POST"): ADMIN,
    ("/config/{kind}/{id}/delete", "POST"): ADMIN,
    ("/settings", "GET"): ADMIN,
    ("/settings", "POST"): ADMIN,
    ("/api-keys", "GET"): ADMIN,
    ("/api-keys", "POST"): ADMIN,
    ("/api-keys/{id}/revoke", "POST"): ADMIN,
    ("/users", "GET"): ALL,
    ("/users/{userId}", "GET"): ALL,
    ("/users/{userId}/adjust", "POST"): CARE,
    ("/users/{userId}/coupons", "POST"): CARE,
    ("/users/{userId}/coupons/{couponId}/revoke", "POST"): CARE,
    ("/users/{userId}/export", "GET"): CARE,
    ("/users/{userId}/delete", "POST"): ADMIN,
    ("/analytics", "GET"): ALL,
    ("/audit", "GET"): ALL,
}
PLACEHOLDERS = {
    "{kind}": "events",
    "{id}": "matrix-item",
    "{deliveryId}": "whd_unknown",
    "{userId}": "ann",
    "{email}": "nobody%40example.com",
    "{couponId}": "999999",
}
FORMS: dict[str, dict[str, str]] = {
    "/config/{kind}/{id}": {"body": "eventId: matrix-item\ntype: FIXED\nreward:\n  default: 1\n"},
    "/users/{userId}/adjust": {"points": "5", "reason": "matrix"},
    "/users/{userId}/coupons": {"offerId": "matrix-offer", "couponReason": "matrix"},
    "/users/{userId}/coupons/{couponId}/revoke": {"reason": "matrix"},
    "/staff/{email}/role": {"role": "viewer"},
    "/users/{userId}/delete": {"confirm": "ann"},
    "/staff": {"email": "new@example.com", "role": "viewer"},
    "/settings": {
        "timeZone": "UTC",
        "languages": "en",
        "defaultLanguage": "en",
        "couponCodePattern": "X-###",
    },
    "/api-keys": {"id": "matrix", "role": "service"},
}


def dashboard_routes() -> list[tuple[str, str]]:
    mount = pages.build(SimpleNamespace(settings=Settings()))  # type: ignore[arg-type]
    found = []
    for route in mount.routes:
        if isinstance(route, Route):
            found += [(route.path, m) for m in sorted(route.methods or ()) if m != "HEAD"]
    return found


ROUTES = dashboard_routes()


def test_every_mounted_route_has_an_expectation_and_no_expectation_is_stale() -> None:
    assert sorted(ROUTES) == sorted(EXPECTED)


def concrete(path: str) -> str:
    url = "/dashboard" + path
    for placeholder, value in PLACEHOLDERS.items():
        url = url.replace(placeholder, value)
    return url


@pytest.mark.parametrize(("path", "method"), ROUTES, ids=[f"{m} {p}" for p, m in ROUTES])
async def test_route_answers_each_role_as_the_matrix_says(
    app: Any, tenant: TenantHandle, path: str, method: str
) -> None:
    allowed = EXPECTED[(path, method)]
    url = concrete(path)
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    if allowed is PUBLIC:
        # No session needed, but a form still needs the CSRF token of the sign-in page.
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as anonymous:
            response = await (anonymous.get(url) if method == "GET" else anonymous.post(url, data={}))
        if method == "GET":
            assert response.status_code in (200, 401), response.status_code
            assert 'action="/dashboard/login"' in response.text
        else:
            assert response.status_code == 403
            assert "The form has expired (CSRF check)." in response.text
        return
    await tenant.create_user("ann")
    # The destructive role last: an admin's delete must not take away what the others read.
    for role in ("viewer", "support", "admin"):
        email = f"{role}@example.com"
        await add_staff(app, tenant, email, role)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as browser:
            assert (await staff_sign_in(browser, tenant, email)).status_code == 303
            if method == "GET":
                response = await browser.get(url)
            else:
                csrf = csrf_of((await browser.get("/dashboard/account")).text)
                response = await browser.post(url, data={"csrf": csrf, **FORMS.get(path, {})})
        if role in allowed:
            assert response.status_code != 403, (role, response.text[:400])
            assert response.status_code in (200, 303, 400, 404, 409), (role, response.status_code)
        else:
            assert response.status_code == 403, (role, response.status_code)
            assert f"Your role ({role}) may not do this." in response.text
