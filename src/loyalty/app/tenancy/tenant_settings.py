"""Per-tenant settings (admin kind ``settings``): time zone, expiry, coupon codes, languages, …"""

from __future__ import annotations

import re
from typing import Any, Literal

import msgspec

from loyalty.core.errors import invalid
from loyalty.core.timeutil import is_valid_zone

MAX_COUPON_VALID_DAYS = 36_500
"""A hundred years: far beyond any programme, far below what an epoch-ms timestamp holds."""


class ExpiryPolicy(msgspec.Struct, forbid_unknown_fields=True):
    mode: Literal["never", "days_after_earning", "end_of_period"] = "never"
    days: int | None = None
    """For ``days_after_earning``: credit expires this many days after it was earned."""
    period: Literal["month", "quarter", "year"] | None = None
    """For ``end_of_period``: credit expires at the end of the period ``afterMonths`` after earning."""
    afterMonths: int = 0


class RateLimit(msgspec.Struct, forbid_unknown_fields=True):
    requestsPerMinute: int = 0
    """0 disables the limit."""
    perCredentialPerMinute: int = 0


class SingleSignOn(msgspec.Struct, forbid_unknown_fields=True):
    """Dashboard sign-in through the tenant's OpenID Connect provider (docs/dashboard.md)."""

    issuer: str
    """The provider's issuer URL; its ``/.well-known/openid-configuration`` is read at sign-in."""
    clientId: str
    clientSecret: str | None = None
    """Write-only: kept when a later update leaves it out. Never returned."""
    roleClaim: str = "groups"
    """The ID token claim (a string or a list of strings) that the role is mapped from."""
    roleMapping: dict[str, str] = msgspec.field(default_factory=dict)
    """Claim value -> role (admin, support or viewer); the first listed role that matches wins."""
    defaultRole: str | None = None
    """The role when no value maps; None refuses people whose claim maps to no role."""


class LifecycleReward(msgspec.Struct, forbid_unknown_fields=True):
    """What a birthday or a membership anniversary pays (docs/lifecycle-rewards.md)."""

    points: int = 0
    offerId: str | None = None
    """An offer whose coupon is given as a present (its points price is not charged)."""
    active: bool = True


MAX_REMINDER_DAYS = 365


class TenantSettings(msgspec.Struct, forbid_unknown_fields=True):
    timeZone: str = "UTC"
    expiryPolicy: ExpiryPolicy = msgspec.field(default_factory=ExpiryPolicy)
    couponCodePattern: str = "LLS-######"
    couponValidDays: int = 365
    """How long a coupon stays valid when its offer sets no validity (seed 000 coupons always
    carry a numeric ``validUntil``)."""
    languages: list[str] = msgspec.field(default_factory=lambda: ["en", "de"])
    defaultLanguage: str = "en"
    autoCreateUsers: bool = False
    """Create unknown users on their first event (otherwise ``POST /v1/event`` answers 404)."""
    allowNegativeBalance: bool = False
    """Whether reversing an already-spent credit may take the balance below zero."""
    jwks: dict[str, Any] | None = None
    """Public keys (RS256/ES256) of an identity provider, as a JWKS document ``{"keys": [...]}``."""
    jwtSecret: str | None = None
    """Write-only: replaces the tenant's HS256 secret. Never returned."""
    rateLimit: RateLimit = msgspec.field(default_factory=RateLimit)
    sso: SingleSignOn | None = None
    birthdayReward: LifecycleReward | None = None
    """Paid by ``loyalty worker`` on each user's ``birthday`` (MM-DD), in ``timeZone``."""
    anniversaryReward: LifecycleReward | None = None
    """Paid by ``loyalty worker`` on each anniversary of the user's ``createdAt``, in ``timeZone``."""
    expiryReminderDays: int | None = None
    """``loyalty worker`` announces each credit that expires within this many days, once
    (``points.expiring`` webhook and a ``pointsExpiring`` notification); null: no reminders."""


STAFF_ROLES = ("admin", "support", "viewer")


def check_sso(sso: SingleSignOn) -> None:
    local = re.match(r"^http://(127\.0\.0\.1|localhost)(:\d+)?(/|$)", sso.issuer)
    if not (sso.issuer.startswith("https://") or local):
        raise invalid("sso.issuer", "'sso.issuer' must be an https URL (http only for localhost)")
    if not sso.clientId:
        raise invalid("sso.clientId", "'sso.clientId' is required")
    for value, role in sso.roleMapping.items():
        if role not in STAFF_ROLES:
            raise invalid(f"sso.roleMapping.{value}", f"roles are {', '.join(STAFF_ROLES)}, not '{role}'")
    if sso.defaultRole is not None and sso.defaultRole not in STAFF_ROLES:
        raise invalid("sso.defaultRole", f"'sso.defaultRole' must be one of {', '.join(STAFF_ROLES)}")


def check_settings(value: TenantSettings) -> None:
    if not is_valid_zone(value.timeZone):
        raise invalid("timeZone", f"'timeZone': unknown IANA time zone '{value.timeZone}'")
    policy = value.expiryPolicy
    if policy.mode == "days_after_earning" and (policy.days is None or policy.days <= 0):
        raise invalid("expiryPolicy.days", "'expiryPolicy.days' must be a positive number of days")
    if policy.mode == "end_of_period" and policy.period is None:
        raise invalid("expiryPolicy.period", "'expiryPolicy.period' is required for end_of_period")
    if policy.afterMonths < 0:
        raise invalid("expiryPolicy.afterMonths", "'expiryPolicy.afterMonths' must not be negative")
    if "#" not in value.couponCodePattern or len(value.couponCodePattern) > 64:
        raise invalid(
            "couponCodePattern", "'couponCodePattern' needs at least one '#' and at most 64 characters"
        )
    if not re.fullmatch(r"[A-Za-z0-9#\-_]+", value.couponCodePattern):
        raise invalid("couponCodePattern", "'couponCodePattern' may hold letters, digits, '-', '_' and '#'")
    if not 0 < value.couponValidDays <= MAX_COUPON_VALID_DAYS:
        raise invalid(
            "couponValidDays", f"'couponValidDays' must be a whole number from 1 to {MAX_COUPON_VALID_DAYS}"
        )
    if value.defaultLanguage not in value.languages:
        raise invalid("defaultLanguage", "'defaultLanguage' must be one of 'languages'")
    if value.jwtSecret is not None and len(value.jwtSecret) < 16:
        raise invalid("jwtSecret", "'jwtSecret' must be at least 16 characters")
    if value.jwks is not None and not isinstance(value.jwks.get("keys"), list):
        raise invalid("jwks", "'jwks' must be a JWKS document with a 'keys' list")
    if value.rateLimit.requestsPerMinute < 0 or value.rateLimit.perCredentialPerMinute < 0:
        raise invalid("rateLimit", "'rateLimit' values must not be negative")
    if value.sso is not None:
        check_sso(value.sso)
    for name in ("birthdayReward", "anniversaryReward"):
        reward: LifecycleReward | None = getattr(value, name)
        if reward is None:
            continue
        if reward.points < 0:
            raise invalid(f"{name}.points", f"'{name}.points' must not be negative")
        if reward.points == 0 and not reward.offerId:
            raise invalid(f"{name}.points", f"'{name}' needs positive 'points' or an 'offerId'")
    days = value.expiryReminderDays
    if days is not None and not 1 <= days <= MAX_REMINDER_DAYS:
        raise invalid(
            "expiryReminderDays", f"'expiryReminderDays' must be a whole number from 1 to {MAX_REMINDER_DAYS}"
        )


def read_shape(value: TenantSettings, *, jwt_secret_set: bool) -> dict[str, Any]:
    out = msgspec.to_builtins(value)
    assert isinstance(out, dict)
    out.pop("jwtSecret", None)
    out["jwtSecretSet"] = jwt_secret_set
    if isinstance(out.get("sso"), dict):
        out["sso"]["clientSecretSet"] = bool(out["sso"].pop("clientSecret", None))
    return out
