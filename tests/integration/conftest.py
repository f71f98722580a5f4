"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.integration.test_dashboard import sign_in
from tests.support import TenantHandle


@pytest.fixture
async def admin_browser(app: object, tenant: TenantHandle) -> AsyncIterator[httpx.AsyncClient]:
    """A dashboard session signed in with the tenant's admin key."""
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        await sign_in(c, tenant.admin_key)
        yield c
