"""Fakes of the gamification feature's ports (:mod:`loyalty.app.gamification.ports`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from loyalty.app.gamification.ports import (
    Board,
    ChallengeStateRow,
    ScoreRow,
    StreakAggregate,
    StreakRow,
    TransactionRow,
)


class FakeChallengeProgress:
    def __init__(self) -> None:
        self.states: dict[tuple[int, str], ChallengeStateRow] = {}
        self.completions: dict[tuple[int, str, int], dict[str, Any]] = {}
        """(user_pk, challenge_id, round_no) -> the completion row."""

    async def states_of_user(self, user_pk: int) -> dict[str, ChallengeStateRow]:
        return {cid: row for (pk, cid), row in self.states.items() if pk == user_pk}

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
        key = (user_pk, challenge_id, round_no)
        if key in self.completions:
            return False
        self.completions[key] = {"tenant_id": tenant_id, "period_key": period_key, "completed_at": now}
        return True


class FakeInventoryHoldings:
    def __init__(self) -> None:
        self.held: dict[tuple[int, str, str], tuple[int, int]] = {}
        """(user_pk, set_id, item_id) -> (tenant_id, acquired_at)."""

    async def add(self, *, tenant_id: int, user_pk: int, set_id: str, item_id: str, now: int) -> bool:
        key = (user_pk, set_id, item_id)
        if key in self.held:
            return False
        self.held[key] = (tenant_id, now)
        return True

    async def remove(self, *, user_pk: int, set_id: str, item_id: str) -> bool:
        return self.held.pop((user_pk, set_id, item_id), None) is not None

    async def holdings(self, user_pk: int) -> list[tuple[str, str]]:
        mine = [(at, s, i) for (pk, s, i), (_, at) in self.held.items() if pk == user_pk]
        return [(s, i) for _, s, i in sorted(mine)]


class FakeLeaderboardScores:
    def __init__(self) -> None:
        self.scores: dict[tuple[int, str, str], tuple[int, int, int]] = {}
        """(user_pk, leaderboard_id, bucket) -> (tenant_id, score, updated_at)."""
        self.user_ids: dict[int, str] = {}
        """user_pk -> the user's external id."""

    def add(
        self, *, tenant_id: int, user_pk: int, leaderboard_id: str, bucket: str, amount: int, now: int
    ) -> None:
        """What the event store's upsert does (for seeding a test)."""
        _, score, _ = self.scores.get((user_pk, leaderboard_id, bucket), (tenant_id, 0, now))
        self.scores[(user_pk, leaderboard_id, bucket)] = (tenant_id, score + amount, now)

    def _rows(self, board: Board) -> list[ScoreRow]:
        sums: dict[int, ScoreRow] = {}
        for (pk, lb, bucket), (tenant_id, score, at) in self.scores.items():
            if tenant_id != board.tenant_id or lb != board.leaderboard_id or bucket not in board.buckets:
                continue
            row = sums.setdefault(pk, ScoreRow(user_pk=pk, user_id=self.user_ids[pk], score=0, reached_at=at))
            row["score"] += score
            row["reached_at"] = max(row["reached_at"], at)
        return sorted(sums.values(), key=_order)

    async def top(self, board: Board, *, limit: int) -> list[ScoreRow]:
        return [r for r in self._rows(board) if r["score"] > 0][:limit]

    async def score_of(self, board: Board, *, user_pk: int) -> ScoreRow | None:
        return next((r for r in self._rows(board) if r["user_pk"] == user_pk), None)

    async def count_above(self, board: Board, *, score: int) -> int:
        return sum(1 for r in self._rows(board) if r["score"] > score)

    async def neighbours(
        self, board: Board, *, me: ScoreRow, count: int
    ) -> tuple[list[ScoreRow], list[ScoreRow]]:
        rows = self._rows(board)
        above = [r for r in rows if _order(r) < _order(me)]
        below = [r for r in rows if _order(r) > _order(me) and r["score"] > 0]
        return above[-count:] if count else [], below[:count]


def _order(row: ScoreRow) -> tuple[int, int, int]:
    return (-row["score"], row["reached_at"], row["user_pk"])


class FakeMilestoneTiers:
    def __init__(self) -> None:
        self.balances: dict[tuple[int, str], tuple[int, int]] = {}
        """(user_pk, metric) -> (balance, lifetime earned)."""
        self.tiers: dict[tuple[int, str], str | None] = {}
        """(user_pk, set_id) -> tier id."""

    async def balances_of(self, user_pk: int, metrics: Sequence[str]) -> dict[str, tuple[int, int]]:
        return {m: self.balances[(user_pk, m)] for m in metrics if (user_pk, m) in self.balances}

    async def tiers_of(self, user_pk: int) -> dict[str, str | None]:
        return {set_id: tier for (pk, set_id), tier in self.tiers.items() if pk == user_pk}

    async def claim_first_tier(
        self, *, tenant_id: int, user_pk: int, set_id: str, tier_id: str | None, now: int
    ) -> bool:
        if (user_pk, set_id) in self.tiers:
            return False
        self.tiers[(user_pk, set_id)] = tier_id
        return True

    async def move_tier(
        self, *, user_pk: int, set_id: str, old: str | None, new: str | None, now: int
    ) -> bool:
        key = (user_pk, set_id)
        if key not in self.tiers or self.tiers[key] != old:
            return False
        self.tiers[key] = new
        return True


class FakeStreakProgress:
    def __init__(self) -> None:
        self.rows: dict[tuple[int, str], StreakRow] = {}
        self.time_zones: dict[int, str | None] = {}
        """user_pk -> the user's own time zone (every user ``load`` may find)."""

    async def load(self, user_pk: int, streak_id: str) -> tuple[str | None, StreakRow | None]:
        if user_pk not in self.time_zones:
            return None, None
        return self.time_zones[user_pk], self.rows.get((user_pk, streak_id))

    async def list_for_user(self, user_pk: int) -> list[StreakRow]:
        return [row for (pk, _), row in sorted(self.rows.items()) if pk == user_pk]

    async def aggregate(
        self, *, tenant_id: int, streak_id: str, time_frame: str, alive_from: int, freezes: int
    ) -> StreakAggregate:
        rows = [r for r in self.rows.values() if r["tenant_id"] == tenant_id and r["streak_id"] == streak_id]
        alive = [
            r
            for r in rows
            if r["time_frame"] == time_frame
            and r["current_count"] > 0
            and r["last_period"] is not None
            and r["last_period"] + 1 + freezes - r["freezes_used"] >= alive_from
        ]
        return StreakAggregate(
            total=len(rows),
            active=len(alive),
            active_length=sum(r["current_count"] for r in alive),
            longest=max((r["longest"] for r in rows), default=0),
        )


class FakeTransactionHistory:
    def __init__(self) -> None:
        self.rows: list[TransactionRow] = []

    async def insert(
        self, *, tenant_id: int, user_pk: int, type: str, payload: dict[str, Any], ts: int
    ) -> int:
        row_id = len(self.rows) + 1
        self.rows.append(
            TransactionRow(id=row_id, tenant_id=tenant_id, user_pk=user_pk, type=type, payload=payload, ts=ts)
        )
        return row_id

    async def list_for_user(
        self, user_pk: int, *, from_ts: int | None, to_ts: int | None, limit: int
    ) -> list[TransactionRow]:
        rows = [
            r
            for r in self.rows
            if r["user_pk"] == user_pk
            and (from_ts is None or r["ts"] >= from_ts)
            and (to_ts is None or r["ts"] <= to_ts)
        ]
        return sorted(rows, key=lambda r: (r["ts"], r["id"]))[:limit]
