"""Campaigns through config as code and the dashboard, like every other kind."""

from __future__ import annotations

from typing import Any

import httpx
import yaml

from loyalty.app.kernel.principal import ADMIN, Principal
from loyalty.app.tenancy.config_as_code import ConfigDocumentInvalid, apply_document, export_tenant
from tests.contract.test_campaigns import DOUBLE_WEEKEND
from tests.integration.test_dashboard import form_post, sign_in
from tests.support import TenantHandle


def admin_of(app: Any, tenant: TenantHandle) -> tuple[Any, Principal]:
    principal = Principal(
        tenant_id=tenant.tenant_id, tenant=tenant.name, subject="cli", scopes=frozenset({ADMIN})
    )
    return app.state.services, principal


async def test_a_campaign_round_trips_through_config_as_code(
    app: Any, tenant: TenantHandle, other_tenant: TenantHandle
) -> None:
    assert (await tenant.put("campaigns", "double_weekend", DOUBLE_WEEKEND)).status_code == 200
    document = await export_tenant(*admin_of(app, tenant))
    exported = document["items"]["campaigns"]["double_weekend"]
    assert {k: exported[k] for k in DOUBLE_WEEKEND} == DOUBLE_WEEKEND
    text = yaml.safe_dump(document)
    changes = await apply_document(*admin_of(app, other_tenant), yaml.safe_load(text))
    assert "create campaigns/double_weekend" in [c.line() for c in changes]
    copied = (
        await other_tenant.client.get("/v1/admin/campaigns/double_weekend", headers=other_tenant.admin)
    ).json()
    assert {k: copied[k] for k in DOUBLE_WEEKEND} == DOUBLE_WEEKEND


async def test_an_invalid_campaign_in_a_document_names_kind_id_and_field(
    app: Any, tenant: TenantHandle
) -> None:
    document = {"items": {"campaigns": {"double_weekend": {**DOUBLE_WEEKEND, "multiplier": 0.5}}}}
    try:
        await apply_document(*admin_of(app, tenant), document)
    except ConfigDocumentInvalid as caught:
        lines = [p.line() for p in caught.problems]
    else:
        raise AssertionError("the document was applied")
    assert lines == ["campaigns/double_weekend field 'multiplier': 'multiplier' must be between 1 and 100"]


async def test_the_dashboard_lists_edits_and_creates_campaigns(app: object, tenant: TenantHandle) -> None:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as browser:
        await sign_in(browser, tenant.admin_key)
        body = yaml.safe_dump(DOUBLE_WEEKEND, sort_keys=False)
        url = "/dashboard/config/campaigns/double_weekend"
        editor = await browser.get(f"{url}?mode=yaml")
        assert editor.status_code == 200
        assert 'data-field="maxPointsPerUser"' in editor.text
        response = await form_post(browser, url, url, {"body": body})
        assert response.status_code == 303, response.text
        form = await browser.get(url)
        assert form.status_code == 200
        assert 'name="f.campaignId" value="double_weekend"' in form.text
        listing = await browser.get("/dashboard/config/campaigns")
        assert "<code>double_weekend</code>" in listing.text
    stored = (await tenant.client.get("/v1/admin/campaigns/double_weekend", headers=tenant.admin)).json()
    assert {k: stored[k] for k in DOUBLE_WEEKEND} == DOUBLE_WEEKEND
    audit = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
    assert (audit[0]["action"], audit[0]["target"]) == ("campaigns.create", "campaigns/double_weekend")
