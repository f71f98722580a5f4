"""The dashboard in headless Chromium against ``loyalty serve``: what a programme manager does.

Screenshots of each page go to ``test-artifacts/screenshots/`` (CI keeps them as artefacts).
"""

from __future__ import annotations

from typing import Any

import httpx

from loyalty.app import features
from tests.e2e.conftest import screenshot
from tests.support import TenantHandle

features.load()

EVENT_YAML = """\
eventId: review_written
title: Review written
description: A customer wrote a product review
status: ACTIVE
type: FIXED
reward:
  default: 15
limit: 5
"""


async def sign_in(page: Any, base: str, key: str) -> None:
    """The bootstrap sign-in of a tenant without staff: the admin API key."""
    await page.goto(f"{base}/dashboard/")
    assert page.url.startswith(f"{base}/dashboard/login")
    await page.click("summary:has-text('First sign-in')")
    await page.fill("#apiKey", key)
    await page.click("button:has-text('Sign in with the API key')")
    await page.wait_for_url(f"{base}/dashboard/")


async def text(page: Any, selector: str) -> str:
    return str(await page.locator(selector).inner_text())


async def total_events(page: Any) -> int:
    if not await page.locator("#total-events").count():
        return 0
    return int((await text(page, "#total-events")).replace(",", ""))


async def test_sign_in_settings_keys_and_a_manual_adjustment(
    page: Any, live_server: str, tenant: TenantHandle
) -> None:
    base = live_server
    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        assert (await api.post("/v1/user", json={"userId": "alice"})).status_code == 201

    await page.goto(f"{base}/dashboard/login")
    await page.click("summary:has-text('First sign-in')")
    await page.fill("#apiKey", "lyk_wrong")
    await page.click("button:has-text('Sign in with the API key')")
    assert await text(page, "#key-error") == "That API key is unknown or revoked."
    await sign_in(page, base, tenant.admin_key)
    assert await text(page, ".tenant strong") == tenant.name
    await screenshot(page, "overview")

    # Settings: a bad time zone is refused next to its field, then a good one is saved.
    await page.click("nav >> text=Settings")
    await page.fill("[id='timeZone']", "Mars/Olympus")
    await page.click("button:has-text('Save settings')")
    assert await text(page, "#timeZone ~ .field-error") == "'timeZone': unknown IANA time zone 'Mars/Olympus'"
    assert "invalid" in (await page.locator("#timeZone").get_attribute("class") or "")
    await screenshot(page, "settings-error")
    await page.fill("[id='timeZone']", "Europe/Berlin")
    await page.click("button:has-text('Save settings')")
    assert await text(page, ".notice") == "Settings saved."
    assert await page.locator("#timeZone").input_value() == "Europe/Berlin"

    # API keys: created and shown once, then revoked.
    await page.click("nav >> text=API keys")
    await page.fill("#key-id", "checkout")
    await page.fill("#key-name", "Web shop checkout")
    await page.click("button:has-text('Create key')")
    new_key = await page.locator("#new-key").input_value()
    assert new_key.startswith("lyk_")
    await screenshot(page, "api-keys")
    async with httpx.AsyncClient(base_url=base) as api:
        key_header = {"X-API-Key": new_key}
        assert (await api.get("/v1/user/alice/points", headers=key_header)).status_code == 200
        page.once("dialog", lambda dialog: dialog.accept())
        await page.locator("tr", has_text="checkout").locator("button:has-text('Revoke')").click()
        assert await text(page, ".notice") == "Revoked API key 'checkout'."
        assert (await api.get("/v1/user/alice/points", headers=key_header)).status_code == 401

    # A user: look up, adjust points with a reason, see balance and ledger.
    await page.click("nav >> text=Members")
    await page.fill("input[name='userId']", "alice")
    await page.click("button:has-text('Open')")
    assert await text(page, "#points-balance") == "0"
    await page.fill("#adjust-points", "250")
    await page.fill("#adjust-reason", "Apology for a late delivery")
    await page.click("button:has-text('Apply adjustment')")
    assert await text(page, ".notice") == "Adjusted +250 points; balance is now 250."
    await page.fill("#adjust-points", "-40")
    await page.fill("#adjust-reason", "Returned item")
    await page.click("button:has-text('Apply adjustment')")
    assert await text(page, "#points-balance") == "210"
    assert await page.locator("#ledger tbody tr").count() == 2
    assert "Apology for a late delivery" in await text(page, "#ledger")
    await screenshot(page, "user")
    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        assert (await api.get("/v1/user/alice/points")).json()["points"] == 210

    await page.click("nav >> text=Analytics")
    await screenshot(page, "analytics")
    await page.click("nav >> text=Audit trail")
    await screenshot(page, "audit")
    assert await page.locator("td:text-is('users/alice/points')").count() == 2


async def test_create_an_event_log_it_and_see_points_and_analytics_change(
    page: Any, live_server: str, tenant: TenantHandle
) -> None:
    base = live_server
    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        assert (await api.post("/v1/user", json={"userId": "bob"})).status_code == 201
    await sign_in(page, base, tenant.admin_key)
    await page.goto(f"{base}/dashboard/analytics")
    before = await total_events(page)

    await page.click("nav >> text=Events")
    await page.fill("input[name='new']", "review_written")
    await page.click("button:has-text('New')")
    await page.click("#mode-yaml")  # the whole body as YAML: the advanced mode
    await page.fill("#body", EVENT_YAML)
    await page.click("button:has-text('Create')")
    assert await text(page, ".notice") == "Saved events/review_written (version 1)."
    await screenshot(page, "event-edit")
    await page.click("nav >> text=Events")
    assert await page.locator("tr", has_text="review_written").locator(".badge").inner_text() == "ACTIVE"
    await screenshot(page, "events")

    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        for _ in range(3):
            body = {"eventId": "review_written", "userId": "bob", "metadata": {}}
            logged = await api.post("/v1/event", json=body)
            assert logged.status_code in (200, 201), logged.text

    await page.goto(f"{base}/dashboard/users?userId=bob")
    assert await text(page, "#points-balance") == "45"
    await screenshot(page, "user-after-event")
    await page.goto(f"{base}/dashboard/analytics")
    if await page.locator("#total-events").count():  # the statistics feature is installed
        assert await total_events(page) == before + 3
        assert await page.locator("#chart-events rect.bar").count() >= 1
    await screenshot(page, "analytics-after-event")


async def test_import_codes_into_an_offer_pool_and_see_the_counts(
    page: Any, live_server: str, tenant: TenantHandle, tmp_path: Any
) -> None:
    base = live_server
    voucher = {"title": "Shop voucher", "points": 10, "couponTemplate": {"codePool": True, "validDays": 30}}
    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        assert (await api.put("/v1/admin/offers/voucher", json=voucher)).status_code == 200
    await sign_in(page, base, tenant.admin_key)
    await page.goto(f"{base}/dashboard/config/offers/voucher")
    assert await text(page, "#pool-total") == "0"

    await page.fill("#pool-codes", "SHOP-1\nhas space\n")
    await page.click("button:has-text('Import codes')")
    assert "line 2" in await text(page, "#pool-error")
    await page.fill("#pool-codes", "SHOP-1\nSHOP-2\nSHOP-3\n")
    await page.click("button:has-text('Import codes')")
    assert await text(page, ".notice") == "Imported 3 codes (0 already known); 3 of 3 available."
    csv_file = tmp_path / "codes.csv"
    csv_file.write_text("code\nSHOP-3\nSHOP-4\nSHOP-5\n", encoding="utf-8")
    await page.set_input_files("#pool-file", str(csv_file))
    await page.click("button:has-text('Import codes')")
    assert await text(page, ".notice") == "Imported 2 codes (1 already known); 5 of 5 available."

    async with httpx.AsyncClient(base_url=base, headers=tenant.admin) as api:
        assert (await api.post("/v1/user", json={"userId": "carl"})).status_code == 201
        body = {"points": 30, "reason": "test"}
        assert (await api.post("/v1/admin/users/carl/adjustments", json=body)).status_code == 201
    async with httpx.AsyncClient(base_url=base, headers=tenant.user("carl")) as app_client:
        redeemed = await app_client.post("/v1/user/carl/offer/voucher/redeem")
        assert redeemed.status_code == 200, redeemed.text
    await page.reload()
    assert [await text(page, f"#pool-{n}") for n in ("total", "available", "claimed")] == ["5", "4", "1"]
    await screenshot(page, "offer-pool")
    await page.goto(f"{base}/dashboard/users?userId=carl")
    assert "SHOP-1" in await text(page, "#coupons")
