"""The Audience transaction history: every achievement and reward, with what it changed.

Payloads use seed 001's shape (``challengeId``, ``missionId``, ``metricChanges``,
``inventoryChanges``, ``milestoneChanges``). Challenges and missions record a transaction row
(``record``); every other change of a balance — points earned by an event or action, a streak
milestone, a survey, a redemption, an expiry, an adjustment — is read from its ledger line
(``ledger_view``), so the event path writes nothing more for the history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from loyalty.app.gamification.inventory import ItemRef
from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger.metrics import MetricChange
from loyalty.app.ledger.ports import HistoryLineRow
from loyalty.storage.gamification import transactions as transaction_repo


@dataclass
class Changes:
    """What one achievement changed for the user, rendered as seed 001 payload fields."""

    metrics: list[MetricChange] = field(default_factory=list)
    received: list[ItemRef] = field(default_factory=list)
    lost: list[ItemRef] = field(default_factory=list)

    def payload_fields(self) -> dict[str, Any]:
        return {
            "metricChanges": {
                c.metric: {"oldValue": c.old_value, "newValue": c.new_value} for c in self.metrics
            },
            "inventoryChanges": {
                "received": [{"setId": i.set_id, "itemId": i.item_id} for i in self.received],
                "lost": [{"setId": i.set_id, "itemId": i.item_id} for i in self.lost],
            },
        }


async def record(tx: Tx, user_pk: int, *, type: str, payload: dict[str, Any]) -> int:
    return await transaction_repo.insert(
        tx.conn, tenant_id=tx.tenant.id, user_pk=user_pk, type=type, payload=payload, ts=tx.now
    )


def view(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": str(row["id"]), "timestamp": row["ts"], "type": row["type"], "payload": row["payload"]}


NOT_IN_HISTORY = ("challenge", "default")
"""Ledger sources the history does not list line by line: challenge rewards are inside their
``missionCompleted``/``challengeCompleted`` transaction, a metric's opening balance is no change."""
LEDGER_PREFIX = "ledger-"
"""History ids of ledger lines (the same id as the notification of points earned by an event)."""
_ID_FIELDS = {
    "event": "eventId",
    "event_reversal": "eventId",
    "offer": "offerId",
    "survey": "surveyId",
    "streak": "streakId",
}


def ledger_type(line: HistoryLineRow) -> str:
    if int(line["amount"]) > 0:
        return "pointsEarned"
    if line["source"] == "offer":
        return "pointsRedeemed"
    if line["kind"] == "expiry":
        return "pointsExpired"
    if line["kind"] == "reversal":
        return "pointsReversed"
    return "pointsDeducted"


def ledger_view(line: HistoryLineRow, event_id: str | None) -> dict[str, Any]:
    """One ledger line as a history transaction: what moved, from where, in seed 001's payload."""
    source = str(line["source"])
    payload: dict[str, Any] = {"source": source}
    field_name = _ID_FIELDS.get(source)
    if field_name == "eventId":
        payload[field_name] = event_id
    elif field_name is not None and line["reference"] is not None:
        payload[field_name] = str(line["reference"]).split("#")[0]  # streaks: "<streakId>#<count>"
    amount, after = int(line["amount"]), int(line["balance_after"])
    change = MetricChange(metric=str(line["metric"]), old_value=after - amount, new_value=after)
    payload.update(Changes(metrics=[change]).payload_fields())
    return {
        "id": f"{LEDGER_PREFIX}{line['id']}",
        "timestamp": int(line["created_at"]),
        "type": ledger_type(line),
        "payload": payload,
    }
