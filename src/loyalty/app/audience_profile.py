"""The Audience face's reads of one user: configuration, rewards profile, transaction history.

These act on the token's ``sub``: an Audience client never names the user.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.app import challenges, inventory, metrics, transactions
from loyalty.app.challenge_config import Challenge, Notification, effective_rewards
from loyalty.app.principal import Principal
from loyalty.app.services import Services
from loyalty.app.tenants import TenantConfig
from loyalty.app.texts import Text, localized
from loyalty.app.uow import Tx, run_read
from loyalty.app.users import check_user_id, resolve_user
from loyalty.core import challenges as core
from loyalty.core.errors import forbidden, invalid
from loyalty.storage.repositories import challenges as challenge_repo
from loyalty.storage.repositories import ledger_history
from loyalty.storage.repositories import transactions as transaction_repo
from loyalty.storage.repositories import users as user_repo

MAX_HISTORY = 1000
EVENT_SOURCES = ("event", "event_reversal")


def _logged_event_of(line: dict[str, Any]) -> int | None:
    """An event credit's (or its reversal's) ``reference`` is the logged event's id."""
    reference = line["reference"]
    if line["source"] in EVENT_SOURCES and isinstance(reference, str) and reference.isdigit():
        return int(reference)
    return None


def subject_of(principal: Principal) -> str:
    if principal.subject is None:
        raise forbidden("this endpoint acts on the signed-in user: send that user's Bearer token")
    return check_user_id(principal.subject, "sub")


class Texts:
    """Picks one language for plain-text fields (Accept-Language first, then the tenant default)."""

    def __init__(self, tenant: TenantConfig, languages: Sequence[str]) -> None:
        self.languages = list(languages)
        self.default = tenant.settings.defaultLanguage

    def __call__(self, text: Text | None) -> str | None:
        return localized(text, self.languages, self.default)


def _notification(value: Notification | None, text: Texts) -> dict[str, Any]:
    value = value or Notification()
    return {"display": value.display, "title": text(value.title), "message": text(value.message)}


def challenge_config_view(config: Challenge, text: Texts) -> dict[str, Any]:
    window = config.time
    return {
        "id": config.challengeId,
        "title": text(config.title),
        "subtitle": text(config.subtitle),
        "notification": _notification(config.notification, text),
        "showInProfile": config.showInProfile,
        "showInRail": config.showInRail,
        "time": {
            "showInUI": window.showInUI if window else False,
            "from": window.from_ if window else None,
            "to": window.to if window else None,
        },
        "missions": [
            {
                "id": m.id,
                "title": text(m.title),
                "type": m.type,
                "notification": _notification(m.notification, text),
            }
            for m in config.missions
        ],
        "rewards": [
            {
                "type": r.type,
                "metricId": r.metricId,
                "metricQuantity": r.metricQuantity,
                "inventorySetId": r.inventorySetId,
                "inventoryItemId": r.inventoryItemId,
                **({"remove": True} if r.remove else {}),
            }
            for r in effective_rewards(config)
        ],
    }


def _ended(rule: core.ChallengeRule, now: int) -> bool:
    return rule.ends_at is not None and now > rule.ends_at


async def loyalty_config(
    services: Services, principal: Principal, languages: Sequence[str]
) -> dict[str, Any]:
    """Metrics, inventory and the challenges open now (active and not ended), seed 001's shape."""
    now = services.now()

    async def work(conn: AsyncConnection, tenant: TenantConfig) -> dict[str, Any]:
        text = Texts(tenant, languages)
        rules = challenges.rules_of(tenant)
        open_configs = [
            config
            for cid in sorted(rules, key=lambda c: challenges.sort_key(rules[c]))
            if rules[cid].active
            and not _ended(rules[cid], now)
            and isinstance(config := tenant.get("challenges", cid), Challenge)
        ]
        sets = tenant.all("inventory")
        return {
            "metrics": [
                {
                    "id": m.id,
                    "title": text(m.title),
                    "media": m.media,
                    "defaultValue": m.defaultValue,
                    "minimumValue": m.minimumValue,
                    "maximumValue": m.maximumValue,
                }
                for m in metrics.all_definitions(tenant)
            ],
            "inventory": [
                {
                    "id": s.id,
                    "title": text(s.title),
                    "items": [{"id": i.id, "title": text(i.title), "media": i.media} for i in s.items],
                }
                for s in (sets[k] for k in sorted(sets))
            ],
            "challenges": [challenge_config_view(c, text) for c in open_configs],
        }

    return await run_read(services, principal, work)


async def profile(tx: Tx) -> dict[str, Any]:
    """Metrics, inventory and challenge standing; creates the (empty) profile when missing."""
    user_id = subject_of(tx.principal)
    user_pk = await resolve_user(tx, user_id, create=True)
    for metric in metrics.all_definitions(tx.tenant):
        await metrics.open_balance(tx, user_pk, metric.id)
    rows = await challenge_repo.states_of_user(tx.conn, user_pk)
    standing = {}
    for item in challenges.visible_challenges(tx.tenant, rows, tx.now):
        if item.config.challengeId not in rows:  # never touched: seed 001's new profile is empty
            continue
        held = item.state.missions
        done = {m.mission_id for m in item.rule.missions if held.get(m.mission_id, 0) >= m.goal}
        standing[item.config.challengeId] = {
            "isCompleted": core.is_completed(item.rule, item.state),
            "missionsCompleted": [m.id for m in item.config.missions if m.id in done],
        }
    return {
        "metrics": await metrics.balances(tx.conn, tx.tenant, user_pk),
        "inventory": await inventory.holdings(tx.conn, tx.tenant, user_pk),
        "challenges": standing,
    }


async def history(
    services: Services, principal: Principal, *, from_ts: int | None, to_ts: int | None
) -> list[dict[str, Any]]:
    """The user's transactions between ``from`` and ``to`` (inclusive), oldest first."""
    user_id = subject_of(principal)
    if from_ts is not None and to_ts is not None and from_ts > to_ts:
        raise invalid("to", "'to' must not be before 'from'")

    async def work(conn: AsyncConnection, tenant: TenantConfig) -> list[dict[str, Any]]:
        pk = await user_repo.find_pk(conn, tenant.id, user_id)
        if pk is None:
            return []
        rows = await transaction_repo.list_for_user(conn, pk, from_ts=from_ts, to_ts=to_ts, limit=MAX_HISTORY)
        lines = await ledger_history.lines_between(
            conn, pk, from_ts=from_ts, to_ts=to_ts, leave_out=transactions.NOT_IN_HISTORY, limit=MAX_HISTORY
        )
        logged = {line["id"]: _logged_event_of(line) for line in lines}
        names = await ledger_history.event_ids(conn, (i for i in logged.values() if i is not None))
        merged = [
            ((int(r["ts"]), 1, int(r["id"])), transactions.view(r)) for r in rows
        ]  # at one instant the points of the event come before the challenge they complete
        for line in lines:
            number = logged[line["id"]]
            event_id = names.get(number) if number is not None else None
            merged.append(
                ((int(line["created_at"]), 0, int(line["id"])), transactions.ledger_view(line, event_id))
            )
        merged.sort(key=lambda item: item[0])
        return [item for _, item in merged[:MAX_HISTORY]]

    return await run_read(services, principal, work)
