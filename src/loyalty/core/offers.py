"""Whether a user can redeem an offer: every reason that applies, not only the first."""

from __future__ import annotations

from dataclasses import dataclass

NOT_ACTIVE = "NOT_ACTIVE"
NOT_YET_VALID = "NOT_YET_VALID"
EXPIRED = "EXPIRED"
NOT_ENOUGH_POINTS = "NOT_ENOUGH_POINTS"
OUT_OF_STOCK = "OUT_OF_STOCK"
LIMIT_REACHED = "LIMIT_REACHED"

MESSAGES = {
    NOT_ACTIVE: "the offer is not active",
    NOT_YET_VALID: "the offer is not valid yet",
    EXPIRED: "the offer has expired",
    NOT_ENOUGH_POINTS: "not enough points",
    OUT_OF_STOCK: "the offer is out of stock",
    LIMIT_REACHED: "the user has reached the offer's per-user limit",
}


@dataclass(frozen=True)
class OfferState:
    """The facts one check needs: the offer's rules and the counters read for this user."""

    active: bool
    valid_from: int | None
    valid_until: int | None
    cost: int
    balance: int
    stock: int | None
    issued: int
    per_user_limit: int | None
    user_count: int
    pool_free: int | None
    """Free codes left when the offer hands out pool codes (None: codes come from a pattern)."""


def time_reasons(active: bool, valid_from: int | None, valid_until: int | None, now: int) -> list[str]:
    out: list[str] = []
    if not active:
        out.append(NOT_ACTIVE)
    if valid_from is not None and now < valid_from:
        out.append(NOT_YET_VALID)
    if valid_until is not None and now >= valid_until:
        out.append(EXPIRED)
    return out


def reasons(state: OfferState, now: int) -> list[str]:
    out = time_reasons(state.active, state.valid_from, state.valid_until, now)
    if state.balance < state.cost:
        out.append(NOT_ENOUGH_POINTS)
    if (state.stock is not None and state.issued >= state.stock) or state.pool_free == 0:
        out.append(OUT_OF_STOCK)
    if state.per_user_limit is not None and state.user_count >= state.per_user_limit:
        out.append(LIMIT_REACHED)
    return out
