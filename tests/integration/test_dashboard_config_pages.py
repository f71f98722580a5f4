"""The generic configuration pages, over a kind registered just for these tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Literal

import httpx
import msgspec
import pytest

from loyalty.app.tenancy.config_kinds import KINDS, ConfigKind, register
from loyalty.core.errors import invalid
from tests.integration.test_dashboard import csrf_of, form_post, sign_in
from tests.support import TenantHandle


class Gadget(msgspec.Struct, forbid_unknown_fields=True):
    gadgetId: str
    title: str
    points: int = 10
    status: Literal["ACTIVE", "INACTIVE"] = "ACTIVE"


def check_gadget(value: Gadget) -> None:
    if value.points < 0:
        raise invalid("points", "'points' must not be negative")


@pytest.fixture
def gadgets() -> Iterator[ConfigKind]:
    kind = register(ConfigKind(name="gadgets", schema=Gadget, id_field="gadgetId", check=check_gadget))
    yield kind
    KINDS.pop("gadgets", None)


@pytest.fixture
async def admin_browser(
    app: object, tenant: TenantHandle, gadgets: ConfigKind
) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        await sign_in(c, tenant.admin_key)
        yield c


async def test_kind_list_page_shows_items_with_status(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await tenant.put("gadgets", "lamp", {"title": "Desk lamp"})
    page = await admin_browser.get("/dashboard/config/gadgets")
    assert page.status_code == 200
    assert "<code>lamp</code>" in page.text
    assert "<td>Desk lamp</td>" in page.text
    assert '<span class="badge on">ACTIVE</span>' in page.text


async def test_new_item_form_opens_an_editor_with_the_id_filled(admin_browser: httpx.AsyncClient) -> None:
    response = await admin_browser.get("/dashboard/config/gadgets?new=fan")
    assert response.headers["location"] == "/dashboard/config/gadgets/fan"
    editor = await admin_browser.get("/dashboard/config/gadgets/fan")
    assert editor.status_code == 200
    assert 'id="ff-gadgetId" name="f.gadgetId" value="fan"' in editor.text  # the form is the default
    editor = await admin_browser.get("/dashboard/config/gadgets/fan?mode=yaml")
    assert "gadgetId: fan\ntitle: null\n" in editor.text
    assert '<li class="" data-field="points">' in editor.text
    assert "integer · default 10" in editor.text


async def test_editor_creates_the_item_through_the_admin_use_case(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    body = "gadgetId: fan\ntitle: Ceiling fan\npoints: 25\n"
    response = await form_post(
        admin_browser, "/dashboard/config/gadgets/fan", "/dashboard/config/gadgets/fan", {"body": body}
    )
    assert response.status_code == 303
    stored = await tenant.client.get("/v1/admin/gadgets/fan", headers=tenant.admin)
    assert stored.json() == {
        "gadgetId": "fan",
        "title": "Ceiling fan",
        "points": 25,
        "status": "ACTIVE",
        "version": 1,
    }
    audit = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
    assert (audit[0]["action"], audit[0]["target"]) == ("gadgets.create", "gadgets/fan")


async def test_validation_error_is_shown_above_the_editor_and_highlights_the_field(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    body = "gadgetId: fan\ntitle: Fan\npoints: -3\n"
    response = await form_post(
        admin_browser, "/dashboard/config/gadgets/fan", "/dashboard/config/gadgets/fan", {"body": body}
    )
    assert response.status_code == 400
    assert "<strong>points</strong>: &#39;points&#39; must not be negative" in response.text
    assert '<li class="highlight" data-field="points">' in response.text
    assert "points: -3" in response.text  # what the user typed is kept
    assert (await tenant.client.get("/v1/admin/gadgets/fan", headers=tenant.admin)).status_code == 404


async def test_unknown_field_is_named(admin_browser: httpx.AsyncClient) -> None:
    body = '{"gadgetId": "fan", "title": "Fan", "colour": "red"}'
    response = await form_post(
        admin_browser, "/dashboard/config/gadgets/fan", "/dashboard/config/gadgets/fan", {"body": body}
    )
    assert response.status_code == 400
    assert "<strong>colour</strong>: &#39;colour&#39; is not a known field" in response.text


async def test_invalid_yaml_is_reported_without_writing(admin_browser: httpx.AsyncClient) -> None:
    response = await form_post(
        admin_browser,
        "/dashboard/config/gadgets/fan",
        "/dashboard/config/gadgets/fan",
        {"body": "title: [unclosed"},
    )
    assert response.status_code == 400
    assert "not valid YAML/JSON" in response.text


async def test_deactivate_then_activate_toggles_status(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await tenant.put("gadgets", "lamp", {"title": "Desk lamp"})
    url = "/dashboard/config/gadgets/lamp/status"
    await form_post(admin_browser, "/dashboard/config/gadgets", url, {})
    assert (await tenant.client.get("/v1/admin/gadgets/lamp", headers=tenant.admin)).json()[
        "status"
    ] == "INACTIVE"
    response = await form_post(admin_browser, "/dashboard/config/gadgets", url, {})
    assert response.headers["location"].startswith("/dashboard/config/gadgets?notice=")
    stored = (await tenant.client.get("/v1/admin/gadgets/lamp", headers=tenant.admin)).json()
    assert (stored["status"], stored["version"]) == ("ACTIVE", 3)


async def test_delete_removes_the_item(admin_browser: httpx.AsyncClient, tenant: TenantHandle) -> None:
    await tenant.put("gadgets", "lamp", {"title": "Desk lamp"})
    response = await form_post(
        admin_browser, "/dashboard/config/gadgets", "/dashboard/config/gadgets/lamp/delete", {}
    )
    assert response.status_code == 303
    assert (await tenant.client.get("/v1/admin/gadgets/lamp", headers=tenant.admin)).status_code == 404


async def test_delete_without_csrf_is_forbidden(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    await tenant.put("gadgets", "lamp", {"title": "Desk lamp"})
    response = await admin_browser.post("/dashboard/config/gadgets/lamp/delete", data={"csrf": "forged"})
    assert response.status_code == 403
    assert (await tenant.client.get("/v1/admin/gadgets/lamp", headers=tenant.admin)).status_code == 200


async def test_registered_kinds_appear_in_the_navigation(admin_browser: httpx.AsyncClient) -> None:
    page = await admin_browser.get("/dashboard/")
    assert '<a href="/dashboard/config/gadgets" class="">Gadgets</a>' in page.text
    assert csrf_of(page.text)


class Switch(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    active: bool = True


async def test_kinds_with_an_active_flag_are_switched_by_it(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    register(ConfigKind(name="switches", schema=Switch, id_field="id"))
    try:
        await tenant.put("switches", "s1", {})
        page = await admin_browser.get("/dashboard/config/switches")
        assert '<span class="badge on">ACTIVE</span>' in page.text
        response = await form_post(
            admin_browser, "/dashboard/config/switches", "/dashboard/config/switches/s1/status", {}
        )
        assert "is+now+inactive" in response.headers["location"]
        stored = (await tenant.client.get("/v1/admin/switches/s1", headers=tenant.admin)).json()
        assert stored["active"] is False
    finally:
        KINDS.pop("switches", None)


async def test_the_schema_form_saves_each_field_and_shows_a_refusal_at_its_field(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    page = "/dashboard/config/gadgets/fan"
    form = {
        "mode": "form",
        "f.gadgetId": "fan",
        "f.title": "Ceiling fan",
        "f.points": "-3",
        "f.status": "ACTIVE",
    }
    refused = await form_post(admin_browser, page, page, form)
    assert refused.status_code == 400
    at_points = refused.text.split('data-form-field="points"', 1)[1].split("</div>\n", 2)
    assert 'value="-3"' in at_points[0]  # what was typed is kept
    assert 'class="field-error"' in "".join(at_points[:2])
    assert (await tenant.client.get("/v1/admin/gadgets/fan", headers=tenant.admin)).status_code == 404

    saved = await form_post(admin_browser, page, page, {**form, "f.points": "25", "f.status": "INACTIVE"})
    assert saved.status_code == 303
    stored = (await tenant.client.get("/v1/admin/gadgets/fan", headers=tenant.admin)).json()
    assert stored == {
        "gadgetId": "fan",
        "title": "Ceiling fan",
        "points": 25,
        "status": "INACTIVE",
        "version": 1,
    }


async def test_the_form_says_what_an_empty_field_defaults_to(admin_browser: httpx.AsyncClient) -> None:
    page = await admin_browser.get("/dashboard/config/gadgets/fresh")
    assert page.status_code == 200
    points = page.text.split('id="ff-points"', 1)[1].split(">", 1)[0]
    assert 'placeholder="default 10"' in points
    status = page.text.split('id="ff-status"', 1)[1].split("</select>", 1)[0]
    assert '<option value="">— default ACTIVE</option>' in status
