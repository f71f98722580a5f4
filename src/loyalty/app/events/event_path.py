"""The event path: read one snapshot of the user, decide in core, write the outcome once.

Every logged event and Audience action, one at a time or in a batch, and every dry run, goes
through :func:`run`:

1. **Read.** The store reads what the event's rules and reactions need (the user, their group and
   time zone, the limit counter of the period, their challenge and streak progress, the points
   account) in one statement.
2. **Decide.** :func:`loyalty.core.events.decide` computes the outcome from the programme, the
   request and the snapshot: points, limit, challenge and streak steps, leaderboard scores.
3. **Write.** The store writes the outcome in one statement that holds only if the user's version
   is still the one read; when another event of the same user got in between, the event is read
   and decided again (with the user locked, so it cannot be overtaken twice).

What an outcome sets off beyond its rows — paying a completed challenge or a streak milestone,
re-evaluating tiers, webhooks, crediting points when older ones are due to expire — runs after the
write, in the same transaction, through the features'
own use cases. Only outcomes that need it open a transaction; the common event commits with its
one write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from loyalty.app.events.event_store import (
    Applied,
    CampaignWrite,
    CreditWrite,
    EventWrites,
    PendingWrite,
    ProgressWrite,
    ReversalWrites,
    SnapshotQuery,
    UserSnapshotRows,
    credit_entry_key,
)
from loyalty.app.gamification import challenges as challenge_app
from loyalty.app.gamification import milestones
from loyalty.app.gamification import streaks as streak_app
from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger import ledger, ledger_effects, pending
from loyalty.app.messaging import outbox
from loyalty.app.promotions import campaigns as campaign_app
from loyalty.app.promotions import referrals as referral_app
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.app.users.users import resolve_user
from loyalty.core import events as core
from loyalty.core.campaigns import CampaignRule
from loyalty.core.challenges import ChallengeState
from loyalty.core.errors import ErrorCode, LoyaltyError, not_found
from loyalty.core.referrals import PendingReferral

ATTEMPTS = 5
"""Reads of one event: the first unlocked, the others with the user locked (another event of the
user can then only get in by deleting the user)."""


@dataclass(frozen=True)
class Plan:
    """An event id's programme in a tenant's configuration, and what its snapshot reads."""

    programme: core.Programme
    streaks: dict[str, streak_app.CompiledStreak]
    may_credit: bool
    announces_points: bool
    """A webhook wants ``points.awarded``: a credit is then followed by its outbox rows."""
    has_tiers: bool
    """Milestone sets exist: every event re-evaluates the user's tiers after its write."""
    capped_campaigns: tuple[CampaignRule, ...] = ()
    """The programme's campaigns with a per-user cap: the snapshot reads what they gave the user
    (those inside their ``from``/``to`` at the event's time: an ended campaign costs no read)."""
    reads_tiers: bool = False
    """Tier multipliers or campaigns for tiers apply: the snapshot reads the user's tiers."""


_PLANS: dict[int, tuple[int, dict[str, Plan]]] = {}


def plan_of(tenant: TenantConfig, event_id: str, rule: core.EventRule) -> Plan:
    """Compiled once per configuration version."""
    cached = _PLANS.get(tenant.id)
    if cached is None or cached[0] != tenant.version:
        cached = (tenant.version, {})
        _PLANS[tenant.id] = cached
    plan = cached[1].get(event_id)
    if plan is None:
        plan = compile_plan(tenant, event_id, rule)
        cached[1][event_id] = plan
    return plan


def compile_plan(tenant: TenantConfig, event_id: str, rule: core.EventRule) -> Plan:
    streaks = {
        s.streak_id: s
        for s in tenant.all_compiled("streaks").values()
        if s.active and event_id in s.event_ids
    }
    boards = tuple(
        core.BoardRule(b.leaderboard_id, b.metric, b.periods, b.event_ids, b.usergroup)
        for b in tenant.all_compiled("leaderboards").values()
        if b.active
    )
    programme = core.Programme(
        event=rule,
        time_zone=tenant.settings.timeZone,
        challenges=tuple(challenge_app.rules_for_event(tenant, event_id)),
        all_challenges=challenge_app.rules_of(tenant),
        streaks=tuple(core.StreakRule(s.streak_id, s.rules) for s in streaks.values()),
        boards=boards,
        referrals=referral_app.rules_for_event(tenant, event_id),
        campaigns=campaign_app.rules_for_event(tenant, event_id),
        tier_multipliers=milestones.tier_multipliers(tenant),
    )
    return Plan(
        programme,
        streaks,
        # A campaign's bonus credits even an event whose own reward is 0.
        may_credit=any(rate > 0 for rate in rule.rates.values()) or bool(programme.campaigns),
        announces_points=bool(outbox.subscribers_of(tenant, "points.awarded")),
        has_tiers=bool(tenant.all_compiled("milestones")),
        capped_campaigns=tuple(c for c in programme.campaigns if c.cap is not None),
        reads_tiers=bool(programme.tier_multipliers) or any(c.tiers for c in programme.campaigns),
    )


@dataclass(frozen=True)
class Outcome:
    decision: core.Decision
    logged_id: int | None
    extra: dict[str, Any]
    """What the response adds after the event's own fields: challenges, streaks, tier changes."""


@dataclass(frozen=True)
class EventText:
    """What the event's rows say about it (its history entry and ledger line)."""

    title: str
    history: dict[str, Any]


async def run(
    tx: Tx,
    plan: Plan,
    request: core.Request,
    user_id: str,
    text: EventText,
    *,
    dry_run: bool = False,
) -> Outcome:
    store = tx.store.event_store
    programme = plan.programme
    query = SnapshotQuery(
        tenant_id=tx.tenant.id,
        user_id=user_id,
        event_id=request.event_id,
        limit_period_key=core.limit_period_key(programme, tx.now),
        challenges=bool(programme.challenges),
        streak_ids=tuple(plan.streaks),
        points_account=plan.may_credit and not dry_run,
        allocate_id=not dry_run,
        referral=bool(programme.referrals),
        campaign_ids=tuple(c.campaign_id for c in plan.capped_campaigns if c.in_window(tx.now)),
        tiers=plan.reads_tiers,
    )
    for attempt in range(ATTEMPTS):
        rows = await store.read(query, lock=attempt > 0)
        if rows is None:
            if not tx.tenant.settings.autoCreateUsers:
                raise not_found("user", user_id)
            if dry_run:  # a new user would start empty
                decision = core.decide(programme, request, core.Snapshot(user_pk=None), tx.now)
                return Outcome(decision, None, _campaign_extra(decision))
            await resolve_user(tx, user_id, create=True)
            continue
        decision = core.decide(programme, request, _snapshot(plan, rows), tx.now)
        if dry_run:
            return Outcome(decision, None, _campaign_extra(decision))
        credits = decision.points > 0 and decision.pending_until is None
        ledger_credit = credits and rows.points_need_ledger(tx.now)
        follow = ledger_credit or _needs_follow_ups(plan, decision)
        details = _details(decision)
        writes = _writes(
            tx, plan, request, user_id, rows, decision, text, details, with_credit=not ledger_credit
        )
        # The answer's additions are decided before the write: after a write that commits by
        # itself nothing may fail.
        extra = _response_extra(tx, decision)
        extra.update(details)
        applied = await store.apply(writes, transaction=follow or attempt > 0)
        if applied is None:
            continue  # another event of the user got in between: read and decide again
        if credits:
            await _event_credit(
                tx, rows.user_pk, decision.points, applied, _described(text, decision), ledger_credit
            )
        if follow:
            changes = await _follow_ups(tx, plan, rows.user_pk, decision)
            if changes:
                extra["milestoneChanges"] = changes
        return Outcome(decision, applied.logged_id, extra)
    raise LoyaltyError(ErrorCode.CONFLICT, "the user changed concurrently too often; retry")


def _snapshot(plan: Plan, rows: UserSnapshotRows) -> core.Snapshot:
    return core.Snapshot(
        user_pk=rows.user_pk,
        usergroup=rows.usergroup,
        time_zone=rows.time_zone,
        version=rows.version,
        limit_used=rows.limit_used,
        challenges={cid: challenge_app.state_of(row) for cid, row in rows.challenges.items()},
        streaks={
            sid: core.StreakProgress(streak_app.state_of(row, plan.streaks[sid].rules), int(row["version"]))
            for sid, row in rows.streaks.items()
        },
        referral=None if rows.referral is None else PendingReferral(*rows.referral),
        campaign_totals=rows.campaign_totals,
        tiers=rows.tiers,
    )


def _needs_follow_ups(plan: Plan, decision: core.Decision) -> bool:
    if decision.points > 0 and decision.pending_until is None and plan.announces_points:
        return True
    if challenge_app.steps_pay(decision.challenges):
        return True
    if any(s.advance.milestones_reached for s in decision.streaks):
        return True
    if decision.referral is not None:
        return True
    return plan.has_tiers


def _writes(
    tx: Tx,
    plan: Plan,
    request: core.Request,
    user_id: str,
    rows: UserSnapshotRows,
    decision: core.Decision,
    text: EventText,
    details: dict[str, Any],
    *,
    with_credit: bool,
) -> EventWrites:
    now = tx.now
    credit = None
    described = _described(text, decision)
    pending = None
    if decision.pending_until is not None:
        pending = PendingWrite(decision.pending_until, described.title)
    elif with_credit and decision.points > 0:
        credit = CreditWrite(decision.points, ledger.policy_valid_until(tx.tenant, now), described.title)
    challenges = tuple(
        ProgressWrite(step.challenge_id, _challenge_values(step.advance.state, now), created=step.created)
        for step in decision.challenges
    )
    streaks = tuple(
        ProgressWrite(
            step.streak_id,
            {
                **streak_app.row_values(step.advance.state, plan.streaks[step.streak_id].rules, now),
                "version": step.version + 1,
            },
            created=step.version == 0,
        )
        for step in decision.streaks
        if step.advance.counted
    )
    return EventWrites(
        tenant_id=tx.tenant.id,
        user_pk=rows.user_pk,
        user_id=user_id,
        version=rows.version,
        now=now,
        logged_id=rows.logged_id,
        event_id=request.event_id,
        points=decision.points,
        usergroup=decision.usergroup,
        condition_reached=decision.condition_reached,
        limit_reached=decision.limit_reached,
        counted_in=decision.period_key,
        metadata=dict(request.metadata),
        history={**text.history, "date_key": decision.day_key},
        day_key=decision.day_key,
        hour=decision.hour,
        credit=credit,
        challenges=challenges,
        streaks=streaks,
        scores=decision.scores,
        campaigns=tuple(CampaignWrite(s.campaign_id, s.points, s.cap) for s in decision.campaigns),
        pending=pending,
        details=details,
    )


def _described(text: EventText, decision: core.Decision) -> EventText:
    """The ledger line's description names the campaigns that added to the event's points."""
    if not decision.campaigns:
        return text
    names = ", ".join(share.campaign_id for share in decision.campaigns)
    return EventText(f"{text.title} (campaigns: {names})", text.history)


def _details(decision: core.Decision) -> dict[str, Any]:
    """What the history entry's details add: the campaigns and tier points, when points mature."""
    details: dict[str, Any] = {}
    if decision.campaigns:
        details["campaigns"] = campaign_app.share_views(decision.campaigns)
    if decision.tier_points:
        details["tierPoints"] = decision.tier_points
    if decision.pending_until is not None:
        details["pendingUntil"] = decision.pending_until
    return details


def _campaign_extra(decision: core.Decision) -> dict[str, Any]:
    """What a dry run's answer adds: the campaigns that would apply, tier points, when the points
    would mature, and why each campaign of the event would or would not add points."""
    extra = _details(decision)
    if decision.campaign_checks:
        extra["campaignChecks"] = campaign_app.check_views(decision.campaign_checks)
    return extra


def _challenge_values(state: ChallengeState, now: int) -> dict[str, Any]:
    return {
        "progress": state.progress,
        "missions": dict(state.missions),
        "round_done": state.round_done,
        "completions": state.completions,
        "period_key": state.period_key,
        "period_completions": state.period_completions,
        "completed_at": state.completed_at,
        "updated_at": now,
    }


def _response_extra(tx: Tx, decision: core.Decision) -> dict[str, Any]:
    """What the event response adds after the event's own fields, in the order it always had."""
    extra: dict[str, Any] = {}
    if decision.challenges:
        extra["challenges"] = challenge_app.step_views(tx.tenant, decision.challenges)
    if decision.streaks:
        extra["streaks"] = streak_app.step_views(decision.streaks)
    return extra


async def _follow_ups(
    tx: Tx, plan: Plan, user_pk: int, decision: core.Decision
) -> dict[str, dict[str, str | None]]:
    """What the outcome sets off beyond its rows, in the order the features always ran; returns
    the tier changes."""
    await challenge_app.settle_steps(tx, user_pk, decision.challenges)
    await streak_app.pay_milestones(tx, user_pk, plan.streaks, decision.streaks)
    if decision.referral is not None:
        await referral_app.pay(tx, user_pk, decision.referral)
    return await milestones.reevaluate(tx, user_pk)


async def _event_credit(
    tx: Tx, user_pk: int, points: int, applied: Applied, text: EventText, ledger_credit: bool
) -> None:
    """The event's credit: written with the event (then announced here), or — when older credits
    were due to expire or the account owed points — through the ledger's full credit."""
    reference = str(applied.logged_id)
    if ledger_credit:
        await ledger.credit(
            tx,
            user_pk,
            points,
            source="event",
            reference=reference,
            description=text.title,
            entry_key=credit_entry_key(applied.logged_id),
        )
        return
    balance, entry_id = applied.balance_after, applied.credit_entry_id
    assert balance is not None
    assert entry_id is not None
    tx.locked_accounts.add((user_pk, ledger.POINTS))
    await ledger_effects.credited(
        tx, user_pk, points, balance, entry_id, "event", ledger.POINTS, reference, text.title
    )


# ---------------------------------------------------------------------------------------------
# Reversal: read the logged event, decide in core, take the credit back, write once


@dataclass(frozen=True)
class Reversed:
    user_id: str
    event_id: str
    taken: int
    """Points taken back."""
    shortfall: int
    """Points the event awarded that could not be taken back (already spent)."""


async def reverse(
    tx: Tx, logged_id: int, label: str, history_text: Callable[[str], dict[str, Any]]
) -> Reversed:
    """Take back what a logged event awarded, once, and give its limit occurrence back.
    ``label`` names the event in errors; ``history_text(event_id)`` gives the ``title``,
    ``description`` and ``image`` of the reversal's history entry."""
    store = tx.store.event_store
    # Points still pending (the event's return window) are cancelled, not taken from the ledger.
    # First: a credit that matures meanwhile is then in the ledger when the event is read.
    withdrawn = await pending.cancel_for_reversal(tx, logged_id)
    read = await store.read_logged(tx.tenant.id, logged_id)
    if read is None:
        raise not_found("logged event", label)
    decision = core.decide_reversal(read.event, tx.tenant.settings.timeZone, tx.now)
    if decision is None:
        raise LoyaltyError(
            ErrorCode.CONFLICT, f"logged event '{label}' was already reversed", field="loggedEventId"
        )
    event_id = read.event.event_id
    taken = shortfall = 0
    if withdrawn is not None:  # nothing was spendable yet
        taken = withdrawn
    elif decision.credit_entry_id is not None:
        reversal = await ledger.reverse_credit(
            tx,
            decision.credit_entry_id,
            source="event_reversal",
            reference=str(logged_id),
            description=f"Reversal of event {event_id}",
        )
        taken, shortfall = reversal.taken, reversal.shortfall
    history = None
    if taken:
        history = {
            "entry_id": f"EVENT_REVERSAL#{event_id}#{tx.now}",
            "type": "EVENT_REVERSAL",
            "ref_id": event_id,
            "points": -taken,
            "date_key": decision.day_key,
            "details": {"loggedEventId": logged_id, "shortfall": shortfall},
            **history_text(event_id),
        }
    await store.apply_reversal(
        ReversalWrites(
            tenant_id=tx.tenant.id,
            logged_id=logged_id,
            user_pk=read.user_pk,
            event_id=event_id,
            now=tx.now,
            taken=taken,
            uncount_period=decision.uncount_period,
            history=history,
        ),
    )
    return Reversed(read.user_id, event_id, taken, shortfall)
