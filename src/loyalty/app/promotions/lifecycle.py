"""Lifecycle rewards and reminders that ``loyalty worker`` runs (docs/lifecycle-rewards.md).

- **Birthdays**: on each user's ``birthday`` (MM-DD) in the tenant's time zone, the tenant's
  ``birthdayReward`` (points and/or an offer's coupon), once per user and year.
- **Anniversaries**: on each anniversary of the user's ``createdAt``, ``anniversaryReward``, once
  per user and year (from the first anniversary on).
- **Expiry reminders**: each points credit that expires within ``expiryReminderDays`` with points
  left is announced once (``points.expiring`` webhook, ``pointsExpiring`` notification).

Exactly once across restarts and several workers: every reward or reminder first inserts its key
(user, kind, year / the credit's ledger line) and pays in the same transaction; whoever finds the
key taken does nothing. A worker that is down for a whole local day does not pay that day's
birthdays later (the reward is for the day).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import date
from typing import Literal

from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger import ledger
from loyalty.app.messaging import notifications, outbox
from loyalty.app.offers import catalog
from loyalty.app.offers.redeem import hand_out
from loyalty.app.promotions import bonus
from loyalty.app.tenancy.tenant_settings import LifecycleReward
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core import lifecycle as core
from loyalty.core.errors import LoyaltyError
from loyalty.core.expiry import DAY_MS
from loyalty.core.timeutil import local_datetime

log = logging.getLogger(__name__)
BATCH = 200
Kind = Literal["birthday", "anniversary"]


@dataclass
class LifecycleRun:
    birthdays: int = 0
    anniversaries: int = 0
    reminders: int = 0


async def run(services: Services, stop: asyncio.Event) -> None:
    """Run the jobs every ``lifecycle_poll_seconds`` until ``stop`` is set (``loyalty worker``)."""
    while not stop.is_set():
        try:
            await run_once(services)
        except Exception:
            log.exception("lifecycle jobs failed; retrying later")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=services.settings.lifecycle_poll_seconds)


async def run_once(services: Services) -> LifecycleRun:
    """Every tenant's birthdays, anniversaries and reminders that are due now."""
    done = LifecycleRun()
    async with services.stores.read() as store:
        tenant_ids = [int(t["id"]) for t in await store.tenants.list_all()]
    for tenant_id in tenant_ids:
        tenant = await services.tenants.by_id(tenant_id)
        if tenant is None:
            continue
        settings = tenant.settings
        now = services.now()
        today = local_datetime(now, settings.timeZone).date()
        if settings.birthdayReward is not None and settings.birthdayReward.active:
            done.birthdays += await _birthdays(services, tenant, settings.birthdayReward, today)
        if settings.anniversaryReward is not None and settings.anniversaryReward.active:
            done.anniversaries += await _anniversaries(services, tenant, settings.anniversaryReward, today)
        if settings.expiryReminderDays is not None:
            done.reminders += await _reminders(services, tenant, settings.expiryReminderDays)
    return done


async def _birthdays(services: Services, tenant: TenantConfig, reward: LifecycleReward, today: date) -> int:
    paid, after = 0, 0
    while True:
        async with services.stores.read() as store:
            batch = await store.lifecycle.birthdays(
                tenant_id=tenant.id,
                days=core.birthdays_on(today),
                year=today.year,
                after_pk=after,
                limit=BATCH,
            )
        for user_pk in batch:
            paid += await _pay(services, tenant, reward, user_pk, "birthday", today.year, None)
        if len(batch) < BATCH:
            return paid
        after = batch[-1]


async def _anniversaries(
    services: Services, tenant: TenantConfig, reward: LifecycleReward, today: date
) -> int:
    tz = tenant.settings.timeZone
    async with services.stores.read() as store:
        first = await store.lifecycle.first_join(tenant.id)
    if first is None:
        return 0
    days = core.join_days_celebrated_on(today, local_datetime(first, tz).year)
    ranges = core.day_ranges_ms(days, tz)
    paid, after = 0, 0
    while True:
        async with services.stores.read() as store:
            batch = await store.lifecycle.joined_in(
                tenant_id=tenant.id, ranges=ranges, year=today.year, after_pk=after, limit=BATCH
            )
        for user_pk, created_at in batch:
            years = today.year - local_datetime(created_at, tz).year
            paid += await _pay(services, tenant, reward, user_pk, "anniversary", today.year, years)
        if len(batch) < BATCH:
            return paid
        after = batch[-1][0]


_TEXTS: dict[Kind, tuple[dict[str, str], dict[str, str]]] = {
    "birthday": (
        {"en": "Happy birthday!", "de": "Alles Gute zum Geburtstag!"},
        {"en": "A birthday present from us", "de": "Ein Geburtstagsgeschenk von uns"},
    ),
    "anniversary": (
        {"en": "Happy anniversary!", "de": "Alles Gute zum Jubiläum!"},
        {"en": "Thank you for another year with us", "de": "Danke für ein weiteres Jahr mit uns"},
    ),
}


async def _pay(
    services: Services,
    tenant: TenantConfig,
    reward: LifecycleReward,
    user_pk: int,
    kind: Kind,
    year: int,
    years: int | None,
) -> int:
    """Claim and pay one user's reward in one transaction; 1 when this worker paid it."""
    async with services.stores.write() as store:
        tx = ledger.job_tx(store, services, tenant, "lifecycle", services.now())
        claimed = await tx.store.lifecycle.claim_reward(
            tenant_id=tenant.id, user_pk=user_pk, kind=kind, year=year, now=tx.now
        )
        if not claimed:
            return 0  # another worker (or an earlier run) paid it
        details: dict[str, object] = {"kind": kind, "year": year}
        if years is not None:
            details["years"] = years
        extra = await _gift_coupon(tx, user_pk, reward)
        title, why = _TEXTS[kind]
        present = bonus.Bonus(
            source=kind,
            history_type=kind.upper(),
            entry_id=f"{kind.upper()}#{year}",
            ref_id=str(year),
            title=title,
            description=why,
            notification_type=f"{kind}Reward",
            webhook="lifecycle.rewarded",
            details=details,
        )
        await bonus.pay(tx, user_pk, reward.points, present, extra=extra)
    for hook in tx.after_commit:
        await hook()
    return 1


async def _gift_coupon(tx: Tx, user_pk: int, reward: LifecycleReward) -> dict[str, object]:
    """The offer's coupon as a present (its price not charged); nothing when the offer is gone,
    inactive or out of codes: the points are paid all the same, and the log says why."""
    if not reward.offerId:
        return {}
    offer = tx.tenant.get(catalog.KIND, reward.offerId)
    if not isinstance(offer, catalog.Offer) or catalog.unavailable_reason(offer, tx.now) is not None:
        log.warning("lifecycle reward: offer %r is not available; no coupon given", reward.offerId)
        return {}
    try:
        coupon = await hand_out(tx, user_pk, offer, ledger_entry_id=None)
    except LoyaltyError as error:
        log.warning("lifecycle reward: no coupon of offer %r: %s", reward.offerId, error.message)
        return {}
    return {"offerId": reward.offerId, "couponId": str(coupon.id), "code": coupon.code}


async def _reminders(services: Services, tenant: TenantConfig, days: int) -> int:
    sent, after = 0, 0
    while True:
        now = services.now()
        async with services.stores.read() as store:
            batch = await store.lifecycle.expiring_credits(
                tenant_id=tenant.id, now=now, until=now + days * DAY_MS, after_id=after, limit=BATCH
            )
        for entry_id in batch:
            sent += await _remind(services, tenant, entry_id)
        if len(batch) < BATCH:
            return sent
        after = batch[-1]


async def _remind(services: Services, tenant: TenantConfig, entry_id: int) -> int:
    async with services.stores.write() as store:
        tx = ledger.job_tx(store, services, tenant, "lifecycle", services.now())
        line = await tx.store.lifecycle.claim_reminder(tenant_id=tenant.id, entry_id=entry_id, now=tx.now)
        if line is None:
            return 0
        user_pk, points, expires_at = int(line["user_pk"]), int(line["remaining"]), int(line["valid_until"])
        payload = {"points": points, "expiresAt": expires_at, "entryId": entry_id, "metric": ledger.POINTS}
        await notifications.notify(
            tx,
            user_pk,
            type="pointsExpiring",
            payload=payload,
            title={"en": "Points expiring soon", "de": "Punkte verfallen bald"},
            message={
                "en": f"{points} of your points expire soon: use them before they do",
                "de": f"{points} Ihrer Punkte verfallen bald: lösen Sie sie vorher ein",
            },
            section="rewards",
        )
        await outbox.publish_for(tx, "points.expiring", payload, user_pk=user_pk)
    for hook in tx.after_commit:
        await hook()
    return 1
