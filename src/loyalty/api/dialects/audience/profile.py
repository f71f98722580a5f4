"""Seed 001 reads of the signed-in user: loyalty configuration, rewards profile, history."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from loyalty.api.routing import Call, Endpoint, Query, Reply
from loyalty.app.gamification import transactions
from loyalty.app.gamification.challenge_config import Challenge, Notification, effective_rewards
from loyalty.app.kernel.texts import Text, accepted_languages, localized
from loyalty.app.kernel.validation import MAX_SAFE_INTEGER, is_whole
from loyalty.app.users import audience_profile
from loyalty.core.errors import invalid

TAGS = ("Audience: loyalty",)


def ok(data: Any) -> Reply:
    return Reply({"message": "OK", "data": data})


class Texts:
    """Picks one language for plain-text fields (Accept-Language first, then the tenant default)."""

    def __init__(self, default_language: str, languages: Sequence[str]) -> None:
        self.languages = list(languages)
        self.default = default_language

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


def programme_data(view: audience_profile.ProgrammeView, languages: Sequence[str]) -> dict[str, Any]:
    """Seed 001's loyalty configuration: plain texts in the caller's language."""
    text = Texts(view.default_language, languages)
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
            for m in view.metrics
        ],
        "inventory": [
            {
                "id": s.id,
                "title": text(s.title),
                "items": [{"id": i.id, "title": text(i.title), "media": i.media} for i in s.items],
            }
            for s in view.inventory
        ],
        "challenges": [challenge_config_view(c, text) for c in view.challenges],
    }


def profile_data(view: audience_profile.ProfileView) -> dict[str, Any]:
    return {
        "metrics": view.metrics,
        "inventory": view.inventory,
        "challenges": {
            cid: {"isCompleted": standing.completed, "missionsCompleted": standing.missions_completed}
            for cid, standing in view.challenges.items()
        },
    }


_ID_FIELDS = {
    "event": "eventId",
    "event_reversal": "eventId",
    "offer": "offerId",
    "survey": "surveyId",
    "streak": "streakId",
}
"""The payload field that names what moved a balance, by ledger source."""


def history_item(entry: transactions.HistoryEntry) -> dict[str, Any]:
    """One transaction of the history in seed 001's shape."""
    if isinstance(entry, transactions.RecordedEntry):
        payload = entry.payload
    else:
        payload = {"source": entry.source}
        field_name = _ID_FIELDS.get(entry.source)
        if field_name is not None and (field_name == "eventId" or entry.reference is not None):
            payload[field_name] = entry.reference
        change = entry.change
        payload["metricChanges"] = {
            change.metric: {"oldValue": change.old_value, "newValue": change.new_value}
        }
        payload["inventoryChanges"] = {"received": [], "lost": []}
    return {"id": entry.id, "timestamp": entry.timestamp, "type": entry.type, "payload": payload}


def parse_ms(value: str | None, field: str) -> int | None:
    if value is None or value == "":
        return None
    if not is_whole(value) or abs(int(value)) > MAX_SAFE_INTEGER:
        raise invalid(field, f"'{field}' must be a timestamp in epoch milliseconds")
    return int(value)


async def get_config(call: Call) -> Reply:
    languages = accepted_languages(call.request.headers.get("accept-language"))
    return ok(programme_data(await audience_profile.programme(call.services, call.principal), languages))


async def get_profile(call: Call) -> Reply:
    assert call.tx is not None
    return ok(profile_data(await audience_profile.profile(call.tx)))


async def get_history(call: Call) -> Reply:
    entries = await audience_profile.history(
        call.services,
        call.principal,
        from_ts=parse_ms(call.query.get("from"), "from"),
        to_ts=parse_ms(call.query.get("to"), "to"),
    )
    return ok([history_item(entry) for entry in entries])


ENDPOINTS = [
    Endpoint(
        "GET",
        "/config",
        get_config,
        "Get the loyalty configuration: metrics, inventory, challenges with missions and rewards",
        responses={200: dict[str, Any]},
        tags=TAGS,
        operation_id="getAudienceConfig",
    ),
    Endpoint(
        "GET",
        "/profile",
        get_profile,
        "Get the user's rewards profile (created empty when missing)",
        write=True,
        responses={200: dict[str, Any]},
        tags=TAGS,
        operation_id="getAudienceProfile",
    ),
    Endpoint(
        "GET",
        "/history",
        get_history,
        "Get the user's transaction history, oldest first",
        responses={200: dict[str, Any]},
        query={"from": Query("epoch ms, inclusive", int), "to": Query("epoch ms, inclusive", int)},
        tags=TAGS,
        operation_id="getAudienceHistory",
    ),
]
