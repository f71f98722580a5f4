"""The Audience transaction history: every achievement and reward, with what it changed.

Recorded payloads use seed 001's shape (``challengeId``, ``missionId``, ``metricChanges``,
``inventoryChanges``, ``milestoneChanges``), the one their notifications carry. Challenges and
missions record a transaction row (``record``); every other change of a balance — points earned
by an event or action, a streak milestone, a survey, a redemption, an expiry, an adjustment — is
read from its ledger line (``ledger_entry``), so the event path writes nothing more for the
history. Reads return :data:`HistoryEntry` read models; the Audience dialect writes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from loyalty.app.gamification.inventory import ItemRef
from loyalty.app.gamification.ports import TransactionRow
from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger.metrics import MetricChange
from loyalty.app.ledger.ports import HistoryLineRow


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
    return await tx.store.transactions.insert(
        tenant_id=tx.tenant.id, user_pk=user_pk, type=type, payload=payload, ts=tx.now
    )


@dataclass(frozen=True)
class RecordedEntry:
    """An achievement recorded when it happened."""

    id: str
    timestamp: int
    type: str
    """``challengeCompleted`` or ``missionCompleted``."""
    payload: dict[str, Any]
    """As recorded (and notified), in seed 001's payload shape."""


@dataclass(frozen=True)
class LedgerEntry:
    """A change of a balance, read from its ledger line."""

    id: str
    """``ledger-<line id>``, the id of the line's notification too."""
    timestamp: int
    type: str
    """``pointsEarned``, ``pointsRedeemed``, ``pointsExpired``, ``pointsReversed`` or ``pointsDeducted``."""
    source: str
    """The ledger line's source (``event``, ``offer``, ``survey``, ``streak``, …)."""
    reference: str | None
    """What moved the balance: the event id of an event's credit or reversal (None when the
    logged event is gone), else the id in the line's reference (a streak's without its count)."""
    change: MetricChange


HistoryEntry = RecordedEntry | LedgerEntry
"""One transaction of the history."""


def recorded_entry(row: TransactionRow) -> RecordedEntry:
    return RecordedEntry(id=str(row["id"]), timestamp=row["ts"], type=row["type"], payload=row["payload"])


NOT_IN_HISTORY = ("challenge", "default")
"""Ledger sources the history does not list line by line: challenge rewards are inside their
``missionCompleted``/``challengeCompleted`` transaction, a metric's opening balance is no change."""
LEDGER_PREFIX = "ledger-"
"""History ids of ledger lines (the same id as the notification of points earned by an event)."""
EVENT_SOURCES = ("event", "event_reversal")


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


def ledger_entry(line: HistoryLineRow, event_id: str | None) -> LedgerEntry:
    """One ledger line as a history transaction: what moved, and from where."""
    source = str(line["source"])
    if source in EVENT_SOURCES:
        reference = event_id
    elif line["reference"] is not None:
        reference = str(line["reference"]).split("#")[0]  # streaks: "<streakId>#<count>"
    else:
        reference = None
    amount, after = int(line["amount"]), int(line["balance_after"])
    return LedgerEntry(
        id=f"{LEDGER_PREFIX}{line['id']}",
        timestamp=int(line["created_at"]),
        type=ledger_type(line),
        source=source,
        reference=reference,
        change=MetricChange(metric=str(line["metric"]), old_value=after - amount, new_value=after),
    )
