"""Offers for a user (feed, redeemable check), their coupons, and the offers' code pools.

Redemption itself is ``app/offers/redeem.py`` (shared by every face)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import msgspec

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.uow import Tx, run_read
from loyalty.app.ledger import ledger
from loyalty.app.offers import catalog
from loyalty.app.offers.coupons import CouponNotFound
from loyalty.app.offers.ports import CouponRow
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.app.users.users import POINTS, resolve_user
from loyalty.core import offers as rules
from loyalty.core.coupons import check_codes, parse_csv_codes
from loyalty.core.errors import ErrorCode, LoyaltyError, invalid, not_found


def offer_view(offer: catalog.Offer) -> dict[str, Any]:
    view: dict[str, Any] = msgspec.to_builtins(offer)
    view.setdefault("points", offer.points)
    view.setdefault("type", offer.type)
    return view


async def feed(
    services: Services, principal: Principal, user_id: str, offer_type: str | None
) -> list[dict[str, Any]]:
    """Active offers that have not ended, optionally of one ``type``, ordered by id."""
    principal.require_read_user(user_id)
    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> list[dict[str, Any]]:
        items = sorted(tenant.all(catalog.KIND).items())
        return [
            offer_view(o)
            for _, o in items
            if isinstance(o, catalog.Offer)
            and o.status == "ACTIVE"
            and (o.validUntil is None or now < o.validUntil)
            and (offer_type is None or o.type == offer_type)
        ]

    return await run_read(services, principal, work)


@dataclass(frozen=True)
class RedeemCheck:
    offer_id: str
    reasons: list[str]
    points: int
    user_points: int
    stock_left: int | None
    user_redemptions: int
    per_user_limit: int | None


async def redeemable(services: Services, principal: Principal, user_id: str, offer_id: str) -> RedeemCheck:
    """Every reason the user cannot redeem the offer now (none: they can)."""
    principal.require_read_user(user_id)

    async def work(store: Store, tenant: TenantConfig) -> tuple[Any, ...]:
        offer = catalog.offer_of(tenant, offer_id)
        pk = await store.users.find_pk(tenant.id, user_id)
        if pk is None and not tenant.settings.autoCreateUsers:
            raise not_found("user", user_id)
        account = None if pk is None else await ledger.read_account(store, pk, POINTS)
        issued = await store.offers.issued_count(tenant.id, offer_id)
        count = 0 if pk is None else await store.offers.user_count(pk, offer_id)
        pool = offer.couponTemplate is not None and offer.couponTemplate.codePool
        free = (await store.offers.code_counts(tenant.id, offer_id))[1] if pool else None
        return tenant.id, offer, pk, account, issued, count, free

    tenant_id, offer, pk, account, issued, count, free = await run_read(services, principal, work)
    balance = 0 if pk is None else await ledger.active_balance(services, tenant_id, pk, account, POINTS)
    state = rules.OfferState(
        active=offer.status == "ACTIVE",
        valid_from=offer.validFrom,
        valid_until=offer.validUntil,
        cost=offer.points,
        balance=balance,
        stock=offer.stock,
        issued=issued,
        per_user_limit=offer.perUserLimit,
        user_count=count,
        pool_free=free,
    )
    left = None if offer.stock is None else max(offer.stock - issued, 0)
    if free is not None:
        left = free if left is None else min(left, free)
    return RedeemCheck(
        offer_id=offer_id,
        reasons=rules.reasons(state, services.now()),
        points=offer.points,
        user_points=balance,
        stock_left=left,
        user_redemptions=count,
        per_user_limit=offer.perUserLimit,
    )


# Coupons of a user.


def coupon_metadata(metadata: dict[str, Any] | None, code: str, offer_id: str | None) -> dict[str, Any]:
    """A coupon's metadata as the offers faces show it: the stored one with its code and offer."""
    return {**(metadata or {}), "code": code, "offerId": offer_id}


async def open_coupons(services: Services, principal: Principal, user_id: str) -> list[CouponRow]:
    """The user's unredeemed, unexpired coupons (rows)."""
    principal.require_read_user(user_id)
    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> list[CouponRow]:
        pk = await store.users.find_pk(tenant.id, user_id)
        return [] if pk is None else await store.coupons.list_open_for_user(pk, now)

    return await run_read(services, principal, work)


async def redeem_coupon(tx: Tx, user_id: str, coupon_id: int) -> None:
    """Mark the user's coupon redeemed; refused (400) when already redeemed, revoked or expired."""
    tx.principal.require_act_for_user(user_id)
    pk = await resolve_user(tx, user_id, create=False)
    if await tx.store.coupons.redeem_if_open(user_pk=pk, coupon_id=coupon_id, now=tx.now):
        return
    row = await tx.store.coupons.get_for_user(pk, coupon_id)
    if row is None:
        raise CouponNotFound(coupon_id)
    if row["redeemed"]:
        raise LoyaltyError(ErrorCode.NOT_REDEEMABLE, "the coupon is already redeemed", field="couponId")
    if row["revoked_at"] is not None:
        raise LoyaltyError(ErrorCode.NOT_REDEEMABLE, "the coupon was revoked", field="couponId")
    raise LoyaltyError(ErrorCode.NOT_REDEEMABLE, "the coupon has expired", field="couponId")


@dataclass(frozen=True)
class CouponDetails:
    row: CouponRow
    offer: catalog.Offer | None


async def signed_in_coupon(services: Services, principal: Principal, coupon_id: int | None) -> CouponDetails:
    """One coupon of the signed-in user (the token's ``sub``), with its offer when it still exists.

    ``coupon_id`` None: an id no coupon can have, "not found" like any id that is not one of the
    user's coupons (the caller names it as it was asked for). A revoked coupon is "not found" too:
    it was withdrawn, and the seed's shape has no field that could tell an app not to show its code."""
    from loyalty.app.users.audience_profile import subject_of

    user_id = subject_of(principal)

    async def work(store: Store, tenant: TenantConfig) -> CouponDetails:
        pk = await store.users.find_pk(tenant.id, user_id)
        row = None
        if pk is not None and coupon_id is not None:
            row = await store.coupons.get_for_user(pk, coupon_id)
        if row is None or row["revoked_at"] is not None:
            raise CouponNotFound(coupon_id)
        offer = tenant.get(catalog.KIND, row["offer_id"]) if row["offer_id"] else None
        return CouponDetails(row=row, offer=offer if isinstance(offer, catalog.Offer) else None)

    return await run_read(services, principal, work)


# Code pools.


@dataclass(frozen=True)
class PoolState:
    offer_id: str
    total: int
    available: int
    imported: int = 0
    duplicates: int = 0


def codes_from_body(raw: bytes, content_type: str) -> list[str]:
    """``text/csv`` (first column, optional ``code`` header) or JSON (a list, or ``{"codes": [...]}``)."""
    if "csv" in content_type or "text/plain" in content_type:
        try:
            return parse_csv_codes(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise invalid("body", "the CSV must be UTF-8") from None
    try:
        data = msgspec.json.decode(raw)
    except msgspec.DecodeError:
        raise invalid("body", 'send text/csv, a JSON list of codes or {"codes": [...]}') from None
    if isinstance(data, dict) and set(data) == {"codes"}:
        data = data["codes"]
    if not isinstance(data, list):
        raise invalid("codes", 'send text/csv, a JSON list of codes or {"codes": [...]}')
    return check_codes(data)


def _pool_offer(tenant: TenantConfig, offer_id: str) -> catalog.Offer:
    offer = catalog.offer_of(tenant, offer_id)
    if offer.couponTemplate is None or not offer.couponTemplate.codePool:
        raise invalid("couponTemplate.codePool", f"offer '{offer_id}' does not hand out pool codes")
    return offer


async def import_codes(tx: Tx, offer_id: str, codes: list[str]) -> PoolState:
    """Add codes to the offer's pool (admin); codes already known in the tenant are skipped."""
    tx.principal.require_admin()
    _pool_offer(tx.tenant, offer_id)
    added = await tx.store.offers.import_codes(
        tenant_id=tx.tenant.id, offer_id=offer_id, codes=codes, now=tx.now
    )
    total, free = await tx.store.offers.code_counts(tx.tenant.id, offer_id)
    return PoolState(offer_id, total, free, imported=added, duplicates=len(codes) - added)


async def pool_state(services: Services, principal: Principal, offer_id: str) -> PoolState:
    principal.require_read_programme()

    async def work(store: Store, tenant: TenantConfig) -> PoolState:
        catalog.offer_of(tenant, offer_id)
        total, free = await store.offers.code_counts(tenant.id, offer_id)
        return PoolState(offer_id, total, free)

    return await run_read(services, principal, work)
