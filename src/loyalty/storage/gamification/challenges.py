"""Challenge progress rows and once-only completion rows
(:class:`loyalty.app.gamification.ports.ChallengeProgress`; the event store writes the progress
rows with ``save_state``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.app.gamification.ports import ChallengeStateRow
from loyalty.storage.driver import Driver, Statement, driver_of
from loyalty.storage.gamification.gamification_tables import challenge_completions, challenge_progress
from loyalty.storage.repository import Repository

# The hot path's statements run on the driver (see loyalty.storage.driver).
_COLUMNS = tuple(c.name for c in challenge_progress.c)
_STATES = Statement(
    f"SELECT {', '.join(_COLUMNS)} FROM challenge_progress WHERE user_pk = :user_pk"  # noqa: S608 (columns)
)
_CREATE = Statement(  # every column, each from the parameter of its name
    f"INSERT INTO challenge_progress ({', '.join(_COLUMNS)}) "  # noqa: S608 (column names only)
    f"VALUES ({', '.join(':' + name for name in _COLUMNS)})"
)
_SAVE = Statement(
    "UPDATE challenge_progress SET progress = :progress, missions = :missions, round_done = :round_done, "
    "completions = :completions, period_key = :period_key, period_completions = :period_completions, "
    "completed_at = :completed_at, updated_at = :updated_at "
    "WHERE user_pk = :user_pk AND challenge_id = :challenge_id"
)


COLUMNS = _COLUMNS


def state_from_row(sql: Driver, row: Sequence[Any]) -> dict[str, Any]:
    """A progress row (``COLUMNS`` in order) as a dict."""
    state = dict(zip(_COLUMNS, row, strict=True))
    state["missions"] = sql.json_out(state["missions"])
    state["round_done"] = bool(state["round_done"])
    return state


async def save_state(
    conn: AsyncConnection, *, create: bool, tenant_id: int, user_pk: int, challenge_id: str, **values: Any
) -> None:
    """Write the row's new state; ``create``: the row does not exist yet."""
    sql = await driver_of(conn)
    params = {**values, "tenant_id": tenant_id, "user_pk": user_pk, "challenge_id": challenge_id}
    params["missions"] = sql.json_in(params["missions"])
    await sql.execute(_CREATE if create else _SAVE, params)


class SqlChallengeProgress(Repository):
    async def states_of_user(self, user_pk: int) -> dict[str, ChallengeStateRow]:
        sql = await driver_of(self.conn)
        rows = await sql.fetch(_STATES, {"user_pk": user_pk})
        states = (cast(ChallengeStateRow, state_from_row(sql, row)) for row in rows)
        return {state["challenge_id"]: state for state in states}

    async def claim_completion(
        self,
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
            self.db.insert(challenge_completions)
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
        return (await self.conn.execute(stmt)).scalar_one_or_none() is not None
