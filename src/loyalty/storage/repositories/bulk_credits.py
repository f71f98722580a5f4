"""Many credits in a few statements (imports): the accounts of a batch locked and read at once,
added to at once, and their ledger lines written at once.

Each statement is a single multi-row one, so a batch of credits costs the same few round trips
however many rows it has.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import case, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.tables import balances, ledger_entries

B = balances
E = ledger_entries


async def lock_accounts(
    conn: AsyncConnection, user_pks: Sequence[int], metric: str
) -> dict[int, tuple[int, int | None]]:
    """user key -> (balance, next expiry) of the accounts that exist, locked until commit (on
    SQLite the write transaction holds the database)."""
    query = select(B.c.user_pk, B.c.balance, B.c.next_expiry_at).where(
        B.c.user_pk.in_(user_pks), B.c.metric == metric
    )
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    rows = await conn.execute(query)
    return {int(r[0]): (int(r[1]), None if r[2] is None else int(r[2])) for r in rows}


async def add_to_accounts(
    db_insert: Any,
    conn: AsyncConnection,
    *,
    tenant_id: int,
    metric: str,
    now: int,
    totals: Sequence[tuple[int, int, int | None]],
) -> dict[int, tuple[int, int | None]]:
    """Add (user key, amount, earliest expiry of the amount) to each account, creating the ones
    that do not exist, as a single credit does; returns user key -> (balance, next expiry) after."""
    stmt = db_insert(B).values(
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
        ]
    )
    new = stmt.excluded
    stmt = stmt.on_conflict_do_update(
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
    ).returning(B.c.user_pk, B.c.balance, B.c.next_expiry_at)
    rows = await conn.execute(stmt)
    return {int(r[0]): (int(r[1]), None if r[2] is None else int(r[2])) for r in rows}


async def insert_lines(conn: AsyncConnection, lines: Sequence[dict[str, Any]]) -> dict[tuple[int, int], int]:
    """Write the credit lines; returns (user key, balance after) -> line id (within a batch of
    credits, which only add, the balance after a line names it)."""
    rows = await conn.execute(insert(E).values(list(lines)).returning(E.c.id, E.c.user_pk, E.c.balance_after))
    return {(int(r[1]), int(r[2])): int(r[0]) for r in rows}
