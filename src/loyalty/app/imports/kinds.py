"""What each kind of import row means: its fields, its checks, its stable key and its effect.

A kind is plain data plus a few functions, so a new one is one more ``ImportKind`` in
:data:`loyalty.app.imports.catalog.IMPORT_KINDS`, and the runner, the CLI command and the admin
endpoint serve it unchanged.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from loyalty.app.imports.rows import FieldError, text, timestamp_ms, whole_number
from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger import bulk_credits
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.app.users.usergroups import DEFAULT_GROUP
from loyalty.app.users.users import MAX_USER_ID
from loyalty.core.errors import LoyaltyError
from loyalty.core.lifecycle import check_birthday

MAX_POINTS = 1_000_000_000
IMPORT_SOURCE = "import"
"""The ledger ``source`` of imported credits (history and webhooks show where points came from)."""


@dataclass(frozen=True)
class Context:
    """What checking a row may look at: the tenant's configuration and the time of the import."""

    tenant: TenantConfig
    now: int


@dataclass(frozen=True)
class ImportKind:
    name: str
    fields: tuple[str, ...]
    """Every column/key a row may have; anything else is an error (a typo must not pass silently)."""
    parse: Callable[[dict[str, Any], Context], Any]
    """The row's checked value; raises ``FieldError`` naming the field."""
    reference: Callable[[Any], str | None]
    """The row's own stable key, when it has one; else the file's name, line and content are."""
    apply: Callable[[Tx, list[Any]], Awaitable[None]]
    """The effect of a batch's new rows (in file order), in the batch's transaction."""
    order: tuple[str, Callable[[Any], int]] | None = None
    """(field, value): the file's rows must come in non-decreasing order of the value (events:
    ``occurredAt``); a row out of order is an error naming the field."""


# users: userId, usergroup, createdAt, birthday


@dataclass(frozen=True)
class UserRow:
    user_id: str
    usergroup: str | None
    created_at: int | None
    birthday: str | None = None


def parse_user(fields: dict[str, Any], ctx: Context) -> UserRow:
    user_id = text(fields, "userId", required=True, max_chars=MAX_USER_ID)
    assert user_id is not None
    group = text(fields, "usergroup", max_chars=100)
    if group == DEFAULT_GROUP:
        group = None
    if group is not None and ctx.tenant.get("usergroups", group) is None:
        raise FieldError("usergroup", f"no user group '{group}' is configured")
    created_at = timestamp_ms(fields, "createdAt")
    if created_at is not None and created_at > ctx.now:
        raise FieldError("createdAt", "'createdAt' must not be in the future")
    birthday = text(fields, "birthday", max_chars=5)
    if birthday is not None:
        try:
            check_birthday(birthday)
        except LoyaltyError as error:
            raise FieldError("birthday", error.message) from None
    return UserRow(user_id, group, created_at, birthday)


async def apply_users(tx: Tx, rows: list[UserRow]) -> None:
    """Create the members as of ``createdAt`` (all of the batch's new ones in one statement); a
    member who exists already, or appears again further down, gets the row's group and birthday
    (those given)."""
    ids = list(dict.fromkeys(r.user_id for r in rows))
    existing = await tx.store.users.pks_of(tx.tenant.id, ids)
    creating: dict[str, UserRow] = {}
    for r in rows:
        if r.user_id not in existing:
            creating.setdefault(r.user_id, r)
    await tx.store.users.insert_many_if_absent(
        tenant_id=tx.tenant.id,
        rows=[
            {
                "external_id": r.user_id,
                "usergroup": r.usergroup,
                "birthday": r.birthday,
                "created_at": r.created_at if r.created_at is not None else tx.now,
            }
            for r in creating.values()
        ],
    )
    changed = [
        r
        for r in rows
        if (r.usergroup is not None or r.birthday is not None) and creating.get(r.user_id) is not r
    ]
    if changed:
        pks = await tx.store.users.pks_of(tx.tenant.id, [r.user_id for r in changed])
        for r in changed:
            values = {"usergroup": r.usergroup, "birthday": r.birthday}
            await tx.store.users.update_fields(
                pks[r.user_id], **{k: v for k, v in values.items() if v is not None}
            )


USERS = ImportKind(
    name="users",
    fields=("userId", "usergroup", "createdAt", "birthday"),
    parse=parse_user,
    reference=lambda row: None,
    apply=apply_users,
)


# balances: userId, points, validUntil, description, reference


@dataclass(frozen=True)
class BalanceRow:
    user_id: str
    points: int
    valid_until: int | None
    description: str | None
    reference: str | None


def parse_balance(fields: dict[str, Any], ctx: Context) -> BalanceRow:
    user_id = text(fields, "userId", required=True, max_chars=MAX_USER_ID)
    assert user_id is not None
    points = whole_number(fields, "points", required=True)
    assert points is not None
    if not 0 < points <= MAX_POINTS:
        raise FieldError("points", f"'points' must be between 1 and {MAX_POINTS}")
    valid_until = timestamp_ms(fields, "validUntil")
    if valid_until is not None and valid_until <= ctx.now:
        raise FieldError("validUntil", "'validUntil' has passed: these points have already expired")
    return BalanceRow(
        user_id=user_id,
        points=points,
        valid_until=valid_until,
        description=text(fields, "description", max_chars=500),
        reference=text(fields, "reference", max_chars=200),
    )


async def apply_balances(tx: Tx, rows: list[BalanceRow]) -> None:
    """Credits on the ledger (all of the batch's at once): FIFO spending and expiry treat them as
    points earned here. Without ``validUntil`` the tenant's expiry policy applies, as to any
    credit. Users the tenant does not know are created first, all of the batch's in one statement."""
    ids = list(dict.fromkeys(r.user_id for r in rows))
    await tx.store.users.insert_many_if_absent(
        tenant_id=tx.tenant.id,
        rows=[{"external_id": user_id, "created_at": tx.now} for user_id in ids],
    )
    pks = await tx.store.users.pks_of(tx.tenant.id, ids)
    await bulk_credits.credit_many(
        tx,
        [
            bulk_credits.Credit(
                pks[row.user_id],
                row.points,
                row.valid_until,
                row.reference,
                row.description or "Imported balance",
            )
            for row in rows
        ],
        source=IMPORT_SOURCE,
    )


BALANCES = ImportKind(
    name="balances",
    fields=("userId", "points", "validUntil", "description", "reference"),
    parse=parse_balance,
    reference=lambda row: row.reference,
    apply=apply_balances,
)
