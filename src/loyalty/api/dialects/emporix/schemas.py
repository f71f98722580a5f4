"""Wire shapes of the Emporix-style face and their mapping from the app's views.

The shapes are those of the vendor's published OpenAPI document (``addedPoints``,
``redeemedPoints``, ``customerSummary``, ``pointsSummaryOut``, ``redeemOption``, ``coupon``,
``redeemCouponOut``): the same field names and types, optional fields left out rather than sent as
``null`` where the vendor's schema does not allow ``null``. What we know beyond them (expired and
reversed points, totals, ``siteCode``) travels in extra fields only. Request bodies are held to the
same schemas (types, required fields, patterns, ranges, enums); anything else is a 400 naming the
field. Instants are ISO 8601 strings here; the domain keeps epoch milliseconds.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec
from msgspec import UNSET, Meta, UnsetType

from loyalty.app.kernel.validation import MAX_SAFE_INTEGER
from loyalty.app.ledger.points import NewPoints, PointsEntryView, PointsSummaryView
from loyalty.app.offers.catalog import OfferView
from loyalty.core.errors import invalid
from loyalty.core.timeutil import iso_utc, parse_iso_ms

Amount = Annotated[float, Meta(ge=0, le=MAX_SAFE_INTEGER)]
Percentage = Annotated[float, Meta(ge=0, le=100)]
Currency = Annotated[str, Meta(pattern="^[a-zA-Z]{3}$")]
"""ISO 4217 code, as the vendor's ``Money Amount`` pattern has it."""
Count = Annotated[float, Meta(ge=-1, le=MAX_SAFE_INTEGER)]
"""The vendor's ``number`` for redemption counts: whole, -1 meaning unlimited."""


# --- requests -------------------------------------------------------------------------------


class AddedPoints(msgspec.Struct, forbid_unknown_fields=True):
    """``addedPoints``: body of ``addPoints`` and ``startPoints`` of a new customer.
    ``createdAt``, ``allPointsAfterCreation``, ``usedPoints`` and ``usedWith`` are read-only:
    validated (a client may echo an entry back) and ignored."""

    points: int
    id: str | UnsetType = UNSET
    reference_id: str | UnsetType | None = msgspec.field(default=UNSET, name="reference-id")
    description: str | UnsetType = UNSET
    createdAt: str | UnsetType = UNSET
    validUntil: str | UnsetType = UNSET
    allPointsAfterCreation: int | UnsetType = UNSET
    usedPoints: int | UnsetType = UNSET
    usedWith: list[str] | UnsetType = UNSET


class RedeemedPoints(msgspec.Struct, forbid_unknown_fields=True):
    """``redeemedPoints``: body of ``redeemPoints``; ``createdAt`` and ``allPointsAfterCreation``
    are read-only (validated and ignored)."""

    points: int
    id: str | UnsetType = UNSET
    description: str | UnsetType = UNSET
    createdAt: str | UnsetType = UNSET
    allPointsAfterCreation: int | UnsetType = UNSET


class NewCustomer(msgspec.Struct, forbid_unknown_fields=True):
    """``newCustomerIn``."""

    customerId: str | UnsetType = UNSET
    startPoints: AddedPoints | UnsetType = UNSET


class RedeemRequest(msgspec.Struct, forbid_unknown_fields=True):
    """``redeemOptionIn``."""

    id: str


class Money(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """``Money Amount``."""

    amount: Amount | UnsetType = UNSET
    currency: Currency | UnsetType = UNSET


class Restrictions(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    validFor: list[str] | UnsetType = UNSET
    validFrom: str | UnsetType = UNSET
    validUntil: str | UnsetType = UNSET
    minOrderValue: Money | UnsetType = UNSET


class Link(msgspec.Struct, forbid_unknown_fields=True):
    rel: str
    title: str
    href: str
    type: str


class RedeemOptionCoupon(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """The vendor's ``coupon`` ("RedeemOptionCoupon API"): the template copied onto every issued coupon."""

    name: str
    discountType: Literal["PERCENT", "ABSOLUTE", "FREE_SHIPPING"]
    code: str | UnsetType = UNSET
    description: str | UnsetType = UNSET
    discountPercentage: Percentage | UnsetType = UNSET
    discountAbsolute: Money | UnsetType = UNSET
    allowAnonymous: bool | UnsetType = UNSET
    maxRedemptions: Count | UnsetType = UNSET
    maxRedemptionsPerCustomer: Count | UnsetType = UNSET
    restrictions: Restrictions | UnsetType = UNSET
    issuedTo: str | UnsetType = UNSET
    redemptionCount: Annotated[float, Meta(ge=0, le=MAX_SAFE_INTEGER)] | UnsetType = UNSET
    status: Literal["INACTIVE", "VALID", "EXPIRED", "USED"] | UnsetType = UNSET
    links: list[Link] | UnsetType = UNSET
    deleted: bool | UnsetType = UNSET


class OptionMetadata(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """``redeemOption.metadata``: ``version`` is the optimistic-lock version; the timestamps are
    read-only (validated and ignored)."""

    version: int | UnsetType = UNSET
    createdAt: str | UnsetType = UNSET
    modifiedAt: str | UnsetType = UNSET


class RedeemOptionBody(msgspec.Struct, forbid_unknown_fields=True):
    """``redeemOption`` as a request body (create and update)."""

    type: str
    name: str
    points: int
    id: str | UnsetType = UNSET
    description: str | UnsetType = UNSET
    coupon: RedeemOptionCoupon | UnsetType = UNSET
    pointsAfterCoupon: int | UnsetType = UNSET
    metadata: OptionMetadata | UnsetType = UNSET


# --- responses ------------------------------------------------------------------------------


class PointsEntry(msgspec.Struct):
    """``addedPoints`` as answered (and the extra expired/reversed lists); ``siteCode`` is ours."""

    id: str
    reference_id: str | None = msgspec.field(name="reference-id")
    points: int
    createdAt: str
    allPointsAfterCreation: int
    usedPoints: int
    usedWith: list[str]
    description: str | UnsetType = UNSET
    validUntil: str | UnsetType = UNSET
    siteCode: str | UnsetType = UNSET


class RedeemedEntry(msgspec.Struct):
    """``redeemedPoints`` as answered; ``usedPoints``, ``usedWith`` and ``siteCode`` are ours."""

    id: str
    points: int
    createdAt: str
    allPointsAfterCreation: int
    usedPoints: int
    usedWith: list[str]
    description: str | UnsetType = UNSET
    siteCode: str | UnsetType = UNSET


class Summary(msgspec.Struct):
    """``customerSummary``; the expired and reversed lists and the totals are ours."""

    addedPointsList: list[PointsEntry]
    redeemedPointsList: list[RedeemedEntry]
    expiredPointsList: list[PointsEntry]
    reversedPointsList: list[PointsEntry]
    totalAddedPoints: int
    totalRedeemedPoints: int
    totalExpiredPoints: int
    totalReversedPoints: int


class CustomerSummary(msgspec.Struct):
    """``pointsSummaryOut`` (and each element of ``customerSummaryBatchOut``)."""

    customerId: str
    activePoints: int
    summary: Summary
    pendingPoints: int = 0
    """Points of events still in their return window, not yet in ``activePoints`` (our extra)."""


class RedeemOption(msgspec.Struct):
    """``redeemOption`` as answered."""

    id: str
    type: str
    name: str
    points: int
    metadata: OptionMetadata
    description: str | UnsetType = UNSET
    coupon: RedeemOptionCoupon | UnsetType = UNSET
    pointsAfterCoupon: int | UnsetType = UNSET


class CouponCode(msgspec.Struct):
    """``redeemCouponOut``."""

    code: str


# --- mapping --------------------------------------------------------------------------------


def _given(value: Any) -> Any:
    return None if value is UNSET else value


def _unset_if_none(value: Any) -> Any:
    return UNSET if value is None else value


def parse_instant(value: str | UnsetType | None, field: str) -> int | None:
    if value is None or value is UNSET:
        return None
    assert isinstance(value, str)
    try:
        return parse_iso_ms(value)
    except (ValueError, OverflowError):
        raise invalid(field, f"'{field}' must be an ISO 8601 date-time") from None


def new_points(body: AddedPoints, *, site_code: str | None, field: str = "") -> NewPoints:
    parse_instant(body.createdAt, f"{field}createdAt")
    return NewPoints(
        points=body.points,
        valid_until=parse_instant(body.validUntil, f"{field}validUntil"),
        reference=_given(body.reference_id),
        description=_given(body.description),
        entry_key=_given(body.id),
        site_code=site_code,
    )


def check_redeemed(body: RedeemedPoints) -> None:
    parse_instant(body.createdAt, "createdAt")


def entry(view: PointsEntryView) -> PointsEntry:
    return PointsEntry(
        id=view.id,
        reference_id=view.reference,
        description=_unset_if_none(view.description),
        points=view.points,
        createdAt=iso_utc(view.created_at),
        validUntil=UNSET if view.valid_until is None else iso_utc(view.valid_until),
        allPointsAfterCreation=view.balance_after,
        usedPoints=view.used_points,
        usedWith=view.used_with,
        siteCode=_unset_if_none(view.site_code),
    )


def redeemed_entry(view: PointsEntryView) -> RedeemedEntry:
    return RedeemedEntry(
        id=view.id,
        description=_unset_if_none(view.description),
        points=view.points,
        createdAt=iso_utc(view.created_at),
        allPointsAfterCreation=view.balance_after,
        usedPoints=view.used_points,
        usedWith=view.used_with,
        siteCode=_unset_if_none(view.site_code),
    )


def summary(view: PointsSummaryView) -> CustomerSummary:
    return CustomerSummary(
        customerId=view.user_id,
        activePoints=view.active,
        pendingPoints=view.pending,
        summary=Summary(
            addedPointsList=[entry(e) for e in view.added],
            redeemedPointsList=[redeemed_entry(e) for e in view.redeemed],
            expiredPointsList=[entry(e) for e in view.expired],
            reversedPointsList=[entry(e) for e in view.reversed],
            totalAddedPoints=sum(e.points for e in view.added),
            totalRedeemedPoints=sum(e.points for e in view.redeemed),
            totalExpiredPoints=sum(e.points for e in view.expired),
            totalReversedPoints=sum(e.points for e in view.reversed),
        ),
    )


def stored_coupon(value: Any) -> RedeemOptionCoupon | UnsetType:
    """A stored coupon template as the vendor's ``coupon``; one that is not (written through another
    face, which stores templates free-form) is left out rather than echoed invalid."""
    if value is None:
        return UNSET
    try:
        coupon = msgspec.convert(value, RedeemOptionCoupon)
        check_coupon(coupon)
    except (msgspec.ValidationError, ValueError):
        return UNSET
    return coupon


def redeem_option(view: OfferView) -> RedeemOption:
    offer = view.offer
    return RedeemOption(
        id=offer.offerId or "",
        type=offer.type,
        name=offer.title or "",
        points=offer.points,
        description=_unset_if_none(offer.description),
        coupon=stored_coupon(offer.coupon),
        pointsAfterCoupon=_unset_if_none(offer.pointsAfterCoupon),
        metadata=OptionMetadata(version=view.version),
    )


def _whole(value: float | UnsetType, field: str) -> None:
    if isinstance(value, float) and not value.is_integer():
        raise invalid(field, f"'{field}' must be a whole number")


def check_coupon(coupon: RedeemOptionCoupon, field: str = "coupon") -> None:
    """The rules the vendor's ``coupon`` states in words rather than in its schema."""
    _whole(coupon.maxRedemptions, f"{field}.maxRedemptions")
    _whole(coupon.maxRedemptionsPerCustomer, f"{field}.maxRedemptionsPerCustomer")
    _whole(coupon.redemptionCount, f"{field}.redemptionCount")
    if coupon.discountPercentage is not UNSET and coupon.discountType != "PERCENT":
        raise invalid(
            f"{field}.discountPercentage", f"'{field}.discountPercentage' is only for discountType PERCENT"
        )
    if coupon.discountAbsolute is not UNSET and coupon.discountType != "ABSOLUTE":
        raise invalid(
            f"{field}.discountAbsolute", f"'{field}.discountAbsolute' is only for discountType ABSOLUTE"
        )
    if coupon.allowAnonymous is True and coupon.maxRedemptionsPerCustomer is not UNSET:
        raise invalid(
            f"{field}.maxRedemptionsPerCustomer",
            f"'{field}.maxRedemptionsPerCustomer' cannot be given for a coupon anonymous users can redeem",
        )
    restrictions = coupon.restrictions
    if isinstance(restrictions, Restrictions):
        if coupon.allowAnonymous is True and restrictions.validFor is not UNSET:
            raise invalid(
                f"{field}.restrictions.validFor",
                f"'{field}.restrictions.validFor' cannot be given for a coupon anonymous users can redeem",
            )
        start = parse_instant(restrictions.validFrom, f"{field}.restrictions.validFrom")
        end = parse_instant(restrictions.validUntil, f"{field}.restrictions.validUntil")
        if start is not None:
            restrictions.validFrom = iso_utc(start)
        if end is not None:
            restrictions.validUntil = iso_utc(end)


def _plain_numbers(value: Any) -> Any:
    """Whole floats as integers (``10``, not ``10.0``) in the stored template."""
    if isinstance(value, dict):
        return {k: _plain_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_numbers(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def offer_fields(body: RedeemOptionBody) -> tuple[dict[str, Any], int | None]:
    """The catalog fields this face sets, and the ``metadata.version`` the client last saw."""
    coupon: dict[str, Any] | None = None
    if isinstance(body.coupon, RedeemOptionCoupon):
        check_coupon(body.coupon)
        coupon = _plain_numbers(msgspec.to_builtins(body.coupon))
    metadata = body.metadata if isinstance(body.metadata, OptionMetadata) else OptionMetadata()
    parse_instant(metadata.createdAt, "metadata.createdAt")
    parse_instant(metadata.modifiedAt, "metadata.modifiedAt")
    fields: dict[str, Any] = {
        "type": body.type,
        "title": body.name,
        "points": body.points,
        "description": _given(body.description),
        "coupon": coupon,
        "pointsAfterCoupon": _given(body.pointsAfterCoupon),
    }  # no "metadata": this face's is only the version, the catalog item's own
    if body.id is not UNSET:
        fields["offerId"] = body.id
    return fields, _given(metadata.version)
