"""Staff accounts for the dashboard tests: made through the app's use cases, signed in over HTTP."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import httpx

from loyalty.app.tenancy import staff
from tests.integration.test_dashboard import csrf_of
from tests.support import TenantHandle

PASSWORD = "correct horse battery staple"


async def add_staff(app: Any, tenant: TenantHandle, email: str, role: str, *, ready: bool = True) -> str:
    """A staff account; ``ready`` gives it ``PASSWORD`` (no one-time password left to replace).
    Returns the password that signs in."""
    services = app.state.services
    async with services.stores.write() as store:
        account, one_time = await staff.create_staff(
            store,
            services.settings,
            tenant_id=tenant.tenant_id,
            email=email,
            role=role,
            actor="test",
            now=services.now(),
        )
        if not ready:
            return one_time
        await store.staff.set_password(account.id, await staff.hash_password(services.settings, PASSWORD))
    return PASSWORD


async def staff_sign_in(
    browser: httpx.AsyncClient, tenant: TenantHandle, email: str, password: str = PASSWORD
) -> httpx.Response:
    page = await browser.get("/dashboard/login")
    return await browser.post(
        "/dashboard/login",
        data={
            "csrf": csrf_of(page.text),
            "tenant": tenant.name,
            "email": email,
            "password": password,
            "next": "/dashboard/",
        },
    )


@contextlib.asynccontextmanager
async def signed_in_browsers(
    app: Any, tenant: TenantHandle, *emails: str
) -> AsyncIterator[list[httpx.AsyncClient]]:
    """One browser per person, each signed in (the accounts exist already)."""
    transport = httpx.ASGITransport(app=app)
    async with contextlib.AsyncExitStack() as stack:
        browsers = []
        for email in emails:
            browser = await stack.enter_async_context(
                httpx.AsyncClient(transport=transport, base_url="http://testserver")
            )
            assert (await staff_sign_in(browser, tenant, email)).status_code == 303
            browsers.append(browser)
        yield browsers
