"""Challenges as users live them: advancing on activity, paying completions once, and reading them.

The event path (``app.events.event_path``) decides each logged event's challenge steps with the pure rules
of ``core.challenges`` and writes the progress rows in its one guarded write; ``settle_steps`` then
pays a completed round only when its completion row was newly inserted, so a completion pays
exactly once however many requests race for it. Balance rows a payout may touch are locked first,
``points`` before other metrics, the same order the event itself uses.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from loyalty.app.gamification import inventory, transactions
from loyalty.app.gamification.challenge_config import Challenge, Mission, effective_rewards, points_of
from loyalty.app.gamification.ports import ChallengeStateRow
from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.texts import translations
from loyalty.app.kernel.uow import Tx, run_read
from loyalty.app.ledger import metrics
from loyalty.app.messaging import outbox
from loyalty.app.messaging.notifications import notify
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core import challenges as core
from loyalty.core.errors import invalid, not_found
from loyalty.core.events import ChallengeStep
from loyalty.core.timeutil import day_key

SECTION = "challenges"
HISTORY_TITLE = {"en": "Challenge completed", "de": "Challenge abgeschlossen"}
DEFAULT_PAGE = 100
MAX_PAGE = 500


def state_of(row: Mapping[str, Any] | None) -> core.ChallengeState:
    if row is None:
        return core.ChallengeState()
    return core.ChallengeState(
        progress=int(row["progress"]),
        missions=dict(row["missions"] or {}),
        round_done=bool(row["round_done"]),
        completions=int(row["completions"]),
        period_key=str(row["period_key"] or ""),
        period_completions=int(row["period_completions"]),
        completed_at=None if row["completed_at"] is None else int(row["completed_at"]),
    )


def rules_of(tenant: TenantConfig) -> dict[str, core.ChallengeRule]:
    return dict(tenant.all_compiled("challenges"))


# --- advancing -------------------------------------------------------------------------------


_INDEX: dict[int, tuple[int, dict[str, list[core.ChallengeRule]]]] = {}


def rules_for_event(tenant: TenantConfig, event_id: str) -> list[core.ChallengeRule]:
    """Active challenges an event id can advance, by id; indexed once per configuration version."""
    cached = _INDEX.get(tenant.id)
    if cached is None or cached[0] != tenant.version:
        index: dict[str, list[core.ChallengeRule]] = {}
        for _, rule in sorted(rules_of(tenant).items()):
            if rule.active:
                for trigger_id in rule.event_ids():
                    index.setdefault(trigger_id, []).append(rule)
        cached = (tenant.version, index)
        _INDEX[tenant.id] = cached
    return cached[1].get(event_id, [])


def step_views(tenant: TenantConfig, steps: Sequence[ChallengeStep]) -> list[ChallengeView]:
    """The challenges an event's steps moved (the event response's part; the dialect writes them)."""
    rules = rules_of(tenant)
    views: list[ChallengeView] = []
    for step in steps:
        config = tenant.get("challenges", step.challenge_id)
        assert isinstance(config, Challenge)
        views.append(challenge_view(tenant, config, rules[step.challenge_id], rules, step.advance.state))
    return views


def steps_pay(steps: Sequence[ChallengeStep]) -> bool:
    """Whether the steps complete a mission or a round (then ``settle_steps`` has work)."""
    return any(s.advance.completed or s.advance.missions_completed for s in steps)


async def settle_steps(tx: Tx, user_pk: int, steps: Sequence[ChallengeStep]) -> None:
    """Announce the missions and pay the rounds the event's steps completed. A round pays only
    when its completion row is newly inserted, so exactly once however many requests race."""
    rules = rules_of(tx.tenant)
    completing = [rules[s.challenge_id] for s in steps if s.advance.completed]
    if completing:
        await _lock_reward_balances(tx, user_pk, completing)
    for step in steps:
        config = tx.tenant.get("challenges", step.challenge_id)
        assert isinstance(config, Challenge)
        missions_by_id = {m.id: m for m in config.missions}
        for mission_id in step.advance.missions_completed:
            await _mission_completed(tx, user_pk, config, missions_by_id[mission_id])
        if step.advance.completed and await tx.store.challenges.claim_completion(
            tenant_id=tx.tenant.id,
            user_pk=user_pk,
            challenge_id=step.challenge_id,
            round_no=step.advance.round_no,
            period_key=step.advance.state.period_key,
            now=tx.now,
        ):
            await _challenge_completed(tx, user_pk, config, step.advance.round_no)


async def _lock_reward_balances(tx: Tx, user_pk: int, candidates: list[core.ChallengeRule]) -> None:
    wanted: set[str] = set()
    for rule in candidates:
        config = tx.tenant.get("challenges", rule.challenge_id)
        if isinstance(config, Challenge):
            wanted.update(r.metricId for r in effective_rewards(config) if r.type == "metric" and r.metricId)
    for metric in sorted(wanted, key=lambda m: (m != metrics.POINTS, m)):
        if (user_pk, metric) not in tx.locked_accounts:  # e.g. the event's own points credit
            await metrics.open_balance(tx, user_pk, metric)


async def pay_rewards(tx: Tx, user_pk: int, config: Challenge, round_no: int) -> transactions.Changes:
    changes = transactions.Changes()
    reference = f"{config.challengeId}#{round_no}"
    for reward in effective_rewards(config):
        if reward.type == "metric":
            assert reward.metricId is not None
            assert reward.metricQuantity is not None
            change = await metrics.change(
                tx, user_pk, reward.metricId, reward.metricQuantity, source="challenge", reference=reference
            )
            if change is not None:
                changes.metrics.append(change)
            continue
        assert reward.inventorySetId is not None
        assert reward.inventoryItemId is not None
        item = inventory.ItemRef(reward.inventorySetId, reward.inventoryItemId)
        if reward.remove:
            if await inventory.lose(tx, user_pk, item):
                changes.lost.append(item)
        elif await inventory.gain(tx, user_pk, item):
            changes.received.append(item)
    return changes


async def _challenge_completed(tx: Tx, user_pk: int, config: Challenge, round_no: int) -> None:
    changes = await pay_rewards(tx, user_pk, config, round_no)
    payload = {"challengeId": config.challengeId, **changes.payload_fields()}
    await _announce(tx, user_pk, "challengeCompleted", payload, config.notification, config.title)
    points = sum(c.new_value - c.old_value for c in changes.metrics if c.metric == metrics.POINTS)
    settings = tx.tenant.settings
    await tx.store.history.insert(
        tenant_id=tx.tenant.id,
        user_pk=user_pk,
        entry_id=f"CHALLENGE#{config.challengeId}#{tx.now}",
        type="CHALLENGE",
        ref_id=config.challengeId,
        points=points,
        ts=tx.now,
        date_key=day_key(tx.now, settings.timeZone),
        title=HISTORY_TITLE,
        description=translations(config.title, settings.defaultLanguage),
        image=None,
        details={"round": round_no, **changes.payload_fields()},
    )


async def _mission_completed(tx: Tx, user_pk: int, config: Challenge, mission: Mission) -> None:
    payload = {
        "challengeId": config.challengeId,
        "missionId": mission.id,
        **transactions.Changes().payload_fields(),
    }
    await _announce(tx, user_pk, "missionCompleted", payload, mission.notification, mission.title)


async def _announce(
    tx: Tx,
    user_pk: int,
    kind: str,
    payload: dict[str, Any],
    notification: Any,
    fallback_title: Any,
) -> None:
    display = notification.display if notification is not None else "toast"
    title = notification.title if notification is not None and notification.title else fallback_title
    message = notification.message if notification is not None else None
    # Translations are kept; the reader's Accept-Language picks one.
    await notify(
        tx,
        user_pk,
        type=kind,
        payload=payload,
        display=display,
        title=title,
        message=message,
        section=SECTION,
    )
    await transactions.record(tx, user_pk, type=kind, payload=payload)
    if kind == "challengeCompleted":
        await outbox.publish_for(tx, "challenge.completed", payload, user_pk=user_pk)


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChallengeView:
    """One challenge as a user stands in it (the Lynes dialect writes it in seed 000's shape)."""

    challenge_id: str
    status: Literal["ACTIVE", "INACTIVE"]
    goal: int
    """The goal of the round (the configured goal, or the missions')."""
    points: int
    title: dict[str, str] | None
    """Every translation (a plain title under the tenant's default language)."""
    type: Literal["FIXED", "TRANSACTION"]
    progress: int
    """Progress in the current round, at most ``goal``."""
    completed: bool
    completed_at: int | None
    """When the completed round was completed (None while open)."""
    series_id: str | None
    is_last_step: bool


def challenge_view(
    tenant: TenantConfig,
    config: Challenge,
    rule: core.ChallengeRule,
    rules: dict[str, core.ChallengeRule],
    state: core.ChallengeState,
) -> ChallengeView:
    done = core.is_completed(rule, state)
    return ChallengeView(
        challenge_id=config.challengeId,
        status=config.status,
        goal=rule.effective_goal,
        points=points_of(config),
        title=translations(config.title, tenant.settings.defaultLanguage),
        type=config.type,
        progress=min(state.progress, rule.effective_goal),
        completed=done,
        completed_at=state.completed_at if done else None,
        series_id=config.seriesId,
        is_last_step=core.is_last_step(rule, rules),
    )


@dataclass(frozen=True)
class UserChallenge:
    config: Challenge
    rule: core.ChallengeRule
    state: core.ChallengeState


def visible_challenges(
    tenant: TenantConfig, rows: Mapping[str, ChallengeStateRow], now: int
) -> list[UserChallenge]:
    """What a user sees: challenges they completed, and the open ones they can work on now
    (active, started, not ended, and — in a series — the previous step completed)."""
    rules = rules_of(tenant)
    completions = {cid: int(row["completions"]) for cid, row in rows.items()}
    tz = tenant.settings.timeZone
    out: list[UserChallenge] = []
    for cid, rule in rules.items():
        config = tenant.get("challenges", cid)
        if not isinstance(config, Challenge):
            continue
        state = core.current_state(rule, state_of(rows.get(cid)), now, tz)
        ever_completed = completions.get(cid, 0) > 0
        open_now = rule.active and rule.in_window(now) and core.is_unlocked(rule, rules, completions)
        if ever_completed or open_now:
            out.append(UserChallenge(config, rule, state))
    out.sort(key=lambda c: sort_key(c.rule))
    return out


def sort_key(rule: core.ChallengeRule) -> tuple[str, int, str]:
    """Series steps stay together and in order; everything else by id."""
    return (rule.series_id or rule.challenge_id, rule.series_step, rule.challenge_id)


def encode_key(key: tuple[str, int, str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_key(text: str) -> tuple[str, int, str]:
    try:
        raw = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        group, step, cid = raw
        if isinstance(group, str) and isinstance(step, int) and isinstance(cid, str):
            return (group, step, cid)
    except (ValueError, TypeError, binascii.Error):
        pass
    raise invalid("lastEvaluatedKey", "'lastEvaluatedKey' is not a key this API returned")


@dataclass(frozen=True)
class ChallengePage:
    challenges: list[ChallengeView]
    last_evaluated_key: str | None


async def _user_rows(store: Store, tenant: TenantConfig, user_id: str) -> dict[str, ChallengeStateRow]:
    pk = await store.users.find_pk(tenant.id, user_id)
    return {} if pk is None else await store.challenges.states_of_user(pk)


async def list_user_challenges(
    services: Services,
    principal: Principal,
    user_id: str,
    *,
    completed: bool | None,
    limit: int,
    after: str | None,
) -> ChallengePage:
    principal.require_read_user(user_id)
    if not 1 <= limit <= MAX_PAGE:
        raise invalid("limit", f"'limit' must be between 1 and {MAX_PAGE}")
    start = decode_key(after) if after else None
    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> ChallengePage:
        rules = rules_of(tenant)
        items = visible_challenges(tenant, await _user_rows(store, tenant, user_id), now)
        if completed is not None:
            items = [c for c in items if core.is_completed(c.rule, c.state) == completed]
        if start is not None:
            items = [c for c in items if sort_key(c.rule) > start]
        page = items[:limit]
        more = len(items) > limit
        return ChallengePage(
            challenges=[challenge_view(tenant, c.config, c.rule, rules, c.state) for c in page],
            last_evaluated_key=encode_key(sort_key(page[-1].rule)) if more else None,
        )

    return await run_read(services, principal, work)


async def get_user_challenge(
    services: Services, principal: Principal, user_id: str, challenge_id: str
) -> ChallengeView:
    principal.require_read_user(user_id)
    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> ChallengeView:
        for item in visible_challenges(tenant, await _user_rows(store, tenant, user_id), now):
            if item.config.challengeId == challenge_id:
                return challenge_view(tenant, item.config, item.rule, rules_of(tenant), item.state)
        raise not_found("challenge", challenge_id)

    return await run_read(services, principal, work)
