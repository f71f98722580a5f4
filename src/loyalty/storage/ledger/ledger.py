"""Balances and ledger lines. Every rule that must hold under concurrency is one statement here.

Every change of an account (user, metric) first takes the account's ``balances`` row (the upsert
of a credit, or ``lock_balance``), so the lines and lots of one account are only ever changed by
one transaction at a time: on PostgreSQL by the row lock, on SQLite by ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import and_, bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.app.ledger.ports import AccountMismatch, AllocationMismatch, LedgerLineRow, LotRow
from loyalty.storage.driver import Statement, driver_of
from loyalty.storage.repository import Repository
from loyalty.storage.tables import balances, ledger_allocations, ledger_entries, users

E = ledger_entries
A = ledger_allocations


# The hot path's statements are written once (same text on SQLite and PostgreSQL, which share
# ON CONFLICT / RETURNING) and run on the driver (see loyalty.storage.driver).
_CREDIT_SQL = (
    "INSERT INTO balances (user_pk, metric, tenant_id, balance, lifetime_earned, next_expiry_at, updated_at) "
    "VALUES (:user_pk, :metric, :tenant_id, :opening, :earned, CAST(:valid_until AS BIGINT), :now) "
    "ON CONFLICT (user_pk, metric) DO UPDATE SET "
    "balance = balances.balance + :amount, "
    "lifetime_earned = balances.lifetime_earned + :earned, "
    "updated_at = :now, "
    "next_expiry_at = CASE WHEN CAST(:valid_until AS BIGINT) IS NULL THEN balances.next_expiry_at "
    "WHEN balances.next_expiry_at IS NULL OR balances.next_expiry_at > CAST(:valid_until AS BIGINT) "
    "THEN CAST(:valid_until AS BIGINT) ELSE balances.next_expiry_at END "
    "RETURNING balance, next_expiry_at"
)
_CREDIT = Statement(_CREDIT_SQL)
_LINE_COLUMNS = (
    "tenant_id",
    "user_pk",
    "metric",
    "kind",
    "amount",
    "remaining",
    "valid_until",
    "source",
    "reference",
    "description",
    "site_code",
    "entry_key",
    "reversal_of",
    "balance_after",
    "created_at",
)
LINE_COLUMNS = _LINE_COLUMNS
_INSERT_LINE = Statement(
    f"INSERT INTO ledger_entries ({', '.join(_LINE_COLUMNS)}) "  # noqa: S608 (column names only)
    f"VALUES ({', '.join(':' + c for c in _LINE_COLUMNS)}) RETURNING id"
)
# PostgreSQL: the credit and its ledger line in one round trip, unless older credits are due to
# expire or the account owes points (then the line's remainder and balance depend on more work).
_CREDIT_WITH_LINE = Statement(
    f"WITH b AS ({_CREDIT_SQL}), line AS (INSERT INTO ledger_entries ({', '.join(_LINE_COLUMNS)}) "  # noqa: S608
    "SELECT :tenant_id, :user_pk, :metric, :kind, :amount, :amount, CAST(:valid_until AS BIGINT), :source, "
    ":reference, :description, :site_code, :entry_key, NULL, b.balance, :now FROM b "
    "WHERE (b.next_expiry_at IS NULL OR b.next_expiry_at > :now) AND b.balance - :amount >= 0 "
    "RETURNING id) SELECT b.balance, b.next_expiry_at, (SELECT id FROM line) FROM b"
)
_READ_BALANCE = Statement(
    "SELECT balance, next_expiry_at FROM balances WHERE user_pk = :user_pk AND metric = :metric"
)


async def credit_balance(
    conn: AsyncConnection,
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
    """Add ``amount`` and fold ``valid_until`` into the account's next expiry, in one statement.

    Returns (new balance, next expiry, line id); a next expiry at or before ``now`` tells the caller
    that older credits are due to expire (lazy expiry without an extra read on the hot path). With
    ``line`` (kind, source, reference, description, site_code, entry_key) PostgreSQL also writes the
    credit's ledger line when nothing is due or owed, and returns its id; otherwise the id is None
    and the caller writes the line.
    """
    params = {
        "user_pk": user_pk,
        "metric": metric,
        "tenant_id": tenant_id,
        "opening": initial + amount,
        "amount": amount,
        "earned": earned,
        "valid_until": valid_until,
        "now": now,
    }
    sql = await driver_of(conn)
    if line is not None and not sql.is_sqlite:
        row = await sql.fetchrow(_CREDIT_WITH_LINE, {**params, **line})
        assert row is not None
        return int(row[0]), None if row[1] is None else int(row[1]), None if row[2] is None else int(row[2])
    row = await sql.fetchrow(_CREDIT, params)
    assert row is not None
    return int(row[0]), None if row[1] is None else int(row[1]), None


_USER_ACCOUNT = Statement(
    "SELECT u.id, b.balance, b.next_expiry_at FROM users u LEFT OUTER JOIN balances b "
    "ON b.user_pk = u.id AND b.metric = :metric "
    "WHERE u.tenant_id = :tenant_id AND u.external_id = :external_id"
)


def _next_expiry_of(user_pk: int, metric: str) -> Any:
    return (
        select(func.min(E.c.valid_until))
        .where(E.c.user_pk == user_pk, E.c.metric == metric, E.c.remaining > 0, E.c.valid_until.is_not(None))
        .scalar_subquery()
    )


async def insert_line(conn: AsyncConnection, **values: Any) -> int:
    """``values``: the columns of ``_LINE_COLUMNS``; the nullable ones may be left out."""
    row = dict.fromkeys(("valid_until", "reference", "description", "site_code", "entry_key", "reversal_of"))
    row.update(values)
    return int(await (await driver_of(conn)).fetchval(_INSERT_LINE, row))


_LOT_COLUMNS = (E.c.id, E.c.remaining, E.c.created_at, E.c.valid_until, E.c.amount)


def _live_users() -> Any:
    """Users that exist: a deleted user's rows are swept in batches and may be half gone."""
    return select(users.c.id)


class SqlLedger(Repository):
    """:class:`loyalty.app.ledger.ports.Ledger` on one transaction's connection."""

    async def credit_balance(self, **values: Any) -> tuple[int, int | None, int | None]:
        return await credit_balance(self.conn, **values)

    async def insert_line(self, **values: Any) -> int:
        return await insert_line(self.conn, **values)

    async def ensure_account(self, *, tenant_id: int, user_pk: int, metric: str, now: int) -> bool:
        """Create the account at 0; False when it existed already."""
        stmt = (
            self.db.insert(balances)
            .values(
                user_pk=user_pk,
                metric=metric,
                tenant_id=tenant_id,
                balance=0,
                lifetime_earned=0,
                updated_at=now,
            )
            .on_conflict_do_nothing(index_elements=["user_pk", "metric"])
            .returning(balances.c.user_pk)
        )
        return (await self.conn.execute(stmt)).scalar_one_or_none() is not None

    async def lock_balance(self, user_pk: int, metric: str) -> tuple[int, int | None] | None:
        """(balance, next expiry) with the account row locked until commit; None without an account."""
        query = select(balances.c.balance, balances.c.next_expiry_at).where(
            balances.c.user_pk == user_pk, balances.c.metric == metric
        )
        if self.conn.dialect.name == "postgresql":
            query = query.with_for_update()
        row = (await self.conn.execute(query)).first()
        if row is None:
            return None
        return int(row[0]), None if row[1] is None else int(row[1])

    async def user_account(
        self, tenant_id: int, external_id: str, metric: str
    ) -> tuple[int, tuple[int, int | None] | None] | None:
        """(user key, (balance, next expiry) or None without an account) in one read; None without a user."""
        params = {"tenant_id": tenant_id, "external_id": external_id, "metric": metric}
        row = await (await driver_of(self.conn)).fetchrow(_USER_ACCOUNT, params)
        if row is None:
            return None
        account = None if row[1] is None else (int(row[1]), None if row[2] is None else int(row[2]))
        return int(row[0]), account

    async def read_balance(self, user_pk: int, metric: str) -> tuple[int, int | None] | None:
        row = await (await driver_of(self.conn)).fetchrow(
            _READ_BALANCE, {"user_pk": user_pk, "metric": metric}
        )
        if row is None:
            return None
        return int(row[0]), None if row[1] is None else int(row[1])

    async def change_balance(self, *, user_pk: int, metric: str, delta: int, now: int) -> int:
        """Move the (locked) account by ``delta``; returns the new balance."""
        stmt = (
            update(balances)
            .where(balances.c.user_pk == user_pk, balances.c.metric == metric)
            .values(balance=balances.c.balance + delta, updated_at=now)
            .returning(balances.c.balance)
        )
        return int((await self.conn.execute(stmt)).scalar_one())

    async def refresh_next_expiry(self, *, user_pk: int, metric: str) -> None:
        await self.conn.execute(
            update(balances)
            .where(balances.c.user_pk == user_pk, balances.c.metric == metric)
            .values(next_expiry_at=_next_expiry_of(user_pk, metric))
        )

    async def subtract_if_enough(
        self, *, user_pk: int, metric: str, amount: int, minimum: int, now: int
    ) -> int | None:
        """Atomically subtract when the result stays >= ``minimum``; None when refused."""
        stmt = (
            update(balances)
            .where(
                balances.c.user_pk == user_pk,
                balances.c.metric == metric,
                balances.c.balance - amount >= minimum,
            )
            .values(balance=balances.c.balance - amount, updated_at=now)
            .returning(balances.c.balance)
        )
        value = (await self.conn.execute(stmt)).scalar_one_or_none()
        return None if value is None else int(value)

    async def open_lots(
        self, user_pk: int, metric: str, *, offset: int = 0, limit: int | None = None
    ) -> list[LotRow]:
        """Lines that still hold points, in burn order (earlier expiry, no expiry last, then older).
        Paged, because a debit needs only the first few of a long-time member's many lots."""
        rows = await self.conn.execute(
            select(*_LOT_COLUMNS)
            .where(E.c.user_pk == user_pk, E.c.metric == metric, E.c.remaining > 0)
            .order_by(E.c.valid_until.is_(None), E.c.valid_until, E.c.created_at, E.c.id)
            .offset(offset)
            .limit(limit)
        )
        return [cast(LotRow, dict(r)) for r in rows.mappings()]

    async def due_lots(self, user_pk: int, metric: str, now: int) -> list[LotRow]:
        rows = await self.conn.execute(
            select(*_LOT_COLUMNS)
            .where(
                E.c.user_pk == user_pk,
                E.c.metric == metric,
                E.c.remaining > 0,
                E.c.valid_until.is_not(None),
                E.c.valid_until <= now,
            )
            .order_by(E.c.valid_until, E.c.created_at, E.c.id)
        )
        return [cast(LotRow, dict(r)) for r in rows.mappings()]

    async def debts(self, user_pk: int, metric: str) -> list[tuple[int, int]]:
        """(line id, points owed) of lines that could not take all their points, oldest first."""
        rows = await self.conn.execute(
            select(E.c.id, E.c.remaining)
            .where(E.c.user_pk == user_pk, E.c.metric == metric, E.c.remaining < 0)
            .order_by(E.c.id)
        )
        return [(int(r[0]), -int(r[1])) for r in rows]

    async def add_remaining(self, changes: Sequence[tuple[int, int]]) -> None:
        """``remaining += delta`` for each (line id, delta), in one round trip."""
        if not changes:
            return
        stmt = (
            update(E)
            .where(E.c.id == bindparam("b_id"))
            .values(remaining=E.c.remaining + bindparam("b_delta"))
        )
        await self.conn.execute(stmt, [{"b_id": i, "b_delta": d} for i, d in changes])

    async def insert_allocations(self, user_pk: int, rows: Sequence[tuple[int, int, int]]) -> None:
        """(debit line id, credit line id, amount) rows."""
        if rows:
            await self.conn.execute(
                A.insert(),
                [{"debit_id": d, "credit_id": c, "user_pk": user_pk, "amount": a} for d, c, a in rows],
            )

    async def get_line(self, tenant_id: int, entry_id: int) -> LedgerLineRow | None:
        row = (
            (await self.conn.execute(select(E).where(E.c.id == entry_id, E.c.tenant_id == tenant_id)))
            .mappings()
            .first()
        )
        return cast(LedgerLineRow, dict(row)) if row else None

    async def is_reversed(self, user_pk: int, entry_id: int) -> bool:
        row = await self.conn.execute(
            select(E.c.id).where(E.c.user_pk == user_pk, E.c.reversal_of == entry_id).limit(1)
        )
        return row.first() is not None

    async def expired_from(self, credit_id: int) -> int:
        """Points of a credit that left the balance by expiry."""
        value = await self.conn.execute(
            select(func.coalesce(func.sum(A.c.amount), 0))
            .select_from(A.join(E, E.c.id == A.c.debit_id))
            .where(A.c.credit_id == credit_id, E.c.kind == "expiry")
        )
        return int(value.scalar_one())

    async def key_exists(self, user_pk: int, entry_key: str) -> bool:
        row = await self.conn.execute(
            select(E.c.id).where(E.c.user_pk == user_pk, E.c.entry_key == entry_key).limit(1)
        )
        return row.first() is not None

    async def account_lines(self, user_pk: int, metric: str) -> list[LedgerLineRow]:
        rows = await self.conn.execute(
            select(E).where(E.c.user_pk == user_pk, E.c.metric == metric).order_by(E.c.created_at, E.c.id)
        )
        return [cast(LedgerLineRow, dict(r)) for r in rows.mappings()]

    async def user_allocations(self, user_pk: int) -> list[tuple[int, int, int]]:
        rows = await self.conn.execute(
            select(A.c.debit_id, A.c.credit_id, A.c.amount)
            .where(A.c.user_pk == user_pk)
            .order_by(A.c.debit_id)
        )
        return [(int(r[0]), int(r[1]), int(r[2])) for r in rows]

    async def accounts_page(
        self, tenant_id: int, metric: str, *, offset: int, limit: int
    ) -> list[tuple[int, str, int, int | None]]:
        """(user_pk, external id, balance, next expiry) of the tenant's users with an account."""
        rows = await self.conn.execute(
            select(users.c.id, users.c.external_id, balances.c.balance, balances.c.next_expiry_at)
            .select_from(
                users.join(balances, and_(balances.c.user_pk == users.c.id, balances.c.metric == metric))
            )
            .where(users.c.tenant_id == tenant_id)
            .order_by(users.c.id)
            .offset(offset)
            .limit(limit)
        )
        return [(int(r[0]), str(r[1]), int(r[2]), None if r[3] is None else int(r[3])) for r in rows]

    async def due_accounts(
        self, *, now: int, tenant_id: int | None, limit: int
    ) -> list[tuple[int, int, str]]:
        """(tenant id, user_pk, metric) of accounts holding a credit that has expired."""
        query = select(balances.c.tenant_id, balances.c.user_pk, balances.c.metric).where(
            balances.c.next_expiry_at <= now
        )
        if tenant_id is not None:
            query = query.where(balances.c.tenant_id == tenant_id)
        rows = await self.conn.execute(query.order_by(balances.c.next_expiry_at).limit(limit))
        return [(int(r[0]), int(r[1]), str(r[2])) for r in rows]

    async def verify_accounts(self, tenant_id: int | None) -> list[AccountMismatch]:
        """Accounts whose balance differs from the sum of their lines or of their open remainders."""
        sums = (
            select(
                E.c.user_pk,
                E.c.metric,
                func.sum(E.c.amount).label("total"),
                func.sum(E.c.remaining).label("open"),
            )
            .group_by(E.c.user_pk, E.c.metric)
            .subquery()
        )
        query = (
            select(
                balances.c.tenant_id,
                balances.c.user_pk,
                balances.c.metric,
                balances.c.balance,
                func.coalesce(sums.c.total, 0).label("total"),
                func.coalesce(sums.c.open, 0).label("open"),
            )
            .select_from(
                balances.outerjoin(
                    sums, and_(sums.c.user_pk == balances.c.user_pk, sums.c.metric == balances.c.metric)
                )
            )
            .where(
                balances.c.user_pk.in_(_live_users()),
                (balances.c.balance != func.coalesce(sums.c.total, 0))
                | (balances.c.balance != func.coalesce(sums.c.open, 0)),
            )
        )
        if tenant_id is not None:
            query = query.where(balances.c.tenant_id == tenant_id)
        rows = [cast(AccountMismatch, dict(r)) for r in (await self.conn.execute(query)).mappings()]
        orphans = (
            select(E.c.tenant_id, E.c.user_pk, E.c.metric, func.sum(E.c.amount).label("total"))
            .select_from(
                E.outerjoin(
                    balances, and_(balances.c.user_pk == E.c.user_pk, balances.c.metric == E.c.metric)
                )
            )
            .where(balances.c.user_pk.is_(None), E.c.user_pk.in_(_live_users()))
            .group_by(E.c.tenant_id, E.c.user_pk, E.c.metric)
        )
        if tenant_id is not None:
            orphans = orphans.where(E.c.tenant_id == tenant_id)
        for r in (await self.conn.execute(orphans)).mappings():
            rows.append(cast(AccountMismatch, {**dict(r), "balance": None, "open": None}))
        return rows

    async def verify_allocations(self, tenant_id: int | None) -> list[AllocationMismatch]:
        """Lines whose consumed points differ from their allocations.

        A lot (amount > 0) has had ``amount - remaining`` taken from it; a taking line (amount < 0)
        has taken ``-amount + remaining`` from lots (the rest, ``-remaining``, is still owed).
        """
        taken = (
            select(A.c.credit_id.label("line_id"), func.sum(A.c.amount).label("allocated"))
            .group_by(A.c.credit_id)
            .subquery()
        )
        took = (
            select(A.c.debit_id.label("line_id"), func.sum(A.c.amount).label("allocated"))
            .group_by(A.c.debit_id)
            .subquery()
        )
        out: list[AllocationMismatch] = []
        for sub, sign, expected in (
            (taken, E.c.amount > 0, E.c.amount - E.c.remaining),
            (took, E.c.amount < 0, -E.c.amount + E.c.remaining),
        ):
            allocated = func.coalesce(sub.c.allocated, 0)
            query = (
                select(
                    E.c.tenant_id,
                    E.c.user_pk,
                    E.c.metric,
                    E.c.id,
                    E.c.kind,
                    expected.label("expected"),
                    allocated.label("allocated"),
                )
                .select_from(E.outerjoin(sub, sub.c.line_id == E.c.id))
                .where(sign, expected != allocated, E.c.user_pk.in_(_live_users()))
            )
            if tenant_id is not None:
                query = query.where(E.c.tenant_id == tenant_id)
            out += [cast(AllocationMismatch, dict(r)) for r in (await self.conn.execute(query)).mappings()]
        return out

    async def lines_of_users(self, user_pks: Sequence[int], metric: str) -> list[LedgerLineRow]:
        if not user_pks:
            return []
        rows = await self.conn.execute(
            select(E).where(E.c.user_pk.in_(user_pks), E.c.metric == metric).order_by(E.c.created_at, E.c.id)
        )
        return [cast(LedgerLineRow, dict(r)) for r in rows.mappings()]

    async def allocations_of_users(self, user_pks: Sequence[int]) -> list[tuple[int, int, int]]:
        if not user_pks:
            return []
        rows = await self.conn.execute(
            select(A.c.debit_id, A.c.credit_id, A.c.amount)
            .where(A.c.user_pk.in_(user_pks))
            .order_by(A.c.debit_id)
        )
        return [(int(r[0]), int(r[1]), int(r[2])) for r in rows]
