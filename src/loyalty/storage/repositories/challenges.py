"""Challenge progress rows and once-only completion rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.gamification_tables import challenge_completions, challenge_progress


async def states_of_user(conn: AsyncConnection, user_pk: int) -> dict[str, dict[str, Any]]:
    rows = await conn.execute(select(challenge_progress).where(challenge_progress.c.user_pk == user_pk))
    return {r["challenge_id"]: dict(r) for r in rows.mappings()}


async def lock_state(
    db_insert: Any, conn: AsyncConnection, *, tenant_id: int, user_pk: int, challenge_id: str, now: int
) -> dict[str, Any]:
    """Create the row when absent, lock it (PostgreSQL row lock) and return its latest version.

    ``ON CONFLICT DO UPDATE`` waits for a concurrent writer of the same row and then returns the
    committed row, so the caller reads the state it is about to replace under the lock.
    """
    stmt = (
        db_insert(challenge_progress)
        .values(
            user_pk=user_pk,
            challenge_id=challenge_id,
            tenant_id=tenant_id,
            progress=0,
            missions={},
            round_done=False,
            completions=0,
            period_key="",
            period_completions=0,
            completed_at=None,
            updated_at=now,
        )
        .on_conflict_do_update(index_elements=["user_pk", "challenge_id"], set_={"updated_at": now})
        .returning(*challenge_progress.c)
    )
    row = (await conn.execute(stmt)).mappings().one()
    return dict(row)


async def save_state(conn: AsyncConnection, *, user_pk: int, challenge_id: str, **values: Any) -> None:
    await conn.execute(
        update(challenge_progress)
        .where(challenge_progress.c.user_pk == user_pk, challenge_progress.c.challenge_id == challenge_id)
        .values(**values)
    )


async def claim_completion(
    db_insert: Any,
    conn: AsyncConnection,
    *,
    tenant_id: int,
    user_pk: int,
    challenge_id: str,
    round_no: int,
    period_key: str,
    now: int,
) -> bool:
    """Record the completed round; False when it was already recorded (then nothing is paid)."""
    stmt = (
        db_insert(challenge_completions)
        .values(
            user_pk=user_pk,
            challenge_id=challenge_id,
            round_no=round_no,
            tenant_id=tenant_id,
            period_key=period_key,
            completed_at=now,
        )
        .on_conflict_do_nothing(index_elements=["user_pk", "challenge_id", "round_no"])
        .returning(challenge_completions.c.round_no)
    )
    return (await conn.execute(stmt)).scalar_one_or_none() is not None
