"""Field help for the generic editor, derived from a kind's msgspec schema (names, types, defaults)."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

import msgspec


@dataclass(frozen=True)
class FieldHelp:
    name: str
    type: str
    required: bool
    default: str | None
    description: str | None
    choices: list[Any] | None


def describe(node: dict[str, Any], defs: dict[str, Any]) -> str:
    """A short human-readable type: ``string``, ``integer | null``, ``list of Condition``, ``"A" | "B"``."""
    if "$ref" in node:
        return str(node["$ref"].rsplit("/", 1)[-1])
    if "enum" in node:
        return " | ".join(json.dumps(v) for v in node["enum"])
    if "const" in node:
        return json.dumps(node["const"])
    if "anyOf" in node:
        return " | ".join(describe(n, defs) for n in node["anyOf"])
    kind = node.get("type")
    if kind == "array":
        return "list of " + describe(node.get("items") or {}, defs)
    if kind == "object":
        extra = node.get("additionalProperties")
        return "map of " + describe(extra, defs) if isinstance(extra, dict) else "object"
    if isinstance(kind, list):
        return " | ".join(str(k) for k in kind)
    return str(kind or "any")


def _choices(node: dict[str, Any], defs: dict[str, Any]) -> list[Any] | None:
    if "enum" in node:
        return list(node["enum"])
    if "$ref" in node:
        target = defs.get(node["$ref"].rsplit("/", 1)[-1], {})
        return list(target["enum"]) if "enum" in target else None
    for option in node.get("anyOf", []):
        found = _choices(option, defs)
        if found:
            return found
    return None


def fields_of(schema_type: type[Any]) -> list[FieldHelp]:
    schema = msgspec.json.schema(schema_type)
    defs: dict[str, Any] = schema.get("$defs", {})
    root = schema
    if "$ref" in schema:
        root = defs.get(schema["$ref"].rsplit("/", 1)[-1], {})
    required = set(root.get("required", []))
    out = []
    for name, node in (root.get("properties") or {}).items():
        default = json.dumps(node["default"]) if "default" in node else None
        out.append(
            FieldHelp(
                name=name,
                type=describe(node, defs),
                required=name in required,
                default=default,
                description=node.get("description") or node.get("title"),
                choices=_choices(node, defs),
            )
        )
    return out


@dataclass(frozen=True)
class Toggle:
    """How a kind is switched on and off: a ``status`` enum or an ``active`` flag."""

    field: str
    on: Any
    off: Any
    default: Any = dataclasses.field(default=None, compare=False)
    """The schema's default: what an item that leaves the field out is (an offer without
    ``status`` is ACTIVE)."""

    def value(self, item: dict[str, Any]) -> Any:
        return item.get(self.field, self.default)

    def is_on(self, item: dict[str, Any]) -> bool:
        return bool(self.value(item) == self.on)

    def label(self, item: dict[str, Any]) -> str:
        value = self.value(item)
        if isinstance(value, bool):
            return "ACTIVE" if value else "INACTIVE"
        return str(value) if value is not None else "—"


def toggle_of(fields: list[FieldHelp]) -> Toggle | None:
    """The activate/deactivate switch of a kind, when its schema has one."""
    by_name = {f.name: f for f in fields}
    status = by_name.get("status")
    if status is not None:
        default = _default_of(status)
        values = [v for v in status.choices or [] if isinstance(v, str)]
        upper = {v.upper(): v for v in values}
        if "ACTIVE" in upper and "INACTIVE" in upper:
            return Toggle("status", upper["ACTIVE"], upper["INACTIVE"], default)
        if len(values) >= 2:
            return Toggle("status", values[0], values[1], default)
        return Toggle("status", "ACTIVE", "INACTIVE", default)
    for name in ("active", "enabled"):
        flag = by_name.get(name)
        if flag is not None and flag.type.split(" | ")[0] == "boolean":
            return Toggle(name, True, False, _default_of(flag))
    return None


def _default_of(help_: FieldHelp) -> Any:
    return None if help_.default is None else json.loads(help_.default)


def top_field(path: str | None) -> str | None:
    """``reward.default`` / ``conditions[0].value`` → the top-level field to highlight."""
    if not path:
        return None
    return path.split(".", 1)[0].split("[", 1)[0] or None
