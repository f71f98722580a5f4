"""Fakes of the offers feature's ports (:mod:`loyalty.app.offers.ports`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from loyalty.app.offers.ports import CouponRow


class FakeCoupons:
    def __init__(self) -> None:
        self.rows: dict[int, CouponRow] = {}

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
        if any(r["tenant_id"] == tenant_id and r["code"] == code for r in self.rows.values()):
            return None
        coupon_id = len(self.rows) + 1
        self.rows[coupon_id] = CouponRow(
            id=coupon_id,
            tenant_id=tenant_id,
            user_pk=user_pk,
            offer_id=offer_id,
            code=code,
            title=title,
            description=description,
            valid_until=valid_until,
            redeemed=False,
            redeemed_at=None,
            revoked_at=None,
            revoke_reason=None,
            ledger_entry_id=ledger_entry_id,
            metadata=metadata,
            created_at=now,
        )
        return coupon_id

    async def list_for_user(self, user_pk: int) -> list[CouponRow]:
        return [r for _, r in sorted(self.rows.items()) if r["user_pk"] == user_pk]

    async def list_open_for_user(self, user_pk: int, now: int) -> list[CouponRow]:
        return [r for r in await self.list_for_user(user_pk) if self._open(r, now)]

    async def get_for_user(self, user_pk: int, coupon_id: int) -> CouponRow | None:
        row = self.rows.get(coupon_id)
        return row if row is not None and row["user_pk"] == user_pk else None

    async def redeem_if_open(self, *, user_pk: int, coupon_id: int, now: int) -> bool:
        row = await self.get_for_user(user_pk, coupon_id)
        if row is None or not self._open(row, now):
            return False
        row["redeemed"], row["redeemed_at"] = True, now
        return True

    async def revoke_if_open(self, *, user_pk: int, coupon_id: int, reason: str, now: int) -> bool:
        row = await self.get_for_user(user_pk, coupon_id)
        if row is None or row["redeemed"] or row["revoked_at"] is not None:
            return False
        row["revoked_at"], row["revoke_reason"] = now, reason
        return True

    @staticmethod
    def _open(row: CouponRow, now: int) -> bool:
        ends = row["valid_until"]
        return not row["redeemed"] and row["revoked_at"] is None and (ends is None or ends > now)


@dataclass
class PoolCode:
    offer_id: str
    code: str
    claimed_by: int | None = None
    claimed_at: int | None = None


class FakeOffers:
    """Stock, per-user counts and pools; a code is new when no pool of the tenant and no coupon of
    ``coupons`` (the store's, linked by ``FakeStore``) carries it."""

    def __init__(self, coupons: FakeCoupons | None = None) -> None:
        self.coupons = coupons or FakeCoupons()
        self.issued: dict[tuple[int, str], int] = {}
        """(tenant, offer) -> coupons counted against the stock."""
        self.user_counts: dict[tuple[int, str], int] = {}
        """(user_pk, offer) -> counted redemptions."""
        self.pools: dict[int, list[PoolCode]] = {}
        """tenant -> its codes, in import order."""

    async def take_stock(self, *, tenant_id: int, offer_id: str, stock: int) -> bool:
        issued = self.issued.get((tenant_id, offer_id), 0)
        if issued >= stock:
            return False
        self.issued[tenant_id, offer_id] = issued + 1
        return True

    async def count_user_redemption(
        self, *, tenant_id: int, user_pk: int, offer_id: str, limit: int | None
    ) -> bool:
        count = self.user_counts.get((user_pk, offer_id), 0)
        if limit is not None and count >= limit:
            return False
        self.user_counts[user_pk, offer_id] = count + 1
        return True

    async def issued_count(self, tenant_id: int, offer_id: str) -> int:
        return self.issued.get((tenant_id, offer_id), 0)

    async def user_count(self, user_pk: int, offer_id: str) -> int:
        return self.user_counts.get((user_pk, offer_id), 0)

    async def import_codes(self, *, tenant_id: int, offer_id: str, codes: list[str], now: int) -> int:
        pool = self.pools.setdefault(tenant_id, [])
        known = {c.code for c in pool}
        known |= {r["code"] for r in self.coupons.rows.values() if r["tenant_id"] == tenant_id}
        added = 0
        for code in codes:
            if code not in known:
                pool.append(PoolCode(offer_id, code))
                known.add(code)
                added += 1
        return added

    async def claim_code(self, *, tenant_id: int, offer_id: str, user_pk: int, now: int) -> str | None:
        for code in self.pools.get(tenant_id, []):
            if code.offer_id == offer_id and code.claimed_by is None:
                code.claimed_by, code.claimed_at = user_pk, now
                return code.code
        return None

    async def code_counts(self, tenant_id: int, offer_id: str) -> tuple[int, int]:
        codes = [c for c in self.pools.get(tenant_id, []) if c.offer_id == offer_id]
        return len(codes), sum(1 for c in codes if c.claimed_by is None)
