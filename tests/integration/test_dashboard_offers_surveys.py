"""The dashboard's views of what offers, surveys and coupons did: a survey's results, an offer's
code pool with its import form, and the coupons on the user page."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from tests.integration.test_dashboard import csrf_of
from tests.support import Clock, TenantHandle

NOW = 1_800_000_000_000
DAY = 86_400_000
TOPICS: dict[str, Any] = {
    "surveyId": "topics",
    "title": "Which topics interest you?",
    "type": "MULTIPLE",
    "options": [
        {"optionId": "news", "label": {"en": "News", "de": "Nachrichten"}},
        {"optionId": "sport", "label": "Sport"},
        {"optionId": "music", "label": "Music"},
    ],
}
VOUCHER = {"title": "Shop voucher", "points": 10, "couponTemplate": {"codePool": True, "validDays": 30}}


def cell(html: str, element_id: str) -> str:
    match = re.search(rf'id="{element_id}">([^<]*)<', html)
    assert match, f"no #{element_id} in the page"
    return match.group(1)


def option_row(html: str, option_id: str) -> list[str]:
    match = re.search(rf'<tr data-option="{option_id}">(.*?)</tr>', html, re.S)
    assert match, f"no row for option {option_id}"
    return [
        re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)
    ]


async def answer(tenant: TenantHandle, user_id: str, responses: list[str]) -> None:
    body = {"userId": user_id, "surveyId": "topics", "responses": responses}
    r = await tenant.client.put(f"/v1/user/{user_id}/survey/topics", json=body, headers=tenant.user(user_id))
    assert r.status_code == 201, r.text


async def pool(tenant: TenantHandle) -> dict[str, Any]:
    r = await tenant.client.get("/v1/admin/offers/voucher/codes", headers=tenant.admin)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def import_form(
    browser: httpx.AsyncClient, *, codes: str = "", file: bytes | None = None
) -> httpx.Response:
    page = await browser.get("/dashboard/config/offers/voucher")
    assert page.status_code == 200, page.text[:300]
    files = {"file": ("codes.csv", file or b"", "text/csv")}
    return await browser.post(
        "/dashboard/config/offers/voucher/codes",
        data={"csrf": csrf_of(page.text), "codes": codes},
        files=files,
    )


# Surveys.


async def test_survey_page_shows_the_results_of_answers_given_through_the_api(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    assert (await tenant.put("surveys", "topics", TOPICS)).status_code == 200
    page = await admin_browser.get("/dashboard/config/surveys/topics")
    assert page.status_code == 200
    assert cell(page.text, "survey-answers") == "0"
    assert option_row(page.text, "news") == ["news", "News", "0"]

    await answer(tenant, "ann", ["news", "sport"])
    await answer(tenant, "bob", ["news"])
    await answer(tenant, "cem", ["music", "news"])
    api = (await tenant.client.get("/v1/admin/surveys/topics/results", headers=tenant.admin)).json()
    page = await admin_browser.get("/dashboard/config/surveys/topics")
    assert page.status_code == 200
    assert cell(page.text, "survey-answers") == "3" == str(api["answers"])
    assert option_row(page.text, "news") == ["news", "News", "3"]
    assert option_row(page.text, "sport") == ["sport", "Sport", "1"]
    assert option_row(page.text, "music") == ["music", "Music", "1"]
    assert [o["count"] for o in api["options"]] == [3, 1, 1]
    # The bar chart is inline SVG: one bar per option, the longest for the most picked one.
    chart = page.text.split('id="survey-chart">', 1)[1].split("</svg>", 1)[0]
    widths = [float(w) for w in re.findall(r'<rect class="bar" [^>]*width="([0-9.]+)"', chart)]
    assert len(widths) == 3
    assert widths[0] == max(widths)
    assert widths[1] == widths[2] == pytest.approx(widths[0] / 3, abs=0.1)
    assert "News (news)" in chart
    assert "http" not in chart.replace("http://www.w3.org/2000/svg", "")


async def test_a_new_survey_editor_has_no_results_panel(admin_browser: httpx.AsyncClient) -> None:
    page = await admin_browser.get("/dashboard/config/surveys/unsaved")
    assert page.status_code == 200
    assert 'id="survey-answers"' not in page.text


# Offers and code pools.


async def test_offer_page_shows_the_pool_and_importing_codes_changes_the_counts(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    assert (await tenant.put("offers", "voucher", VOUCHER)).status_code == 200
    page = await admin_browser.get("/dashboard/config/offers/voucher")
    assert [cell(page.text, f"pool-{n}") for n in ("total", "available", "claimed")] == ["0", "0", "0"]
    assert 'enctype="multipart/form-data"' in page.text

    r = await import_form(admin_browser, codes="code\nSHOP-1\nSHOP-2\n\nSHOP-2\nSHOP-3\n")
    assert r.status_code == 303, r.text[:500]
    page = await admin_browser.get(r.headers["location"])
    assert "Imported 3 codes (0 already known); 3 of 3 available." in page.text
    assert await pool(tenant) == {"offerId": "voucher", "total": 3, "available": 3, "claimed": 0}

    r = await import_form(admin_browser, file=b"\xef\xbb\xbfSHOP-3,first batch\nSHOP-4,second\n")
    assert r.status_code == 303
    page = await admin_browser.get(r.headers["location"])
    assert "Imported 1 codes (1 already known); 4 of 4 available." in page.text

    # A redemption through the API claims a pool code; the page shows it.
    await tenant.client.post("/v1/user", json={"userId": "ann"}, headers=tenant.admin)
    r = await tenant.client.post(
        "/v1/admin/users/ann/adjustments", json={"points": 50, "reason": "test"}, headers=tenant.admin
    )
    assert r.status_code == 201
    r = await tenant.client.post("/v1/user/ann/offer/voucher/redeem", headers=tenant.user("ann"))
    assert r.status_code == 200, r.text
    page = await admin_browser.get("/dashboard/config/offers/voucher")
    assert [cell(page.text, f"pool-{n}") for n in ("total", "available", "claimed")] == ["4", "3", "1"]
    assert await pool(tenant) == {"offerId": "voucher", "total": 4, "available": 3, "claimed": 1}


@pytest.mark.parametrize(
    ("codes", "file", "message"),
    [
        ("A-1\nhas space\n", None, "<strong>line 2</strong>:"),
        ("", None, "<strong>codes</strong>: paste codes (one per line) or choose a CSV file"),
        ("", b"\xff\xfe bad", "<strong>body</strong>: the CSV must be UTF-8"),
    ],
)
async def test_a_bad_import_shows_the_message_next_to_the_field_and_stores_nothing(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle, codes: str, file: bytes | None, message: str
) -> None:
    assert (await tenant.put("offers", "voucher", VOUCHER)).status_code == 200
    r = await import_form(admin_browser, codes=codes, file=file)
    assert r.status_code == 400
    error = r.text.split('id="pool-error">', 1)[1].split("</p>", 1)[0]
    assert message in error
    assert f">{codes}</textarea>" in r.text  # what was pasted is kept
    assert cell(r.text, "pool-total") == "0"
    assert (await pool(tenant))["total"] == 0


async def test_an_offer_without_a_pool_says_so_and_refuses_an_import(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    assert (await tenant.put("offers", "voucher", {"title": "Coffee", "points": 5})).status_code == 200
    page = await admin_browser.get("/dashboard/config/offers/voucher")
    assert "draws its coupon codes from a pattern" in page.text
    assert 'id="pool-total"' not in page.text
    r = await admin_browser.post(
        "/dashboard/config/offers/voucher/codes", data={"csrf": csrf_of(page.text), "codes": "A-1"}
    )
    assert r.status_code == 400
    assert "offer &#39;voucher&#39; does not hand out pool codes" in r.text


async def test_the_import_form_needs_the_csrf_token(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    assert (await tenant.put("offers", "voucher", VOUCHER)).status_code == 200
    r = await admin_browser.post("/dashboard/config/offers/voucher/codes", data={"codes": "A-1"})
    assert r.status_code == 403
    r = await admin_browser.post(
        "/dashboard/config/offers/voucher/codes", data={"csrf": "forged", "codes": "A-1"}
    )
    assert r.status_code == 403
    assert (await pool(tenant))["total"] == 0


# Coupons on the user page.


def coupon_rows(html: str) -> list[list[str]]:
    table = html.split('<table class="table" id="coupons">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr data-coupon=[^>]*>(.*?)</tr>", table, re.S)
    return [
        [
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for row in rows
    ]


async def test_user_page_lists_coupons_issued_by_a_redemption_redeemed_ones_marked(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle, clock: Clock
) -> None:
    clock.set(NOW)
    assert (await tenant.put("offers", "voucher", VOUCHER)).status_code == 200
    r = await tenant.client.post(
        "/v1/admin/offers/voucher/codes", json=["SHOP-1", "SHOP-2"], headers=tenant.admin
    )
    assert r.status_code == 201
    await tenant.client.post("/v1/user", json={"userId": "ann"}, headers=tenant.admin)
    page = await admin_browser.get("/dashboard/users/ann")
    assert "No coupons yet." in page.text
    r = await tenant.client.post(
        "/v1/admin/users/ann/adjustments", json={"points": 50, "reason": "test"}, headers=tenant.admin
    )
    assert r.status_code == 201
    for _ in range(2):
        r = await tenant.client.post("/v1/user/ann/offer/voucher/redeem", headers=tenant.user("ann"))
        assert r.status_code == 200, r.text
    first = (await tenant.client.get("/v1/user/ann/coupon", headers=tenant.user("ann"))).json()[0]
    clock.set(NOW + DAY)
    r = await tenant.client.put(
        f"/v1/user/ann/coupon/{first['SK'].removeprefix('COUPON#')}",
        json={"userId": "ann", "SK": first["SK"]},
        headers=tenant.user("ann"),
    )
    assert r.status_code == 200, r.text

    page = await admin_browser.get("/dashboard/users/ann")
    assert page.status_code == 200
    assert coupon_rows(page.text) == [
        [
            "SHOP-1",
            "Shop voucher",
            "voucher",
            "2027-01-15 08:00",
            "2027-02-14 08:00",
            "redeemed 2027-01-16 08:00",
            "",  # the last column: a Revoke form, on open coupons only
        ],
        ["SHOP-2", "Shop voucher", "voucher", "2027-01-15 08:00", "2027-02-14 08:00", "open", "Revoke"],
    ]
    # The user API lists only the open one; the admin page shows both.
    open_codes = [
        c["metadata"]["code"]
        for c in (await tenant.client.get("/v1/user/ann/coupon", headers=tenant.user("ann"))).json()
    ]
    assert open_codes == ["SHOP-2"]

    clock.set(NOW + 31 * DAY)
    page = await admin_browser.get("/dashboard/users/ann")
    assert [row[5:] for row in coupon_rows(page.text)] == [["redeemed 2027-01-16 08:00", ""], ["expired", ""]]
