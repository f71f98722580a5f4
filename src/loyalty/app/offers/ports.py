"""What the offers feature reads and writes, as ``storage`` must provide it."""

from __future__ import annotations

from typing import Any, Protocol, TypedDict


class CouponRow(TypedDict):
    """An issued coupon."""

    id: int
    tenant_id: int
    user_pk: int
    offer_id: str | None
    code: str
    title: str | None
    description: str | None
    valid_until: int | None
    redeemed: bool
    redeemed_at: int | None
    revoked_at: int | None
    """When it was withdrawn (never redeemable afterwards)."""
    revoke_reason: str | None
    ledger_entry_id: int | None
    """The ledger line that paid for it (None for a free reward)."""
    metadata: dict[str, Any]
    created_at: int


class Coupons(Protocol):
    """Issued coupons; every rule that must hold under concurrency is one statement."""

    async def insert_if_code_free(
        self,
        *,
        tenant_id: int,
        user_pk: int,
        offer_id: str | None,
        code: str,
        title: str | None,
        description: str | None,
        valid_until: int,
        metadata: dict[str, Any],
        ledger_entry_id: int | None,
        now: int,
    ) -> int | None:
        """The new coupon's id, or None when the code is taken in this tenant."""
        ...

    async def list_for_user(self, user_pk: int) -> list[CouponRow]:
        """Every coupon of the user, oldest first."""
        ...

    async def list_open_for_user(self, user_pk: int, now: int) -> list[CouponRow]:
        """The user's coupons that are neither redeemed, revoked nor expired, oldest first."""
        ...

    async def get_for_user(self, user_pk: int, coupon_id: int) -> CouponRow | None: ...

    async def redeem_if_open(self, *, user_pk: int, coupon_id: int, now: int) -> bool:
        """Mark the coupon redeemed when it is the user's, unredeemed, unrevoked and unexpired."""
        ...

    async def revoke_if_open(self, *, user_pk: int, coupon_id: int, reason: str, now: int) -> bool:
        """Mark the coupon revoked when it is the user's, unredeemed and not yet revoked."""
        ...


class Offers(Protocol):
    """Offer stock, per-user redemption counts and code pools; every limit is one conditional
    statement, so concurrent redemptions never pass it."""

    async def take_stock(self, *, tenant_id: int, offer_id: str, stock: int) -> bool:
        """Count one more issued coupon of the offer while fewer than ``stock`` were issued;
        False when sold out (nothing counted)."""
        ...

    async def count_user_redemption(
        self, *, tenant_id: int, user_pk: int, offer_id: str, limit: int | None
    ) -> bool:
        """Count one more redemption of the offer by the user while below ``limit`` (None: always);
        False at the limit (nothing counted)."""
        ...

    async def issued_count(self, tenant_id: int, offer_id: str) -> int:
        """Coupons of the offer counted against its stock (0 before the first)."""
        ...

    async def user_count(self, user_pk: int, offer_id: str) -> int:
        """The user's counted redemptions of the offer (0 before the first)."""
        ...

    async def import_codes(self, *, tenant_id: int, offer_id: str, codes: list[str], now: int) -> int:
        """Add the codes not yet known in the tenant (in any pool or on an issued coupon) to the
        offer's pool; how many were new."""
        ...

    async def claim_code(self, *, tenant_id: int, offer_id: str, user_pk: int, now: int) -> str | None:
        """Hand one free code of the offer's pool to the user, exclusively (two concurrent claims
        never get the same code); None when the pool is empty."""
        ...

    async def code_counts(self, tenant_id: int, offer_id: str) -> tuple[int, int]:
        """(total, still free) codes of the offer's pool."""
        ...
