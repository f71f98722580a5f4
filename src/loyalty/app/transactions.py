"""The Audience transaction history: every achievement and reward, with what it changed.

Payloads use seed 001's shape (``challengeId``, ``missionId``, ``metricChanges``,
``inventoryChanges``, ``milestoneChanges``); other features record theirs with ``record``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from loyalty.app.inventory import ItemRef
from loyalty.app.metrics import MetricChange
from loyalty.app.uow import Tx
from loyalty.storage.repositories import transactions as transaction_repo


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
