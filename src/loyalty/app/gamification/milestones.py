"""Milestones (tiers): the ``milestones`` config kind and detecting a user's tier crossings.

A milestone set measures one metric, either the current balance (can go down) or the lifetime
earned (only goes up), against ordered thresholds. After an activity's points are credited the
user's tier in every set is recomputed; a change (up or down) is stored with a conditional update
(so it is reported exactly once) and produces a ``milestoneChanged`` notification whose payload
carries seed 001's ``milestoneChanges``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

import msgspec

from loyalty.app.kernel.uow import Tx
from loyalty.app.messaging import notifications, outbox
from loyalty.app.tenancy.config_kinds import ConfigKind
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core import tiers as core
from loyalty.core.errors import invalid

Text = str | dict[str, str] | None
MAX_TIER_MULTIPLIER = 10


class Milestone(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    threshold: int
    title: Text = None
    image: str | None = None
    multiplier: float | None = None
    """Members of this tier earn the events' own points times this (gold 1.5×); see campaigns.md."""


class MilestoneSet(msgspec.Struct, forbid_unknown_fields=True):
    """Admin kind ``milestones``: e.g. bronze/silver/gold on lifetime points."""

    id: str
    milestones: list[Milestone]
    """Ordered by ascending ``threshold``."""
    metric: str = "points"
    basis: Literal["balance", "lifetime"] = "lifetime"
    title: Text = None
    version: int | None = None


def check_set(value: MilestoneSet) -> None:
    if not value.milestones:
        raise invalid("milestones", "'milestones' needs at least one threshold")
    ids = [m.id for m in value.milestones]
    if any(not i for i in ids) or len(set(ids)) != len(ids):
        raise invalid("milestones", "'milestones' ids must be non-empty and unique")
    previous = -1
    for m in value.milestones:
        if m.threshold < 0:
            raise invalid("milestones", f"'milestones' thresholds must not be negative ({m.id})")
        if m.threshold <= previous:
            raise invalid("milestones", "'milestones' must be ordered by strictly ascending threshold")
        previous = m.threshold
        if m.multiplier is not None and not 1 <= m.multiplier <= MAX_TIER_MULTIPLIER:
            raise invalid("milestones", f"'milestones' multiplier of '{m.id}' must be between 1 and 10")
    if not value.metric:
        raise invalid("metric", "'metric' is required")


@dataclass(frozen=True)
class CompiledSet:
    set_id: str
    metric: str
    basis: str
    tiers: tuple[core.Tier, ...]
    multipliers: dict[str, Decimal] = field(default_factory=dict)
    """Tier id -> its members' multiplier (only tiers that carry one)."""


def compile_set(value: MilestoneSet) -> CompiledSet:
    return CompiledSet(
        set_id=value.id,
        metric=value.metric,
        basis=value.basis,
        tiers=tuple(core.Tier(id=m.id, threshold=m.threshold) for m in value.milestones),
        multipliers={
            m.id: Decimal(str(m.multiplier))
            for m in value.milestones
            if m.multiplier is not None and m.multiplier != 1
        },
    )


def tier_multipliers(tenant: TenantConfig) -> dict[tuple[str, str], Decimal]:
    """(set, tier) -> multiplier of every tier that carries one (the event decision's input)."""
    sets: dict[str, CompiledSet] = tenant.all_compiled("milestones")
    return {(s.set_id, tier): m for s in sets.values() for tier, m in s.multipliers.items()}


CONFIG_KIND = ConfigKind(
    name="milestones",
    schema=MilestoneSet,
    id_field="id",
    check=check_set,
    compile=compile_set,
    description="Milestones/tiers: thresholds on a metric's balance or lifetime earned.",
    related=["metrics"],
)
"""Registered at start-up by :func:`loyalty.app.features.load`."""


async def reevaluate(tx: Tx, user_pk: int) -> dict[str, dict[str, str | None]]:
    """Recompute the user's tier in every set; returns (and notifies) the crossings.

    Call after anything that changed the user's balances in this transaction.
    """
    sets: list[CompiledSet] = list(tx.tenant.all_compiled("milestones").values())
    if not sets:
        return {}
    values = await tx.store.milestones.balances_of(user_pk, sorted({s.metric for s in sets}))
    stored = await tx.store.milestones.tiers_of(user_pk)
    changes: dict[str, dict[str, str | None]] = {}
    for s in sets:
        balance, lifetime = values.get(s.metric, (0, 0))
        crossing = core.change(stored.get(s.set_id), balance if s.basis == "balance" else lifetime, s.tiers)
        if crossing is None:
            continue
        if s.set_id in stored:
            moved = await tx.store.milestones.move_tier(
                user_pk=user_pk, set_id=s.set_id, old=crossing.old, new=crossing.new, now=tx.now
            )
        else:
            moved = await tx.store.milestones.claim_first_tier(
                tenant_id=tx.tenant.id,
                user_pk=user_pk,
                set_id=s.set_id,
                tier_id=crossing.new,
                now=tx.now,
            )
        if moved:
            changes[s.set_id] = crossing.as_payload()
    if changes:
        await notifications.notify(
            tx,
            user_pk,
            type="milestoneChanged",
            payload={"milestoneChanges": changes},
            title={"en": "Milestone changed", "de": "Meilenstein erreicht"},
            section="rewards",
        )
        await outbox.publish_for(tx, "milestone.changed", {"milestoneChanges": changes}, user_pk=user_pk)
    return changes
