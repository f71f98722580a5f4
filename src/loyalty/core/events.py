"""What one logged event does: a pure decision over one snapshot of the user.

The event path reads everything the event's rules and reactions need in one snapshot (the user
and their group and time zone, the limit counter of the period, their challenge and streak
progress), calls :func:`decide`, and writes the :class:`Decision` in one go. Nothing here does
I/O or reads a clock: the time comes in as ``now``, so the same programme, request and snapshot
always give the same decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from loyalty.core import campaigns as campaign_core
from loyalty.core import challenges as challenge_core
from loyalty.core import leaderboards, rules
from loyalty.core import referrals as referral_core
from loyalty.core import streaks as streak_core
from loyalty.core.errors import invalid
from loyalty.core.timeutil import day_key, local_datetime


@dataclass(frozen=True)
class EventRule:
    """The behaviour of one event definition (``GET /v1/event/{eventId}`` plus what drives it)."""

    event_id: str
    kind: Literal["FIXED", "TRANSACTION"] = "FIXED"
    rates: Mapping[str, Decimal] = field(default_factory=dict)
    """Usergroup -> points (FIXED) or points per unit of ``value_field`` (TRANSACTION)."""
    maximum: int | None = None
    limit: int = 0
    """Rewarded occurrences per user and ``limit_period``; 0 means unlimited."""
    limit_period: str = "lifetime"
    condition: rules.Condition | None = None
    value_field: str | None = None
    pending_days: int = 0
    """The event's points are pending (not spendable) for this many days (0: credited at once)."""


@dataclass(frozen=True)
class StreakRule:
    streak_id: str
    rules: streak_core.StreakRules


@dataclass(frozen=True)
class BoardRule:
    leaderboard_id: str
    metric: str
    """``points`` (the event's points) or ``events`` (qualifying events)."""
    periods: tuple[str, ...]
    event_ids: frozenset[str] | None = None
    usergroup: str | None = None


@dataclass(frozen=True)
class Programme:
    """Everything one event id can move in a tenant's configuration."""

    event: EventRule
    time_zone: str
    challenges: tuple[challenge_core.ChallengeRule, ...] = ()
    """Active challenges this event id can advance, in id order."""
    all_challenges: Mapping[str, challenge_core.ChallengeRule] = field(default_factory=dict)
    """Every challenge by id (a series step unlocks when the step before it completed)."""
    streaks: tuple[StreakRule, ...] = ()
    """Active streaks this event id keeps alive, in configuration order."""
    boards: tuple[BoardRule, ...] = ()
    """Active leaderboards, in configuration order."""
    referrals: tuple[referral_core.ReferralRule, ...] = ()
    """Active referral programmes whose qualifying event this is (the snapshot then reads the
    user's unpaid registration)."""
    campaigns: tuple[campaign_core.CampaignRule, ...] = ()
    """Active campaigns listing this event id, in ``campaignId`` order."""
    tier_multipliers: Mapping[tuple[str, str], Decimal] = field(default_factory=dict)
    """(milestone set, tier) -> the multiplier its members earn with (only tiers that have one)."""


@dataclass(frozen=True)
class StreakProgress:
    state: streak_core.StreakState
    version: int


@dataclass(frozen=True)
class Snapshot:
    """The user as read before deciding. ``user_pk`` is None only for a dry run of a user who
    does not exist yet (an auto-created user starts empty)."""

    user_pk: int | None
    usergroup: str | None = None
    time_zone: str | None = None
    version: int = 0
    limit_used: int = 0
    """The limit counter of the event's current period (0 when there is none)."""
    challenges: Mapping[str, challenge_core.ChallengeState] = field(default_factory=dict)
    """Every progress row of the user, by challenge id."""
    streaks: Mapping[str, StreakProgress] = field(default_factory=dict)
    """The progress rows of the programme's streaks that exist."""
    referral: referral_core.PendingReferral | None = None
    """The user's unpaid referral registration (read only when the programme has referrals)."""
    campaign_totals: Mapping[str, int] = field(default_factory=dict)
    """What each of the programme's campaigns has given the user so far."""
    tiers: Mapping[str, str] = field(default_factory=dict)
    """Milestone set -> the user's tier in it (read when tiers matter to the programme)."""


@dataclass(frozen=True)
class Request:
    event_id: str
    metadata: Mapping[str, Any]


@dataclass(frozen=True)
class ChallengeStep:
    challenge_id: str
    advance: challenge_core.Advance
    created: bool
    """The user had no progress row for it yet."""


@dataclass(frozen=True)
class StreakStep:
    streak_id: str
    advance: streak_core.Advance
    period: streak_core.Period
    version: int
    """The version of the row read (0: none); a counted step writes ``version + 1``."""


@dataclass(frozen=True)
class Decision:
    points: int
    usergroup: str
    condition_reached: bool
    failure: rules.Failure | None
    limit_reached: bool
    period_key: str | None
    """The limit period this occurrence is counted in (None: not counted)."""
    limit_used: int
    limit_period_key: str | None
    """The limit's current period (None without a limit), counted in or not."""
    day_key: str
    hour: int
    challenges: tuple[ChallengeStep, ...] = ()
    streaks: tuple[StreakStep, ...] = ()
    """One per streak of the programme when the condition was reached (counted or not)."""
    scores: tuple[tuple[str, str, int], ...] = ()
    """(leaderboard, bucket, amount) to add."""
    referral: referral_core.ReferralAward | None = None
    """The referral this event pays (its follow-up pays it once, under the cap)."""
    event_points: int = 0
    """The event's own points (its reward, capped by ``maximumReward``); ``points`` is the total."""
    tier_points: int = 0
    campaigns: tuple[campaign_core.CampaignShare, ...] = ()
    """The campaigns that added points, with what each added."""
    campaign_checks: tuple[campaign_core.CampaignCheck, ...] = ()
    """Every campaign of the event and why it did or did not add points (the dry run's answer)."""
    pending_until: int | None = None
    """The points are pending until then (epoch ms); None: spendable at once."""

    @property
    def campaign_points(self) -> int:
        return sum(share.points for share in self.campaigns)


def decide(programme: Programme, request: Request, snapshot: Snapshot, now: int) -> Decision:
    """The outcome of logging ``request`` for the user of ``snapshot`` at ``now`` (epoch ms)."""
    event = programme.event
    metadata = request.metadata
    failure = rules.evaluate(event.condition, metadata)
    reached = failure is None
    group = rules.choose_group(metadata.get("usergroup"), event.rates, snapshot.usergroup)
    points = _points(event, group, metadata) if reached else 0
    local = local_datetime(now, programme.time_zone)
    limit_key = limit_period_key(programme, now)
    limit_reached = False
    counted_in = None
    if limit_key is not None:
        limit_reached = reached and snapshot.limit_used >= event.limit
        counted_in = None if limit_reached or not reached else limit_key
    if limit_reached:
        points = 0
    event_points = points
    boost = None
    if programme.campaigns or programme.tier_multipliers:
        boost = _boost(programme, snapshot, group, points, reached and not limit_reached, now)
        points = boost.total
    pending_until = None
    if event.pending_days > 0 and points > 0:
        pending_until = now + event.pending_days * DAY_MS
    return Decision(
        points=points,
        usergroup=group,
        condition_reached=reached,
        failure=failure,
        limit_reached=limit_reached,
        period_key=counted_in,
        limit_used=snapshot.limit_used,
        limit_period_key=limit_key,
        day_key=local.date().isoformat(),
        hour=local.hour,
        challenges=_challenge_steps(programme, request, snapshot, now) if reached else (),
        streaks=_streak_steps(programme, snapshot, now) if reached else (),
        scores=_scores(programme, request.event_id, group, points, reached, now),
        referral=referral_core.award(programme.referrals, snapshot.referral, metadata),
        event_points=event_points,
        tier_points=0 if boost is None else boost.tier_points,
        campaigns=() if boost is None else boost.shares,
        campaign_checks=() if boost is None else boost.checks,
        pending_until=pending_until,
    )


DAY_MS = 86_400_000


def _boost(
    programme: Programme, snapshot: Snapshot, group: str, points: int, rewarded: bool, now: int
) -> campaign_core.Boost:
    multiplier = Decimal(1)
    for set_id, tier_id in snapshot.tiers.items():
        multiplier *= programme.tier_multipliers.get((set_id, tier_id), Decimal(1))
    return campaign_core.apply(
        points,
        rewarded=rewarded,
        tier_multiplier=multiplier,
        campaigns=programme.campaigns,
        given=snapshot.campaign_totals,
        now=now,
        local=local_datetime(now, programme.time_zone),
        usergroup=group,
        tiers=frozenset(snapshot.tiers.values()),
    )


def limit_period_key(programme: Programme, now: int) -> str | None:
    """The period the event's limit counts in at ``now`` (None: the event has no limit)."""
    event = programme.event
    if event.limit <= 0:
        return None
    return rules.period_key(event.limit_period, local_datetime(now, programme.time_zone).date())


def _points(event: EventRule, group: str, metadata: Mapping[str, Any]) -> int:
    value = None
    if event.kind == "TRANSACTION":
        name = f"metadata.{event.value_field}"
        raw = metadata.get(event.value_field or "")
        if raw is None:
            raise invalid(name, f"'{name}' is required for this event")
        value = rules.to_decimal(raw, name)
    return rules.points_for(event.kind, event.rates.get(group), value=value, maximum=event.maximum)


def _challenge_steps(
    programme: Programme, request: Request, snapshot: Snapshot, now: int
) -> tuple[ChallengeStep, ...]:
    """An event whose own condition failed is not a valid occurrence; one over its limit is (the
    limit caps the event's points, not what the user did). A step unlocked by this very event
    starts counting with the next one."""
    tz = programme.time_zone
    rows = snapshot.challenges
    completions = {challenge_id: state.completions for challenge_id, state in rows.items()}
    steps: list[ChallengeStep] = []
    for rule in programme.challenges:
        if not rule.in_window(now) or not counts(rule, request):
            continue
        state = rows.get(rule.challenge_id, challenge_core.ChallengeState())
        if not challenge_core.is_unlocked(rule, programme.all_challenges, completions):
            continue
        if not challenge_core.may_advance(rule, state, now, tz):
            continue
        step = challenge_core.advance(
            rule, state, event_id=request.event_id, metadata=request.metadata, now=now, tz=tz
        )
        if step is not None:
            steps.append(ChallengeStep(rule.challenge_id, step, created=rule.challenge_id not in rows))
    return tuple(steps)


def counts(rule: challenge_core.ChallengeRule, request: Request) -> bool:
    triggers = [m.trigger for m in rule.missions] if rule.missions else [rule.trigger]
    return any(t.increment(request.event_id, request.metadata) for t in triggers)


def _streak_steps(programme: Programme, snapshot: Snapshot, now: int) -> tuple[StreakStep, ...]:
    tz = snapshot.time_zone or programme.time_zone
    steps: list[StreakStep] = []
    for streak in programme.streaks:
        read = snapshot.streaks.get(streak.streak_id)
        state = read.state if read is not None else streak_core.StreakState()
        period = streak_core.period_of(now, tz, streak.rules.time_frame)
        advance = streak_core.advance(state, period, now, streak.rules)
        steps.append(StreakStep(streak.streak_id, advance, period, 0 if read is None else read.version))
    return tuple(steps)


def score_of(board: BoardRule, event_id: str, usergroup: str, points: int, reached: bool) -> int:
    if board.event_ids is not None and event_id not in board.event_ids:
        return 0
    if board.usergroup is not None and usergroup != board.usergroup:
        return 0
    if board.metric == "points":
        return max(points, 0)
    return 1 if reached else 0


def _scores(
    programme: Programme, event_id: str, group: str, points: int, reached: bool, now: int
) -> tuple[tuple[str, str, int], ...]:
    out: list[tuple[str, str, int]] = []
    for board in programme.boards:
        amount = score_of(board, event_id, group, points, reached)
        if amount > 0:
            buckets = leaderboards.buckets_to_update(now, programme.time_zone, board.periods)
            out.extend((board.leaderboard_id, bucket, amount) for bucket in buckets)
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# Reversal: taking back what a logged event awarded


@dataclass(frozen=True)
class LoggedEvent:
    """A logged event as its reversal reads it."""

    event_id: str
    points: int
    period_key: str | None
    """The limit period it was counted in (None: not counted)."""
    reversed: bool
    credit_entry_id: int | None
    """The ledger credit it made (None: it made none)."""


@dataclass(frozen=True)
class ReversalDecision:
    credit_entry_id: int | None
    """The credit to take back through the ledger (which decides how much it still can)."""
    uncount_period: str | None
    """The limit period given the occurrence back."""
    day_key: str
    """The day of the reversal's history entry, in the tenant's time zone."""


def decide_reversal(logged: LoggedEvent, time_zone: str, now: int) -> ReversalDecision | None:
    """What reversing ``logged`` at ``now`` does; None when it was reversed already (once only)."""
    if logged.reversed:
        return None
    return ReversalDecision(
        credit_entry_id=logged.credit_entry_id if logged.points > 0 else None,
        uncount_period=logged.period_key,
        day_key=day_key(now, time_zone),
    )
