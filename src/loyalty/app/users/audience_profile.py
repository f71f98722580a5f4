"""The signed-in member's own reads: the programme, their profile, their transaction history.

These act on the token's ``sub``: the client never names the user. They return read models; the
Audience dialect (``api/dialects/audience/profile.py``) writes them in seed 001's shape.
"""

from __future__ import annotations

from dataclasses import dataclass

from loyalty.app.gamification import challenges, inventory, transactions
from loyalty.app.gamification.challenge_config import Challenge
from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.uow import Tx, run_read
from loyalty.app.ledger import metrics
from loyalty.app.ledger.ports import HistoryLineRow
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.app.users.users import check_user_id, resolve_user
from loyalty.core import challenges as core
from loyalty.core.errors import forbidden, invalid

MAX_HISTORY = 1000
EVENT_SOURCES = ("event", "event_reversal")


def _logged_event_of(line: HistoryLineRow) -> int | None:
    """An event credit's (or its reversal's) ``reference`` is the logged event's id."""
    reference = line["reference"]
    if line["source"] in EVENT_SOURCES and isinstance(reference, str) and reference.isdigit():
        return int(reference)
    return None


def subject_of(principal: Principal) -> str:
    if principal.subject is None:
        raise forbidden("this endpoint acts on the signed-in user: send that user's Bearer token")
    return check_user_id(principal.subject, "sub")


@dataclass(frozen=True)
class ProgrammeView:
    """What a member app shows of the programme: metrics, inventory and the challenges open now."""

    metrics: list[metrics.Metric]
    inventory: list[inventory.InventorySet]
    challenges: list[Challenge]
    default_language: str
    """The tenant's language for texts the caller's languages do not cover."""


def _ended(rule: core.ChallengeRule, now: int) -> bool:
    return rule.ends_at is not None and now > rule.ends_at


async def programme(services: Services, principal: Principal) -> ProgrammeView:
    """Metrics (``points`` first), inventory sets by id, and the challenges open now (active and
    not ended) in series order."""
    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> ProgrammeView:
        rules = challenges.rules_of(tenant)
        open_configs = [
            config
            for cid in sorted(rules, key=lambda c: challenges.sort_key(rules[c]))
            if rules[cid].active
            and not _ended(rules[cid], now)
            and isinstance(config := tenant.get("challenges", cid), Challenge)
        ]
        sets = tenant.all("inventory")
        return ProgrammeView(
            metrics=metrics.all_definitions(tenant),
            inventory=[sets[k] for k in sorted(sets)],
            challenges=open_configs,
            default_language=tenant.settings.defaultLanguage,
        )

    return await run_read(services, principal, work)


@dataclass(frozen=True)
class ChallengeStanding:
    completed: bool
    missions_completed: list[str]
    """Mission ids in the challenge's order."""


@dataclass(frozen=True)
class ProfileView:
    metrics: dict[str, int]
    """Balance by metric id, every defined metric."""
    inventory: dict[str, list[str]]
    """Item ids held by set id, every configured set."""
    challenges: dict[str, ChallengeStanding]
    """The challenges the user has touched."""


async def profile(tx: Tx) -> ProfileView:
    """Metrics, inventory and challenge standing; creates the (empty) profile when missing."""
    user_id = subject_of(tx.principal)
    user_pk = await resolve_user(tx, user_id, create=True)
    for metric in metrics.all_definitions(tx.tenant):
        await metrics.open_balance(tx, user_pk, metric.id)
    rows = await tx.store.challenges.states_of_user(user_pk)
    standing = {}
    for item in challenges.visible_challenges(tx.tenant, rows, tx.now):
        if item.config.challengeId not in rows:  # never touched: seed 001's new profile is empty
            continue
        held = item.state.missions
        done = {m.mission_id for m in item.rule.missions if held.get(m.mission_id, 0) >= m.goal}
        standing[item.config.challengeId] = ChallengeStanding(
            completed=core.is_completed(item.rule, item.state),
            missions_completed=[m.id for m in item.config.missions if m.id in done],
        )
    return ProfileView(
        metrics=await metrics.balances(tx.store, tx.tenant, user_pk),
        inventory=await inventory.holdings(tx.store, tx.tenant, user_pk),
        challenges=standing,
    )


async def history(
    services: Services, principal: Principal, *, from_ts: int | None, to_ts: int | None
) -> list[transactions.HistoryEntry]:
    """The user's transactions between ``from`` and ``to`` (inclusive), oldest first."""
    user_id = subject_of(principal)
    if from_ts is not None and to_ts is not None and from_ts > to_ts:
        raise invalid("to", "'to' must not be before 'from'")

    async def work(store: Store, tenant: TenantConfig) -> list[transactions.HistoryEntry]:
        pk = await store.users.find_pk(tenant.id, user_id)
        if pk is None:
            return []
        rows = await store.transactions.list_for_user(pk, from_ts=from_ts, to_ts=to_ts, limit=MAX_HISTORY)
        lines = await store.ledger_history.lines_between(
            pk, from_ts=from_ts, to_ts=to_ts, leave_out=transactions.NOT_IN_HISTORY, limit=MAX_HISTORY
        )
        logged = {line["id"]: _logged_event_of(line) for line in lines}
        names = await store.ledger_history.event_ids(i for i in logged.values() if i is not None)
        merged: list[tuple[tuple[int, int, int], transactions.HistoryEntry]] = [
            ((int(r["ts"]), 1, int(r["id"])), transactions.recorded_entry(r)) for r in rows
        ]  # at one instant the points of the event come before the challenge they complete
        for line in lines:
            number = logged[line["id"]]
            event_id = names.get(number) if number is not None else None
            merged.append(
                ((int(line["created_at"]), 0, int(line["id"])), transactions.ledger_entry(line, event_id))
            )
        merged.sort(key=lambda item: item[0])
        return [item for _, item in merged[:MAX_HISTORY]]

    return await run_read(services, principal, work)
