"""Staff accounts: the people who run a tenant's programme in the dashboard, each with a role.

- **admin**: everything.
- **support**: look members up, adjust points with a reason, grant and revoke a member's coupon,
  re-send a webhook delivery, export a member's data; no programme configuration, keys or settings.
- **viewer**: read only.

An admin changes a person's role; the tenant always keeps one active admin: demoting or disabling
the last one is refused (409), so nobody locks the tenant out of its own dashboard.

Passwords are stored as argon2id hashes (argon2-cffi) and checked in a worker thread: a hash takes
tens of milliseconds of CPU, which must not stall the event loop. A new account gets a one-time
password that must be replaced at the first sign-in.
"""

from __future__ import annotations

import asyncio
import functools
import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from loyalty.app.kernel.principal import MANAGE, VIEW, Principal
from loyalty.app.kernel.services import Services
from loyalty.core.errors import ErrorCode, LoyaltyError, invalid, not_found
from loyalty.settings import Settings

if TYPE_CHECKING:
    from loyalty.app.kernel.store import Store
    from loyalty.app.tenancy.ports import StaffRow

ROLES = ("admin", "support", "viewer")
MIN_PASSWORD = 12
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@functools.cache
def hasher(time_cost: int, memory_kib: int) -> tuple[PasswordHasher, str]:
    """The argon2id hasher of these costs (``LOYALTY_PASSWORD_HASH_*``), and a hash of a random
    password to check against when the email is unknown, so that takes as long as a known one."""
    made = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib)
    return made, made.hash(secrets.token_urlsafe(16))


def hasher_of(settings: Settings) -> tuple[PasswordHasher, str]:
    return hasher(settings.password_hash_time_cost, settings.password_hash_memory_kib)


@dataclass(frozen=True)
class StaffView:
    id: int
    tenant_id: int
    email: str
    role: str
    must_change_password: bool
    session_version: int
    disabled: bool
    sso: bool
    created_at: int
    last_sign_in_at: int | None


def view(row: StaffRow) -> StaffView:
    return StaffView(
        id=int(row["id"]),
        tenant_id=int(row["tenant_id"]),
        email=str(row["email"]),
        role=str(row["role"]),
        must_change_password=bool(row["must_change_password"]),
        session_version=int(row["session_version"]),
        disabled=row["disabled_at"] is not None,
        sso=row["oidc_subject"] is not None,
        created_at=int(row["created_at"]),
        last_sign_in_at=row["last_sign_in_at"],
    )


def principal_of(staff: StaffView, tenant_name: str) -> Principal:
    """The principal a person acts with: the use cases' own checks see their role's rights."""
    scopes = {"admin": frozenset(), "support": frozenset({MANAGE}), "viewer": frozenset({VIEW})}
    return Principal(
        tenant_id=staff.tenant_id,
        tenant=tenant_name,
        subject=None,
        scopes=scopes[staff.role],
        staff_email=staff.email,
        staff_role=staff.role,
    )


def normalise_email(raw: object) -> str:
    email = str(raw or "").strip().lower()
    if not _EMAIL.match(email) or len(email) > 254:
        raise invalid("email", "'email' must be an email address such as alice@example.com")
    return email


def check_role(role: object) -> str:
    if role not in ROLES:
        raise invalid("role", f"'role' must be one of {', '.join(ROLES)}")
    return str(role)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise invalid("password", f"the new password needs at least {MIN_PASSWORD} characters")


async def hash_password(settings: Settings, password: str) -> str:
    return await asyncio.to_thread(hasher_of(settings)[0].hash, password)


async def password_matches(settings: Settings, stored: str | None, password: str) -> bool:
    check, dummy = hasher_of(settings)

    def verify() -> bool:
        try:
            return check.verify(stored or dummy, password) and stored is not None
        except (VerificationError, InvalidHashError):
            return False

    return await asyncio.to_thread(verify)


async def create_staff(
    store: Store, settings: Settings, *, tenant_id: int, email: str, role: str, actor: str, now: int
) -> tuple[StaffView, str]:
    """A new account with a one-time password (returned once, to be shown once)."""
    email = normalise_email(email)
    role = check_role(role)
    if await store.staff.by_email(tenant_id, email) is not None:
        raise LoyaltyError(ErrorCode.ALREADY_EXISTS, f"staff member '{email}' already exists", field="email")
    password = secrets.token_urlsafe(15)
    staff_id = await store.staff.insert(
        tenant_id=tenant_id,
        email=email,
        role=role,
        password_hash=await hash_password(settings, password),
        must_change_password=True,
        oidc_subject=None,
        now=now,
    )
    await _audit(store, tenant_id, actor, "staff.create", email, None, {"role": role}, now)
    row = await store.staff.by_id(tenant_id, staff_id)
    assert row is not None
    return view(row), password


async def create_sso_staff(
    store: Store, *, tenant_id: int, email: str, role: str, subject: str, now: int
) -> StaffView:
    """The account made by a person's first sign-in through the tenant's OpenID Connect provider."""
    email = normalise_email(email)
    staff_id = await store.staff.insert(
        tenant_id=tenant_id,
        email=email,
        role=check_role(role),
        password_hash=None,
        must_change_password=False,
        oidc_subject=subject,
        now=now,
    )
    await _audit(
        store, tenant_id, f"staff:{email}", "staff.create", email, None, {"role": role, "sso": True}, now
    )
    row = await store.staff.by_id(tenant_id, staff_id)
    assert row is not None
    return view(row)


async def list_staff(store: Store, tenant_id: int) -> list[StaffView]:
    return [view(r) for r in await store.staff.list_for_tenant(tenant_id)]


async def disable_staff(store: Store, *, tenant_id: int, email: str, actor: str, now: int) -> StaffView:
    """Disabling ends the person's sessions at once (their session version moves on)."""
    email = normalise_email(email)
    row = await store.staff.by_email(tenant_id, email)
    if row is None:
        raise not_found("staff member", email)
    if row["disabled_at"] is None:
        await _keep_an_admin(store, tenant_id, row, "disable")
        await store.staff.disable(int(row["id"]), now)
        await _audit(store, tenant_id, actor, "staff.disable", email, {"role": row["role"]}, None, now)
    found = await store.staff.by_id(tenant_id, int(row["id"]))
    assert found is not None
    return view(found)


async def change_role(
    store: Store, *, tenant_id: int, email: str, role: str, actor: str, now: int
) -> StaffView:
    """Give the person another role; it applies from their next request (every request reads the
    role afresh), so their sessions go on."""
    email = normalise_email(email)
    role = check_role(role)
    row = await store.staff.by_email(tenant_id, email)
    if row is None:
        raise not_found("staff member", email)
    if row["role"] != role:
        if role != "admin":
            await _keep_an_admin(store, tenant_id, row, "demote")
        await store.staff.set_role(int(row["id"]), role)
        await _audit(store, tenant_id, actor, "staff.role", email, {"role": row["role"]}, {"role": role}, now)
    found = await store.staff.by_id(tenant_id, int(row["id"]))
    assert found is not None
    return view(found)


async def _keep_an_admin(store: Store, tenant_id: int, row: StaffRow, verb: str) -> None:
    """Refuse to take the tenant's last active admin away (checked under the admins' row locks)."""
    admins = await store.staff.lock_active_admins(tenant_id)
    if admins == [int(row["id"])]:
        raise LoyaltyError(
            ErrorCode.CONFLICT,
            f"cannot {verb} {row['email']}: the tenant's last active admin; make another person admin first",
            field="role" if verb == "demote" else "email",
        )


async def authenticate(services: Services, tenant_id: int, email: str, password: str) -> StaffView | None:
    """The active account with this email and password, or None (the same for every failure).

    The hash is checked outside any write transaction: it takes tens of milliseconds."""
    try:
        email = normalise_email(email)
    except LoyaltyError:
        return None
    async with services.stores.read() as store:
        row = await store.staff.by_email(tenant_id, email)
    stored = row["password_hash"] if row is not None and row["disabled_at"] is None else None
    if not await password_matches(services.settings, stored, password) or row is None:
        return None
    async with services.stores.write() as store:
        await store.staff.signed_in(int(row["id"]), services.now())
    return view(row)


async def change_password(
    store: Store,
    settings: Settings,
    staff: StaffView,
    *,
    current: str,
    new: str,
    repeat: str,
    now: int,
) -> StaffView:
    row = await store.staff.by_id(staff.tenant_id, staff.id)
    if row is None or row["disabled_at"] is not None:
        raise not_found("staff member", staff.email)
    if row["password_hash"] is not None and not await password_matches(
        settings, row["password_hash"], current
    ):
        raise invalid("current", "the current password is not right")
    check_password(new)
    if new != repeat:
        raise invalid("repeat", "the two new passwords differ")
    if new == current:
        raise invalid("password", "the new password must differ from the current one")
    await store.staff.set_password(staff.id, await hash_password(settings, new))
    await _audit(
        store, staff.tenant_id, f"staff:{staff.email}", "staff.password", staff.email, None, None, now
    )
    found = await store.staff.by_id(staff.tenant_id, staff.id)
    assert found is not None
    return view(found)


async def session_staff(services: Services, tenant_id: int, staff_id: int, version: int) -> StaffView | None:
    """The account a session cookie names, while it is active and the session is still current."""
    async with services.stores.read() as store:
        row = await store.staff.by_id(tenant_id, staff_id)
    if row is None or row["disabled_at"] is not None or int(row["session_version"]) != version:
        return None
    return view(row)


async def has_staff(services: Services, tenant_id: int) -> bool:
    async with services.stores.read() as store:
        return await store.staff.count_active(tenant_id) > 0


async def _audit(
    store: Store,
    tenant_id: int,
    actor: str,
    action: str,
    email: str,
    before: Any,
    after: Any,
    now: int,
) -> None:
    await store.audit.record(
        tenant_id=tenant_id,
        actor=actor,
        action=action,
        target=f"staff/{email}",
        before=before,
        after=after,
        now=now,
    )
