"""The points ledger as the rest of the app uses it: credit, debit, reversal, balances, expiry.

Every change of a balance is an append-only ledger line written in the caller's transaction, and
the materialised balance moves in the same transaction, so it always equals the ledger's sum.
The rules (burn order, expiry, debts, reversal) are the pure functions of ``core.ledger``; this
module loads the lots, asks core, and writes what core decided — always after taking the account
row first (see ``ports.Ledger``), so concurrent requests never interleave.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store, Stores
from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger import ledger_effects  # webhooks, metrics and audit after each posting
from loyalty.app.ledger.ports import LedgerLineRow, LotRow
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core import ledger as core
from loyalty.core.errors import ErrorCode, LoyaltyError, invalid, not_found
from loyalty.core.expiry import valid_until_for

POINTS = "points"
SWEEP_SECONDS = 60.0
LOT_PAGE = 200
log = logging.getLogger("loyalty.ledger")


@dataclass(frozen=True)
class Posting:
    entry_id: int
    amount: int
    balance_after: int


@dataclass(frozen=True)
class Reversal:
    taken: int
    """Points taken back (from the credit itself, then from the other credits, then below zero)."""
    shortfall: int
    """Points of the credit already spent that could not be taken back (negative balance not allowed)."""
    entry_id: int | None
    """The reversal line; None when nothing was written (already reversed, or nothing left to take)."""


def metric_minimum(tenant: TenantConfig, metric: str) -> int:
    """The lowest balance a debit may leave: the metric's ``minimumValue`` when configured, else 0."""
    config = tenant.get("metrics", metric)
    value = getattr(config, "minimumValue", None)
    if value is None and isinstance(config, dict):
        value = config.get("minimumValue")
    return int(value) if isinstance(value, int | float) else 0


def policy_valid_until(tenant: TenantConfig, earned_at: int) -> int | None:
    policy = tenant.settings.expiryPolicy
    return valid_until_for(
        policy.mode,
        earned_at=earned_at,
        tz=tenant.settings.timeZone,
        days=policy.days,
        period=policy.period,
        after_months=policy.afterMonths,
    )


def _check_amount(amount: int) -> None:
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        raise invalid("points", "'points' must be a positive whole number")


async def credit(
    tx: Tx,
    user_pk: int,
    amount: int,
    *,
    source: str,
    metric: str = POINTS,
    reference: str | None = None,
    description: str | None = None,
    valid_until: int | None = None,
    site_code: str | None = None,
    entry_key: str | None = None,
    kind: str = "credit",
) -> Posting:
    """Add a lot. Without ``valid_until``, points follow the tenant's expiry policy (other
    metrics — levels, experience — do not expire unless told)."""
    _check_amount(amount)
    if valid_until is None and metric == POINTS:
        valid_until = policy_valid_until(tx.tenant, tx.now)
    elif valid_until is not None and valid_until <= tx.now:
        raise invalid("validUntil", "'validUntil' must be in the future")
    # One statement on the hot path: add, learn whether older credits are due to expire, and (on
    # PostgreSQL, when nothing is due or owed) write the line.
    line = {
        "kind": kind,
        "source": source,
        "reference": reference,
        "description": description,
        "site_code": site_code,
        "entry_key": entry_key,
    }
    balance, next_expiry, entry_id = await tx.store.ledger.credit_balance(
        tenant_id=tx.tenant.id,
        user_pk=user_pk,
        metric=metric,
        amount=amount,
        earned=amount,
        now=tx.now,
        valid_until=valid_until,
        line=line,
    )
    tx.locked_accounts.add((user_pk, metric))
    if entry_id is None:
        entry_id, balance = await _write_credit_line(
            tx, user_pk, amount, metric, balance, next_expiry, valid_until, line
        )
    await ledger_effects.credited(
        tx, user_pk, amount, balance, entry_id, source, metric, reference, description
    )
    return Posting(entry_id=entry_id, amount=amount, balance_after=balance)


async def _write_credit_line(
    tx: Tx,
    user_pk: int,
    amount: int,
    metric: str,
    balance: int,
    next_expiry: int | None,
    valid_until: int | None,
    line: dict[str, Any],
) -> tuple[int, int]:
    """The credit's line after expiring what is due and paying debts: (line id, balance after)."""
    expired = 0
    if next_expiry is not None and next_expiry <= tx.now:
        expired = await _expire_account(tx, user_pk, metric, pending=amount)
        balance -= expired
    remaining = amount
    paid: list[tuple[int, int]] = []
    if balance - amount < 0:  # the account owed points: this credit pays its debts first
        owed = await tx.store.ledger.debts(user_pk, metric)
        paid, remaining = core.settle([core.Debt(i, o) for i, o in owed], amount)
    entry_id = await tx.store.ledger.insert_line(
        tenant_id=tx.tenant.id,
        user_pk=user_pk,
        metric=metric,
        amount=amount,
        remaining=remaining,
        valid_until=valid_until,
        balance_after=balance,
        created_at=tx.now,
        **line,
    )
    if paid:
        await tx.store.ledger.add_remaining(paid)
        await tx.store.ledger.insert_allocations(user_pk, [(d, entry_id, p) for d, p in paid])
    if expired and valid_until is not None:
        await tx.store.ledger.refresh_next_expiry(user_pk=user_pk, metric=metric)
    return entry_id, balance


async def debit(
    tx: Tx,
    user_pk: int,
    amount: int,
    *,
    source: str,
    metric: str = POINTS,
    reference: str | None = None,
    description: str | None = None,
    entry_key: str | None = None,
    kind: str = "debit",
) -> Posting:
    """Take ``amount`` away, first-expiring credits first; refused (nothing written) when the
    balance would go below the metric's minimum."""
    _check_amount(amount)
    minimum = metric_minimum(tx.tenant, metric)
    account = await tx.store.ledger.lock_balance(user_pk, metric)
    if account is None:
        if minimum > -amount:
            raise _insufficient()
        await tx.store.ledger.ensure_account(
            tenant_id=tx.tenant.id, user_pk=user_pk, metric=metric, now=tx.now
        )
    elif account[1] is not None and account[1] <= tx.now:
        await _expire_account(tx, user_pk, metric)
    balance = await tx.store.ledger.subtract_if_enough(
        user_pk=user_pk, metric=metric, amount=amount, minimum=minimum, now=tx.now
    )
    if balance is None:
        raise _insufficient()
    allocations, owed = core.allocate(await _lots_covering(tx, user_pk, metric, amount), amount)
    entry_id = await _take(
        tx,
        user_pk,
        metric,
        kind,
        -amount,
        -owed,
        allocations,
        balance,
        source,
        reference,
        description,
        entry_key,
    )
    await ledger_effects.debited(
        tx, user_pk, amount, balance, entry_id, source, metric, reference, description
    )
    return Posting(entry_id=entry_id, amount=-amount, balance_after=balance)


def _insufficient() -> LoyaltyError:
    return LoyaltyError(ErrorCode.INSUFFICIENT_POINTS, "not enough points", field="points")


def _lot(row: LotRow | LedgerLineRow) -> core.Lot:
    return core.Lot(
        id=int(row["id"]),
        remaining=int(row["remaining"]),
        created_at=int(row["created_at"]),
        valid_until=None if row["valid_until"] is None else int(row["valid_until"]),
    )


async def _lots_covering(
    tx: Tx, user_pk: int, metric: str, amount: int, *, skip: int | None = None
) -> list[core.Lot]:
    """The first open lots in burn order that hold at least ``amount`` (or all there are).
    The account row is locked, so paging through them sees one consistent set."""
    lots: list[core.Lot] = []
    held = 0
    while held < amount:
        page = await tx.store.ledger.open_lots(user_pk, metric, offset=len(lots), limit=LOT_PAGE)
        lots += [_lot(r) for r in page]
        held += sum(int(r["remaining"]) for r in page if r["id"] != skip)
        if len(page) < LOT_PAGE:
            break
    return lots


async def _take(
    tx: Tx,
    user_pk: int,
    metric: str,
    kind: str,
    amount: int,
    remaining: int,
    allocations: list[core.Allocation],
    balance_after: int,
    source: str,
    reference: str | None,
    description: str | None,
    entry_key: str | None = None,
    reversal_of: int | None = None,
    valid_until: int | None = None,
) -> int:
    """Write a taking line and consume its lots (the balance row has moved already)."""
    entry_id = await tx.store.ledger.insert_line(
        tenant_id=tx.tenant.id,
        user_pk=user_pk,
        metric=metric,
        kind=kind,
        amount=amount,
        remaining=remaining,
        valid_until=valid_until,
        source=source,
        reference=reference,
        description=description,
        site_code=None,
        entry_key=entry_key,
        reversal_of=reversal_of,
        balance_after=balance_after,
        created_at=tx.now,
    )
    await tx.store.ledger.add_remaining([(a.credit_id, -a.amount) for a in allocations])
    await tx.store.ledger.insert_allocations(
        user_pk, [(entry_id, a.credit_id, a.amount) for a in allocations]
    )
    return entry_id


async def _expire_account(tx: Tx, user_pk: int, metric: str, *, pending: int = 0) -> int:
    """Write one expiry line per lot that is due; returns the points that left the balance.

    ``pending`` is a credit already added to the balance row but not yet written as a line (the
    expiry lines' ``balance_after`` are those before it).
    """
    due = core.due_for_expiry(
        [_lot(r) for r in await tx.store.ledger.due_lots(user_pk, metric, tx.now)], tx.now
    )
    total = sum(lot.remaining for lot in due)
    balance = await tx.store.ledger.change_balance(user_pk=user_pk, metric=metric, delta=-total, now=tx.now)
    running = balance + total - pending
    entry_id = 0
    for lot in due:
        running -= lot.remaining
        entry_id = await _take(
            tx,
            user_pk,
            metric,
            "expiry",
            -lot.remaining,
            0,
            [core.Allocation(lot.id, lot.remaining)],
            running,
            "expiry",
            str(lot.id),
            "points expired",
            valid_until=lot.valid_until,
        )
    await tx.store.ledger.refresh_next_expiry(user_pk=user_pk, metric=metric)
    if total:  # one points.expired per account and run, naming the last expiry line
        await ledger_effects.expired(tx, user_pk, total, running, entry_id=entry_id, metric=metric)
    return total


async def reverse_credit(
    tx: Tx,
    entry_id: int,
    *,
    source: str,
    reference: str | None = None,
    description: str | None = None,
) -> Reversal:
    """Take a credit back (a refund): what it still holds, then what was spent of it from the
    other credits; below zero only when the tenant allows a negative balance, otherwise the
    part that cannot be taken is reported as ``shortfall``. A credit is reversed at most once."""
    line = await tx.store.ledger.get_line(tx.tenant.id, entry_id)
    if line is None or line["amount"] <= 0 or line["kind"] not in ("credit", "adjustment"):
        raise not_found("credit", str(entry_id))
    user_pk, metric = int(line["user_pk"]), str(line["metric"])
    account = await tx.store.ledger.lock_balance(user_pk, metric)
    if account is not None and account[1] is not None and account[1] <= tx.now:
        await _expire_account(tx, user_pk, metric)
    if await tx.store.ledger.is_reversed(user_pk, entry_id):
        return Reversal(taken=0, shortfall=0, entry_id=None)
    line = await tx.store.ledger.get_line(tx.tenant.id, entry_id)
    assert line is not None
    lot = _lot(line)
    plan = core.plan_reversal(
        int(line["amount"]),
        lot,
        await tx.store.ledger.expired_from(entry_id),
        await _lots_covering(tx, user_pk, metric, int(line["amount"]), skip=entry_id),
        allow_negative=tx.tenant.settings.allowNegativeBalance,
    )
    if plan.taken == 0 and plan.shortfall == 0:
        return Reversal(taken=0, shortfall=0, entry_id=None)
    balance = await tx.store.ledger.change_balance(
        user_pk=user_pk, metric=metric, delta=-plan.taken, now=tx.now
    )
    written = await _take(
        tx,
        user_pk,
        metric,
        "reversal",
        -plan.taken,
        -plan.debt,
        plan.allocations,
        balance,
        source,
        reference,
        description,
        reversal_of=entry_id,
    )
    # The lots just emptied may have held the earliest expiry.
    await tx.store.ledger.refresh_next_expiry(user_pk=user_pk, metric=metric)
    return Reversal(taken=plan.taken, shortfall=plan.shortfall, entry_id=written)


# ----------------------------------------------------------------------------------------------
# Reads: never show expired points as active.


async def balance_in_tx(tx: Tx, user_pk: int, metric: str = POINTS) -> int:
    """The active balance inside a write transaction, after expiring what is due."""
    account = await tx.store.ledger.lock_balance(user_pk, metric)
    if account is None:
        return 0
    if account[1] is not None and account[1] <= tx.now:
        return account[0] - await _expire_account(tx, user_pk, metric)
    return account[0]


async def read_account(store: Store, user_pk: int, metric: str = POINTS) -> tuple[int, int | None] | None:
    """(stored balance, next expiry) as a read sees it; pass it to ``active_balance``."""
    return await store.ledger.read_balance(user_pk, metric)


async def active_balance(
    services: Services,
    tenant_id: int,
    user_pk: int,
    account: tuple[int, int | None] | None,
    metric: str = POINTS,
) -> int:
    """The active balance from what a read found; when credit is due to expire, it is expired
    first in a short write transaction (so a read never shows expired points as active)."""
    if account is None:
        return 0
    now = services.now()
    if account[1] is not None and account[1] <= now:
        return await _expire_in_own_tx(services, tenant_id, user_pk, metric, now)
    return account[0]


async def balance(services: Services, tenant_id: int, user_pk: int, metric: str = POINTS) -> int:
    """The active balance outside a transaction, with lazy expiry."""
    async with services.stores.read() as store:
        account = await store.ledger.read_balance(user_pk, metric)
    return await active_balance(services, tenant_id, user_pk, account, metric)


def job_tx(store: Store, services: Services, tenant: TenantConfig, job: str, now: int) -> Tx:
    """The transaction of a background job (the expiry, maturing pending points, the lifecycle
    rewards), which acts with no rights of its own, named ``job`` in logs and audit."""
    principal = Principal(
        tenant_id=tenant.id,
        tenant=tenant.name,
        subject=None,
        scopes=frozenset(),
        api_key_role="system",
        api_key_id=job,
    )
    return Tx(
        services=services,
        store=store,
        tenant=tenant,
        principal=principal,
        now=now,
    )


async def _expire_in_own_tx(services: Services, tenant_id: int, user_pk: int, metric: str, now: int) -> int:
    tenant = await services.tenants.by_id(tenant_id)
    if tenant is None:
        return 0
    async with services.stores.write() as store:
        tx = job_tx(store, services, tenant, "expiry", now)
        account = await store.ledger.lock_balance(user_pk, metric)
        if account is None:
            return 0
        # Re-checked under the lock: another process may have expired it meanwhile.
        if account[1] is None or account[1] > now:
            return account[0]
        remaining = account[0] - await _expire_account(tx, user_pk, metric)
    for hook in tx.after_commit:  # wakes webhook delivery for points.expired
        await hook()
    return remaining


async def expire_due(services: Services, *, now: int, tenant_id: int | None = None, batch: int = 500) -> int:
    """The periodic sweep: expire every account holding expired credit; returns accounts touched."""
    touched = 0
    while True:
        async with services.stores.read() as store:
            due = await store.ledger.due_accounts(now=now, tenant_id=tenant_id, limit=batch)
        for account_tenant, user_pk, metric in due:
            await _expire_in_own_tx(services, account_tenant, user_pk, metric, now)
        touched += len(due)
        if len(due) < batch:
            return touched


async def run_expiry_sweeper(services: Services, interval_s: float = SWEEP_SECONDS) -> None:
    """Runs in every server process; each account is expired under its own lock, so the
    processes may overlap without writing anything twice."""
    while True:
        await asyncio.sleep(interval_s)
        try:
            await expire_due(services, now=services.now())
        except Exception:
            log.exception("expiry sweep failed; retrying later")


# ----------------------------------------------------------------------------------------------
# Verification: the balance equals the sum of the ledger, and every lot agrees with its allocations.


@dataclass(frozen=True)
class Discrepancy:
    tenant_id: int
    user_pk: int
    metric: str
    problem: str


async def verify(stores: Stores, *, tenant_id: int | None = None) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    async with stores.read() as store:
        for row in await store.ledger.verify_accounts(tenant_id):
            if row["balance"] is None:
                problem = f"ledger lines sum to {row['total']} but there is no balance row"
            else:
                problem = (
                    f"balance {row['balance']} but the ledger sums to {row['total']}"
                    f" and its open remainders to {row['open']}"
                )
            out.append(Discrepancy(int(row["tenant_id"]), int(row["user_pk"]), str(row["metric"]), problem))
        for wrong in await store.ledger.verify_allocations(tenant_id):
            out.append(
                Discrepancy(
                    int(wrong["tenant_id"]),
                    int(wrong["user_pk"]),
                    str(wrong["metric"]),
                    f"{wrong['kind']} line {wrong['id']} consumed {wrong['expected']} points"
                    f" but its allocations say {wrong['allocated']}",
                )
            )
    return out
