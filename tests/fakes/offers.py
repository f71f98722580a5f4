"""Fakes of the offers feature's ports (:mod:`loyalty.app.offers.ports`)."""

from __future__ import annotations

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
