"""Single sign-on over OpenID Connect against a real provider: oidc-provider-mock (a maintained
OpenID provider built on Authlib's server side) serving HTTP on 127.0.0.1, started by the test.
The dashboard discovers it, sends the browser to it, exchanges the code and verifies the ID token
over the network, as it would with any provider."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.integration.test_dashboard import csrf_of
from tests.oidc_provider import running_provider, sso_settings
from tests.support import TenantHandle


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    with running_provider() as issuer:
        yield issuer


async def configure(tenant: TenantHandle, issuer: str) -> None:
    current = (await tenant.client.get("/v1/admin/settings/tenant", headers=tenant.admin)).json()
    current["sso"] = sso_settings(issuer)
    saved = await tenant.client.put("/v1/admin/settings/tenant", headers=tenant.admin, json=current)
    assert saved.status_code == 200, saved.text
    assert saved.json()["sso"]["clientSecretSet"] is True
    assert "clientSecret" not in saved.json()["sso"]


async def sso_sign_in(browser: httpx.AsyncClient, tenant: TenantHandle, sub: str) -> httpx.Response:
    """Press 'Sign in with single sign-on', pick the person at the provider, follow the redirect."""
    login = await browser.get("/dashboard/login")
    start = await browser.post("/dashboard/sso", data={"csrf": csrf_of(login.text), "tenant": tenant.name})
    assert start.status_code == 200, start.text[:300]
    found = re.search(r'id="continue-sso" href="([^"]+)"', start.text)
    assert found
    authorize = html.unescape(found.group(1))
    async with httpx.AsyncClient() as network:
        form = await network.get(authorize)
        assert form.status_code == 200
        answer = await network.post(authorize, data={"sub": sub})
    assert answer.status_code == 302, answer.text[:300]
    callback = urlsplit(answer.headers["location"])
    assert callback.path == "/dashboard/sso/callback"
    return await browser.get(f"{callback.path}?{callback.query}")


@pytest.fixture
def browser(app: object) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


async def test_first_sso_sign_in_creates_the_account_with_the_mapped_role(
    provider: str, tenant: TenantHandle, browser: httpx.AsyncClient
) -> None:
    await configure(tenant, provider)
    async with browser:
        done = await sso_sign_in(browser, tenant, "alice-1")
        assert done.status_code == 303, re.findall(r"field-error[^<]*<", done.text)
        assert done.headers["location"] == "/dashboard/"
        page = await browser.get("/dashboard/")
        assert 'id="signed-in-as">alice@example.com · <span class="pill">support</span>' in page.text
        assert (await browser.get("/dashboard/settings")).status_code == 403
        # Signing in again finds the same account.
        again = await sso_sign_in(browser, tenant, "alice-1")
        assert again.status_code == 303
    audit = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
    created = [a for a in audit if a["action"] == "staff.create"]
    assert [(a["actor"], a["target"], a["after"]) for a in created] == [
        ("staff:alice@example.com", "staff/alice@example.com", {"role": "support", "sso": True})
    ]


async def test_an_admin_group_maps_to_admin(
    provider: str, tenant: TenantHandle, browser: httpx.AsyncClient
) -> None:
    await configure(tenant, provider)
    async with browser:
        assert (await sso_sign_in(browser, tenant, "olga-2")).status_code == 303
        assert (await browser.get("/dashboard/settings")).status_code == 200


async def test_a_person_whose_groups_map_to_no_role_is_refused(
    provider: str, tenant: TenantHandle, browser: httpx.AsyncClient
) -> None:
    await configure(tenant, provider)
    async with browser:
        refused = await sso_sign_in(browser, tenant, "mallory-3")
        assert refused.status_code == 401
        assert (
            "single sign-on failed: &#39;groups&#39; maps to no dashboard role for mallory@example.com"
            in (refused.text)
        )
        assert (await browser.get("/dashboard/")).status_code == 303


async def test_a_callback_that_does_not_belong_to_the_sign_in_is_refused(
    provider: str, tenant: TenantHandle, browser: httpx.AsyncClient
) -> None:
    await configure(tenant, provider)
    async with browser:
        login = await browser.get("/dashboard/login")
        await browser.post("/dashboard/sso", data={"csrf": csrf_of(login.text), "tenant": tenant.name})
        forged = await browser.get("/dashboard/sso/callback", params={"code": "stolen", "state": "guessed"})
        assert forged.status_code == 401
        assert "the answer does not belong to this sign-in (state)" in forged.text


async def test_a_tenant_without_sso_says_so(tenant: TenantHandle, browser: httpx.AsyncClient) -> None:
    async with browser:
        login = await browser.get("/dashboard/login")
        start = await browser.post(
            "/dashboard/sso", data={"csrf": csrf_of(login.text), "tenant": tenant.name}
        )
        assert start.status_code == 400
        assert f"tenant &#39;{tenant.name}&#39; has no single sign-on configured" in start.text


async def test_sso_settings_are_checked(tenant: TenantHandle) -> None:
    current: dict[str, Any] = (
        await tenant.client.get("/v1/admin/settings/tenant", headers=tenant.admin)
    ).json()
    current["sso"] = {"issuer": "http://idp.example.com", "clientId": "x"}
    refused = await tenant.client.put("/v1/admin/settings/tenant", headers=tenant.admin, json=current)
    assert refused.status_code == 400
    assert "'sso.issuer' must be an https URL (http only for localhost)" in refused.text
    current["sso"] = {"issuer": "https://idp.example.com", "clientId": "x", "roleMapping": {"g": "owner"}}
    refused = await tenant.client.put("/v1/admin/settings/tenant", headers=tenant.admin, json=current)
    assert refused.status_code == 400
    assert "sso.roleMapping.g" in refused.text


async def test_the_client_secret_is_kept_when_an_update_leaves_it_out(
    provider: str, tenant: TenantHandle, browser: httpx.AsyncClient
) -> None:
    await configure(tenant, provider)
    current = (await tenant.client.get("/v1/admin/settings/tenant", headers=tenant.admin)).json()
    current["timeZone"] = "Europe/Berlin"
    saved = await tenant.client.put("/v1/admin/settings/tenant", headers=tenant.admin, json=current)
    assert saved.json()["sso"]["clientSecretSet"] is True
    async with browser:
        assert (await sso_sign_in(browser, tenant, "olga-2")).status_code == 303
