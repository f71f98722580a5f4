"""Issued coupons: a code from the tenant's ``couponCodePattern``, unique per tenant.

Uniqueness is the database's (a unique index); a collision is an ``ON CONFLICT DO NOTHING`` that
returns nothing, and issuing draws a fresh code — no aborted transaction on PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.uow import Tx, run_read
from loyalty.app.offers.ports import CouponRow
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core.coupons import make_code
from loyalty.core.errors import ErrorCode, LoyaltyError
from loyalty.core.expiry import DAY_MS

MAX_ATTEMPTS = 20


class CouponNotFound(LoyaltyError):
    """The user has no coupon of this number (404). A face names the coupon in its own id form
    (``loyalty.api.coupon_ids``); the message here names the bare number."""

    def __init__(self, coupon_id: int | None) -> None:
        ident = "" if coupon_id is None else f" '{coupon_id}'"
        super().__init__(ErrorCode.NOT_FOUND, f"coupon{ident} does not exist")
        self.coupon_id = coupon_id


@dataclass(frozen=True)
class IssuedCoupon:
    id: int
    code: str
    offer_id: str | None
    title: str | None
    valid_until: int
    description: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


async def issue_coupon(
    tx: Tx,
    user_pk: int,
    *,
    offer_id: str | None,
    title: str | None,
    description: str | None = None,
    valid_until: int | None = None,
    metadata: dict[str, Any] | None = None,
    ledger_entry_id: int | None = None,
    code: str | None = None,
    pattern: str | None = None,
) -> IssuedCoupon:
    """Store a coupon for the user; ``code`` is drawn from ``pattern`` (the tenant's
    ``couponCodePattern`` when None) unless given (a code pool hands one in)."""
    pattern = pattern or tx.tenant.settings.couponCodePattern
    if valid_until is None:  # every coupon ends: the tenant's default validity
        valid_until = tx.now + tx.tenant.settings.couponValidDays * DAY_MS
    for _ in range(MAX_ATTEMPTS if code is None else 1):
        candidate = code or make_code(pattern)
        coupon_id = await tx.store.coupons.insert_if_code_free(
            tenant_id=tx.tenant.id,
            user_pk=user_pk,
            offer_id=offer_id,
            code=candidate,
            title=title,
            description=description,
            valid_until=valid_until,
            metadata=metadata or {},
            ledger_entry_id=ledger_entry_id,
            now=tx.now,
        )
        if coupon_id is not None:
            return IssuedCoupon(
                coupon_id, candidate, offer_id, title, valid_until, description, metadata or {}
            )
    if code is not None:
        raise LoyaltyError(
            ErrorCode.CONFLICT, f"the pool code '{code}' is already a coupon of this tenant", field="code"
        )
    raise LoyaltyError(
        ErrorCode.CONFLICT,
        "no free coupon code: the tenant's couponCodePattern has too few '#' for its coupons",
        field="couponCodePattern",
    )


async def user_coupons(services: Services, principal: Principal, user_id: str) -> list[CouponRow]:
    """Every coupon of the user, redeemed and expired ones included, oldest first (rows)."""
    principal.require_read_user(user_id)

    async def work(store: Store, tenant: TenantConfig) -> list[CouponRow]:
        pk = await store.users.find_pk(tenant.id, user_id)
        return [] if pk is None else await store.coupons.list_for_user(pk)

    return await run_read(services, principal, work)
