"""The pure ledger: lots, the burn order, expiry, debts and reversal. Time is passed in (epoch ms).

A *lot* is a ledger line that still holds points (``remaining > 0``: a credit or a positive
adjustment). A *debt* is a line whose points could not all be taken from lots (``remaining < 0``:
what a reversal or a debit below zero still owes). The invariant every function here keeps:

    balance == sum(line.amount) == sum(line.remaining)

Burn order (what a debit consumes first, what ``usedPoints``/``usedWith`` report):
  1. lots with an expiry before lots without one;
  2. among those with an expiry, the earlier expiry first;
  3. then the earlier creation, then the lower id (the order the lines were written).
Expired lots leave the balance through an expiry line each; a debt is settled by the next credit,
oldest debt first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

NEGATIVE_KINDS = ("debit", "expiry", "reversal")


@dataclass(frozen=True)
class Lot:
    id: int
    remaining: int
    created_at: int
    valid_until: int | None = None


@dataclass(frozen=True)
class Allocation:
    """``amount`` points of lot ``credit_id`` consumed by line ``debit_id`` (0 = not yet written)."""

    credit_id: int
    amount: int


def burn_key(lot: Lot) -> tuple[bool, int, int, int]:
    return (lot.valid_until is None, lot.valid_until or 0, lot.created_at, lot.id)


def burn_order(lots: Iterable[Lot]) -> list[Lot]:
    return sorted((lot for lot in lots if lot.remaining > 0), key=burn_key)


def allocate(lots: Iterable[Lot], amount: int) -> tuple[list[Allocation], int]:
    """Take ``amount`` from the lots in burn order; returns the allocations and what was left over."""
    if amount < 0:
        raise ValueError("amount must not be negative")
    out: list[Allocation] = []
    left = amount
    for lot in burn_order(lots):
        if left == 0:
            break
        take = min(lot.remaining, left)
        out.append(Allocation(credit_id=lot.id, amount=take))
        left -= take
    return out, left


def due_for_expiry(lots: Iterable[Lot], now: int) -> list[Lot]:
    """Lots whose ``valid_until`` has passed (the instant itself counts as expired)."""
    return sorted(
        (lot for lot in lots if lot.remaining > 0 and lot.valid_until is not None and lot.valid_until <= now),
        key=burn_key,
    )


def next_expiry(lots: Iterable[Lot]) -> int | None:
    return min((lot.valid_until for lot in lots if lot.remaining > 0 and lot.valid_until), default=None)


@dataclass(frozen=True)
class Debt:
    id: int
    owed: int
    """Positive number of points still owed (the line's ``-remaining``)."""


def settle(debts: Sequence[Debt], amount: int) -> tuple[list[tuple[int, int]], int]:
    """A new credit of ``amount`` pays the oldest debts first: ([(debt id, paid)], left in the lot)."""
    paid: list[tuple[int, int]] = []
    left = amount
    for debt in sorted(debts, key=lambda d: d.id):
        if left == 0:
            break
        pay = min(debt.owed, left)
        if pay > 0:
            paid.append((debt.id, pay))
            left -= pay
    return paid, left


@dataclass(frozen=True)
class ReversalPlan:
    allocations: list[Allocation]
    """From the reversed lot itself first, then from the other lots in burn order."""
    debt: int
    """Taken below zero (only when the tenant allows a negative balance)."""
    shortfall: int
    """Already spent and not recoverable (when a negative balance is not allowed)."""

    @property
    def taken(self) -> int:
        return sum(a.amount for a in self.allocations) + self.debt


def plan_reversal(
    credit_amount: int,
    lot: Lot,
    expired: int,
    others: Iterable[Lot],
    *,
    allow_negative: bool,
) -> ReversalPlan:
    """Take back a credit: what it still holds, then what was spent of it from the other lots.

    Points that expired from the credit left the balance already and are not taken twice.
    """
    spent = credit_amount - lot.remaining - expired
    allocations = [Allocation(lot.id, lot.remaining)] if lot.remaining > 0 else []
    from_others, missing = allocate((o for o in others if o.id != lot.id), max(spent, 0))
    allocations += from_others
    if allow_negative:
        return ReversalPlan(allocations=allocations, debt=missing, shortfall=0)
    return ReversalPlan(allocations=allocations, debt=0, shortfall=missing)


@dataclass(frozen=True)
class Line:
    id: int
    kind: str
    amount: int
    remaining: int
    created_at: int
    valid_until: int | None = None
    reversal_of: int | None = None


@dataclass
class Book:
    """An in-memory ledger for one account, built only from the functions above.

    It is the reference model the property tests drive and the storage layer mirrors statement by
    statement (lock the balance, expire what is due, then allocate).
    """

    minimum: int = 0
    allow_negative: bool = False
    lines: list[Line] = field(default_factory=list)
    allocations: list[tuple[int, int, int]] = field(default_factory=list)
    """(debit line id, credit line id, amount)."""

    @property
    def balance(self) -> int:
        return sum(line.amount for line in self.lines)

    def lots(self) -> list[Lot]:
        return [
            Lot(line.id, line.remaining, line.created_at, line.valid_until)
            for line in self.lines
            if line.remaining > 0
        ]

    def _add(
        self,
        kind: str,
        amount: int,
        remaining: int,
        now: int,
        valid_until: int | None = None,
        reversal_of: int | None = None,
    ) -> Line:
        line = Line(len(self.lines) + 1, kind, amount, remaining, now, valid_until, reversal_of)
        self.lines.append(line)
        return line

    def _consume(self, line_id: int, allocations: Iterable[Allocation]) -> None:
        for a in allocations:
            index = a.credit_id - 1
            self.lines[index] = replace(self.lines[index], remaining=self.lines[index].remaining - a.amount)
            self.allocations.append((line_id, a.credit_id, a.amount))

    def expire(self, now: int) -> int:
        total = 0
        for lot in due_for_expiry(self.lots(), now):
            line = self._add("expiry", -lot.remaining, 0, now, valid_until=lot.valid_until)
            self._consume(line.id, [Allocation(lot.id, lot.remaining)])
            total += lot.remaining
        return total

    def credit(self, amount: int, now: int, valid_until: int | None = None) -> Line:
        if amount <= 0:
            raise ValueError("credit must be positive")
        self.expire(now)
        debts = [Debt(line.id, -line.remaining) for line in self.lines if line.remaining < 0]
        paid, left = settle(debts, amount)
        line = self._add("credit", amount, left, now, valid_until=valid_until)
        for debt_id, pay in paid:
            index = debt_id - 1
            self.lines[index] = replace(self.lines[index], remaining=self.lines[index].remaining + pay)
            self.allocations.append((debt_id, line.id, pay))
        return line

    def debit(self, amount: int, now: int) -> Line | None:
        """None (nothing written) when the balance would go below the minimum."""
        if amount <= 0:
            raise ValueError("debit must be positive")
        self.expire(now)
        if self.balance - amount < self.minimum:
            return None
        allocations, owed = allocate(self.lots(), amount)
        line = self._add("debit", -amount, -owed, now)
        self._consume(line.id, allocations)
        return line

    def reverse(self, credit_id: int, now: int) -> ReversalPlan | None:
        """None when the line is not a credit or was reversed already."""
        self.expire(now)
        target = self.lines[credit_id - 1]
        if target.kind != "credit" or any(line.reversal_of == credit_id for line in self.lines):
            return None
        expired = sum(
            amount
            for debit_id, cid, amount in self.allocations
            if cid == credit_id and self.lines[debit_id - 1].kind == "expiry"
        )
        lot = Lot(target.id, target.remaining, target.created_at, target.valid_until)
        plan = plan_reversal(target.amount, lot, expired, self.lots(), allow_negative=self.allow_negative)
        if plan.taken == 0 and plan.shortfall == 0:
            return plan
        line = self._add("reversal", -plan.taken, -plan.debt, now, reversal_of=credit_id)
        self._consume(line.id, plan.allocations)
        return plan


@dataclass(frozen=True)
class Snapshot:
    """Totals of an account as the summaries show them; ``active`` always equals the balance."""

    added: int
    redeemed: int
    expired: int
    reversed: int

    @property
    def active(self) -> int:
        return self.added - self.redeemed - self.expired - self.reversed


def snapshot(lines: Iterable[Line]) -> Snapshot:
    added = redeemed = expired = reversed_ = 0
    for line in lines:
        if line.kind == "expiry":
            expired -= line.amount
        elif line.kind == "reversal":
            reversed_ -= line.amount
        elif line.amount > 0:
            added += line.amount
        else:
            redeemed -= line.amount
    return Snapshot(added=added, redeemed=redeemed, expired=expired, reversed=reversed_)
