"""Leaderboards: the ``leaderboards`` config kind, the scores events add (decided by ``core.events``), and
the ranking reads.

Scores are bucketed in the tenant's time zone (all-time, calendar month, ISO week, day); floating
windows sum the last N day buckets. The ``points`` metric counts the points logged events awarded
(``activity.points``): manual adjustments, redemptions and expiry do not move a leaderboard.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import msgspec

from loyalty.app.gamification.ports import Board, ScoreRow
from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.uow import run_read
from loyalty.app.kernel.validation import is_whole
from loyalty.app.tenancy.config_kinds import ConfigKind
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core import leaderboards as core
from loyalty.core.errors import invalid, not_found

Text = str | dict[str, str] | None
DEFAULT_LIMIT = 10
MAX_LIMIT = 100
NEIGHBOURS = 2


class LeaderboardDefinition(msgspec.Struct, forbid_unknown_fields=True):
    """Admin kind ``leaderboards``."""

    leaderboardId: str
    metric: Literal["points", "events"] = "points"
    """``points``: points awarded by logged events; ``events``: qualifying events logged."""
    eventIds: list[str] | None = None
    """Only these events count (all events when absent)."""
    periods: list[core.PeriodName] = msgspec.field(default_factory=lambda: list(core.PERIODS))
    usergroup: str | None = None
    """Only activity of users in this group counts (the group the event was logged under)."""
    title: Text = None
    description: Text = None
    status: Literal["ACTIVE", "INACTIVE"] = "ACTIVE"
    version: int | None = None


def check_definition(value: LeaderboardDefinition) -> None:
    if not value.periods or len(set(value.periods)) != len(value.periods):
        raise invalid("periods", "'periods' must list at least one period, each once")
    if value.eventIds is not None and (not value.eventIds or not all(value.eventIds)):
        raise invalid("eventIds", "'eventIds' must list at least one event id when given")
    if value.usergroup == "":
        raise invalid("usergroup", "'usergroup' must not be empty")


@dataclass(frozen=True)
class CompiledLeaderboard:
    leaderboard_id: str
    metric: str
    event_ids: frozenset[str] | None
    periods: tuple[core.PeriodName, ...]
    usergroup: str | None
    active: bool
    title: Text


def compile_definition(value: LeaderboardDefinition) -> CompiledLeaderboard:
    return CompiledLeaderboard(
        leaderboard_id=value.leaderboardId,
        metric=value.metric,
        event_ids=None if value.eventIds is None else frozenset(value.eventIds),
        periods=tuple(value.periods),
        usergroup=value.usergroup,
        active=value.status == "ACTIVE",
        title=value.title,
    )


CONFIG_KIND = ConfigKind(
    name="leaderboards",
    schema=LeaderboardDefinition,
    id_field="leaderboardId",
    check=check_definition,
    compile=compile_definition,
    description="Leaderboards: users ranked by points or events over a period.",
    related=["events", "usergroups"],
)
"""Registered at start-up by :func:`loyalty.app.features.load`."""


# --- reads -------------------------------------------------------------------------------------


def parse_limit(raw: str | None) -> int:
    if raw is None or raw == "":
        return DEFAULT_LIMIT
    if not is_whole(raw) or not 1 <= int(raw) <= MAX_LIMIT:
        raise invalid("limit", f"'limit' must be a whole number from 1 to {MAX_LIMIT}")
    return int(raw)


def _board(tenant: TenantConfig, leaderboard_id: str) -> CompiledLeaderboard:
    board: CompiledLeaderboard | None = tenant.compiled("leaderboards", leaderboard_id)
    if board is None:
        raise not_found("leaderboard", leaderboard_id)
    return board


def _period(board: CompiledLeaderboard, raw: str | None) -> core.PeriodName:
    if raw is None or raw == "":
        return "all" if "all" in board.periods else board.periods[0]
    for period in board.periods:
        if period == raw:
            return period
    raise invalid("period", f"'period' must be one of {', '.join(board.periods)}")


@dataclass
class _Ranker:
    """Ranks of scores on one leaderboard period, each distinct score counted once."""

    store: Store
    board: Board
    known: dict[int, int]

    async def rank(self, score: int) -> int:
        if score not in self.known:
            above = await self.store.leaderboards.count_above(self.board, score=score)
            self.known[score] = above + 1
        return self.known[score]


@dataclass(frozen=True)
class RankedEntryView:
    """One user on a leaderboard period: competition rank (None: no score yet) and score."""

    rank: int | None
    user_id: str
    score: int


@dataclass(frozen=True)
class LeaderboardView:
    """A leaderboard period's top, and the asking user's own place with their neighbours."""

    leaderboard_id: str
    title: Text
    metric: str
    usergroup: str | None
    period: str
    period_key: str
    entries: tuple[RankedEntryView, ...]
    user: RankedEntryView | None
    """The asking user's place (None when nobody asks: an API key without ``userId``)."""
    above: tuple[RankedEntryView, ...]
    """Up to two users just above the asking user (empty while they have no score)."""
    below: tuple[RankedEntryView, ...]


@dataclass(frozen=True)
class UserRankView:
    """A user's rank and score on one period of one leaderboard."""

    leaderboard_id: str
    period: str
    period_key: str
    rank: int | None
    score: int


@dataclass(frozen=True)
class UserRanksView:
    user_id: str
    ranks: tuple[UserRankView, ...]


def _entry(rank: int | None, row: ScoreRow) -> RankedEntryView:
    return RankedEntryView(rank=rank, user_id=row["user_id"], score=row["score"])


async def leaderboard(
    services: Services,
    principal: Principal,
    leaderboard_id: str,
    *,
    period: str | None,
    limit: int,
    user_id: str | None,
) -> LeaderboardView:
    """``GET /leaderboard/{id}``: the top ``limit`` with competition ranks, and the asking user's
    own rank with up to two neighbours on each side. Any credential of the tenant may read it."""
    asking = user_id if user_id is not None else principal.subject
    if user_id is not None:
        principal.require_read_user(user_id)
    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> LeaderboardView:
        board = _board(tenant, leaderboard_id)
        chosen = _period(board, period)
        window = core.window(chosen, now, tenant.settings.timeZone)
        where = Board(tenant.id, leaderboard_id, window.buckets)
        top = await store.leaderboards.top(where, limit=limit)
        ranks = core.competition_ranks([r["score"] for r in top])
        ranker = _Ranker(store, where, {})
        for rank, row in zip(ranks, top, strict=True):
            ranker.known.setdefault(row["score"], rank)
        me: RankedEntryView | None = None
        above_me: tuple[RankedEntryView, ...] = ()
        below_me: tuple[RankedEntryView, ...] = ()
        if asking is not None:
            pk = await store.users.find_pk(tenant.id, asking)
            mine = None if pk is None else await store.leaderboards.score_of(where, user_pk=pk)
            if mine is None or mine["score"] <= 0:
                me = RankedEntryView(rank=None, user_id=asking, score=0)
            else:
                me = _entry(await ranker.rank(mine["score"]), mine)
                above, below = await store.leaderboards.neighbours(where, me=mine, count=NEIGHBOURS)
                above_me = tuple([_entry(await ranker.rank(r["score"]), r) for r in above])
                below_me = tuple([_entry(await ranker.rank(r["score"]), r) for r in below])
        return LeaderboardView(
            leaderboard_id=leaderboard_id,
            title=board.title,
            metric=board.metric,
            usergroup=board.usergroup,
            period=chosen,
            period_key=window.key,
            entries=tuple(_entry(rank, row) for rank, row in zip(ranks, top, strict=True)),
            user=me,
            above=above_me,
            below=below_me,
        )

    return await run_read(services, principal, work)


async def user_ranks(
    services: Services, principal: Principal, user_id: str, *, leaderboard_id: str | None
) -> UserRanksView:
    """``GET /user/{userId}/rank``: the user's rank in every period of every active leaderboard
    (or of one, with ``leaderboardId``)."""
    principal.require_read_user(user_id)
    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> UserRanksView:
        if leaderboard_id is not None:
            boards = [_board(tenant, leaderboard_id)]
        else:
            all_boards: dict[str, CompiledLeaderboard] = tenant.all_compiled("leaderboards")
            boards = [b for _, b in sorted(all_boards.items()) if b.active]
        pk = await store.users.find_pk(tenant.id, user_id)
        ranks = []
        for board in boards:
            for chosen in board.periods:
                window = core.window(chosen, now, tenant.settings.timeZone)
                where = Board(tenant.id, board.leaderboard_id, window.buckets)
                mine = None if pk is None else await store.leaderboards.score_of(where, user_pk=pk)
                score = 0 if mine is None else mine["score"]
                rank = None
                if score > 0:
                    rank = 1 + await store.leaderboards.count_above(where, score=score)
                ranks.append(
                    UserRankView(
                        leaderboard_id=board.leaderboard_id,
                        period=chosen,
                        period_key=window.key,
                        rank=rank,
                        score=score,
                    )
                )
        return UserRanksView(user_id=user_id, ranks=tuple(ranks))

    return await run_read(services, principal, work)
