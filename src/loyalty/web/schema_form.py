"""The editor's form mode: one input per top-level field of the kind's schema (the same msgspec
schema the admin API validates with). Text, numbers, yes/no and choices get their own inputs;
nested objects and lists are edited as YAML in their own box. The whole-body YAML editor stays as
the advanced mode."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from starlette.datastructures import FormData

from loyalty.core.errors import ErrorCode, LoyaltyError
from loyalty.web.schema_help import FieldHelp

PREFIX = "f."
"""Form fields are named ``f.<field>`` so they never meet ``csrf`` or ``mode``."""


@dataclass(frozen=True)
class FormField:
    help: FieldHelp
    widget: str
    """text, number, checkbox, select or yaml."""
    value: str
    """What the input shows: the stored value as text (YAML for nested values)."""

    @property
    def input_name(self) -> str:
        return PREFIX + self.help.name


def widget_of(field: FieldHelp) -> str:
    base = [t for t in field.type.split(" | ") if t != "null"]
    if field.choices:
        return "select"
    if base == ["boolean"]:
        return "checkbox"
    if base in (["integer"], ["number"]):
        return "number"
    if base == ["string"]:
        return "text"
    return "yaml"


def as_text(widget: str, value: Any) -> str:
    if value is None:
        return ""
    if widget == "yaml":
        return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, default_flow_style=False).strip()
    if widget == "checkbox":
        return "on" if value else ""
    return str(value)


def form_fields(fields: list[FieldHelp], item: dict[str, Any] | None) -> list[FormField]:
    item = item or {}
    out = []
    for f in fields:
        widget = widget_of(f)
        out.append(FormField(f, widget, as_text(widget, item.get(f.name))))
    return out


def typed_fields(fields: list[FieldHelp], form: FormData) -> list[FormField]:
    """The fields with what the person typed (a refused save shows them again)."""
    out = []
    for f in fields:
        widget = widget_of(f)
        out.append(FormField(f, widget, str(form.get(PREFIX + f.name) or "")))
    return out


def body_from_form(fields: list[FieldHelp], form: FormData) -> dict[str, Any]:
    """The request body the form stands for; an empty optional input leaves its field out (its
    default applies). A value that does not parse is passed on as typed, so the schema's
    validation names the field."""
    body: dict[str, Any] = {}
    for f in fields:
        widget = widget_of(f)
        raw = str(form.get(PREFIX + f.name) or "")
        if widget == "checkbox":
            body[f.name] = raw == "on"
            continue
        if not raw.strip():
            continue
        if widget == "number":
            try:
                body[f.name] = int(raw) if raw.strip().lstrip("-").isdigit() else float(raw)
            except ValueError:
                body[f.name] = raw
        elif widget == "yaml":
            try:
                body[f.name] = yaml.safe_load(raw)
            except yaml.YAMLError as exc:
                raise LoyaltyError(
                    ErrorCode.INVALID_INPUT, f"'{f.name}' is not valid YAML: {exc}", field=f.name
                ) from None
        else:
            body[f.name] = raw
    return body
