"""Leaderboard scores per (leaderboard, bucket, user).

A fixed period is one bucket, so top N is a backward range read of the
``(tenant, leaderboard, bucket, score)`` index and a rank is ``1 + count(score > mine)`` on the same
index. A floating window sums day buckets per user at read time (cost grows with the window).
Order among equal scores: who reached the score first (``updated_at``), then the internal user key.
The event store adds to the scores (``add``); :class:`SqlLeaderboardScores` reads them for app
(:class:`loyalty.app.gamification.ports.LeaderboardScores`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql import Subquery

from loyalty.app.gamification.ports import Board, ScoreRow
from loyalty.storage.driver import Statement, driver_of
from loyalty.storage.gamification.progress_tables import leaderboard_scores
from loyalty.storage.repository import Repository
from loyalty.storage.tables import users

ls = leaderboard_scores.c


async def add(
    conn: AsyncConnection,
    *,
    tenant_id: int,
    user_pk: int,
    increments: Sequence[tuple[str, str, int]],
    now: int,
) -> None:
    """Add ``amount`` to each (leaderboard, bucket, amount) score of the user, in one statement."""
    if not increments:
        return
    params: dict[str, Any] = {"tenant_id": tenant_id, "user_pk": user_pk, "now": now}
    for i, (lb, bucket, amount) in enumerate(increments):
        params.update({f"lb_{i}": lb, f"bucket_{i}": bucket, f"amount_{i}": amount})
    await (await driver_of(conn)).execute(_add_sql(len(increments)), params)


@lru_cache(maxsize=16)
def _add_sql(rows: int) -> Statement:
    """The hot path's score upsert for ``rows`` (leaderboard, bucket) pairs, written once per size
    (a multi-row SQLAlchemy insert is compiled anew on every call)."""
    values = ", ".join(
        f"(:tenant_id, :lb_{i}, :bucket_{i}, :user_pk, :amount_{i}, :now)" for i in range(rows)
    )
    # Only placeholders are interpolated.
    sql = (
        "INSERT INTO leaderboard_scores (tenant_id, leaderboard_id, bucket, user_pk, score, updated_at) "  # noqa: S608
        f"VALUES {values} ON CONFLICT (user_pk, leaderboard_id, bucket) DO UPDATE SET "
        "score = leaderboard_scores.score + excluded.score, updated_at = excluded.updated_at"
    )
    return Statement(sql)


def _scores(board: Board, *, user_pk: int | None = None) -> Subquery:
    """(user_pk, score, reached_at) over the buckets of a period, of everyone or of one user.

    One user's rows are read by the key (user, leaderboard, bucket). The condition is written
    inside the sums of a floating window rather than left to the planner to push down, and it
    replaces the tenant's (a user belongs to one tenant), which would otherwise lead SQLite's
    planner to the rank index: every user's scores in the window, read to keep one.
    """
    buckets = board.buckets
    if user_pk is None:
        where = (ls.tenant_id == board.tenant_id, ls.leaderboard_id == board.leaderboard_id)
    else:
        where = (ls.user_pk == user_pk, ls.leaderboard_id == board.leaderboard_id)
    if len(buckets) == 1:
        query = select(ls.user_pk, ls.score, ls.updated_at.label("reached_at")).where(
            *where, ls.bucket == buckets[0]
        )
    else:
        query = (
            select(
                ls.user_pk,
                func.sum(ls.score).label("score"),
                func.max(ls.updated_at).label("reached_at"),
            )
            .where(*where, ls.bucket.in_(list(buckets)))
            .group_by(ls.user_pk)
        )
    return query.subquery("scores")


def _entries(scores: Subquery) -> Any:
    return select(scores.c.user_pk, users.c.external_id, scores.c.score, scores.c.reached_at).join(
        users, users.c.id == scores.c.user_pk
    )


def _as_dicts(rows: Any) -> list[ScoreRow]:
    return [
        ScoreRow(
            user_pk=int(r.user_pk),
            user_id=r.external_id,
            score=int(r.score),
            reached_at=int(r.reached_at),
        )
        for r in rows
    ]


class SqlLeaderboardScores(Repository):
    async def top(self, board: Board, *, limit: int) -> list[ScoreRow]:
        s = _scores(board)
        query = (
            _entries(s)
            .where(s.c.score > 0)
            .order_by(s.c.score.desc(), s.c.reached_at.asc(), s.c.user_pk.asc())
            .limit(limit)
        )
        return _as_dicts(await self.conn.execute(query))

    async def score_of(self, board: Board, *, user_pk: int) -> ScoreRow | None:
        s = _scores(board, user_pk=user_pk)
        row = (await self.conn.execute(_entries(s))).first()
        return None if row is None else _as_dicts([row])[0]

    async def count_above(self, board: Board, *, score: int) -> int:
        s = _scores(board)
        query = select(func.count()).select_from(s).where(s.c.score > score)
        return int((await self.conn.execute(query)).scalar_one())

    async def neighbours(
        self,
        board: Board,
        *,
        me: ScoreRow,
        count: int,
    ) -> tuple[list[ScoreRow], list[ScoreRow]]:
        """Up to ``count`` entries just before and just after ``me`` in leaderboard order."""
        s = _scores(board)
        score, reached, pk = me["score"], me["reached_at"], me["user_pk"]
        same = s.c.score == score
        before = or_(
            s.c.score > score,
            and_(same, or_(s.c.reached_at < reached, and_(s.c.reached_at == reached, s.c.user_pk < pk))),
        )
        after = or_(
            s.c.score < score,
            and_(same, or_(s.c.reached_at > reached, and_(s.c.reached_at == reached, s.c.user_pk > pk))),
        )
        above_rows = await self.conn.execute(
            _entries(s)
            .where(before)
            .order_by(s.c.score.asc(), s.c.reached_at.desc(), s.c.user_pk.desc())
            .limit(count)
        )
        below_rows = await self.conn.execute(
            _entries(s)
            .where(after, s.c.score > 0)
            .order_by(s.c.score.desc(), s.c.reached_at.asc(), s.c.user_pk.asc())
            .limit(count)
        )
        return list(reversed(_as_dicts(above_rows))), _as_dicts(below_rows)
