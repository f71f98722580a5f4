"""Configuration as code: a whole tenant's programme as one document, exported and applied.

``apply`` validates every item of the document with its kind's own rules before anything is
written, then writes all changes in ONE transaction through the same admin use cases as the admin
API, so the audit trail and validation are identical. Secrets are never exported; an applied item
without its secret keeps the one already stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import Encoded, Tx, run_read, run_write
from loyalty.app.kernel.validation import convert
from loyalty.app.tenancy import admin
from loyalty.app.tenancy.config_kinds import KINDS
from loyalty.app.tenancy.tenant_settings import TenantSettings, check_settings, read_shape
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core.errors import ErrorCode, LoyaltyError

if TYPE_CHECKING:
    from loyalty.app.kernel.store import Store

FORMAT_VERSION = 1
# Read-only fields of the stored shape that a document does not carry.
READ_ONLY = ("version", "id", "jwtSecretSet")


def is_secret(name: str) -> bool:
    lowered = name.lower()
    return lowered.endswith(("secret", "password")) or lowered in ("apikey", "privatekey")


def _without_secrets(body: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in body.items() if not is_secret(k) and k not in READ_ONLY}


@dataclass(frozen=True)
class FieldChange:
    path: str
    """Dotted, e.g. ``reward.default``."""
    before: Any
    after: Any


ABSENT = object()


def _shown(value: Any) -> str:
    if value is ABSENT or value is None:
        return "(none)"
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


@dataclass(frozen=True)
class Change:
    action: Literal["create", "update", "delete"]
    kind: str
    item_id: str
    fields: tuple[FieldChange, ...] = field(default=(), compare=False)
    """For updates: what changes, field by field."""

    def line(self) -> str:
        return f"{self.action} {self.kind}/{self.item_id}"

    def details(self) -> list[str]:
        """``events/purchase_completed: reward.default 2 → 10``, one line per changed field."""
        where = f"{self.kind}/{self.item_id}"
        return [f"{where}: {f.path} {_shown(f.before)} → {_shown(f.after)}" for f in self.fields]


def field_changes(before: dict[str, Any], after: dict[str, Any], prefix: str = "") -> list[FieldChange]:
    """Leaf-level differences of two bodies; nested objects are compared key by key, lists whole."""
    found: list[FieldChange] = []
    for key in [*after, *(k for k in before if k not in after)]:
        old, new = before.get(key, ABSENT), after.get(key, ABSENT)
        path = f"{prefix}{key}"
        if isinstance(old, dict) and isinstance(new, dict):
            found.extend(field_changes(old, new, path + "."))
        elif old != new:
            found.append(FieldChange(path, old, new))
    return found


def _resets(
    kind: str, item_id: str, given: Any, before: dict[str, Any], after: dict[str, Any]
) -> list[Problem]:
    """Fields the file leaves out whose stored value the apply would replace by a default."""
    if not isinstance(given, dict):
        return []
    return [
        Problem(
            kind,
            item_id,
            key,
            f"the file leaves out '{key}', which would reset it from {_shown(before[key])} to "
            f"{_shown(after.get(key, ABSENT))}; add it to the file, or pass --allow-reset",
        )
        for key in before
        if key not in given and key not in READ_ONLY and before[key] != after.get(key, ABSENT)
    ]


@dataclass(frozen=True)
class Problem:
    kind: str
    item_id: str
    field: str | None
    message: str

    def line(self) -> str:
        where = f"{self.kind}/{self.item_id}" + (f" field '{self.field}'" if self.field else "")
        return f"{where}: {self.message}"


class ConfigDocumentInvalid(LoyaltyError):
    """The document failed validation; ``problems`` names each kind/id/field. Nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        super().__init__(
            ErrorCode.INVALID_INPUT,
            "; ".join(p.line() for p in problems),
            field=f"{first.kind}/{first.item_id}" + (f".{first.field}" if first.field else ""),
        )
        self.problems = problems


async def export_tenant(services: Services, principal: Principal) -> dict[str, Any]:
    """Settings and every registered kind's items, in a stable order, without secrets."""
    principal.require_admin()

    async def work(store: Store, tenant: TenantConfig) -> dict[str, Any]:
        items: dict[str, dict[str, Any]] = {}
        for row in await store.config.list_all(tenant.id):
            if row["kind"] in KINDS:
                items.setdefault(row["kind"], {})[row["item_id"]] = _without_secrets(row["body"])
        return {
            "format": FORMAT_VERSION,
            "tenant": tenant.name,
            "settings": _without_secrets(admin.settings_view(tenant)),
            "items": {kind: items[kind] for kind in sorted(items)},
        }

    return await run_read(services, principal, work)


@dataclass
class _Planned:
    changes: list[Change]
    settings: dict[str, Any] | None
    puts: list[tuple[str, str, dict[str, Any]]]


def _document_problems(document: Any) -> list[Problem]:
    if not isinstance(document, dict):
        return [Problem("document", "-", None, "the file must hold a mapping with 'settings' and 'items'")]
    unknown = sorted(set(document) - {"format", "tenant", "settings", "items"})
    if unknown:
        return [Problem("document", "-", unknown[0], f"'{unknown[0]}' is not a known top-level key")]
    if document.get("format", FORMAT_VERSION) != FORMAT_VERSION:
        return [Problem("document", "-", "format", f"'format' must be {FORMAT_VERSION}")]
    items = document.get("items") or {}
    if not isinstance(items, dict):
        return [Problem("document", "-", "items", "'items' must map kind names to items")]
    problems = []
    for kind, entries in items.items():
        if kind not in KINDS:
            known = ", ".join(sorted(KINDS)) or "none registered"
            problems.append(Problem(str(kind), "-", None, f"unknown kind (known: {known})"))
        elif not isinstance(entries, dict):
            problems.append(Problem(kind, "-", None, "items of a kind must map ids to bodies"))
    return problems


async def _plan(
    services: Services, principal: Principal, document: Any, prune: bool, allow_reset: bool
) -> _Planned:
    problems = _document_problems(document)
    if problems:
        raise ConfigDocumentInvalid(problems)

    async def work(store: Store, tenant: TenantConfig) -> _Planned:
        stored: dict[tuple[str, str], dict[str, Any]] = {
            (r["kind"], r["item_id"]): r["body"]
            for r in await store.config.list_all(tenant.id)
            if r["kind"] in KINDS
        }
        planned = _Planned(changes=[], settings=None, puts=[])
        found: list[Problem] = []
        settings = document.get("settings")
        if settings is not None:
            body = settings
            if isinstance(settings, dict):
                body = {k: v for k, v in settings.items() if k not in READ_ONLY}
            try:
                value = convert(body, TenantSettings)
                check_settings(value)
            except LoyaltyError as error:
                found.append(Problem("settings", admin.SETTINGS_ID, error.field, error.message))
            else:
                current = _without_secrets(read_shape(tenant.settings, jwt_secret_set=False))
                wanted_shape = _without_secrets(read_shape(value, jwt_secret_set=False))
                if not allow_reset:
                    found.extend(_resets("settings", admin.SETTINGS_ID, body, current, wanted_shape))
                if wanted_shape != current or value.jwtSecret:
                    planned.settings = body
                    fields = field_changes(current, wanted_shape)
                    if value.jwtSecret:
                        fields.append(FieldChange("jwtSecret", "(secret)", "(new secret)"))
                    planned.changes.append(Change("update", "settings", admin.SETTINGS_ID, tuple(fields)))
        wanted: set[tuple[str, str]] = set()
        for kind_name, entries in (document.get("items") or {}).items():
            kind = KINDS[kind_name]
            for item_id, raw in (entries or {}).items():
                item_id = str(item_id)
                wanted.add((kind_name, item_id))
                existing = stored.get((kind_name, item_id))
                body = dict(raw) if isinstance(raw, dict) else raw
                if isinstance(body, dict) and existing is not None:
                    # Secrets are not exported: keep the stored one when the document has none.
                    for key, secret in existing.items():
                        if is_secret(key) and key not in body:
                            body[key] = secret
                try:
                    value = kind.parse(item_id, body)
                    kind.check_for_operator(kind.dump(value), services.settings)
                except LoyaltyError as error:
                    found.append(Problem(kind_name, item_id, error.field, error.message))
                    continue
                dumped = kind.dump(value)
                if existing is None:
                    planned.changes.append(Change("create", kind_name, item_id))
                elif dumped != existing:
                    if not allow_reset:
                        found.extend(_resets(kind_name, item_id, raw, existing, dumped))
                    shown_before, shown_after = _without_secrets(existing), _without_secrets(dumped)
                    item_fields = tuple(field_changes(shown_before, shown_after))
                    planned.changes.append(Change("update", kind_name, item_id, item_fields))
                else:
                    continue
                planned.puts.append((kind_name, item_id, body))
        if found:
            raise ConfigDocumentInvalid(found)
        if prune:
            for kind_name, item_id in sorted(set(stored) - wanted):
                planned.changes.append(Change("delete", kind_name, item_id))
        return planned

    return await run_read(services, principal, work)


async def apply_document(
    services: Services,
    principal: Principal,
    document: Any,
    *,
    dry_run: bool = False,
    prune: bool = False,
    allow_reset: bool = False,
) -> list[Change]:
    """Validate the whole document, then (unless ``dry_run``) write every change in one transaction.

    A field that a stored item has and the file leaves out would fall back to its default (a
    removed ``reward:`` pays nothing); that is refused as a problem unless ``allow_reset``."""
    principal.require_admin()
    planned = await _plan(services, principal, document, prune, allow_reset)
    if dry_run or not planned.changes:
        return planned.changes

    async def work(tx: Tx) -> None:
        if planned.settings is not None:
            await admin.put_item(tx, "settings", admin.SETTINGS_ID, planned.settings)
        for kind_name, item_id, body in planned.puts:
            await admin.put_item(tx, kind_name, item_id, body)
        for change in planned.changes:
            if change.action == "delete":
                await admin.delete_item(tx, change.kind, change.item_id)

    await run_write(services, principal, work, lambda _: Encoded(200, b"", "text/plain"))
    return planned.changes
