"""Tenancy and kernel use cases over the in-memory store: staff roles and the last-admin rule, the
audit trail, API keys, settings and config items, the tenant cache, bootstrap, and
``Idempotency-Key`` replay in ``run_write`` (no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

import msgspec
import pytest

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.ratelimit import DatabaseCounters
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import Encoded, Tx, run_write
from loyalty.app.tenancy import admin, staff
from loyalty.app.tenancy.bootstrap import ensure_tenant
from loyalty.app.tenancy.config_kinds import register
from loyalty.app.tenancy.credentials import hash_key
from loyalty.app.tenancy.tenants import TenantCache, TenantConfig, create_tenant
from loyalty.app.users import usergroups
from loyalty.core.errors import ErrorCode, LoyaltyError
from loyalty.settings import Settings
from tests.fakes.kernel import FakeStores
from tests.fakes.store import NOW, FakeStore, fake_tenant, fake_tx
from tests.fakes.store import admin as admin_principal

FAST = Settings(password_hash_time_cost=1, password_hash_memory_kib=64)


@dataclass
class FakeServices:
    """What ``run_write`` and the admin handlers reach on ``Services``."""

    store: FakeStore
    tenant: TenantConfig = field(default_factory=fake_tenant)
    invalidated: list[int] = field(default_factory=list)
    settings: Settings = field(default_factory=lambda: FAST)

    def __post_init__(self) -> None:
        self.stores = FakeStores(self.store)
        self.tenants = self
        self.db = self.stores

    async def by_id(self, tenant_id: int) -> TenantConfig | None:
        return self.tenant if tenant_id == self.tenant.id else None

    def invalidate(self, tenant_id: int) -> None:
        self.invalidated.append(tenant_id)

    def now(self) -> int:
        return NOW


def admin_tx(store: FakeStore) -> tuple[Tx, FakeServices]:
    services = FakeServices(store)
    tx = fake_tx(store, tenant=services.tenant)
    tx.services = cast(Services, services)
    return tx, services


async def person(store: FakeStore, email: str, role: str, *, tenant_id: int = 1) -> int:
    return await store.staff.insert(
        tenant_id=tenant_id,
        email=email,
        role=role,
        password_hash=None,
        must_change_password=False,
        oidc_subject=None,
        now=NOW,
    )


# ----- staff -------------------------------------------------------------------------------------


async def test_a_new_staff_account_has_a_one_time_password_and_is_audited() -> None:
    store = FakeStore()
    account, password = await staff.create_staff(
        store, FAST, tenant_id=1, email=" Ann@Example.com ", role="support", actor="user:cli", now=NOW
    )
    row = store.staff.rows[account.id]
    assert (row["email"], row["role"], row["must_change_password"]) == ("ann@example.com", "support", True)
    assert row["password_hash"] is not None
    assert await staff.password_matches(FAST, row["password_hash"], password)
    assert [(a["actor"], a["action"], a["target"], a["after"]) for a in store.audit.rows] == [
        ("user:cli", "staff.create", "staff/ann@example.com", {"role": "support"})
    ]


async def test_a_second_account_with_the_email_is_refused_on_the_email() -> None:
    store = FakeStore()
    await person(store, "ann@example.com", "viewer")
    with pytest.raises(LoyaltyError) as raised:
        await staff.create_staff(
            store, FAST, tenant_id=1, email="ann@example.com", role="admin", actor="a", now=NOW
        )
    assert (raised.value.code, raised.value.field) == (ErrorCode.ALREADY_EXISTS, "email")
    assert len(store.staff.rows) == 1
    assert store.audit.rows == []


async def test_an_unknown_role_is_refused_on_the_role() -> None:
    store = FakeStore()
    with pytest.raises(LoyaltyError) as raised:
        await staff.create_staff(store, FAST, tenant_id=1, email="a@b.co", role="owner", actor="a", now=NOW)
    assert (raised.value.code, raised.value.field) == (ErrorCode.INVALID_INPUT, "role")
    assert store.staff.rows == {}


async def test_demoting_the_last_active_admin_is_a_conflict_and_changes_nothing() -> None:
    store = FakeStore()
    ada = await person(store, "ada@example.com", "admin")
    await person(store, "bea@example.com", "support")
    with pytest.raises(LoyaltyError) as raised:
        await staff.change_role(
            store, tenant_id=1, email="ada@example.com", role="viewer", actor="a", now=NOW
        )
    assert (raised.value.code, raised.value.field) == (ErrorCode.CONFLICT, "role")
    assert "last active admin" in raised.value.message
    assert store.staff.rows[ada]["role"] == "admin"
    assert store.audit.rows == []


async def test_an_admin_is_demoted_while_another_stays_and_the_change_is_audited() -> None:
    store = FakeStore()
    ada = await person(store, "ada@example.com", "admin")
    await person(store, "bea@example.com", "admin")
    changed = await staff.change_role(
        store, tenant_id=1, email="ada@example.com", role="viewer", actor="staff:bea@example.com", now=NOW
    )
    assert changed.role == "viewer"
    assert store.staff.rows[ada]["role"] == "viewer"
    assert store.staff.rows[ada]["session_version"] == 1  # the sessions go on
    assert store.staff.locked_admins == 1
    assert [(a["action"], a["before"], a["after"]) for a in store.audit.rows] == [
        ("staff.role", {"role": "admin"}, {"role": "viewer"})
    ]


async def test_promoting_checks_no_admin_and_the_same_role_changes_nothing() -> None:
    store = FakeStore()
    bea = await person(store, "bea@example.com", "support")
    await staff.change_role(store, tenant_id=1, email="bea@example.com", role="support", actor="a", now=NOW)
    assert store.audit.rows == []
    promoted = await staff.change_role(
        store, tenant_id=1, email="bea@example.com", role="admin", actor="a", now=NOW
    )
    assert promoted.role == store.staff.rows[bea]["role"] == "admin"
    assert store.staff.locked_admins == 0
    assert [a["action"] for a in store.audit.rows] == ["staff.role"]


async def test_changing_an_unknown_person_is_not_found() -> None:
    with pytest.raises(LoyaltyError) as raised:
        await staff.change_role(
            FakeStore(), tenant_id=1, email="nobody@example.com", role="admin", actor="a", now=NOW
        )
    assert raised.value.code == ErrorCode.NOT_FOUND


async def test_disabling_the_last_active_admin_is_a_conflict_on_the_email() -> None:
    store = FakeStore()
    ada = await person(store, "ada@example.com", "admin")
    other_tenant_admin = await person(store, "ada@example.com", "admin", tenant_id=2)
    with pytest.raises(LoyaltyError) as raised:
        await staff.disable_staff(store, tenant_id=1, email="ada@example.com", actor="a", now=NOW)
    assert (raised.value.code, raised.value.field) == (ErrorCode.CONFLICT, "email")
    assert store.staff.rows[ada]["disabled_at"] is None
    assert store.staff.rows[other_tenant_admin]["disabled_at"] is None


async def test_disabling_ends_the_sessions_once_and_is_audited_once() -> None:
    store = FakeStore()
    await person(store, "ada@example.com", "admin")
    bea = await person(store, "bea@example.com", "support")
    first = await staff.disable_staff(store, tenant_id=1, email="bea@example.com", actor="a", now=NOW + 1)
    again = await staff.disable_staff(store, tenant_id=1, email="bea@example.com", actor="a", now=NOW + 2)
    assert first.disabled
    assert again.disabled
    assert store.staff.rows[bea]["disabled_at"] == NOW + 1
    assert store.staff.rows[bea]["session_version"] == 2
    assert [(a["action"], a["before"]) for a in store.audit.rows] == [("staff.disable", {"role": "support"})]


async def test_a_new_password_must_differ_and_ends_the_other_sessions() -> None:
    store = FakeStore()
    account, one_time = await staff.create_staff(
        store, FAST, tenant_id=1, email="ann@example.com", role="viewer", actor="a", now=NOW
    )
    with pytest.raises(LoyaltyError) as raised:
        await staff.change_password(
            store, FAST, account, current="wrong", new="x" * 12, repeat="x" * 12, now=NOW
        )
    assert (raised.value.code, raised.value.field) == (ErrorCode.INVALID_INPUT, "current")
    new = "a new long passphrase"
    with pytest.raises(LoyaltyError) as raised:
        await staff.change_password(
            store, FAST, account, current=one_time, new=new, repeat=new + "!", now=NOW
        )
    assert (raised.value.code, raised.value.field) == (ErrorCode.INVALID_INPUT, "repeat")
    changed = await staff.change_password(
        store, FAST, account, current=one_time, new=new, repeat=new, now=NOW
    )
    assert (changed.must_change_password, changed.session_version) == (False, 2)
    assert await staff.password_matches(FAST, store.staff.rows[account.id]["password_hash"], new)
    assert [a["action"] for a in store.audit.rows] == ["staff.create", "staff.password"]


# ----- admin: API keys, settings, config items ---------------------------------------------------


async def test_an_api_key_is_stored_by_hash_bumps_the_version_and_is_audited() -> None:
    store = FakeStore()
    await store.tenants.insert(name="t", jwt_secret=None, settings={}, now=NOW)
    tx, services = admin_tx(store)
    shown = await admin.put_item(tx, "api-keys", "ci", {"role": "service", "name": "CI"})
    (row,) = store.api_keys.rows
    assert (row["key_id"], row["role"], row["key_hash"]) == ("ci", "service", hash_key(shown["key"]))
    assert shown["prefix"] == row["prefix"] == shown["key"][:10]
    assert store.tenants.rows[1]["config_version"] == 2
    assert [(a["action"], a["target"], a["after"]) for a in store.audit.rows] == [
        ("api-key.create", "api-keys/ci", {"role": "service", "name": "CI"})
    ]
    for hook in tx.after_commit:
        await hook()
    assert services.invalidated == [1]


async def test_an_api_key_of_an_unknown_role_or_a_taken_id_is_refused() -> None:
    store = FakeStore()
    tx, _ = admin_tx(store)
    with pytest.raises(LoyaltyError) as raised:
        await admin.put_item(tx, "api-keys", "k", {"role": "root"})
    assert (raised.value.code, raised.value.field) == (ErrorCode.INVALID_INPUT, "role")
    await admin.put_item(tx, "api-keys", "k", {"role": "admin"})
    with pytest.raises(LoyaltyError) as raised:
        await admin.put_item(tx, "api-keys", "k", {"role": "admin"})
    assert (raised.value.code, raised.value.field) == (ErrorCode.ALREADY_EXISTS, "id")
    assert len(store.api_keys.rows) == 1


async def test_revoking_a_key_keeps_it_listed_as_revoked_and_an_unknown_key_is_not_found() -> None:
    store = FakeStore()
    tx, _ = admin_tx(store)
    await admin.put_item(tx, "api-keys", "k", {"role": "admin"})
    assert await admin.delete_item(tx, "api-keys", "k") == {"id": "k", "revoked": True}
    assert store.api_keys.rows[0]["revoked_at"] == NOW
    assert [a["action"] for a in store.audit.rows] == ["api-key.create", "api-key.revoke"]
    assert store.audit.rows[1]["before"]["id"] == "k"
    with pytest.raises(LoyaltyError) as raised:
        await admin.delete_item(tx, "api-keys", "nope")
    assert raised.value.code == ErrorCode.NOT_FOUND


async def test_only_an_admin_changes_configuration() -> None:
    store = FakeStore()
    tx = fake_tx(store, principal=Principal(1, "t", None, frozenset(), api_key_role="service"))
    with pytest.raises(LoyaltyError) as raised:
        await admin.put_item(tx, "api-keys", "k", {"role": "admin"})
    assert raised.value.code == ErrorCode.FORBIDDEN
    assert store.api_keys.rows == []


async def test_new_settings_are_stored_without_the_secret_and_audited() -> None:
    store = FakeStore()
    await store.tenants.insert(name="t", jwt_secret="old", settings={}, now=NOW)
    tx, _ = admin_tx(store)
    shown = await admin.put_item(tx, "settings", "tenant", {"couponValidDays": 7, "jwtSecret": "n" * 32})
    row = store.tenants.rows[1]
    assert row["settings"]["couponValidDays"] == 7
    assert "jwtSecret" not in row["settings"]
    assert (row["jwt_secret"], row["config_version"]) == ("n" * 32, 2)
    assert shown["couponValidDays"] == 7
    assert [(a["action"], a["target"]) for a in store.audit.rows] == [("settings.update", "settings/tenant")]


async def test_a_config_item_gets_versions_and_a_stale_version_is_a_conflict() -> None:
    register(usergroups.CONFIG_KIND)
    store = FakeStore()
    await store.tenants.insert(name="t", jwt_secret=None, settings={}, now=NOW)
    tx, _ = admin_tx(store)
    first = await admin.put_item(tx, "usergroups", "gold", {"id": "gold", "title": "Gold"})
    second = await admin.put_item(tx, "usergroups", "gold", {"id": "gold", "title": "Golden", "version": 1})
    assert (first["version"], second["version"]) == (1, 2)
    with pytest.raises(LoyaltyError) as raised:
        await admin.put_item(tx, "usergroups", "gold", {"id": "gold", "title": "Old", "version": 1})
    assert (raised.value.code, raised.value.field) == (ErrorCode.CONFLICT, "version")
    stored = store.config.rows[(1, "usergroups", "gold")]
    assert (stored["body"]["title"], stored["version"]) == ("Golden", 2)
    assert [a["action"] for a in store.audit.rows] == ["usergroups.create", "usergroups.update"]
    assert store.tenants.rows[1]["config_version"] == 3
    assert await admin.remove_item(tx, "usergroups", "gold") == {"id": "gold", "deleted": True}
    assert store.config.rows == {}
    assert store.audit.rows[-1]["action"] == "usergroups.delete"


async def test_the_audit_trail_pages_newest_first() -> None:
    store = FakeStore()
    for i in range(5):
        await store.audit.record(
            tenant_id=1, actor="a", action="x.update", target=f"x/{i}", before=None, after=None, now=NOW + i
        )
    services = FakeServices(store)
    page, after = await admin.audit_records(cast(Services, services), admin_principal(), limit=3)
    assert [r["target"] for r in page] == ["x/4", "x/3", "x/2"]
    rest, last = await admin.audit_records(
        cast(Services, services), admin_principal(), before_id=after, limit=3
    )
    assert ([r["target"] for r in rest], last) == (["x/1", "x/0"], None)


# ----- tenants: the cache, creation, bootstrap ---------------------------------------------------


async def test_the_cache_loads_a_tenant_once_and_reloads_it_when_its_version_moves_on() -> None:
    store = FakeStore()
    stores = FakeStores(store)
    tenant_id = await create_tenant(stores, "acme", jwt_secret="s" * 32, now=NOW)
    await store.api_keys.insert(
        tenant_id=tenant_id, key_id="k", name="k", role="admin", key_hash="h1", prefix="lyk_", now=NOW
    )
    cache = TenantCache(stores, ttl_seconds=0.0)
    loaded = await cache.by_name("acme")
    assert loaded is not None
    assert (loaded.id, loaded.version, loaded.jwt_secret, list(loaded.api_keys)) == (1, 1, "s" * 32, ["h1"])
    assert await cache.by_id(tenant_id) is loaded  # the version is unchanged: the copy stays
    await store.tenants.bump_version(tenant_id)
    reloaded = await cache.by_id(tenant_id)
    assert reloaded is not None
    assert reloaded is not loaded
    assert reloaded.version == 2
    assert await cache.tenant_for_key_hash("h1") == tenant_id
    assert await cache.tenant_for_key_hash("h2") is None
    assert await cache.by_name("nobody") is None
    assert set(stores.opened) == {"read", "write"}


async def test_a_tenant_name_is_taken_once() -> None:
    stores = FakeStores(FakeStore())
    await create_tenant(stores, "acme", jwt_secret=None, now=NOW)
    with pytest.raises(LoyaltyError) as raised:
        await create_tenant(stores, "acme", jwt_secret=None, now=NOW)
    assert (raised.value.code, raised.value.field) == (ErrorCode.ALREADY_EXISTS, "tenant")
    with pytest.raises(LoyaltyError) as raised:
        await create_tenant(stores, "no spaces", jwt_secret=None, now=NOW)
    assert (raised.value.code, raised.value.field) == (ErrorCode.INVALID_INPUT, "tenant")
    assert len(stores.store.tenants.rows) == 1
    assert stores.store.tenants.rows[1]["jwt_secret"]  # a random one when none is given


async def test_bootstrap_makes_the_tenant_and_its_admin_key_once() -> None:
    store = FakeStore()
    stores = FakeStores(store)
    first = await ensure_tenant(stores, name="boot", admin_key="lyk_boot", jwt_secret="b" * 32, now=NOW)
    again = await ensure_tenant(stores, name="boot", admin_key="lyk_boot", jwt_secret="b" * 32, now=NOW)
    assert first == again == 1
    assert [(k["key_id"], k["role"], k["key_hash"]) for k in store.api_keys.rows] == [
        ("bootstrap-admin", "admin", hash_key("lyk_boot"))
    ]
    await ensure_tenant(stores, name="boot", admin_key="lyk_other", jwt_secret="c" * 32, now=NOW)
    assert [k["key_id"] for k in store.api_keys.rows] == ["bootstrap-admin", "bootstrap-admin-2"]
    assert store.tenants.rows[1]["jwt_secret"] == "c" * 32


# ----- idempotency in run_write, rate-limit counters ----------------------------------------------


def json_of(value: Any) -> Encoded:
    return Encoded(status=201, body=msgspec.json.encode(value), content_type="application/json")


async def test_a_retry_with_the_key_replays_the_stored_response_without_running_again() -> None:
    store = FakeStore()
    services = FakeServices(store)
    runs: list[int] = []

    async def work(tx: Tx) -> dict[str, int]:
        runs.append(tx.now)
        return {"n": len(runs)}

    first = await run_write(
        cast(Services, services), admin_principal(), work, json_of, idempotency_key="k1", request_hash="h"
    )
    second = await run_write(
        cast(Services, services), admin_principal(), work, json_of, idempotency_key="k1", request_hash="h"
    )
    assert runs == [NOW]
    assert (first.replayed, second.replayed) == (False, True)
    assert (second.status, second.body, second.content_type) == (201, b'{"n":1}', "application/json")
    assert store.idempotency.rows[(1, "k1")]["status_code"] == 201


async def test_the_key_with_another_request_is_a_mismatch_and_an_unfinished_one_a_conflict() -> None:
    store = FakeStore()
    services = cast(Services, FakeServices(store))

    async def work(tx: Tx) -> int:
        return 1

    await run_write(services, admin_principal(), work, json_of, idempotency_key="k1", request_hash="h")
    with pytest.raises(LoyaltyError) as raised:
        await run_write(
            services, admin_principal(), work, json_of, idempotency_key="k1", request_hash="other"
        )
    assert (raised.value.code, raised.value.field) == (ErrorCode.IDEMPOTENCY_MISMATCH, "Idempotency-Key")
    await store.idempotency.claim(tenant_id=1, key="k2", request_hash="h", now=NOW)
    with pytest.raises(LoyaltyError) as raised:
        await run_write(services, admin_principal(), work, json_of, idempotency_key="k2", request_hash="h")
    assert raised.value.code == ErrorCode.CONFLICT
    with pytest.raises(LoyaltyError) as raised:
        await run_write(services, admin_principal(), work, json_of, idempotency_key="x" * 201)
    assert (raised.value.code, raised.value.field) == (ErrorCode.INVALID_INPUT, "Idempotency-Key")


async def test_without_a_key_nothing_is_claimed() -> None:
    store = FakeStore()

    async def work(tx: Tx) -> int:
        return 1

    encoded = await run_write(cast(Services, FakeServices(store)), admin_principal(), work, json_of)
    assert (encoded.status, encoded.body) == (201, b"1")
    assert store.idempotency.rows == {}


async def test_database_counters_count_per_window_in_a_write() -> None:
    store = FakeStore()
    stores = FakeStores(store)
    counters = DatabaseCounters(stores)
    assert await counters.hit(["a", "b"], 0) == {"a": 1, "b": 1}
    assert await counters.hit(["a"], 0) == {"a": 2}
    assert await counters.hit(["a"], 60_000) == {"a": 1}
    assert stores.opened == ["write", "write", "write"]
