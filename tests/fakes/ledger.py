"""Fakes of the ledger feature's ports (:mod:`loyalty.app.ledger.ports`).

The ports share the database's tables (every account is one balance row whichever port touches
it), so the fakes share one :class:`LedgerTables`: a test seeds and reads it directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from loyalty.app.ledger.ports import (
    PENDING,
    Account,
    AccountMismatch,
    AccountRow,
    AllocationMismatch,
    AllocationRow,
    HistoryLineRow,
    LedgerLineRow,
    LotRow,
    PendingCreditRow,
)

_NULLABLE = ("valid_until", "reference", "description", "site_code", "entry_key", "reversal_of")
_HISTORY = (
    "id",
    "metric",
    "kind",
    "amount",
    "source",
    "reference",
    "description",
    "balance_after",
    "created_at",
)


@dataclass
class LedgerTables:
    """The rows behind the ledger's ports, as plain dicts."""

    accounts: dict[tuple[int, str], dict[str, Any]] = field(default_factory=dict)
    """(user key, metric) -> tenant_id, balance, lifetime_earned, next_expiry_at, updated_at."""
    lines: dict[int, LedgerLineRow] = field(default_factory=dict)
    allocations: list[AllocationRow] = field(default_factory=list)
    pending: dict[int, PendingCreditRow] = field(default_factory=dict)
    users: dict[int, tuple[int, str]] = field(default_factory=dict)
    """user key -> (tenant id, external id): seed the users a use case looks up."""
    logged_events: dict[int, str] = field(default_factory=dict)
    """logged event id -> event definition id."""
    markers: dict[int, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ledger = FakeLedger(self)
        self.ledger_reads = FakeLedgerReads(self)
        self.ledger_history = FakeLedgerHistory(self)
        self.bulk_credits = FakeBulkCredits(self)
        self.pending_credits = FakePendingCredits(self)
        self.metric_balances = FakeMetricBalances(self)

    def account(self, user_pk: int, metric: str = "points") -> Account | None:
        row = self.accounts.get((user_pk, metric))
        return None if row is None else (int(row["balance"]), row["next_expiry_at"])

    def add_line(self, **values: Any) -> int:
        line_id = max(self.lines, default=0) + 1
        row = dict.fromkeys(_NULLABLE)
        row.update(values)
        self.lines[line_id] = LedgerLineRow(id=line_id, **row)
        return line_id

    def lines_of(self, user_pk: int, metric: str) -> list[LedgerLineRow]:
        found = [r for r in self.lines.values() if r["user_pk"] == user_pk and r["metric"] == metric]
        return sorted(found, key=lambda r: (r["created_at"], r["id"]))

    def open_lots(self, user_pk: int, metric: str) -> list[LedgerLineRow]:
        lots = [r for r in self.lines_of(user_pk, metric) if r["remaining"] > 0]
        return sorted(
            lots, key=lambda r: (r["valid_until"] is None, r["valid_until"] or 0, r["created_at"], r["id"])
        )

    def next_expiry(self, user_pk: int, metric: str) -> int | None:
        dates = [r["valid_until"] for r in self.open_lots(user_pk, metric) if r["valid_until"] is not None]
        return min(dates, default=None)


def _lot(row: LedgerLineRow) -> LotRow:
    return LotRow(
        id=row["id"],
        remaining=row["remaining"],
        created_at=row["created_at"],
        valid_until=row["valid_until"],
        amount=row["amount"],
    )


def _fold(current: int | None, valid_until: int | None) -> int | None:
    if valid_until is None:
        return current
    return valid_until if current is None or current > valid_until else current


class FakeLedger:
    def __init__(self, tables: LedgerTables) -> None:
        self.t = tables

    async def credit_balance(
        self,
        *,
        tenant_id: int,
        user_pk: int,
        metric: str,
        amount: int,
        earned: int,
        now: int,
        valid_until: int | None = None,
        initial: int = 0,
        line: dict[str, Any] | None = None,
    ) -> tuple[int, int | None, int | None]:
        row = self.t.accounts.get((user_pk, metric))
        if row is None:
            row = self.t.accounts[(user_pk, metric)] = {
                "tenant_id": tenant_id,
                "balance": initial + amount,
                "lifetime_earned": earned,
                "next_expiry_at": valid_until,
                "updated_at": now,
            }
        else:
            row["balance"] += amount
            row["lifetime_earned"] += earned
            row["next_expiry_at"] = _fold(row["next_expiry_at"], valid_until)
            row["updated_at"] = now
        balance, due = int(row["balance"]), row["next_expiry_at"]
        entry_id = None
        if line is not None and (due is None or due > now) and balance - amount >= 0:
            entry_id = self.t.add_line(
                tenant_id=tenant_id,
                user_pk=user_pk,
                metric=metric,
                amount=amount,
                remaining=amount,
                valid_until=valid_until,
                balance_after=balance,
                created_at=now,
                **line,
            )
        return balance, due, entry_id

    async def ensure_account(self, *, tenant_id: int, user_pk: int, metric: str, now: int) -> bool:
        if (user_pk, metric) in self.t.accounts:
            return False
        self.t.accounts[(user_pk, metric)] = {
            "tenant_id": tenant_id,
            "balance": 0,
            "lifetime_earned": 0,
            "next_expiry_at": None,
            "updated_at": now,
        }
        return True

    async def lock_balance(self, user_pk: int, metric: str) -> Account | None:
        return self.t.account(user_pk, metric)

    async def user_account(
        self, tenant_id: int, external_id: str, metric: str
    ) -> tuple[int, Account | None] | None:
        for pk, (tenant, name) in self.t.users.items():
            if (tenant, name) == (tenant_id, external_id):
                return pk, self.t.account(pk, metric)
        return None

    async def read_balance(self, user_pk: int, metric: str) -> Account | None:
        return self.t.account(user_pk, metric)

    async def change_balance(self, *, user_pk: int, metric: str, delta: int, now: int) -> int:
        row = self.t.accounts[(user_pk, metric)]
        row["balance"] += delta
        row["updated_at"] = now
        return int(row["balance"])

    async def refresh_next_expiry(self, *, user_pk: int, metric: str) -> None:
        row = self.t.accounts.get((user_pk, metric))
        if row is not None:
            row["next_expiry_at"] = self.t.next_expiry(user_pk, metric)

    async def subtract_if_enough(
        self, *, user_pk: int, metric: str, amount: int, minimum: int, now: int
    ) -> int | None:
        row = self.t.accounts.get((user_pk, metric))
        if row is None or row["balance"] - amount < minimum:
            return None
        row["balance"] -= amount
        row["updated_at"] = now
        return int(row["balance"])

    async def insert_line(self, **values: Any) -> int:
        return self.t.add_line(**values)

    async def open_lots(
        self, user_pk: int, metric: str, *, offset: int = 0, limit: int | None = None
    ) -> list[LotRow]:
        lots = [_lot(r) for r in self.t.open_lots(user_pk, metric)]
        return lots[offset:] if limit is None else lots[offset : offset + limit]

    async def due_lots(self, user_pk: int, metric: str, now: int) -> list[LotRow]:
        return [
            _lot(r)
            for r in self.t.open_lots(user_pk, metric)
            if r["valid_until"] is not None and r["valid_until"] <= now
        ]

    async def debts(self, user_pk: int, metric: str) -> list[tuple[int, int]]:
        owing = sorted(
            (r for r in self.t.lines_of(user_pk, metric) if r["remaining"] < 0), key=lambda r: r["id"]
        )
        return [(r["id"], -r["remaining"]) for r in owing]

    async def add_remaining(self, changes: Sequence[tuple[int, int]]) -> None:
        for line_id, delta in changes:
            self.t.lines[line_id]["remaining"] += delta

    async def insert_allocations(self, user_pk: int, rows: Sequence[tuple[int, int, int]]) -> None:
        for debit_id, credit_id, amount in rows:
            self.t.allocations.append(
                AllocationRow(debit_id=debit_id, credit_id=credit_id, user_pk=user_pk, amount=amount)
            )

    async def get_line(self, tenant_id: int, entry_id: int) -> LedgerLineRow | None:
        row = self.t.lines.get(entry_id)
        return None if row is None or row["tenant_id"] != tenant_id else LedgerLineRow(**row)

    async def is_reversed(self, user_pk: int, entry_id: int) -> bool:
        return any(r["user_pk"] == user_pk and r["reversal_of"] == entry_id for r in self.t.lines.values())

    async def expired_from(self, credit_id: int) -> int:
        return sum(
            a["amount"]
            for a in self.t.allocations
            if a["credit_id"] == credit_id and self.t.lines[a["debit_id"]]["kind"] == "expiry"
        )

    async def key_exists(self, user_pk: int, entry_key: str) -> bool:
        return any(r["user_pk"] == user_pk and r["entry_key"] == entry_key for r in self.t.lines.values())

    async def account_lines(self, user_pk: int, metric: str) -> list[LedgerLineRow]:
        return self.t.lines_of(user_pk, metric)

    async def user_allocations(self, user_pk: int) -> list[tuple[int, int, int]]:
        return await self.allocations_of_users([user_pk])

    async def accounts_page(
        self, tenant_id: int, metric: str, *, offset: int, limit: int
    ) -> list[tuple[int, str, int, int | None]]:
        rows = [
            (
                pk,
                name,
                int(self.t.accounts[(pk, metric)]["balance"]),
                self.t.accounts[(pk, metric)]["next_expiry_at"],
            )
            for pk, (tenant, name) in sorted(self.t.users.items())
            if tenant == tenant_id and (pk, metric) in self.t.accounts
        ]
        return rows[offset : offset + limit]

    async def due_accounts(
        self, *, now: int, tenant_id: int | None, limit: int
    ) -> list[tuple[int, int, str]]:
        due = sorted(
            (row["next_expiry_at"], row["tenant_id"], pk, metric)
            for (pk, metric), row in self.t.accounts.items()
            if row["next_expiry_at"] is not None
            and row["next_expiry_at"] <= now
            and (tenant_id is None or row["tenant_id"] == tenant_id)
        )
        return [(tenant, pk, metric) for _, tenant, pk, metric in due[:limit]]

    async def verify_accounts(self, tenant_id: int | None) -> list[AccountMismatch]:
        out: list[AccountMismatch] = []
        keys = {(r["user_pk"], r["metric"]): r["tenant_id"] for r in self.t.lines.values()}
        for (pk, metric), row in self.t.accounts.items():
            if tenant_id is not None and row["tenant_id"] != tenant_id:
                continue
            lines = self.t.lines_of(pk, metric)
            total, open_ = sum(r["amount"] for r in lines), sum(r["remaining"] for r in lines)
            if row["balance"] != total or row["balance"] != open_:
                out.append(
                    AccountMismatch(
                        tenant_id=row["tenant_id"],
                        user_pk=pk,
                        metric=metric,
                        balance=row["balance"],
                        total=total,
                        open=open_,
                    )
                )
        for (pk, metric), tenant in keys.items():
            if (pk, metric) not in self.t.accounts and (tenant_id is None or tenant == tenant_id):
                total = sum(r["amount"] for r in self.t.lines_of(pk, metric))
                out.append(
                    AccountMismatch(
                        tenant_id=tenant, user_pk=pk, metric=metric, balance=None, total=total, open=None
                    )
                )
        return out

    async def verify_allocations(self, tenant_id: int | None) -> list[AllocationMismatch]:
        out: list[AllocationMismatch] = []
        for line in self.t.lines.values():
            if tenant_id is not None and line["tenant_id"] != tenant_id:
                continue
            if line["amount"] > 0:
                expected = line["amount"] - line["remaining"]
                allocated = sum(a["amount"] for a in self.t.allocations if a["credit_id"] == line["id"])
            else:
                expected = -line["amount"] + line["remaining"]
                allocated = sum(a["amount"] for a in self.t.allocations if a["debit_id"] == line["id"])
            if expected != allocated:
                out.append(
                    AllocationMismatch(
                        tenant_id=line["tenant_id"],
                        user_pk=line["user_pk"],
                        metric=line["metric"],
                        id=line["id"],
                        kind=line["kind"],
                        expected=expected,
                        allocated=allocated,
                    )
                )
        return out

    async def lines_of_users(self, user_pks: Sequence[int], metric: str) -> list[LedgerLineRow]:
        found = [r for r in self.t.lines.values() if r["user_pk"] in user_pks and r["metric"] == metric]
        return sorted(found, key=lambda r: (r["created_at"], r["id"]))

    async def allocations_of_users(self, user_pks: Sequence[int]) -> list[tuple[int, int, int]]:
        rows = sorted(
            (a for a in self.t.allocations if a["user_pk"] in user_pks), key=lambda a: a["debit_id"]
        )
        return [(a["debit_id"], a["credit_id"], a["amount"]) for a in rows]


class FakeLedgerReads:
    def __init__(self, tables: LedgerTables) -> None:
        self.t = tables

    async def lines_for_user(self, user_pk: int, *, limit: int) -> list[LedgerLineRow]:
        found = [r for r in self.t.lines.values() if r["user_pk"] == user_pk]
        return sorted(found, key=lambda r: (r["created_at"], r["id"]), reverse=True)[:limit]

    async def allocations_for_user(self, user_pk: int) -> list[AllocationRow]:
        return [a for a in self.t.allocations if a["user_pk"] == user_pk]

    async def balances_for_user(self, user_pk: int) -> list[AccountRow]:
        return [
            AccountRow(
                metric=metric,
                balance=row["balance"],
                lifetime_earned=row["lifetime_earned"],
                next_expiry_at=row["next_expiry_at"],
            )
            for (pk, metric), row in sorted(self.t.accounts.items())
            if pk == user_pk
        ]


def _history(row: LedgerLineRow) -> HistoryLineRow:
    return HistoryLineRow(**{k: row[k] for k in _HISTORY})


class FakeLedgerHistory:
    def __init__(self, tables: LedgerTables) -> None:
        self.t = tables

    def _event_credits(self, user_pk: int) -> list[LedgerLineRow]:
        return [
            r
            for r in self.t.lines_of(user_pk, "points")
            if r["source"] == "event" and r["kind"] == "credit" and r["amount"] > 0
        ]

    async def lines_between(
        self,
        user_pk: int,
        *,
        from_ts: int | None,
        to_ts: int | None,
        leave_out: Sequence[str],
        limit: int,
    ) -> list[HistoryLineRow]:
        found = sorted(
            (
                r
                for r in self.t.lines.values()
                if r["user_pk"] == user_pk
                and r["source"] not in leave_out
                and (from_ts is None or r["created_at"] >= from_ts)
                and (to_ts is None or r["created_at"] <= to_ts)
            ),
            key=lambda r: (r["created_at"], r["id"]),
        )
        return [_history(r) for r in found[:limit]]

    async def event_credits_after(
        self, user_pk: int, marker: tuple[int, int] | None, *, limit: int
    ) -> list[HistoryLineRow]:
        found = self._event_credits(user_pk)
        if marker is not None:
            found = [r for r in found if r["created_at"] >= marker[0] and r["id"] > marker[1]]
        return [_history(r) for r in found[:limit]]

    async def last_event_credit(self, user_pk: int, *, among: Sequence[int] | None) -> tuple[int, int] | None:
        found = [r for r in self._event_credits(user_pk) if among is None or r["id"] in among]
        return None if not found else (found[-1]["created_at"], found[-1]["id"])

    async def count_event_credits(self, user_pk: int, *, after_id: int, up_to_id: int) -> int:
        return sum(1 for r in self._event_credits(user_pk) if after_id < r["id"] <= up_to_id)

    async def latest_gain_at(self, user_pk: int, *, leave_out: Sequence[str]) -> int | None:
        gains = [
            r["created_at"]
            for r in self.t.lines_of(user_pk, "points")
            if r["amount"] > 0 and r["source"] not in leave_out
        ]
        return max(gains, default=None)

    async def event_ids(self, logged_ids: Iterable[int]) -> dict[int, str]:
        return {i: self.t.logged_events[i] for i in set(logged_ids) if i in self.t.logged_events}

    async def read_marker(self, user_pk: int) -> tuple[int, int] | None:
        return self.t.markers.get(user_pk)

    async def advance_read_marker(
        self, *, tenant_id: int, user_pk: int, marker: tuple[int, int], now: int
    ) -> None:
        current = self.t.markers.get(user_pk)
        if current is None or current[1] < marker[1]:
            self.t.markers[user_pk] = marker


class FakeBulkCredits:
    def __init__(self, tables: LedgerTables) -> None:
        self.t = tables

    async def read_accounts(self, user_pks: Sequence[int], metric: str) -> dict[int, Account]:
        found = {pk: self.t.account(pk, metric) for pk in user_pks}
        return {pk: account for pk, account in found.items() if account is not None}

    async def add_to_accounts(
        self,
        *,
        tenant_id: int,
        metric: str,
        now: int,
        totals: Sequence[tuple[int, int, int | None]],
    ) -> dict[int, Account]:
        for user_pk, amount, valid_until in totals:
            await self.t.ledger.credit_balance(
                tenant_id=tenant_id,
                user_pk=user_pk,
                metric=metric,
                amount=amount,
                earned=amount,
                now=now,
                valid_until=valid_until,
            )
        return {pk: self.t.account(pk, metric) for pk, _, _ in totals}

    async def insert_lines(self, lines: Sequence[dict[str, Any]]) -> list[int]:
        return [self.t.add_line(**line) for line in lines]


class FakePendingCredits:
    def __init__(self, tables: LedgerTables) -> None:
        self.t = tables

    def add(self, *, user_pk: int, logged_id: int, points: int, matures_at: int, tenant_id: int = 1) -> int:
        """Seed a pending credit (the event path writes them)."""
        credit_id = max(self.t.pending, default=0) + 1
        self.t.pending[credit_id] = PendingCreditRow(
            id=credit_id,
            tenant_id=tenant_id,
            user_pk=user_pk,
            logged_id=logged_id,
            points=points,
            matures_at=matures_at,
            state=PENDING,
            description=None,
            created_at=0,
            settled_at=None,
        )
        return credit_id

    async def pending_points(self, user_pk: int) -> int:
        return sum(
            r["points"] for r in self.t.pending.values() if r["user_pk"] == user_pk and r["state"] == PENDING
        )

    async def pending_points_of_users(self, user_pks: list[int]) -> dict[int, int]:
        out: dict[int, int] = {}
        for r in self.t.pending.values():
            if r["user_pk"] in user_pks and r["state"] == PENDING:
                out[r["user_pk"]] = out.get(r["user_pk"], 0) + r["points"]
        return out

    async def due(self, *, now: int, limit: int, tenant_id: int | None = None) -> list[tuple[int, int]]:
        due = sorted(
            (r["matures_at"], r["id"], r["tenant_id"])
            for r in self.t.pending.values()
            if r["state"] == PENDING
            and r["matures_at"] <= now
            and (tenant_id is None or r["tenant_id"] == tenant_id)
        )
        return [(i, tenant) for _, i, tenant in due[:limit]]

    async def settle(
        self, *, state: str, now: int, id: int | None = None, logged_id: int | None = None
    ) -> PendingCreditRow | None:
        for row in self.t.pending.values():
            if (id is None or row["id"] == id) and (logged_id is None or row["logged_id"] == logged_id):
                if row["state"] != PENDING:
                    return None
                row["state"], row["settled_at"] = state, now
                return PendingCreditRow(**row)
        return None


class FakeMetricBalances:
    def __init__(self, tables: LedgerTables) -> None:
        self.t = tables

    async def open_if_absent(self, *, tenant_id: int, user_pk: int, metric: str, now: int) -> bool:
        return await self.t.ledger.ensure_account(
            tenant_id=tenant_id, user_pk=user_pk, metric=metric, now=now
        )

    async def locked_balance(self, user_pk: int, metric: str) -> int | None:
        account = self.t.account(user_pk, metric)
        return None if account is None else account[0]

    async def balances_of_user(self, user_pk: int) -> dict[str, int]:
        return {metric: int(row["balance"]) for (pk, metric), row in self.t.accounts.items() if pk == user_pk}
