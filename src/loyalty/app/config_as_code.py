"""Configuration as code: a whole tenant's programme as one document, exported and applied.

``apply`` validates every item of the document with its kind's own rules before anything is
written, then writes all changes in ONE transaction through the same admin use cases as the admin
API, so the audit trail and validation are identical. Secrets are never exported; an applied item
without its secret keeps the one already stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.app import admin
from loyalty.app.config_kinds import KINDS
from loyalty.app.principal import Principal
from loyalty.app.services import Services
from loyalty.app.tenant_settings import TenantSettings, check_settings, read_shape
from loyalty.app.tenants import TenantConfig
from loyalty.app.uow import Encoded, Tx, run_read, run_write
from loyalty.app.validation import convert
from loyalty.core.errors import ErrorCode, LoyaltyError
from loyalty.storage.repositories import config as config_repo

FORMAT_VERSION = 1
# Read-only fields of the stored shape that a document does not carry.
READ_ONLY = ("version", "id", "jwtSecretSet")


def is_secret(name: str) -> bool:
    lowered = name.lower()
    return lowered.endswith(("secret", "password")) or lowered in ("apikey", "privatekey")


def _without_secrets(body: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in body.items() if not is_secret(k) and k not in READ_ONLY}


@dataclass(frozen=True)
class Change:
    action: Literal["create", "update", "delete"]
    kind: str
    item_id: str

    def line(self) -> str:
        return f"{self.action} {self.kind}/{self.item_id}"


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

    async def work(conn: AsyncConnection, tenant: TenantConfig) -> dict[str, Any]:
        items: dict[str, dict[str, Any]] = {}
        for row in await config_repo.list_all(conn, tenant.id):
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


async def _plan(services: Services, principal: Principal, document: Any, prune: bool) -> _Planned:
    problems = _document_problems(document)
    if problems:
        raise ConfigDocumentInvalid(problems)

    async def work(conn: AsyncConnection, tenant: TenantConfig) -> _Planned:
        stored: dict[tuple[str, str], dict[str, Any]] = {
            (r["kind"], r["item_id"]): r["body"]
            for r in await config_repo.list_all(conn, tenant.id)
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
                if _without_secrets(read_shape(value, jwt_secret_set=False)) != current or value.jwtSecret:
                    planned.settings = body
                    planned.changes.append(Change("update", "settings", admin.SETTINGS_ID))
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
                if existing is None:
                    planned.changes.append(Change("create", kind_name, item_id))
                elif kind.dump(value) != existing:
                    planned.changes.append(Change("update", kind_name, item_id))
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
    services: Services, principal: Principal, document: Any, *, dry_run: bool = False, prune: bool = False
) -> list[Change]:
    """Validate the whole document, then (unless ``dry_run``) write every change in one transaction."""
    principal.require_admin()
    planned = await _plan(services, principal, document, prune)
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
