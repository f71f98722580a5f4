"""Metrics: ``points`` and the tenant's own counters (gems, XP, …), each with its own ledger.

A metric's balance lives in the ledger tables under ``metric=<id>`` and changes only through
``app.ledger.ledger``. A definition adds a title, a default (the opening balance of every user) and bounds:
a credit is clamped to ``maximumValue``; a debit never goes below ``minimumValue``.
"""

from __future__ import annotations

from dataclasses import dataclass

import msgspec

from loyalty.app.kernel.store import Store
from loyalty.app.kernel.texts import Text
from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger import ledger
from loyalty.app.tenancy.config_kinds import ConfigKind
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core.errors import ErrorCode, LoyaltyError, invalid

POINTS = "points"


class Metric(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    title: Text | None = None
    media: str | None = None
    defaultValue: int = 0
    minimumValue: int = 0
    maximumValue: int | None = None


def check_metric(value: Metric) -> None:
    if value.defaultValue < 0:
        raise invalid("defaultValue", "'defaultValue' must not be negative")
    if value.defaultValue < value.minimumValue:
        raise invalid("defaultValue", "'defaultValue' must not be below 'minimumValue'")
    if value.maximumValue is not None:
        if value.maximumValue < value.minimumValue:
            raise invalid("maximumValue", "'maximumValue' must not be below 'minimumValue'")
        if value.defaultValue > value.maximumValue:
            raise invalid("defaultValue", "'defaultValue' must not be above 'maximumValue'")
    if value.id == POINTS and value.minimumValue != 0:
        raise invalid("minimumValue", "'minimumValue' of 'points' is always 0")


CONFIG_KIND = ConfigKind(
    name="metrics",
    schema=Metric,
    id_field="id",
    check=check_metric,
    description="Counters besides points, each with its own ledger and balance.",
)
"""Registered at start-up by :func:`loyalty.app.features.load`."""


@dataclass(frozen=True)
class MetricChange:
    metric: str
    old_value: int
    new_value: int


def definition(tenant: TenantConfig, metric: str) -> Metric:
    """The metric's definition; ``points`` and undefined ids are unbounded from 0 upwards."""
    found = tenant.get("metrics", metric)
    return found if isinstance(found, Metric) else Metric(id=metric)


def all_definitions(tenant: TenantConfig) -> list[Metric]:
    """``points`` first (always there), then the tenant's metrics by id."""
    defined: dict[str, Metric] = dict(tenant.all("metrics"))
    points = defined.pop(POINTS, Metric(id=POINTS, title="Points"))
    return [points, *(defined[k] for k in sorted(defined))]


async def open_balance(tx: Tx, user_pk: int, metric: str) -> int:
    """Lock the user's balance row of ``metric`` (opening it at the default) and return it."""
    if await tx.store.metric_balances.open_if_absent(
        tenant_id=tx.tenant.id, user_pk=user_pk, metric=metric, now=tx.now
    ):
        default = definition(tx.tenant, metric).defaultValue
        if default > 0:
            await ledger.credit(
                tx, user_pk, default, source="default", metric=metric, description="opening balance"
            )
    balance = await tx.store.metric_balances.locked_balance(user_pk, metric)
    assert balance is not None
    return balance


async def change(
    tx: Tx, user_pk: int, metric: str, quantity: int, *, source: str, reference: str | None
) -> MetricChange | None:
    """Add (or, negative, take) ``quantity`` within the metric's bounds; None when nothing moved."""
    spec = definition(tx.tenant, metric)
    before = await open_balance(tx, user_pk, metric)
    if quantity > 0:
        room = quantity if spec.maximumValue is None else min(quantity, spec.maximumValue - before)
        if room <= 0:
            return None
        posting = await ledger.credit(tx, user_pk, room, source=source, metric=metric, reference=reference)
    else:
        available = min(-quantity, before - spec.minimumValue)
        if available <= 0:
            return None
        try:
            posting = await ledger.debit(
                tx, user_pk, available, source=source, metric=metric, reference=reference
            )
        except LoyaltyError as refused:
            # The ledger's own floor is stricter than this metric's (refused before any write).
            if refused.code is ErrorCode.INSUFFICIENT_POINTS:
                return None
            raise
    return MetricChange(metric=metric, old_value=before, new_value=posting.balance_after)


async def balances(store: Store, tenant: TenantConfig, user_pk: int | None) -> dict[str, int]:
    """Every defined metric's balance (the default where the user has no row yet)."""
    held = {} if user_pk is None else await store.metric_balances.balances_of_user(user_pk)
    return {m.id: held.get(m.id, m.defaultValue) for m in all_definitions(tenant)}
