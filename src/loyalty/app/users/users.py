"""Users: create, delete (GDPR, batched in the background), export, points and history reads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.uow import Tx, run_read
from loyalty.app.kernel.validation import check_string
from loyalty.app.ledger import ledger
from loyalty.app.messaging import outbox
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core.errors import ErrorCode, LoyaltyError, invalid, not_found
from loyalty.core.lifecycle import check_birthday

MAX_USER_ID = 200
POINTS = "points"


def check_user_id(user_id: object, field: str = "userId") -> str:
    check_string(user_id, field)
    assert isinstance(user_id, str)
    if len(user_id) > MAX_USER_ID:
        raise invalid(field, f"'{field}' must be at most {MAX_USER_ID} characters")
    return user_id


@dataclass(frozen=True)
class UserCreatedView:
    user_id: str
    created_at: int


@dataclass(frozen=True)
class PointsView:
    user_id: str
    points: int
    user_exists: bool
    pending_points: int = 0
    """Points of events still in their return window (``pendingDays``): not spendable yet."""


async def create_user(tx: Tx, user_id: str, *, birthday: str | None = None) -> UserCreatedView:
    """``birthday``: ``MM-DD`` (checked by the caller with ``core.lifecycle.check_birthday``)."""
    tx.principal.require_act_for_user(user_id)
    pk = await tx.store.users.insert_if_absent(
        tenant_id=tx.tenant.id, external_id=user_id, now=tx.now, birthday=birthday
    )
    if pk is None:
        raise LoyaltyError(ErrorCode.ALREADY_EXISTS, f"user '{user_id}' already exists", field="userId")
    return UserCreatedView(user_id=user_id, created_at=tx.now)


async def resolve_user(tx: Tx, user_id: str, *, create: bool) -> int:
    """The user's surrogate key; creates the user when ``create`` (or the tenant auto-creates)."""
    pk = await tx.store.users.find_pk(tx.tenant.id, user_id)
    if pk is not None:
        return pk
    if not (create or tx.tenant.settings.autoCreateUsers):
        raise not_found("user", user_id)
    pk = await tx.store.users.insert_if_absent(tenant_id=tx.tenant.id, external_id=user_id, now=tx.now)
    if pk is None:  # created concurrently by another request
        pk = await tx.store.users.find_pk(tx.tenant.id, user_id)
        assert pk is not None
    return pk


@dataclass(frozen=True)
class BirthdayView:
    user_id: str
    birthday: str | None
    """``MM-DD``; None: cleared."""


async def set_birthday(tx: Tx, user_id: str, birthday: object) -> BirthdayView:
    """Set (``MM-DD``) or clear (null) the user's birthday. It pays a reward, so like the user
    group it needs the manage scope; the change is audited."""
    tx.principal.require_manage()
    check_user_id(user_id)
    value = None if birthday is None else check_birthday(birthday)
    user = await tx.store.users.get(tx.tenant.id, user_id)
    if user is None:
        raise not_found("user", user_id)
    await tx.store.users.update_fields(int(user["id"]), birthday=value)
    await tx.store.audit.record(
        tenant_id=tx.tenant.id,
        actor=tx.principal.actor,
        action="user.birthday",
        target=f"users/{user_id}",
        before={"birthday": user["birthday"]},
        after={"birthday": value},
        now=tx.now,
    )
    return BirthdayView(user_id=user_id, birthday=value)


async def delete_user(tx: Tx, user_id: str) -> str:
    """Remove the user now (nothing of theirs is reachable afterwards); sweep rows in the background."""
    tx.principal.require_act_for_user(user_id)
    pk = await tx.store.users.delete(tx.tenant.id, user_id)
    if pk is None:
        raise not_found("user", user_id)
    await tx.store.user_data.enqueue_deletion(
        tenant_id=tx.tenant.id, user_pk=pk, external_id=user_id, now=tx.now
    )
    await outbox.forget_user(tx, user_id)
    await outbox.publish(tx, "user.deleted", {}, user_id=user_id)
    if tx.services.wake_deletions is not None:
        tx.after_commit.append(tx.services.wake_deletions)
    return user_id


async def points_view(services: Services, principal: Principal, user_id: str) -> PointsView:
    principal.require_read_user(user_id)

    async def work(store: Store, tenant: TenantConfig) -> tuple[int, int | None, Any, int]:
        found = await store.ledger.user_account(tenant.id, user_id, POINTS)
        pk, account = found or (None, None)
        pending = 0 if pk is None else await store.pending_credits.pending_points(pk)
        return tenant.id, pk, account, pending

    tenant_id, pk, account, pending = await run_read(services, principal, work)
    if pk is None:
        return PointsView(user_id=user_id, points=0, user_exists=False)
    points = await ledger.active_balance(services, tenant_id, pk, account, POINTS)
    return PointsView(user_id=user_id, points=points, user_exists=True, pending_points=pending)


@dataclass(frozen=True)
class HistoryEntryView:
    """One entry of the user's history (seed 000's ``GET /user/{userId}/history``)."""

    id: str
    timestamp: int
    type: str
    points: int
    image: str | None
    description: Any
    """Translations (``{"en": …}``) or None, as stored."""
    title: Any
    """Translations (``{"en": …}``) or None, as stored."""
    user_id: str
    date_key: str
    """The day of the entry in the tenant's time zone (``YYYY-MM-DD``)."""
    campaigns: list[Any] | None = None
    """An event's campaigns that added to its points, as stored (docs/campaigns.md); None: none."""
    tier_points: int | None = None
    """An event's tier points; None: none."""
    pending_until: int | None = None
    """When an event's pending points become spendable; None: not pending."""


def history_view(row: Mapping[str, Any], user_id: str) -> HistoryEntryView:
    details = row.get("details")
    extras = details if isinstance(details, dict) else {}
    return HistoryEntryView(
        id=row["entry_id"],
        timestamp=row["ts"],
        type=row["type"],
        points=row["points"],
        image=row["image"],
        description=row["description"],
        title=row["title"],
        user_id=user_id,
        date_key=row["date_key"],
        campaigns=extras.get("campaigns"),
        tier_points=extras.get("tierPoints"),
        pending_until=extras.get("pendingUntil"),
    )


async def history(
    services: Services, principal: Principal, user_id: str, *, ascending: bool, show_all: bool
) -> list[HistoryEntryView]:
    principal.require_read_user(user_id)

    async def work(store: Store, tenant: TenantConfig) -> list[HistoryEntryView]:
        pk = await store.users.find_pk(tenant.id, user_id)
        if pk is None:
            return []
        rows = await store.history.list_for_user(pk, ascending=ascending, include_zero=show_all)
        return [history_view(r, user_id) for r in rows]

    return await run_read(services, principal, work)


async def export_user(services: Services, principal: Principal, user_id: str) -> dict[str, Any]:
    principal.require_read_user(user_id)

    async def work(store: Store, tenant: TenantConfig) -> dict[str, Any]:
        user = await store.users.get(tenant.id, user_id)
        if user is None:
            raise not_found("user", user_id)
        data = await store.user_data.export(int(user["id"]))
        return {
            "userId": user_id,
            "tenant": tenant.name,
            "user": {k: v for k, v in user.items() if k not in ("id", "tenant_id")},
            **data,
        }

    return await run_read(services, principal, work)


async def process_deletions(services: Services, *, batch: int = 500) -> int:
    """Sweep the rows of deleted users in batches; returns how many jobs finished."""
    finished = 0
    async with services.stores.read() as store:
        jobs = await store.user_data.pending_jobs()
    for job in jobs:
        while True:
            async with services.stores.write() as store:
                deleted = await store.user_data.delete_batch(int(job["user_pk"]), batch=batch)
                if deleted:
                    await store.user_data.add_deleted(int(job["id"]), deleted)
                else:
                    await store.user_data.finish_job(int(job["id"]), now=services.now())
            if not deleted:
                finished += 1
                break
    return finished
