"""Users' use cases over the in-memory store: creating, resolving, user ids, groups, the GDPR
export and the background sweep of deleted users' rows."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import SimpleNamespace
from typing import cast

import pytest

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.app.users import members, usergroups, users
from loyalty.app.users.ports import MemberFilter, MemberSearchRow
from loyalty.core.errors import ErrorCode, LoyaltyError
from tests.fakes.store import NOW, FakeStore, admin, fake_tenant, fake_tx


def customer(user_id: str) -> Principal:
    """A user token of the tenant: may act only for itself."""
    return Principal(1, "t", user_id, frozenset())


class _Tenants:
    def __init__(self, tenant: TenantConfig) -> None:
        self.tenant = tenant

    async def by_id(self, tenant_id: int) -> TenantConfig | None:
        return self.tenant if tenant_id == self.tenant.id else None


class _Stores:
    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.opened = 0

    @asynccontextmanager
    async def read(self) -> AsyncIterator[FakeStore]:
        self.opened += 1
        yield self.store

    write = read


def fake_services(store: FakeStore, tenant: TenantConfig | None = None) -> Services:
    """What ``run_read`` and the background sweep need: the tenant and transactions over ``store``."""
    services = SimpleNamespace(
        tenants=_Tenants(tenant or fake_tenant()), stores=_Stores(store), now=lambda: NOW + 1
    )
    return cast(Services, services)


def raised(error: pytest.ExceptionInfo[LoyaltyError]) -> tuple[ErrorCode, str | None]:
    return error.value.code, error.value.field


# Creating a user


async def test_a_new_user_is_created_with_the_time_and_birthday() -> None:
    store = FakeStore()
    created = await users.create_user(fake_tx(store), "ann", birthday="05-17")
    assert (created.user_id, created.created_at) == ("ann", NOW)
    [row] = store.users.rows.values()
    assert (row["tenant_id"], row["external_id"], row["birthday"], row["created_at"]) == (
        1,
        "ann",
        "05-17",
        NOW,
    )
    assert row["usergroup"] is None


async def test_creating_an_existing_user_is_a_conflict_on_the_user_id() -> None:
    store = FakeStore()
    store.users.add(1, "ann", now=5)
    with pytest.raises(LoyaltyError) as error:
        await users.create_user(fake_tx(store), "ann")
    assert raised(error) == (ErrorCode.ALREADY_EXISTS, "userId")
    assert error.value.message == "user 'ann' already exists"
    assert [r["created_at"] for r in store.users.rows.values()] == [5]


async def test_a_user_token_creates_only_itself() -> None:
    store = FakeStore()
    with pytest.raises(LoyaltyError) as error:
        await users.create_user(fake_tx(store, principal=customer("bob")), "ann")
    assert error.value.code == ErrorCode.FORBIDDEN
    assert store.users.rows == {}
    assert (await users.create_user(fake_tx(store, principal=customer("ann")), "ann")).user_id == "ann"
    assert [r["external_id"] for r in store.users.rows.values()] == ["ann"]


async def test_the_same_id_in_another_tenant_is_another_user() -> None:
    store = FakeStore()
    store.users.add(2, "ann")
    await users.create_user(fake_tx(store), "ann")
    assert sorted((r["tenant_id"], r["external_id"]) for r in store.users.rows.values()) == [
        (1, "ann"),
        (2, "ann"),
    ]


# User ids


def test_a_user_id_may_have_200_characters() -> None:
    assert users.check_user_id("u" * 200) == "u" * 200


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("u" * 201, "'userId' must be at most 200 characters"),
        ("", "'userId' is required"),
        ("   ", "'userId' is required"),
        (None, "'userId' is required"),
        (42, "'userId' must be a string"),
    ],
)
def test_a_bad_user_id_is_refused_naming_the_field(value: object, message: str) -> None:
    with pytest.raises(LoyaltyError) as error:
        users.check_user_id(value)
    assert raised(error) == (ErrorCode.INVALID_INPUT, "userId")
    assert error.value.message == message


def test_the_user_id_check_names_the_field_it_is_given() -> None:
    with pytest.raises(LoyaltyError) as error:
        users.check_user_id("x" * 300, "referrerId")
    assert raised(error) == (ErrorCode.INVALID_INPUT, "referrerId")


# Resolving a user id to the key


async def test_resolving_an_existing_user_creates_nothing() -> None:
    store = FakeStore()
    pk = store.users.add(1, "ann")
    assert await users.resolve_user(fake_tx(store), "ann", create=True) == pk
    assert await users.resolve_user(fake_tx(store), "ann", create=False) == pk
    assert len(store.users.rows) == 1


async def test_resolving_with_create_makes_the_user_at_the_transaction_time() -> None:
    store = FakeStore()
    pk = await users.resolve_user(fake_tx(store, now=NOW + 9), "new", create=True)
    assert store.users.rows[pk]["external_id"] == "new"
    assert store.users.rows[pk]["created_at"] == NOW + 9


async def test_resolving_an_unknown_user_without_create_is_not_found() -> None:
    store = FakeStore()
    with pytest.raises(LoyaltyError) as error:
        await users.resolve_user(fake_tx(store), "ghost", create=False)
    assert (error.value.code, error.value.message) == (ErrorCode.NOT_FOUND, "user 'ghost' does not exist")
    assert store.users.rows == {}


async def test_a_tenant_that_auto_creates_users_creates_them_on_resolve() -> None:
    store = FakeStore()
    tx = fake_tx(store, tenant=fake_tenant(autoCreateUsers=True))
    pk = await users.resolve_user(tx, "ghost", create=False)
    assert store.users.rows[pk]["external_id"] == "ghost"


async def test_a_user_created_concurrently_is_found_again() -> None:
    """The insert finds the user there (another transaction created them after the first read):
    resolve answers that user's key."""
    store = FakeStore()
    first_read = store.users.find_pk

    async def missed_once(tenant_id: int, external_id: str) -> int | None:
        store.users.find_pk = first_read  # type: ignore[method-assign]
        store.users.add(tenant_id, external_id, now=1)  # the other transaction's commit
        return None

    store.users.find_pk = missed_once  # type: ignore[method-assign]
    pk = await users.resolve_user(fake_tx(store), "ann", create=True)
    assert store.users.rows[pk]["created_at"] == 1
    assert len(store.users.rows) == 1


# Birthday


async def test_a_birthday_is_set_only_with_the_manage_scope_on_a_known_user() -> None:
    store = FakeStore()
    store.users.add(1, "ann")
    with pytest.raises(LoyaltyError) as error:
        await users.set_birthday(fake_tx(store, principal=customer("ann")), "ann", "05-17")
    assert error.value.code == ErrorCode.FORBIDDEN
    with pytest.raises(LoyaltyError) as error:
        await users.set_birthday(fake_tx(store), "ann", "13-01")
    assert raised(error) == (ErrorCode.INVALID_INPUT, "birthday")
    with pytest.raises(LoyaltyError) as error:
        await users.set_birthday(fake_tx(store), "bob", "05-17")
    assert error.value.code == ErrorCode.NOT_FOUND
    assert [r["birthday"] for r in store.users.rows.values()] == [None]
    set_ = await users.set_birthday(fake_tx(store), "ann", "05-17")
    assert set_ == users.BirthdayView(user_id="ann", birthday="05-17")
    assert [r["birthday"] for r in store.users.rows.values()] == ["05-17"]
    cleared = await users.set_birthday(fake_tx(store), "ann", None)
    assert cleared == users.BirthdayView(user_id="ann", birthday=None)
    assert [r["birthday"] for r in store.users.rows.values()] == [None]


# History


async def test_the_history_reads_as_views_with_an_events_extras_only_when_it_has_them() -> None:
    store = FakeStore()
    pk = store.users.add(1, "ann")
    other = store.users.add(1, "bob")
    title = {"en": "Offer"}
    await store.history.insert(
        tenant_id=1,
        user_pk=pk,
        entry_id="OFFER#o1#5",
        type="OFFER",
        points=-50,
        ts=NOW,
        date_key="2025-01-02",
        title=title,
        details={"offerId": "o1"},
    )
    await store.history.insert(
        tenant_id=1,
        user_pk=pk,
        entry_id="EVENT#9",
        type="EVENT",
        points=30,
        ts=NOW - 5,
        date_key="2025-01-01",
        image="i.png",
        details={"campaigns": [{"campaignId": "c", "points": 10}], "tierPoints": 3, "pendingUntil": NOW + 9},
    )
    await store.history.insert(
        tenant_id=1, user_pk=pk, entry_id="ZERO", type="EVENT", points=0, ts=NOW - 9, date_key="2025-01-01"
    )
    await store.history.insert(
        tenant_id=1, user_pk=other, entry_id="BOB", type="EVENT", points=1, ts=NOW, date_key="2025-01-02"
    )
    services = fake_services(store)
    newest_first = await users.history(services, admin(), "ann", ascending=False, show_all=False)
    assert newest_first == [
        users.HistoryEntryView(
            id="OFFER#o1#5",
            timestamp=NOW,
            type="OFFER",
            points=-50,
            image=None,
            description=None,
            title=title,
            user_id="ann",
            date_key="2025-01-02",
        ),
        users.HistoryEntryView(
            id="EVENT#9",
            timestamp=NOW - 5,
            type="EVENT",
            points=30,
            image="i.png",
            description=None,
            title=None,
            user_id="ann",
            date_key="2025-01-01",
            campaigns=[{"campaignId": "c", "points": 10}],
            tier_points=3,
            pending_until=NOW + 9,
        ),
    ]
    oldest_first = await users.history(services, admin(), "ann", ascending=True, show_all=True)
    assert [e.id for e in oldest_first] == ["ZERO", "EVENT#9", "OFFER#o1#5"]
    assert await users.history(services, admin(), "ghost", ascending=True, show_all=True) == []
    with pytest.raises(LoyaltyError) as error:
        await users.history(services, customer("bob"), "ann", ascending=True, show_all=True)
    assert error.value.code == ErrorCode.FORBIDDEN


# User groups


def tenant_with_groups(*groups: str) -> TenantConfig:
    tenant = fake_tenant()
    tenant.items["usergroups"] = {g: usergroups.UserGroup(id=g) for g in groups}
    return tenant


async def test_an_unconfigured_group_is_refused_and_creates_no_user() -> None:
    store = FakeStore()
    with pytest.raises(LoyaltyError) as error:
        await usergroups.set_usergroup(fake_tx(store, tenant=tenant_with_groups("vip")), "ann", "gold")
    assert raised(error) == (ErrorCode.INVALID_INPUT, "usergroup")
    assert error.value.message == "'usergroup': no user group 'gold' is configured"
    assert store.users.rows == {}


async def test_setting_a_group_needs_the_manage_scope_and_a_valid_user_id() -> None:
    store = FakeStore()
    tenant = tenant_with_groups("vip")
    with pytest.raises(LoyaltyError) as error:
        await usergroups.set_usergroup(fake_tx(store, tenant=tenant, principal=customer("ann")), "ann", "vip")
    assert error.value.code == ErrorCode.FORBIDDEN
    with pytest.raises(LoyaltyError) as error:
        await usergroups.set_usergroup(fake_tx(store, tenant=tenant), "u" * 201, "vip")
    assert raised(error) == (ErrorCode.INVALID_INPUT, "userId")
    assert store.users.rows == {}


async def test_a_users_group_reads_as_its_group_or_default() -> None:
    store = FakeStore()
    store.users.add(1, "ann", usergroup="vip")
    store.users.add(1, "bob")
    services = fake_services(store)
    assert await usergroups.usergroup_of(services, admin(), "ann") == {"userId": "ann", "usergroup": "vip"}
    assert await usergroups.usergroup_of(services, admin(), "bob") == {
        "userId": "bob",
        "usergroup": "default",
    }
    assert await usergroups.usergroup_of(services, customer("bob"), "bob") == {
        "userId": "bob",
        "usergroup": "default",
    }


async def test_the_group_of_an_unknown_user_is_not_found_and_of_another_user_forbidden() -> None:
    store = FakeStore()
    store.users.add(1, "ann", usergroup="vip")
    services = fake_services(store)
    with pytest.raises(LoyaltyError) as error:
        await usergroups.usergroup_of(services, admin(), "ghost")
    assert (error.value.code, error.value.message) == (ErrorCode.NOT_FOUND, "user 'ghost' does not exist")
    with pytest.raises(LoyaltyError) as error:
        await usergroups.usergroup_of(services, customer("bob"), "ann")
    assert error.value.code == ErrorCode.FORBIDDEN


# GDPR export and deletion sweep


async def test_the_export_is_the_user_row_without_keys_and_every_table() -> None:
    store = FakeStore()
    pk = store.users.add(1, "ann", now=7, usergroup="vip")
    other = store.users.add(1, "bob")
    store.user_data.tables = {
        "history_entries": [{"user_pk": pk, "entry_id": "a"}, {"user_pk": other, "entry_id": "b"}],
        "balances": [],
    }
    exported = await users.export_user(fake_services(store), admin(), "ann")
    assert exported == {
        "userId": "ann",
        "tenant": "t",
        "user": {
            "external_id": "ann",
            "usergroup": "vip",
            "time_zone": None,
            "profile": {},
            "created_at": 7,
            "version": 0,
            "birthday": None,
        },
        "history_entries": [{"user_pk": pk, "entry_id": "a"}],
        "balances": [],
    }


async def test_exporting_an_unknown_user_is_not_found() -> None:
    with pytest.raises(LoyaltyError) as error:
        await users.export_user(fake_services(FakeStore()), admin(), "ghost")
    assert error.value.code == ErrorCode.NOT_FOUND


async def test_the_sweep_deletes_in_batches_until_nothing_is_left_and_counts_the_rows() -> None:
    store = FakeStore()
    gone = store.users.add(1, "gone")
    kept = store.users.add(1, "kept")
    store.user_data.tables = {
        "history_entries": [{"user_pk": gone, "n": i} for i in range(5)] + [{"user_pk": kept, "n": 9}],
        "balances": [{"user_pk": gone, "n": 0}],
    }
    job = await store.user_data.enqueue_deletion(tenant_id=1, user_pk=gone, external_id="gone", now=NOW)
    services = fake_services(store)
    assert await users.process_deletions(services, batch=2) == 1
    assert store.user_data.tables == {"history_entries": [{"user_pk": kept, "n": 9}], "balances": []}
    assert (store.user_data.jobs[job]["deleted_rows"], store.user_data.jobs[job]["finished_at"]) == (
        6,
        NOW + 1,
    )
    # One read of the jobs, then a write per batch: 3 + 2 + 1, then the one that finds nothing.
    assert cast(_Stores, services.stores).opened == 1 + 4
    assert await users.process_deletions(services) == 0


# Member search


def member(pk: int, user_id: str, balance: int | None, group: str | None = None) -> MemberSearchRow:
    return MemberSearchRow(id=pk, external_id=user_id, usergroup=group, created_at=pk, balance=balance)


async def test_member_pages_end_on_the_key_of_the_search_mode() -> None:
    store = FakeStore()
    store.member_search.members = [(1, member(i, f"m{i}", 100 * (5 - i)), None) for i in range(5)]
    services = fake_services(store)
    by_balance = MemberFilter(min_balance=0)
    first = await members.search(services, admin(), by_balance, limit=2)
    assert [(r.user_id, r.balance) for r in first.rows] == [("m4", 100), ("m3", 200)]
    assert first.next_after == "200,3"
    last = await members.search(services, admin(), by_balance, after="200,3", limit=3)
    assert [r.user_id for r in last.rows] == ["m2", "m1", "m0"]
    assert last.next_after is None
    by_id = await members.search(services, admin(), MemberFilter(prefix="m"), limit=1)
    assert (by_id.rows[0].user_id, by_id.next_after) == ("m0", "m0")


async def test_member_search_needs_the_view_scope_and_a_key_of_its_mode() -> None:
    services = fake_services(FakeStore())
    with pytest.raises(LoyaltyError) as error:
        await members.search(services, customer("ann"), MemberFilter())
    assert error.value.code == ErrorCode.FORBIDDEN
    with pytest.raises(LoyaltyError) as error:
        await members.search(services, admin(), MemberFilter(min_balance=1), after="m3")
    assert raised(error) == (ErrorCode.INVALID_INPUT, "after")
