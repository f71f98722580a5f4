"""Challenge progress rows and once-only completion rows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.gamification_tables import challenge_completions, challenge_progress

_STATES = select(challenge_progress).where(challenge_progress.c.user_pk == bindparam("user_pk"))
_SAVE = update(challenge_progress).where(
    challenge_progress.c.user_pk == bindparam("key_user_pk"),
    challenge_progress.c.challenge_id == bindparam("key_challenge_id"),
)
_LOCK_STATE: dict[str, Any] = {}
"""dialect name -> the upsert that creates-or-locks a progress row (built once per dialect)."""


def _lock_state_stmt(db_insert: Any, dialect: str) -> Any:
    stmt = _LOCK_STATE.get(dialect)
    if stmt is None:
        insert = db_insert(challenge_progress)
        stmt = insert.on_conflict_do_update(
            index_elements=["user_pk", "challenge_id"], set_={"updated_at": insert.excluded.updated_at}
        ).returning(*challenge_progress.c)
        _LOCK_STATE[dialect] = stmt
    return stmt


async def states_of_user(conn: AsyncConnection, user_pk: int) -> dict[str, dict[str, Any]]:
    rows = await conn.execute(_STATES, {"user_pk": user_pk})
    return {r["challenge_id"]: dict(r) for r in rows.mappings()}


async def lock_state(
    db_insert: Any, conn: AsyncConnection, *, tenant_id: int, user_pk: int, challenge_id: str, now: int
) -> dict[str, Any]:
    """Create the row when absent, lock it (PostgreSQL row lock) and return its latest version.

    ``ON CONFLICT DO UPDATE`` waits for a concurrent writer of the same row and then returns the
    committed row, so the caller reads the state it is about to replace under the lock.
    """
    params = {
        "user_pk": user_pk,
        "challenge_id": challenge_id,
        "tenant_id": tenant_id,
        "progress": 0,
        "missions": {},
        "round_done": False,
        "completions": 0,
        "period_key": "",
        "period_completions": 0,
        "completed_at": None,
        "updated_at": now,
    }
    stmt = _lock_state_stmt(db_insert, conn.dialect.name)
    row = (await conn.execute(stmt, params)).mappings().one()
    return dict(row)


async def save_state(conn: AsyncConnection, *, user_pk: int, challenge_id: str, **values: Any) -> None:
    await conn.execute(_SAVE, {**values, "key_user_pk": user_pk, "key_challenge_id": challenge_id})


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
