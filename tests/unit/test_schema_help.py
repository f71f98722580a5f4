"""Field help of the generic editor, from a kind's msgspec schema."""

from __future__ import annotations

from typing import Literal

import msgspec

from loyalty.app.tenancy.tenant_settings import TenantSettings
from loyalty.web.schema_help import Toggle, fields_of, toggle_of, top_field


class Reward(msgspec.Struct):
    default: int = 0


class Item(msgspec.Struct, forbid_unknown_fields=True):
    itemId: str
    rewards: list[Reward]
    status: Literal["ACTIVE", "INACTIVE", "DRAFT"] = "DRAFT"
    limit: int | None = None


def test_fields_list_names_types_required_and_defaults() -> None:
    found = {f.name: (f.type, f.required, f.default) for f in fields_of(Item)}
    assert found == {
        "itemId": ("string", True, None),
        "rewards": ("list of Reward", True, None),
        "status": ('"ACTIVE" | "DRAFT" | "INACTIVE"', False, '"DRAFT"'),
        "limit": ("integer | null", False, "null"),
    }


class Hook(msgspec.Struct):
    url: str
    active: bool = True


def test_status_toggle_uses_active_and_inactive() -> None:
    assert toggle_of(fields_of(Item)) == Toggle("status", "ACTIVE", "INACTIVE")
    assert toggle_of(fields_of(TenantSettings)) is None


def test_an_active_flag_is_a_toggle_too() -> None:
    toggle = toggle_of(fields_of(Hook))
    assert toggle == Toggle("active", True, False)
    assert (toggle.is_on({"active": False}), toggle.label({"active": False})) == (False, "INACTIVE")


class Offer(msgspec.Struct):
    title: str
    status: Literal["ACTIVE", "INACTIVE"] = "ACTIVE"


def test_an_item_without_the_field_is_what_the_schema_defaults_to() -> None:
    offer = toggle_of(fields_of(Offer))
    assert offer is not None
    assert (offer.is_on({"title": "Coffee"}), offer.label({"title": "Coffee"})) == (True, "ACTIVE")
    hook = toggle_of(fields_of(Hook))
    assert hook is not None
    assert (hook.is_on({"url": "https://x"}), hook.label({"url": "https://x"})) == (True, "ACTIVE")
    draft = toggle_of(fields_of(Item))
    assert draft is not None
    assert (draft.is_on({}), draft.label({})) == (False, "DRAFT")


def test_nested_struct_fields_show_their_type_name() -> None:
    types = {f.name: f.type for f in fields_of(TenantSettings)}
    assert types["expiryPolicy"] == "ExpiryPolicy"
    assert types["languages"] == "list of string"


def test_error_paths_highlight_their_top_level_field() -> None:
    assert top_field("reward.default") == "reward"
    assert top_field("conditions[0].value") == "conditions"
    assert top_field(None) is None
