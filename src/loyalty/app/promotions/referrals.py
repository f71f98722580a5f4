"""Referrals: the ``referrals`` config kind, each user's code, registering with a friend's code,
and paying the referral when the referred user's qualifying event is logged.

Every once-only rule is the database's: one code per user (its key; concurrent first reads keep
one), one registration per user (its key), one payment per registration (a conditional update
that only the first qualifying event wins) and at most ``maxReferralsPerReferrer`` paid referrals
per referrer (a conditional increment of the referrer's count; concurrent referees queue on that
row). The event path decides whether an event qualifies from its compiled plan and its snapshot
(``core.referrals``); paying is a follow-up of the event's write, in its transaction.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any, Literal

import msgspec

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.uow import Tx, run_read
from loyalty.app.promotions import bonus
from loyalty.app.tenancy.config_kinds import ConfigKind
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.app.users.users import resolve_user
from loyalty.core import referrals as core
from loyalty.core import rules
from loyalty.core.errors import ErrorCode, LoyaltyError, invalid, not_found

Text = str | dict[str, str] | None
KIND = "referrals"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
"""No 0/O or 1/I: codes are read aloud and typed from screenshots."""
CODE_LENGTH = 10
"""32**10 = 2**50 codes: not guessable by trying."""
MAX_CODE_LENGTH = 32
CODE_ATTEMPTS = 5


class ReferralProgramme(msgspec.Struct, forbid_unknown_fields=True):
    """Admin kind ``referrals``: what the referred user must do, and what both sides get."""

    referralId: str
    eventId: str
    """The qualifying event: its first occurrence (meeting ``conditions``) pays the referral."""
    status: Literal["ACTIVE", "INACTIVE"] = "ACTIVE"
    conditions: dict[str, Any] | None = None
    """A condition tree as in event definitions, over the qualifying event's metadata."""
    referrerPoints: int = 0
    refereePoints: int = 0
    maxReferralsPerReferrer: int | None = None
    """Paid referrals per referrer; null: no cap. Past the cap the referee is still paid."""
    title: Text = None
    description: Text = None
    version: int | None = None


def check_programme(value: ReferralProgramme) -> None:
    if not value.eventId.strip():
        raise invalid("eventId", "'eventId' is required")
    if value.referrerPoints < 0:
        raise invalid("referrerPoints", "'referrerPoints' must not be negative")
    if value.refereePoints < 0:
        raise invalid("refereePoints", "'refereePoints' must not be negative")
    if value.referrerPoints == 0 and value.refereePoints == 0:
        raise invalid("referrerPoints", "'referrerPoints' or 'refereePoints' must be positive")
    if value.maxReferralsPerReferrer is not None and value.maxReferralsPerReferrer < 1:
        raise invalid("maxReferralsPerReferrer", "'maxReferralsPerReferrer' must be at least 1 (or null)")
    rules.compile_condition(value.conditions)


@dataclass(frozen=True)
class CompiledProgramme:
    event_id: str
    active: bool
    rule: core.ReferralRule


def compile_programme(value: ReferralProgramme) -> CompiledProgramme:
    rule = core.ReferralRule(
        referral_id=value.referralId,
        condition=rules.compile_condition(value.conditions),
        referrer_points=value.referrerPoints,
        referee_points=value.refereePoints,
        max_per_referrer=value.maxReferralsPerReferrer,
    )
    return CompiledProgramme(event_id=value.eventId, active=value.status == "ACTIVE", rule=rule)


CONFIG_KIND = ConfigKind(
    name=KIND,
    schema=ReferralProgramme,
    id_field="referralId",
    check=check_programme,
    compile=compile_programme,
    description="Referral programmes: the referred user's qualifying event and what both sides earn.",
    related=["events"],
)
"""Registered at start-up by :func:`loyalty.app.features.load`."""


def rules_for_event(tenant: TenantConfig, event_id: str) -> tuple[core.ReferralRule, ...]:
    """The active programmes ``event_id`` qualifies for, by id (for the event path's plan)."""
    programmes: dict[str, CompiledProgramme] = tenant.all_compiled(KIND)
    return tuple(p.rule for _, p in sorted(programmes.items()) if p.active and p.event_id == event_id)


def current_programme(tenant: TenantConfig) -> str | None:
    """The programme new registrations join: the active one (the first by id if several are)."""
    programmes: dict[str, CompiledProgramme] = tenant.all_compiled(KIND)
    return next((rid for rid, p in sorted(programmes.items()) if p.active), None)


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalised_code(code: object) -> str:
    if not isinstance(code, str) or not code.strip():
        raise invalid("code", "'code' is required")
    text = code.strip().upper()
    if len(text) > MAX_CODE_LENGTH:
        raise invalid("code", f"'code' must be at most {MAX_CODE_LENGTH} characters")
    return text


def referral_view(user_id: str, referral_id: str | None, code: str, referred: int) -> dict[str, Any]:
    return {"userId": user_id, "referralId": referral_id, "code": code, "referredCount": referred}


async def referral_of(services: Services, principal: Principal, user_id: str) -> dict[str, Any]:
    """``GET /v1/user/{userId}/referral``: the user's code, made on the first read."""
    principal.require_read_user(user_id)

    async def read(store: Store, tenant: TenantConfig) -> dict[str, Any] | None:
        user = await store.users.get(tenant.id, user_id)
        if user is None:
            if tenant.settings.autoCreateUsers:
                return None
            raise not_found("user", user_id)
        code = await store.referrals.code_of(int(user["id"]))
        if code is None:
            return None
        count = await store.referrals.referred_count(int(user["id"]))
        return referral_view(user_id, current_programme(tenant), code, count)

    found = await run_read(services, principal, read)
    if found is not None:
        return found
    tenant = await services.tenants.by_id(principal.tenant_id)
    if tenant is None:
        raise LoyaltyError(ErrorCode.UNAUTHENTICATED, "tenant no longer exists")
    async with services.stores.write() as store:
        tx = Tx(
            services=services,
            store=store,
            tenant=tenant,
            principal=principal,
            now=services.now(),
        )
        user_pk = await resolve_user(tx, user_id, create=False)
        code = await _code_for(tx, user_pk)
        count = await store.referrals.referred_count(user_pk)
    return referral_view(user_id, current_programme(tenant), code, count)


async def _code_for(tx: Tx, user_pk: int) -> str:
    for _ in range(CODE_ATTEMPTS):
        await tx.store.referrals.insert_code_if_absent(
            tenant_id=tx.tenant.id, user_pk=user_pk, code=new_code(), now=tx.now
        )
        code = await tx.store.referrals.code_of(user_pk)
        if code is not None:  # ours, or the one a concurrent first read stored
            return code
    raise LoyaltyError(ErrorCode.CONFLICT, "no free referral code was found; retry")


async def register_referral(tx: Tx, user_id: str, code: object) -> dict[str, Any]:
    """``POST /v1/user/{userId}/referral``: the user was referred by the owner of ``code``."""
    tx.principal.require_act_for_user(user_id)
    text = normalised_code(code)
    referral_id = current_programme(tx.tenant)
    if referral_id is None:
        raise invalid("code", "no referral programme is active")
    user_pk = await resolve_user(tx, user_id, create=False)
    referrer_pk = await tx.store.referrals.owner_of(tx.tenant.id, text)
    if referrer_pk is None:
        raise not_found("referral code", text)
    if referrer_pk == user_pk:
        raise invalid("code", "a user cannot be referred by their own code")
    if await tx.store.referrals.referrer_of(referrer_pk) == user_pk:
        # Two users referring each other would pay both sides twice for one friendship.
        raise invalid("code", "this code's owner was referred by this user")
    registered = await tx.store.referrals.register(
        tenant_id=tx.tenant.id,
        user_pk=user_pk,
        referrer_pk=referrer_pk,
        referral_id=referral_id,
        now=tx.now,
    )
    if not registered:
        raise invalid("code", f"user '{user_id}' has already registered a referral code")
    return {"message": "referral registered", "userId": user_id, "referralId": referral_id, "code": text}


_TITLE = {"en": "Referral reward", "de": "Empfehlungsprämie"}
_WHY = {
    "referrer": {
        "en": "A friend you referred made their first qualifying activity",
        "de": "Eine von Ihnen geworbene Person hat ihre erste qualifizierende Aktivität abgeschlossen",
    },
    "referee": {
        "en": "Welcome reward: you joined through a friend's referral",
        "de": "Willkommensprämie: Sie wurden von einer Bekanntschaft geworben",
    },
}


def _bonus(referral_id: str, role: Literal["referrer", "referee"], referee_pk: int) -> bonus.Bonus:
    suffix = f"#{referee_pk}" if role == "referrer" else ""
    return bonus.Bonus(
        source="referral",
        history_type="REFERRAL",
        entry_id=f"REFERRAL#{referral_id}#{role}{suffix}",
        ref_id=referral_id,
        title=_TITLE,
        description=_WHY[role],
        notification_type="referralRewarded",
        webhook="referral.rewarded",
        details={"referralId": referral_id, "role": role},
    )


async def pay(tx: Tx, referee_pk: int, award: core.ReferralAward) -> None:
    """The event path's follow-up for an event that qualifies: pay the referral once."""
    rule = award.rule
    if not await tx.store.referrals.claim_reward(
        user_pk=referee_pk, referral_id=rule.referral_id, now=tx.now
    ):
        return  # another event of the user paid it first
    referrer_paid = rule.referrer_points > 0 and await tx.store.referrals.count_paid_referral(
        referrer_pk=award.referrer_pk, referee_pk=referee_pk, cap=rule.max_per_referrer
    )
    if rule.referee_points > 0:
        await bonus.pay(tx, referee_pk, rule.referee_points, _bonus(rule.referral_id, "referee", referee_pk))
    if referrer_paid:
        await bonus.pay(
            tx, award.referrer_pk, rule.referrer_points, _bonus(rule.referral_id, "referrer", referee_pk)
        )
