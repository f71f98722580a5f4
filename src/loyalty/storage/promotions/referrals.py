"""Referral codes and registrations (:class:`loyalty.app.promotions.ports.Referrals`); every
once-only rule is one conditional statement."""

from __future__ import annotations

from sqlalchemy import exists, func, select, update

from loyalty.storage.promotions.referral_tables import referral_codes, referral_registrations
from loyalty.storage.repository import Repository
from loyalty.storage.tables import users


class SqlReferrals(Repository):
    async def code_of(self, user_pk: int) -> str | None:
        found = await self.conn.execute(
            select(referral_codes.c.code).where(referral_codes.c.user_pk == user_pk)
        )
        value = found.scalar_one_or_none()
        return None if value is None else str(value)

    async def insert_code_if_absent(self, *, tenant_id: int, user_pk: int, code: str, now: int) -> None:
        """Give the user ``code`` unless they have one or the code is taken (both conflicts do nothing:
        the caller reads back which code the user has, and draws again when it is none)."""
        stmt = (
            self.db.insert(referral_codes)
            .values(user_pk=user_pk, tenant_id=tenant_id, code=code, paid_count=0, created_at=now)
            .on_conflict_do_nothing()
        )
        await self.conn.execute(stmt)

    async def owner_of(self, tenant_id: int, code: str) -> int | None:
        """The user whose code it is (a deleted user's code belongs to nobody)."""
        found = await self.conn.execute(
            select(referral_codes.c.user_pk)
            .join(users, users.c.id == referral_codes.c.user_pk)
            .where(referral_codes.c.tenant_id == tenant_id, referral_codes.c.code == code)
        )
        value = found.scalar_one_or_none()
        return None if value is None else int(value)

    async def referred_count(self, referrer_pk: int) -> int:
        found = await self.conn.execute(
            select(func.count()).where(referral_registrations.c.referrer_pk == referrer_pk)
        )
        return int(found.scalar_one())

    async def referrer_of(self, user_pk: int) -> int | None:
        found = await self.conn.execute(
            select(referral_registrations.c.referrer_pk).where(referral_registrations.c.user_pk == user_pk)
        )
        value = found.scalar_one_or_none()
        return None if value is None else int(value)

    async def register(
        self,
        *,
        tenant_id: int,
        user_pk: int,
        referrer_pk: int,
        referral_id: str,
        now: int,
    ) -> bool:
        """Record who referred the user; False when the user was registered before (the key holds it
        to once, whichever of two concurrent registrations commits first)."""
        stmt = (
            self.db.insert(referral_registrations)
            .values(
                user_pk=user_pk,
                tenant_id=tenant_id,
                referral_id=referral_id,
                referrer_pk=referrer_pk,
                registered_at=now,
                referrer_rewarded=0,
            )
            .on_conflict_do_nothing(index_elements=["user_pk"])
            .returning(referral_registrations.c.user_pk)
        )
        return (await self.conn.execute(stmt)).scalar_one_or_none() is not None

    async def claim_reward(self, *, user_pk: int, referral_id: str, now: int) -> bool:
        """Mark the user's registration paid; True for the one event that got there first."""
        result = await self.conn.execute(
            update(referral_registrations)
            .where(
                referral_registrations.c.user_pk == user_pk,
                referral_registrations.c.referral_id == referral_id,
                referral_registrations.c.rewarded_at.is_(None),
            )
            .values(rewarded_at=now)
        )
        return result.rowcount == 1

    async def count_paid_referral(self, *, referrer_pk: int, referee_pk: int, cap: int | None) -> bool:
        """Count one more paid referral of the referrer if it stays within ``cap`` (None: no cap) and
        the referrer still exists; True when it was counted (then the referrer is paid). Concurrent
        referees of one referrer queue on its row and each sees the count the one before left."""
        condition = [
            referral_codes.c.user_pk == referrer_pk,
            exists().where(users.c.id == referrer_pk),
        ]
        if cap is not None:
            condition.append(referral_codes.c.paid_count < cap)
        result = await self.conn.execute(
            update(referral_codes).where(*condition).values(paid_count=referral_codes.c.paid_count + 1)
        )
        if result.rowcount != 1:
            return False
        await self.conn.execute(
            update(referral_registrations)
            .where(referral_registrations.c.user_pk == referee_pk)
            .values(referrer_rewarded=1)
        )
        return True
