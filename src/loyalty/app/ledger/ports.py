"""What the ledger feature reads and writes, as ``storage`` must provide it.

An account is one (user, metric) balance row. Every change of an account first takes that row (the
upsert of a credit, ``lock_balance``, ``ensure_account`` or ``open_if_absent``), so the lines and
lots of one account are only ever changed by one transaction at a time. An account as a read or a
lock sees it is ``(balance, next expiry or None)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol, TypedDict

Account = tuple[int, int | None]
"""(stored balance, earliest ``valid_until`` of the credits still holding points, or None)."""


class LedgerLineRow(TypedDict):
    """One append-only ledger line. A credit (amount > 0) is a lot: ``remaining`` is what it still
    holds; a taking line (amount < 0) has ``remaining`` <= 0, the points it still owes."""

    id: int
    tenant_id: int
    user_pk: int
    metric: str
    kind: str
    """credit, adjustment, debit, expiry, reversal…"""
    amount: int
    remaining: int
    valid_until: int | None
    source: str
    reference: str | None
    description: str | None
    site_code: str | None
    entry_key: str | None
    """The id the client gave the line (unique per user, checked by the caller under the lock)."""
    reversal_of: int | None
    balance_after: int
    created_at: int


class LotRow(TypedDict):
    """A line that still holds points, as a debit or an expiry consumes it."""

    id: int
    remaining: int
    created_at: int
    valid_until: int | None
    amount: int


class AccountMismatch(TypedDict):
    """An account whose balance differs from its lines (``balance``/``open`` None: lines without
    a balance row)."""

    tenant_id: int
    user_pk: int
    metric: str
    balance: int | None
    total: int
    open: int | None


class AllocationMismatch(TypedDict):
    """A line whose consumed points (``expected``) differ from its allocations."""

    tenant_id: int
    user_pk: int
    metric: str
    id: int
    kind: str
    expected: int
    allocated: int


class Ledger(Protocol):
    """Balances and ledger lines. Every rule that must hold under concurrency is one statement."""

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
        """Add ``amount`` (creating the account at ``initial + amount``) and fold ``valid_until``
        into the next expiry, in one statement that takes the account row.

        Returns (new balance, next expiry, line id). A next expiry at or before ``now`` tells the
        caller older credits are due. With ``line`` (kind, source, reference, description,
        site_code, entry_key) the store may also write the credit's line, but only when nothing is
        due and the account owed nothing before (``balance - amount >= 0``), and returns its id;
        otherwise the id is None and the caller writes the line."""
        ...

    async def ensure_account(self, *, tenant_id: int, user_pk: int, metric: str, now: int) -> bool:
        """Create the account at 0 (taking its row); False when it existed already."""
        ...

    async def lock_balance(self, user_pk: int, metric: str) -> Account | None:
        """The account, its row locked until commit; None without an account."""
        ...

    async def user_account(
        self, tenant_id: int, external_id: str, metric: str
    ) -> tuple[int, Account | None] | None:
        """(user key, the account or None) in one read; None without such a user."""
        ...

    async def read_balance(self, user_pk: int, metric: str) -> Account | None:
        """The account as a read sees it (not locked)."""
        ...

    async def change_balance(self, *, user_pk: int, metric: str, delta: int, now: int) -> int:
        """Move the (locked, existing) account by ``delta``; returns the new balance."""
        ...

    async def refresh_next_expiry(self, *, user_pk: int, metric: str) -> None:
        """Set the account's next expiry to the earliest ``valid_until`` of its open lots."""
        ...

    async def subtract_if_enough(
        self, *, user_pk: int, metric: str, amount: int, minimum: int, now: int
    ) -> int | None:
        """Subtract in one conditional statement when the result stays >= ``minimum``; the new
        balance, or None when refused (nothing changed)."""
        ...

    async def insert_line(
        self,
        *,
        tenant_id: int,
        user_pk: int,
        metric: str,
        kind: str,
        amount: int,
        remaining: int,
        source: str,
        balance_after: int,
        created_at: int,
        valid_until: int | None = None,
        reference: str | None = None,
        description: str | None = None,
        site_code: str | None = None,
        entry_key: str | None = None,
        reversal_of: int | None = None,
    ) -> int:
        """Append a line; returns its id (ids grow)."""
        ...

    async def open_lots(
        self, user_pk: int, metric: str, *, offset: int = 0, limit: int | None = None
    ) -> list[LotRow]:
        """Lines that still hold points, in burn order (earlier expiry first, no expiry last,
        then older, then lower id), paged."""
        ...

    async def due_lots(self, user_pk: int, metric: str, now: int) -> list[LotRow]:
        """Lines holding points whose ``valid_until`` is at or before ``now``, in burn order."""
        ...

    async def debts(self, user_pk: int, metric: str) -> list[tuple[int, int]]:
        """(line id, points owed) of lines that could not take all their points, oldest first."""
        ...

    async def add_remaining(self, changes: Sequence[tuple[int, int]]) -> None:
        """``remaining += delta`` for each (line id, delta)."""
        ...

    async def insert_allocations(self, user_pk: int, rows: Sequence[tuple[int, int, int]]) -> None:
        """Record (debit line id, credit line id, amount): what a taking line took from a lot."""
        ...

    async def get_line(self, tenant_id: int, entry_id: int) -> LedgerLineRow | None: ...

    async def is_reversed(self, user_pk: int, entry_id: int) -> bool:
        """Whether a reversal line of ``entry_id`` exists."""
        ...

    async def expired_from(self, credit_id: int) -> int:
        """Points of a credit that left the balance by expiry."""
        ...

    async def key_exists(self, user_pk: int, entry_key: str) -> bool: ...

    async def account_lines(self, user_pk: int, metric: str) -> list[LedgerLineRow]:
        """The account's lines, oldest first."""
        ...

    async def user_allocations(self, user_pk: int) -> list[tuple[int, int, int]]:
        """(debit id, credit id, amount) of the user, by debit."""
        ...

    async def accounts_page(
        self, tenant_id: int, metric: str, *, offset: int, limit: int
    ) -> list[tuple[int, str, int, int | None]]:
        """(user key, external id, balance, next expiry) of the tenant's users with an account,
        by user key."""
        ...

    async def due_accounts(
        self, *, now: int, tenant_id: int | None, limit: int
    ) -> list[tuple[int, int, str]]:
        """(tenant id, user key, metric) of accounts whose next expiry is at or before ``now``."""
        ...

    async def verify_accounts(self, tenant_id: int | None) -> list[AccountMismatch]:
        """Accounts whose balance differs from the sum of their lines or of their remainders,
        and lines of live users without an account."""
        ...

    async def verify_allocations(self, tenant_id: int | None) -> list[AllocationMismatch]:
        """Lines whose consumed points differ from their allocations."""
        ...

    async def lines_of_users(self, user_pks: Sequence[int], metric: str) -> list[LedgerLineRow]:
        """The users' lines of ``metric``, oldest first."""
        ...

    async def allocations_of_users(self, user_pks: Sequence[int]) -> list[tuple[int, int, int]]:
        """(debit id, credit id, amount) of the users, by debit."""
        ...


class AccountRow(TypedDict):
    metric: str
    balance: int
    lifetime_earned: int
    next_expiry_at: int | None


class AllocationRow(TypedDict):
    debit_id: int
    credit_id: int
    user_pk: int
    amount: int


class LedgerReads(Protocol):
    """A user's lines, allocations and accounts, as the dashboard shows them (read only)."""

    async def lines_for_user(self, user_pk: int, *, limit: int) -> list[LedgerLineRow]:
        """The user's latest ``limit`` lines of every metric, newest first."""
        ...

    async def allocations_for_user(self, user_pk: int) -> list[AllocationRow]: ...

    async def balances_for_user(self, user_pk: int) -> list[AccountRow]:
        """Every account of the user, by metric."""
        ...


class HistoryLineRow(TypedDict):
    """A ledger line as the history and the derived notifications show it."""

    id: int
    metric: str
    kind: str
    amount: int
    source: str
    reference: str | None
    description: str | None
    balance_after: int
    created_at: int


class LedgerHistory(Protocol):
    """A user's ledger lines as the Audience history and the derived notifications see them.

    An event credit is a points line with ``source='event'``, kind ``credit``, amount > 0 and the
    logged event's id as ``reference``. A marker is ``(created_at, line id)``."""

    async def lines_between(
        self,
        user_pk: int,
        *,
        from_ts: int | None,
        to_ts: int | None,
        leave_out: Sequence[str],
        limit: int,
    ) -> list[HistoryLineRow]:
        """The user's lines in [from_ts, to_ts], oldest first, without the ``leave_out`` sources."""
        ...

    async def event_credits_after(
        self, user_pk: int, marker: tuple[int, int] | None, *, limit: int
    ) -> list[HistoryLineRow]:
        """Event credits after the marker, oldest first."""
        ...

    async def last_event_credit(self, user_pk: int, *, among: Sequence[int] | None) -> tuple[int, int] | None:
        """(created_at, id) of the user's latest event credit (of the ``among`` ids when given)."""
        ...

    async def count_event_credits(self, user_pk: int, *, after_id: int, up_to_id: int) -> int: ...

    async def latest_gain_at(self, user_pk: int, *, leave_out: Sequence[str]) -> int | None:
        """When the user last gained points from a source not in ``leave_out``."""
        ...

    async def event_ids(self, logged_ids: Iterable[int]) -> dict[int, str]:
        """Logged event id -> the event definition's id."""
        ...

    async def read_marker(self, user_pk: int) -> tuple[int, int] | None: ...

    async def advance_read_marker(
        self, *, tenant_id: int, user_pk: int, marker: tuple[int, int], now: int
    ) -> None:
        """Move the marker forward to ``marker``, never back (also under concurrent marking)."""
        ...


class BulkCredits(Protocol):
    """Many credits in a few statements (imports), whatever the size of the batch."""

    async def read_accounts(self, user_pks: Sequence[int], metric: str) -> dict[int, Account]:
        """user key -> account, of the accounts that exist. Not locked: ``add_to_accounts`` takes
        them, and its answer tells whether one changed in between."""
        ...

    async def add_to_accounts(
        self,
        *,
        tenant_id: int,
        metric: str,
        now: int,
        totals: Sequence[tuple[int, int, int | None]],
    ) -> dict[int, Account]:
        """Add (user key, amount, earliest expiry of the amount) to each account, creating the
        missing ones and taking every row, as a single credit does; user key -> account after."""
        ...

    async def insert_lines(self, lines: Sequence[dict[str, Any]]) -> list[int]:
        """Write the lines (every column of :class:`LedgerLineRow` but ``id``); their ids in order."""
        ...


PENDING, MATURED, REVERSED, DROPPED = "pending", "matured", "reversed", "dropped"
"""The states of a pending credit: it leaves ``pending`` exactly once."""


class PendingCreditRow(TypedDict):
    id: int
    tenant_id: int
    user_pk: int
    logged_id: int
    points: int
    matures_at: int
    state: str
    description: str | None
    created_at: int
    settled_at: int | None


class PendingCredits(Protocol):
    """The points of events held for their return window."""

    async def pending_points(self, user_pk: int) -> int:
        """The user's points still pending (0 without any)."""
        ...

    async def pending_points_of_users(self, user_pks: list[int]) -> dict[int, int]:
        """User key -> pending points, for the users that have any."""
        ...

    async def due(self, *, now: int, limit: int, tenant_id: int | None = None) -> list[tuple[int, int]]:
        """(id, tenant id) of pending credits due at ``now``, oldest first."""
        ...

    async def settle(
        self, *, state: str, now: int, id: int | None = None, logged_id: int | None = None
    ) -> PendingCreditRow | None:
        """Move the credit identified by ``id`` or ``logged_id`` out of ``pending`` to ``state``
        in one conditional statement: of concurrent settles exactly one gets the row, the
        others (and any later one) None."""
        ...


class MetricBalances(Protocol):
    """The accounts of the tenant's metrics: opening them and locking them."""

    async def open_if_absent(self, *, tenant_id: int, user_pk: int, metric: str, now: int) -> bool:
        """Create the account at 0; True only for the one transaction that created it."""
        ...

    async def locked_balance(self, user_pk: int, metric: str) -> int | None:
        """The balance, its row locked until commit; None without an account."""
        ...

    async def balances_of_user(self, user_pk: int) -> dict[str, int]:
        """Metric -> balance of every account of the user."""
        ...
