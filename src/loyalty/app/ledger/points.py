"""Points accounts as a customer-service desk sees them: open, close, add, redeem, summaries.

These are the use cases behind the Emporix-style reward points face; the lines they show are the
ledger's own (one ledger, several faces), so a summary always adds up to the balance:
``active == sum(added) - sum(redeemed) - sum(expired) - sum(reversed)``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.uow import Tx, run_read
from loyalty.app.ledger import ledger
from loyalty.app.ledger.ports import LedgerLineRow
from loyalty.app.messaging import notifications
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.app.users import users
from loyalty.core.errors import ErrorCode, LoyaltyError, forbidden, invalid, not_found

POINTS = ledger.POINTS
MAX_PAGE = 1000


@dataclass(frozen=True)
class PointsEntryView:
    id: str
    """The id the client gave (Emporix ``id``), else the ledger line's number."""
    reference: str | None
    description: str | None
    points: int
    """Always positive; the list an entry is in says which way it went."""
    created_at: int
    valid_until: int | None
    balance_after: int
    used_points: int
    used_with: list[str]
    site_code: str | None = None
    line_id: int = 0


@dataclass(frozen=True)
class PointsSummaryView:
    user_id: str
    active: int
    added: list[PointsEntryView] = field(default_factory=list)
    redeemed: list[PointsEntryView] = field(default_factory=list)
    expired: list[PointsEntryView] = field(default_factory=list)
    reversed: list[PointsEntryView] = field(default_factory=list)
    pending: int = 0
    """Points of events still in their return window (not part of ``active``)."""


def _public_id(line: LedgerLineRow) -> str:
    return str(line["entry_key"] or line["id"])


def build_summary(
    user_id: str, lines: Iterable[LedgerLineRow], allocations: Iterable[tuple[int, int, int]]
) -> PointsSummaryView:
    by_id = {int(line["id"]): line for line in lines}
    taken_from: dict[int, list[tuple[int, int]]] = defaultdict(list)  # lot -> (taker, amount)
    took: dict[int, list[tuple[int, int]]] = defaultdict(list)  # taker -> (lot, amount)
    for debit_id, credit_id, amount in allocations:
        if debit_id in by_id and credit_id in by_id:
            taken_from[credit_id].append((debit_id, amount))
            took[debit_id].append((credit_id, amount))
    summary = PointsSummaryView(user_id=user_id, active=sum(int(line["amount"]) for line in by_id.values()))
    for line_id, line in by_id.items():
        amount = int(line["amount"])
        if amount > 0:
            partners = [(d, a) for d, a in taken_from[line_id] if by_id[d]["kind"] != "expiry"]
            target = summary.added
        else:
            partners = took[line_id]
            target = {"expiry": summary.expired, "reversal": summary.reversed}.get(
                str(line["kind"]), summary.redeemed
            )
        reference = line["reference"]
        if line["kind"] == "expiry":  # its reference is the expired credit: show that one's id
            origin = by_id.get(int(reference or 0))
            reference = _public_id(origin) if origin is not None else reference
        target.append(
            PointsEntryView(
                id=_public_id(line),
                reference=reference,
                description=line["description"],
                points=abs(amount),
                created_at=int(line["created_at"]),
                valid_until=line["valid_until"],
                balance_after=int(line["balance_after"]),
                used_points=sum(a for _, a in partners),
                used_with=list(dict.fromkeys(_public_id(by_id[p]) for p, _ in partners)),
                site_code=line["site_code"],
                line_id=line_id,
            )
        )
    return summary


def signed_in(principal: Principal) -> str:
    """The signed-in customer of a public endpoint: the token's ``sub``."""
    if principal.subject is None:
        raise forbidden("this endpoint acts on the signed-in customer: use the customer's token")
    return principal.subject


async def _user_pk(services: Services, principal: Principal, user_id: str) -> tuple[int, int | None]:
    async def work(store: Store, tenant: TenantConfig) -> tuple[int, int | None]:
        return tenant.id, await store.users.find_pk(tenant.id, user_id)

    return await run_read(services, principal, work)


async def points_of(services: Services, principal: Principal, user_id: str | None = None) -> int:
    """Active points of a customer (view scope), or of the signed-in customer (``user_id`` None)."""
    if user_id is None:
        user_id = signed_in(principal)
    else:
        principal.require_view()
    tenant_id, pk = await _user_pk(services, principal, user_id)
    return 0 if pk is None else await ledger.balance(services, tenant_id, pk)


async def summary_of(
    services: Services, principal: Principal, user_id: str | None = None
) -> PointsSummaryView:
    """A customer's summary (view scope; unknown customer → 404), or the signed-in customer's
    (an empty summary when they have no points yet)."""
    public = user_id is None
    if user_id is None:
        user_id = signed_in(principal)
    else:
        principal.require_view()
    tenant_id, pk = await _user_pk(services, principal, user_id)
    if pk is None:
        if public:
            return PointsSummaryView(user_id=user_id, active=0)
        raise not_found("customer", user_id)
    await ledger.balance(services, tenant_id, pk)  # expires what is due before the lines are read
    async with services.stores.read() as store:
        lines = await store.ledger.account_lines(pk, POINTS)
        allocations = await store.ledger.user_allocations(pk)
        pending = await store.pending_credits.pending_points_of_users([pk])
    return replace(build_summary(user_id, lines, allocations), pending=pending.get(pk, 0))


MAX_PAGE_NUMBER = 1_000_000
"""Keeps the row offset (page x size) far inside the database's integer range."""


async def summaries_page(
    services: Services, principal: Principal, *, page: int, size: int
) -> list[PointsSummaryView]:
    """Summaries of every customer with a points account, by creation, ``size`` per page."""
    principal.require_view()
    if not 1 <= page <= MAX_PAGE_NUMBER:
        raise invalid("pageNumber", f"'pageNumber' must be between 1 and {MAX_PAGE_NUMBER}")
    if not 1 <= size <= MAX_PAGE:
        raise invalid("pageSize", f"'pageSize' must be between 1 and {MAX_PAGE}")

    async def accounts(store: Store, tenant: TenantConfig) -> tuple[int, list[Any]]:
        rows = await store.ledger.accounts_page(tenant.id, POINTS, offset=(page - 1) * size, limit=size)
        return tenant.id, rows

    tenant_id, rows = await run_read(services, principal, accounts)
    now = services.now()
    for pk, _, stored, next_expiry in rows:
        if next_expiry is not None and next_expiry <= now:
            await ledger.active_balance(services, tenant_id, pk, (stored, next_expiry))
    pks = [r[0] for r in rows]
    async with services.stores.read() as store:
        lines = await store.ledger.lines_of_users(pks, POINTS)
        allocations = await store.ledger.allocations_of_users(pks)
        pending = await store.pending_credits.pending_points_of_users(pks)
    lines_by_user: dict[int, list[LedgerLineRow]] = defaultdict(list)
    for line in lines:
        lines_by_user[int(line["user_pk"])].append(line)
    return [
        replace(build_summary(user_id, lines_by_user[pk], allocations), pending=pending.get(pk, 0))
        for pk, user_id, _, _ in rows
    ]


async def _summary_in_tx(tx: Tx, user_id: str, user_pk: int) -> PointsSummaryView:
    lines = await tx.store.ledger.account_lines(user_pk, POINTS)
    return build_summary(user_id, lines, await tx.store.ledger.user_allocations(user_pk))


async def _entry_in_tx(tx: Tx, user_id: str, user_pk: int, entry_id: int) -> PointsEntryView:
    summary = await _summary_in_tx(tx, user_id, user_pk)
    return next(e for e in (*summary.added, *summary.redeemed) if e.line_id == entry_id)


@dataclass(frozen=True)
class NewPoints:
    points: int
    valid_until: int | None = None
    reference: str | None = None
    description: str | None = None
    entry_key: str | None = None
    site_code: str | None = None


async def _check_entry_key(tx: Tx, user_pk: int, entry_key: str | None) -> None:
    if entry_key is None:
        return
    if len(entry_key) > 100:
        raise invalid("id", "'id' must be at most 100 characters")
    # The account row is created if need be and locked, so two requests with the same id are
    # serialised and the second one sees the first one's line.
    await tx.store.ledger.ensure_account(tenant_id=tx.tenant.id, user_pk=user_pk, metric=POINTS, now=tx.now)
    await tx.store.ledger.lock_balance(user_pk, POINTS)
    if await tx.store.ledger.key_exists(user_pk, entry_key):
        raise LoyaltyError(ErrorCode.CONFLICT, f"a points entry with id '{entry_key}' exists", field="id")


async def add_points(tx: Tx, user_id: str, new: NewPoints, *, source: str = "manual") -> PointsEntryView:
    """Credit a customer (manage scope); the customer is created when unknown."""
    tx.principal.require_manage()
    user_pk = await users.resolve_user(tx, user_id, create=True)
    await _check_entry_key(tx, user_pk, new.entry_key)
    posting = await ledger.credit(
        tx,
        user_pk,
        new.points,
        source=source,
        reference=new.reference,
        description=new.description,
        valid_until=new.valid_until,
        site_code=new.site_code,
        entry_key=new.entry_key,
    )
    await notifications.points_earned(
        tx,
        user_pk,
        amount=new.points,
        balance_after=posting.balance_after,
        payload={},
        title={"en": "Points added", "de": "Punkte gutgeschrieben"},
        message=new.description,
    )
    return await _entry_in_tx(tx, user_id, user_pk, posting.entry_id)


async def redeem_points(
    tx: Tx, user_id: str, points: int, *, description: str | None, entry_key: str | None
) -> PointsEntryView:
    """Debit a customer without a coupon (manage scope); refused below the minimum."""
    tx.principal.require_manage()
    user_pk = await tx.store.users.find_pk(tx.tenant.id, user_id)
    if user_pk is None:
        raise LoyaltyError(ErrorCode.INSUFFICIENT_POINTS, "not enough points", field="points")
    await _check_entry_key(tx, user_pk, entry_key)
    posting = await ledger.debit(
        tx, user_pk, points, source="manual", description=description, entry_key=entry_key
    )
    return await _entry_in_tx(tx, user_id, user_pk, posting.entry_id)


async def open_account(tx: Tx, user_id: str, start: NewPoints | None) -> PointsSummaryView:
    """Open a customer's points account, optionally with start points (manage scope).
    A customer who already has an account is a conflict."""
    tx.principal.require_manage()
    user_pk = await users.resolve_user(tx, user_id, create=True)
    opened = await tx.store.ledger.ensure_account(
        tenant_id=tx.tenant.id, user_pk=user_pk, metric=POINTS, now=tx.now
    )
    if not opened:
        raise LoyaltyError(
            ErrorCode.CONFLICT, f"customer '{user_id}' already has a points account", field="customerId"
        )
    if start is not None and start.points > 0:
        await add_points(tx, user_id, start)
    return await _summary_in_tx(tx, user_id, user_pk)


async def close_account(tx: Tx, user_id: str) -> None:
    """Remove the customer and all their data (as deleting the user); unknown customers are fine."""
    tx.principal.require_manage()
    if await tx.store.users.find_pk(tx.tenant.id, user_id) is not None:
        await users.delete_user(tx, user_id)
