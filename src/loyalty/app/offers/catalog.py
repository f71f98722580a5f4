"""The reward catalog: one kind ``offers`` that is the Lynes offer and the Emporix redeem option.

Each face names a few fields differently (``offerId``/``id``, ``title``/``name``); the stored item
keeps one name for each (``offerId``, ``title``) and accepts the other on input. ``version`` is the
config item's version: a write that carries an older one is refused (the Emporix 409 rule).
Stock, per-user limits and code pools belong here too; ``unavailable_reason`` is the one place
that decides whether an offer can be redeemed now.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

import msgspec

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import Tx, run_read
from loyalty.app.tenancy import admin
from loyalty.app.tenancy.config_kinds import ConfigKind
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core.errors import ErrorCode, LoyaltyError, invalid, not_found

if TYPE_CHECKING:
    from loyalty.app.kernel.store import Store

KIND = "offers"


class CouponTemplate(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """What every coupon of the offer gets: texts, validity and where its code comes from."""

    title: str | None = None
    """The coupon's title (the offer's title when absent)."""
    description: str | None = None
    validDays: int | None = None
    """Issued coupons are valid this many days."""
    validUntil: int | None = None
    """Issued coupons are valid until this epoch ms (the earlier end wins with ``validDays``)."""
    codePattern: str | None = None
    """``#`` is a random digit (the tenant's ``couponCodePattern`` when absent)."""
    codePool: bool = False
    """Codes come from the offer's imported pool (``POST /v1/admin/offers/{id}/codes``)."""
    link: str | None = None
    showOnNotification: bool = True


class Offer(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    offerId: str | None = None
    id: str | None = None
    """The Emporix name of ``offerId``; folded into it."""
    type: str = "coupon"
    """``coupon`` (Emporix), ``LOCAL`` or ``ONLINE`` (Lynes feed filter), or any other label."""
    title: str | None = None
    name: str | None = None
    """The Emporix name of ``title``; folded into it."""
    description: str | None = None
    points: int = 0
    """Points a redemption costs."""
    coupon: dict[str, Any] | None = None
    """The coupon template (Emporix "Coupon API" object): copied onto every issued coupon."""
    pointsAfterCoupon: int | None = None
    metadata: dict[str, Any] | None = None
    shopId: str | None = None
    image: str | None = None
    validFrom: int | None = None
    validUntil: int | None = None
    """Epoch ms window in which the offer can be redeemed."""
    couponValidDays: int | None = None
    """Issued coupons are valid this many days (no end when absent)."""
    stock: int | None = None
    perUserLimit: int | None = None
    couponTemplate: CouponTemplate | None = None
    status: Literal["ACTIVE", "INACTIVE"] = "ACTIVE"
    version: int | None = None
    """Accepted from a read shape for the stale-update check; never stored."""


def check_offer(offer: Offer) -> None:
    if offer.id is not None and offer.offerId is not None and offer.id != offer.offerId:
        raise invalid("id", "'id' must match 'offerId'")
    offer.offerId = offer.offerId or offer.id
    offer.title = offer.title or offer.name
    offer.id = offer.name = None
    offer.version = None
    if not offer.title:
        raise invalid("title", "'title' (or 'name') is required")
    if offer.points < 0:
        raise invalid("points", "'points' must not be negative")
    if offer.pointsAfterCoupon is not None and offer.pointsAfterCoupon < 0:
        raise invalid("pointsAfterCoupon", "'pointsAfterCoupon' must not be negative")
    if offer.stock is not None and offer.stock < 0:
        raise invalid("stock", "'stock' must not be negative")
    if offer.perUserLimit is not None and offer.perUserLimit < 1:
        raise invalid("perUserLimit", "'perUserLimit' must be at least 1")
    if offer.couponValidDays is not None and offer.couponValidDays < 1:
        raise invalid("couponValidDays", "'couponValidDays' must be at least 1")
    if offer.validFrom is not None and offer.validUntil is not None and offer.validFrom >= offer.validUntil:
        raise invalid("validUntil", "'validUntil' must be after 'validFrom'")
    if not offer.type.strip() or len(offer.type) > 40:
        raise invalid("type", "'type' must be 1-40 characters (LOCAL, ONLINE or coupon)")
    if offer.couponTemplate is not None:
        check_template(offer.couponTemplate)


def check_template(t: CouponTemplate) -> None:
    if t.validDays is not None and t.validDays < 1:
        raise invalid("couponTemplate.validDays", "'couponTemplate.validDays' must be at least 1")
    if t.validUntil is not None and t.validUntil < 0:
        raise invalid("couponTemplate.validUntil", "'couponTemplate.validUntil' must be epoch milliseconds")
    if t.codePattern is not None:
        if t.codePool:
            raise invalid(
                "couponTemplate.codePattern",
                "give either 'couponTemplate.codePattern' or 'codePool', not both",
            )
        if "#" not in t.codePattern or len(t.codePattern) > 64:
            raise invalid(
                "couponTemplate.codePattern",
                "'couponTemplate.codePattern' needs at least one '#' and at most 64 characters",
            )
        if not re.fullmatch(r"[A-Za-z0-9#\-_]+", t.codePattern):
            raise invalid(
                "couponTemplate.codePattern",
                "'couponTemplate.codePattern' may hold letters, digits, '-', '_' and '#'",
            )


CONFIG_KIND = ConfigKind(
    name=KIND,
    schema=Offer,
    id_field="offerId",
    check=check_offer,
    description="Reward catalog: Lynes offers and Emporix redeem options.",
)
"""Registered at start-up by :func:`loyalty.app.features.load`."""


class OfferView(msgspec.Struct):
    offer: Offer
    version: int


def unavailable_reason(offer: Offer, now: int) -> LoyaltyError | None:
    """Why the offer cannot be redeemed now (None when it can, points aside)."""
    if offer.status != "ACTIVE":
        return LoyaltyError(ErrorCode.NOT_REDEEMABLE, "the offer is not active", field="id")
    return outside_window(offer, now)


def outside_window(offer: Offer, now: int) -> LoyaltyError | None:
    """Why the offer's validity window excludes ``now`` (None inside it)."""
    if offer.validFrom is not None and now < offer.validFrom:
        return LoyaltyError(ErrorCode.NOT_REDEEMABLE, "the offer is not valid yet", field="id")
    if offer.validUntil is not None and now >= offer.validUntil:
        return LoyaltyError(ErrorCode.NOT_REDEEMABLE, "the offer has expired", field="id")
    return None


def offer_of(tenant: TenantConfig, offer_id: str) -> Offer:
    offer = tenant.get(KIND, offer_id)
    if not isinstance(offer, Offer):
        raise not_found("offer", offer_id)
    return offer


def _view(row: Mapping[str, Any]) -> OfferView:
    return OfferView(offer=msgspec.convert(row["body"], Offer, strict=False), version=int(row["version"]))


async def list_offers(services: Services, principal: Principal) -> list[OfferView]:
    """Every offer of the tenant: any credential of the tenant may read the catalog."""

    async def work(store: Store, tenant: TenantConfig) -> list[OfferView]:
        return [_view(r) for r in await store.config.list_all(tenant.id) if r["kind"] == KIND]

    return await run_read(services, principal, work)


async def create_offer(tx: Tx, fields: dict[str, Any]) -> OfferView:
    """A new offer (manage scope); an id is generated when none is given."""
    tx.principal.require_manage()
    offer_id = fields.get("offerId") or secrets.token_hex(12)
    if await tx.store.config.get(tx.tenant.id, KIND, offer_id) is not None:
        raise LoyaltyError(ErrorCode.ALREADY_EXISTS, f"offer '{offer_id}' already exists", field="id")
    stored = await admin.save_item(tx, KIND, offer_id, {**fields, "offerId": offer_id})
    return _view({"body": stored, "version": stored["version"]})


async def update_offer(
    tx: Tx, offer_id: str, fields: dict[str, Any], expected_version: int | None
) -> OfferView:
    """Replace the fields one face knows, keeping those only the other face sets (manage scope).
    ``expected_version`` older than the stored one is a conflict (409)."""
    tx.principal.require_manage()
    existing = await tx.store.config.get_for_update(tx.tenant.id, KIND, offer_id)
    if existing is None:
        raise not_found("offer", offer_id)
    if expected_version is not None and expected_version != existing["version"]:
        raise LoyaltyError(
            ErrorCode.CONFLICT,
            f"offer '{offer_id}' has changed (version {existing['version']}, not {expected_version})",
            field="metadata.version",
        )
    body = {**existing["body"], **fields, "offerId": offer_id}
    stored = await admin.save_item(tx, KIND, offer_id, body)
    return _view({"body": stored, "version": stored["version"]})


async def delete_offer(tx: Tx, offer_id: str) -> None:
    tx.principal.require_manage()
    await admin.remove_item(tx, KIND, offer_id)
