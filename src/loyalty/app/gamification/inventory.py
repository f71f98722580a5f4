"""Inventory: sets of items (badges, stickers, …) that users gain and lose."""

from __future__ import annotations

from dataclasses import dataclass

import msgspec

from loyalty.app.kernel.store import Store
from loyalty.app.kernel.texts import Text
from loyalty.app.kernel.uow import Tx
from loyalty.app.tenancy.config_kinds import ConfigKind
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core.errors import invalid


class InventoryItem(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    title: Text | None = None
    media: str | None = None


class InventorySet(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    title: Text | None = None
    items: list[InventoryItem] = msgspec.field(default_factory=list)


def check_set(value: InventorySet) -> None:
    seen: set[str] = set()
    for index, item in enumerate(value.items):
        if not item.id or len(item.id) > 200:
            raise invalid(f"items[{index}].id", f"'items[{index}].id' must be 1-200 characters")
        if item.id in seen:
            raise invalid(f"items[{index}].id", f"'items[{index}].id' repeats item '{item.id}'")
        seen.add(item.id)


CONFIG_KIND = ConfigKind(
    name="inventory",
    schema=InventorySet,
    id_field="id",
    check=check_set,
    description="Inventory sets and their items, which challenges hand out (and take back).",
)
"""Registered at start-up by :func:`loyalty.app.features.load`."""


@dataclass(frozen=True)
class ItemRef:
    set_id: str
    item_id: str


async def gain(tx: Tx, user_pk: int, item: ItemRef) -> bool:
    """Give the user the item; False when they already held it (an inventory holds each once)."""
    return await tx.store.inventory.add(
        tenant_id=tx.tenant.id,
        user_pk=user_pk,
        set_id=item.set_id,
        item_id=item.item_id,
        now=tx.now,
    )


async def lose(tx: Tx, user_pk: int, item: ItemRef) -> bool:
    """Take the item away; False when the user did not hold it."""
    return await tx.store.inventory.remove(user_pk=user_pk, set_id=item.set_id, item_id=item.item_id)


async def holdings(store: Store, tenant: TenantConfig, user_pk: int | None) -> dict[str, list[str]]:
    """``{set_id: [item_id, …]}`` for every configured set (empty lists included)."""
    out: dict[str, list[str]] = {set_id: [] for set_id in sorted(tenant.all("inventory"))}
    if user_pk is not None:
        for set_id, item_id in await store.inventory.holdings(user_pk):
            out.setdefault(set_id, []).append(item_id)
    return out
