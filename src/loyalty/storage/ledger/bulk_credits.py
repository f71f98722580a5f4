"""Many credits in a few statements (imports): the accounts of a batch read at once, added to at
once, and their ledger lines written at once (:class:`loyalty.app.ledger.ports.BulkCredits`).

Each statement runs once for the whole batch, so a batch of credits costs the same few round trips
however many rows it has.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import case, insert, or_, select

from loyalty.storage.repository import Repository
from loyalty.storage.tables import balances, ledger_entries

B = balances
E = ledger_entries


def _add_to_accounts(db_insert: Any) -> Any:
    stmt = db_insert(B)
    new = stmt.excluded
    return stmt.on_conflict_do_update(
        index_elements=["user_pk", "metric"],
        set_={
            "balance": B.c.balance + new.balance,
            "lifetime_earned": B.c.lifetime_earned + new.lifetime_earned,
            "updated_at": new.updated_at,
            "next_expiry_at": case(
                (new.next_expiry_at.is_(None), B.c.next_expiry_at),
                (
                    or_(B.c.next_expiry_at.is_(None), B.c.next_expiry_at > new.next_expiry_at),
                    new.next_expiry_at,
                ),
                else_=B.c.next_expiry_at,
            ),
        },
    ).returning(B.c.user_pk, B.c.balance, B.c.next_expiry_at, sort_by_parameter_order=True)


_INSERT_LINES = insert(E).returning(E.c.id, sort_by_parameter_order=True)


class SqlBulkCredits(Repository):
    async def read_accounts(self, user_pks: Sequence[int], metric: str) -> dict[int, tuple[int, int | None]]:
        """user key -> (balance, next expiry) of the accounts that exist. Not locked: the upsert that
        follows locks them, and its answer tells whether one changed in between (see the caller)."""
        query = select(B.c.user_pk, B.c.balance, B.c.next_expiry_at).where(
            B.c.user_pk.in_(user_pks), B.c.metric == metric
        )
        rows = await self.conn.execute(query)
        return {int(r[0]): (int(r[1]), None if r[2] is None else int(r[2])) for r in rows}

    async def add_to_accounts(
        self,
        *,
        tenant_id: int,
        metric: str,
        now: int,
        totals: Sequence[tuple[int, int, int | None]],
    ) -> dict[int, tuple[int, int | None]]:
        """Add (user key, amount, earliest expiry of the amount) to each account, creating the ones
        that do not exist, as a single credit does; returns user key -> (balance, next expiry) after.

        One statement given many parameter sets: SQLAlchemy compiles it once (cached) and sends the
        sets as multi-row batches ("insertmanyvalues"), where a literal multi-row ``VALUES`` would be
        compiled anew, parameter by parameter, every time."""
        rows = await self.conn.execute(
            _add_to_accounts(self.db.insert),
            [
                {
                    "user_pk": user_pk,
                    "metric": metric,
                    "tenant_id": tenant_id,
                    "balance": amount,
                    "lifetime_earned": amount,
                    "next_expiry_at": valid_until,
                    "updated_at": now,
                }
                for user_pk, amount, valid_until in totals
            ],
        )
        return {int(r[0]): (int(r[1]), None if r[2] is None else int(r[2])) for r in rows}

    async def insert_lines(self, lines: Sequence[dict[str, Any]]) -> list[int]:
        """Write the credit lines (many parameter sets, as above); returns their ids in order."""
        rows = await self.conn.execute(_INSERT_LINES, list(lines))
        return [int(r[0]) for r in rows]
