"""User groups: the ``usergroups`` config kind and a user's membership (``users.usergroup``).

A group selects event rewards (``reward[group]``), the leaderboards limited to it, and challenges.
Because the group changes what a user earns, setting it needs the manage scope: a user cannot
move themself into a better-paid group.
"""

from __future__ import annotations

from typing import Any

import msgspec

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.uow import Tx, run_read
from loyalty.app.tenancy.config_kinds import ConfigKind
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.app.users.users import check_user_id, resolve_user
from loyalty.core.errors import invalid, not_found

DEFAULT_GROUP = "default"


class UserGroup(msgspec.Struct, forbid_unknown_fields=True):
    """Admin kind ``usergroups``."""

    id: str
    title: str | dict[str, str] | None = None
    description: str | dict[str, str] | None = None
    version: int | None = None


def check_group(value: UserGroup) -> None:
    if value.id == DEFAULT_GROUP:
        raise invalid("id", f"'{DEFAULT_GROUP}' is the built-in group of users without one")


CONFIG_KIND = ConfigKind(
    name="usergroups",
    schema=UserGroup,
    id_field="id",
    check=check_group,
    description="User groups: select event rewards, leaderboards and challenges.",
    related=["events", "leaderboards", "challenges"],
)
"""Registered at start-up by :func:`loyalty.app.features.load`."""


def membership_view(user_id: str, group: str | None) -> dict[str, Any]:
    return {"userId": user_id, "usergroup": group or DEFAULT_GROUP}


async def set_usergroup(tx: Tx, user_id: str, group: str | None) -> dict[str, Any]:
    """Put the user in ``group`` (``default`` or None: no group). Creates an unknown user."""
    tx.principal.require_manage()
    check_user_id(user_id)
    if group == DEFAULT_GROUP:
        group = None
    if group is not None and tx.tenant.get("usergroups", group) is None:
        raise invalid("usergroup", f"'usergroup': no user group '{group}' is configured")
    user_pk = await resolve_user(tx, user_id, create=True)
    await tx.store.users.update_fields(user_pk, usergroup=group)
    await tx.store.audit.record(
        tenant_id=tx.tenant.id,
        actor=tx.principal.actor,
        action="usergroup.set",
        target=f"users/{user_id}",
        before=None,
        after={"usergroup": group or DEFAULT_GROUP},
        now=tx.now,
    )
    return membership_view(user_id, group)


async def usergroup_of(services: Services, principal: Principal, user_id: str) -> dict[str, Any]:
    principal.require_read_user(user_id)

    async def work(store: Store, tenant: TenantConfig) -> dict[str, Any]:
        user = await store.users.get(tenant.id, user_id)
        if user is None:
            raise not_found("user", user_id)
        return membership_view(user_id, user["usergroup"])

    return await run_read(services, principal, work)
