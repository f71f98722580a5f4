"""The audit page (filters, keyset paging past the latest 500) and the member search (id prefix,
group, tier, balance range, keyset paging, index-backed plans)."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from loyalty.app.users.ports import MemberFilter
from loyalty.storage.users import member_search
from tests.integration.dashboard_staff_support import add_staff, staff_sign_in
from tests.support import TenantHandle

DAY = 86_400_000
T0 = 1_767_225_600_000  # 2026-01-01 00:00 UTC


async def seed_audit(app: Any, tenant: TenantHandle, count: int) -> None:
    services = app.state.services
    async with services.stores.write() as store:
        for i in range(count):
            await store.audit.record(
                tenant_id=tenant.tenant_id,
                actor="staff:alice@example.com" if i % 2 else "staff:bob@example.com",
                action="events.update" if i % 3 else "offers.update",
                target=f"events/e{i}",
                before=None,
                after={"n": i},
                now=T0 + i * 60_000,
            )


@pytest.fixture
async def viewer(app: Any, tenant: TenantHandle) -> Any:
    await add_staff(app, tenant, "viv@example.com", "viewer")
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as browser:
        await staff_sign_in(browser, tenant, "viv@example.com")
        yield browser


def shown_ids(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<tr data-id="(\d+)">', html)]


async def test_the_audit_page_pages_past_the_latest_500(
    app: Any, tenant: TenantHandle, viewer: httpx.AsyncClient
) -> None:
    await seed_audit(app, tenant, 520)
    seen: list[int] = []
    url: str | None = "/dashboard/audit"
    pages = 0
    while url:
        page = await viewer.get(url)
        assert page.status_code == 200
        seen += shown_ids(page.text)
        found = re.search(r'id="older" href="([^"]+)"', page.text)
        url = found.group(1).replace("&amp;", "&") if found else None
        pages += 1
    # 520 seeded + the viewer's own staff.create record, newest first, each exactly once.
    assert len(seen) == 521
    assert seen == sorted(seen, reverse=True)
    assert pages == 11  # 50 per page


async def test_the_audit_page_filters_by_actor_action_target_and_dates(
    app: Any, tenant: TenantHandle, viewer: httpx.AsyncClient
) -> None:
    await seed_audit(app, tenant, 30)
    by_actor = await viewer.get("/dashboard/audit", params={"actor": "staff:alice@example.com"})
    assert len(shown_ids(by_actor.text)) == 15
    assert "staff:bob@example.com</code>" not in by_actor.text
    by_action = await viewer.get("/dashboard/audit", params={"action": "offers."})
    assert len(shown_ids(by_action.text)) == 10  # i = 0, 3, …, 27
    by_target = await viewer.get("/dashboard/audit", params={"target": "events/e2"})
    assert len(shown_ids(by_target.text)) == 1 + 10  # e2 and e20…e29
    # 2026-01-01 holds every seeded record (30 minutes); the day after none of them.
    same_day = await viewer.get("/dashboard/audit", params={"from": "2026-01-01", "to": "2026-01-01"})
    assert len(shown_ids(same_day.text)) == 30
    next_day = await viewer.get(
        "/dashboard/audit",
        params={"from": "2026-01-02", "to": "2026-01-02", "actor": "staff:alice@example.com"},
    )
    assert shown_ids(next_day.text) == []
    bad = await viewer.get("/dashboard/audit", params={"from": "01/02/2026"})
    assert bad.status_code == 400
    assert "&#39;from&#39; must be a date (YYYY-MM-DD)" in bad.text


async def seed_members(app: Any, tenant: TenantHandle) -> None:
    """m00…m11: groups by parity, balances 0, 100, …, 1100, tier gold for m05 and up."""
    async with app.state.runtime.database.write() as conn:
        for i in range(12):
            pk = (
                await conn.execute(
                    text(
                        "INSERT INTO users (tenant_id, external_id, usergroup, profile, created_at) "
                        "VALUES (:t, :e, :g, '{}', :c) RETURNING id"
                    ),
                    {"t": tenant.tenant_id, "e": f"m{i:02d}", "g": "even" if i % 2 == 0 else "odd", "c": T0},
                )
            ).scalar_one()
            await conn.execute(
                text(
                    "INSERT INTO balances (user_pk, metric, tenant_id, balance, lifetime_earned, updated_at) "
                    "VALUES (:pk, 'points', :t, :b, :b, :c)"
                ),
                {"pk": pk, "t": tenant.tenant_id, "b": i * 100, "c": T0},
            )
            if i >= 5:
                await conn.execute(
                    text(
                        "INSERT INTO user_tiers (user_pk, set_id, tenant_id, tier_id, updated_at) "
                        "VALUES (:pk, 'status', :t, 'gold', :c)"
                    ),
                    {"pk": pk, "t": tenant.tenant_id, "c": T0},
                )


def members_of(html: str) -> list[str]:
    return re.findall(r'<a href="/dashboard/users/[^"]+"><code>([^<]+)</code>', html)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"prefix": "m1"}, ["m10", "m11"]),
        ({"group": "odd", "prefix": "m0"}, ["m01", "m03", "m05", "m07", "m09"]),
        ({"tier": "gold", "group": "even"}, ["m06", "m08", "m10"]),
        ({"minBalance": "250", "maxBalance": "600"}, ["m03", "m04", "m05", "m06"]),
        ({"minBalance": "900", "tier": "gold", "group": "odd"}, ["m09", "m11"]),
    ],
)
async def test_member_search_filters(
    app: Any, tenant: TenantHandle, viewer: httpx.AsyncClient, params: dict[str, str], expected: list[str]
) -> None:
    await seed_members(app, tenant)
    page = await viewer.get("/dashboard/users", params=params)
    assert page.status_code == 200
    assert members_of(page.text) == expected


async def test_member_search_pages_by_key(app: Any, tenant: TenantHandle) -> None:
    await seed_members(app, tenant)
    services = app.state.services
    f = MemberFilter(min_balance=0)
    async with services.stores.read() as store:
        first = await store.member_search.search(tenant.tenant_id, f, after=None, limit=5)
        after = f.key_of(first[-1])
        second = await store.member_search.search(tenant.tenant_id, f, after=after, limit=5)
    assert [r["external_id"] for r in first] == ["m00", "m01", "m02", "m03", "m04"]
    assert after == (400, first[-1]["id"])
    assert [r["external_id"] for r in second] == ["m05", "m06", "m07", "m08", "m09"]


async def test_a_balance_that_is_not_a_number_is_named(viewer: httpx.AsyncClient) -> None:
    page = await viewer.get("/dashboard/users", params={"minBalance": "lots"})
    assert page.status_code == 400
    assert "&#39;minBalance&#39; must be a whole number" in page.text.split('id="search-minBalance"', 1)[1]


@pytest.mark.parametrize(
    ("search", "index"),
    [
        # SQLite names the unique constraint's index itself.
        (MemberFilter(prefix="cust-1"), "uq_users_tenant_id_external_id|sqlite_autoindex_users_1"),
        # PostgreSQL may also walk the (tenant, external id) key in order and check the group: on
        # the test's few rows both cost the same; either way an index bounded by the tenant.
        (MemberFilter(group="vip"), "ix_users_tenant_group|pg:uq_users_tenant_id_external_id"),
        (MemberFilter(tier="gold"), "ix_user_tiers_tenant_tier"),
        (MemberFilter(min_balance=100, max_balance=500), "ix_balances_tenant_metric_balance"),
    ],
)
async def test_each_search_is_driven_by_its_index(app: Any, search: MemberFilter, index: str) -> None:
    query = member_search.build_query(1, search, None, 51)
    async with app.state.runtime.database.read() as conn:
        compiled = query.compile(conn.sync_connection, compile_kwargs={"literal_binds": True})
        if app.state.runtime.database.dialect == "sqlite":
            plan = "\n".join(str(r[-1]) for r in await conn.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
        else:
            # Tiny test tables would be scanned whole; the question is whether the index serves the query.
            await conn.execute(text("SET LOCAL enable_seqscan = off"))
            plan = "\n".join(str(r[0]) for r in await conn.execute(text(f"EXPLAIN {compiled}")))
    engine = "pg:" if app.state.runtime.database.dialect != "sqlite" else ""
    names = [n.removeprefix("pg:") for n in index.split("|") if not n.startswith("pg:") or engine]
    assert any(name in plan for name in names), plan
    assert "Seq Scan" not in plan
    assert "SCAN users\n" not in plan + "\n"
