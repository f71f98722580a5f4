"""A user's balances and ledger lines with expiry and FIFO use, as the dashboard shows them.

Kept apart from ``ledger`` on purpose: it only reads, and can be replaced by the ledger's own
per-user read model without touching the dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.uow import run_read
from loyalty.app.tenancy.tenants import TenantConfig


@dataclass(frozen=True)
class BalanceView:
    metric: str
    balance: int
    lifetime_earned: int
    next_expiry_at: int | None


@dataclass(frozen=True)
class LedgerLineView:
    entry_id: int
    metric: str
    kind: str
    amount: int
    remaining: int
    """Still spendable part of a credit (0 for debits and spent or expired credits)."""
    valid_until: int | None
    source: str
    reference: str | None
    description: str | None
    balance_after: int
    created_at: int
    used_by: list[tuple[int, int]] = field(default_factory=list)
    """For a credit: (debit entry id, points) that consumed it, first-expiring-first."""
    used_from: list[tuple[int, int]] = field(default_factory=list)
    """For a debit: (credit entry id, points) it consumed."""


@dataclass(frozen=True)
class UserLedgerView:
    user_id: str
    exists: bool
    balances: list[BalanceView]
    lines: list[LedgerLineView]


async def user_ledger(
    services: Services, principal: Principal, user_id: str, *, limit: int = 200
) -> UserLedgerView:
    principal.require_read_user(user_id)

    async def work(store: Store, tenant: TenantConfig) -> UserLedgerView:
        pk = await store.users.find_pk(tenant.id, user_id)
        if pk is None:
            return UserLedgerView(user_id=user_id, exists=False, balances=[], lines=[])
        balances = [
            BalanceView(
                metric=str(b["metric"]),
                balance=int(b["balance"]),
                lifetime_earned=int(b["lifetime_earned"]),
                next_expiry_at=b["next_expiry_at"],
            )
            for b in await store.ledger_reads.balances_for_user(pk)
        ]
        used_by: dict[int, list[tuple[int, int]]] = {}
        used_from: dict[int, list[tuple[int, int]]] = {}
        for a in await store.ledger_reads.allocations_for_user(pk):
            used_by.setdefault(int(a["credit_id"]), []).append((int(a["debit_id"]), int(a["amount"])))
            used_from.setdefault(int(a["debit_id"]), []).append((int(a["credit_id"]), int(a["amount"])))
        lines = [
            LedgerLineView(
                entry_id=int(r["id"]),
                metric=str(r["metric"]),
                kind=str(r["kind"]),
                amount=int(r["amount"]),
                remaining=int(r["remaining"]),
                valid_until=r["valid_until"],
                source=str(r["source"]),
                reference=r["reference"],
                description=r["description"],
                balance_after=int(r["balance_after"]),
                created_at=int(r["created_at"]),
                used_by=sorted(used_by.get(int(r["id"]), [])),
                used_from=sorted(used_from.get(int(r["id"]), [])),
            )
            for r in await store.ledger_reads.lines_for_user(pk, limit=limit)
        ]
        return UserLedgerView(user_id=user_id, exists=True, balances=balances, lines=lines)

    return await run_read(services, principal, work)
