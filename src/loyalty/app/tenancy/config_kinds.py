"""The registry of configuration kinds served by the generic admin API.

A feature registers its kind once: the struct that is its wire shape (the seed's read shape plus the
fields that drive behaviour), the field holding its id, and an optional ``check`` for rules a type
cannot express. The admin API, config-as-code and the dashboard all go through this registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import msgspec

from loyalty.app.kernel.validation import convert
from loyalty.core.errors import invalid
from loyalty.settings import Settings


@dataclass(frozen=True)
class ConfigKind:
    name: str
    schema: type[Any]
    id_field: str | None = None
    """Field of the body that carries the id (``eventId`` …); filled from the path when absent."""
    check: Callable[[Any], None] | None = None
    """Raises ``LoyaltyError`` (invalid, naming the field) for rules a type cannot express."""
    compile: Callable[[Any], Any] | None = None
    """Turns the validated struct into what the hot path uses (cached per process)."""
    check_stored: Callable[[dict[str, Any], Settings], None] | None = None
    """Rules over the item as it will be stored (write-only fields kept from before) and the
    operator's settings; raises ``LoyaltyError`` naming the field."""
    description: str = ""
    related: list[str] = field(default_factory=list)
    write_only: tuple[str, ...] = ()
    """Fields that are never returned (reads show ``<field>Set``), required on create and kept from
    the stored item when a replacing PUT omits them (secrets)."""

    def read_view(self, stored: dict[str, Any]) -> dict[str, Any]:
        """The stored body as the admin API and the audit trail show it: write-only fields hidden."""
        if not self.write_only:
            return stored
        out = {k: v for k, v in stored.items() if k not in self.write_only}
        for name in self.write_only:
            out[f"{name}Set"] = stored.get(name) is not None
        return out

    def keep_write_only(self, stored: dict[str, Any], existing: dict[str, Any] | None) -> dict[str, Any]:
        for name in self.write_only:
            if stored.get(name) is None and existing is not None:
                stored = {**stored, name: existing.get(name)}
            if stored.get(name) is None:
                raise invalid(name, f"'{name}' is required")
        return stored

    def parse(self, item_id: str, body: Any) -> Any:
        if not isinstance(body, dict):
            raise invalid("body", "a JSON object is required")
        if self.write_only:  # a read shape sent back as is carries ``<field>Set``
            body = {k: v for k, v in body.items() if k not in {f"{n}Set" for n in self.write_only}}
        if "version" not in self.schema.__struct_fields__:  # the conditional-PUT version (admin.save_item)
            body = {k: v for k, v in body.items() if k != "version"}
        if self.id_field is not None:
            given = body.get(self.id_field)
            if given is None:
                body = {**body, self.id_field: item_id}
            elif given != item_id:
                raise invalid(self.id_field, f"'{self.id_field}' must match the id in the path ('{item_id}')")
        value = convert(body, self.schema)
        if self.check is not None:
            self.check(value)
        return value

    def check_for_operator(self, stored: dict[str, Any], settings: Settings) -> None:
        if self.check_stored is not None:
            self.check_stored(stored, settings)

    def prepared(self, value: Any) -> Any:
        return self.compile(value) if self.compile is not None else value

    @staticmethod
    def dump(value: Any) -> dict[str, Any]:
        out = msgspec.to_builtins(value)
        assert isinstance(out, dict)
        return out


KINDS: dict[str, ConfigKind] = {}


def register(kind: ConfigKind) -> ConfigKind:
    KINDS[kind.name] = kind
    return kind


# Kinds that are not stored as config items but served by the same admin API.
SPECIAL_KINDS = ("settings", "api-keys", "audit")

# Every kind PRODUCT.md names; the ones not yet registered answer 404 with a clear message.
ALL_KIND_NAMES = (
    "events",
    "challenges",
    "streaks",
    "surveys",
    "offers",
    "metrics",
    "inventory",
    "milestones",
    "leaderboards",
    "webhooks",
    "usergroups",
    "referrals",
    "campaigns",
    "api-keys",
    "settings",
    "audit",
)
