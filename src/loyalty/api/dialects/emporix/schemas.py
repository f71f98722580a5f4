"""Wire shapes of the Emporix-style face (seed 003) and their mapping from the app's views.

Instants are ISO 8601 strings here; the domain keeps epoch milliseconds.
"""

from __future__ import annotations

from typing import Any

import msgspec

from loyalty.app.catalog import OfferView
from loyalty.app.points import NewPoints, PointsEntryView, PointsSummaryView
from loyalty.core.errors import invalid
from loyalty.core.timeutil import iso_utc, parse_iso_ms


class AddedPoints(msgspec.Struct, forbid_unknown_fields=True):
    """The ``addedPoints`` object: body of ``addPoints`` and ``startPoints`` of a new customer.
    ``createdAt``, ``allPointsAfterCreation``, ``usedPoints`` and ``usedWith`` are read-only:
    accepted (a client may echo an entry back) and ignored."""

    points: int
    id: str | None = None
    reference_id: str | None = msgspec.field(default=None, name="reference-id")
    description: str | None = None
    createdAt: str | None = None
    validUntil: str | None = None
    allPointsAfterCreation: int | None = None
    usedPoints: int | None = None
    usedWith: list[str] | None = None


class RedeemedPoints(msgspec.Struct, forbid_unknown_fields=True):
    points: int
    id: str | None = None
    description: str | None = None
    createdAt: str | None = None
    allPointsAfterCreation: int | None = None


class NewCustomer(msgspec.Struct, forbid_unknown_fields=True):
    customerId: str | None = None
    startPoints: AddedPoints | None = None


class RedeemRequest(msgspec.Struct, forbid_unknown_fields=True):
    id: str


class RedeemOptionBody(msgspec.Struct, forbid_unknown_fields=True):
    type: str
    name: str
    points: int
    id: str | None = None
    description: str | None = None
    coupon: dict[str, Any] | None = None
    pointsAfterCoupon: int | None = None
    metadata: dict[str, Any] | None = None


class PointsEntry(msgspec.Struct):
    id: str
    reference_id: str | None = msgspec.field(name="reference-id")
    description: str | None
    points: int
    createdAt: str
    validUntil: str | None
    allPointsAfterCreation: int
    usedPoints: int
    usedWith: list[str]
    siteCode: str | None


class Summary(msgspec.Struct):
    addedPoints: list[PointsEntry]
    redeemedPoints: list[PointsEntry]
    expiredPoints: list[PointsEntry]
    reversedPoints: list[PointsEntry]
    totalAddedPoints: int
    totalRedeemedPoints: int
    totalExpiredPoints: int
    totalReversedPoints: int


class CustomerSummary(msgspec.Struct):
    customerId: str
    activePoints: int
    summary: Summary


class RedeemOption(msgspec.Struct, omit_defaults=True):
    id: str
    type: str
    name: str
    points: int
    metadata: dict[str, Any]
    description: str | None = None
    coupon: dict[str, Any] | None = None
    pointsAfterCoupon: int | None = None


class CouponCode(msgspec.Struct):
    code: str


def parse_instant(value: str | None, field: str) -> int | None:
    if value is None:
        return None
    try:
        return parse_iso_ms(value)
    except ValueError:
        raise invalid(field, f"'{field}' must be an ISO 8601 date-time") from None


def new_points(body: AddedPoints, *, site_code: str | None, field: str = "") -> NewPoints:
    return NewPoints(
        points=body.points,
        valid_until=parse_instant(body.validUntil, f"{field}validUntil"),
        reference=body.reference_id,
        description=body.description,
        entry_key=body.id,
        site_code=site_code,
    )


def entry(view: PointsEntryView) -> PointsEntry:
    return PointsEntry(
        id=view.id,
        reference_id=view.reference,
        description=view.description,
        points=view.points,
        createdAt=iso_utc(view.created_at),
        validUntil=None if view.valid_until is None else iso_utc(view.valid_until),
        allPointsAfterCreation=view.balance_after,
        usedPoints=view.used_points,
        usedWith=view.used_with,
        siteCode=view.site_code,
    )


def summary(view: PointsSummaryView) -> CustomerSummary:
    return CustomerSummary(
        customerId=view.user_id,
        activePoints=view.active,
        summary=Summary(
            addedPoints=[entry(e) for e in view.added],
            redeemedPoints=[entry(e) for e in view.redeemed],
            expiredPoints=[entry(e) for e in view.expired],
            reversedPoints=[entry(e) for e in view.reversed],
            totalAddedPoints=sum(e.points for e in view.added),
            totalRedeemedPoints=sum(e.points for e in view.redeemed),
            totalExpiredPoints=sum(e.points for e in view.expired),
            totalReversedPoints=sum(e.points for e in view.reversed),
        ),
    )


def redeem_option(view: OfferView) -> RedeemOption:
    offer = view.offer
    return RedeemOption(
        id=offer.offerId or "",
        type=offer.type,
        name=offer.title or "",
        points=offer.points,
        description=offer.description,
        coupon=offer.coupon,
        pointsAfterCoupon=offer.pointsAfterCoupon,
        metadata={**(offer.metadata or {}), "version": view.version},
    )


def offer_fields(body: RedeemOptionBody) -> tuple[dict[str, Any], int | None]:
    """The catalog fields this face sets, and the ``metadata.version`` the client last saw."""
    metadata = dict(body.metadata or {})
    version = metadata.pop("version", None)
    if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
        raise invalid("metadata.version", "'metadata.version' must be an integer")
    fields: dict[str, Any] = {
        "type": body.type,
        "title": body.name,
        "points": body.points,
        "description": body.description,
        "coupon": body.coupon,
        "pointsAfterCoupon": body.pointsAfterCoupon,
        "metadata": metadata or None,
    }
    if body.id is not None:
        fields["offerId"] = body.id
    return fields, version
