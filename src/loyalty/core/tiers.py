"""Milestones (tiers): which threshold of a metric a value has reached, and whether that changed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Tier:
    id: str
    threshold: int


def tier_for(value: int, tiers: Sequence[Tier]) -> str | None:
    """The id of the highest tier whose threshold ``value`` reaches (tiers sorted ascending);
    None below the first threshold."""
    reached: str | None = None
    for tier in tiers:
        if value >= tier.threshold:
            reached = tier.id
        else:
            break
    return reached


@dataclass(frozen=True)
class TierChange:
    old: str | None
    new: str | None

    def as_payload(self) -> dict[str, str | None]:
        """One entry of seed 001 ``milestoneChanges``: ``{"oldValue": …, "newValue": …}``."""
        return {"oldValue": self.old, "newValue": self.new}


def change(previous: str | None, value: int, tiers: Sequence[Tier]) -> TierChange | None:
    """The crossing (up or down) from ``previous`` to the tier of ``value``, or None."""
    current = tier_for(value, tiers)
    return None if current == previous else TierChange(old=previous, new=current)
