"""The generic admin routes as the OpenAPI document shows them: one set of operations per kind.

``/v1/admin/{kind}[/{id}]`` serves every kind through one route, which validates the body with the
kind's registered struct (``config_kinds``). A client needs each kind's own shape, so the document
lists ``/v1/admin/events/{id}``, ``/v1/admin/offers/{id}`` … with the body the PUT validates and the
answer the GET returns, both derived here from that same struct:

- the PUT body is the struct, with the id field optional (the path fills it) and write-only fields
  optional (a replacing PUT keeps the stored secret), plus the ``<field>Set`` flags and the
  ``version`` a read shape carries when it is sent back (``version`` makes the PUT conditional);
- the answer is the struct without its write-only fields, with ``<field>Set`` flags and the stored
  ``version``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import msgspec

from loyalty.api.routing import Endpoint, Handler
from loyalty.app.tenancy.config_kinds import KINDS, ConfigKind
from loyalty.app.tenancy.tenant_settings import TenantSettings

NAMES: dict[str, tuple[str, str]] = {
    "events": ("Event", "Events"),
    "challenges": ("Challenge", "Challenges"),
    "streaks": ("Streak", "Streaks"),
    "surveys": ("Survey", "Surveys"),
    "offers": ("Offer", "Offers"),
    "metrics": ("Metric", "Metrics"),
    "inventory": ("Inventory", "Inventory"),
    "milestones": ("Milestone", "Milestones"),
    "leaderboards": ("Leaderboard", "Leaderboards"),
    "webhooks": ("Webhook", "Webhooks"),
    "usergroups": ("UserGroup", "UserGroups"),
    "campaigns": ("Campaign", "Campaigns"),
}
"""Kind -> the singular and plural names in operation ids (``putAdminEvent``, ``listAdminEvents``)."""


class AdminApiKeyInput(msgspec.Struct):
    """A new API key: its role, and a name (the id when omitted)."""

    role: Literal["admin", "service"]
    name: str | None = None


class AdminApiKey(msgspec.Struct):
    """An API key as listed: never the key itself."""

    id: str
    name: str
    role: str
    prefix: str
    createdAt: int
    revoked: bool
    revokedAt: int | None


class AdminApiKeyCreated(AdminApiKey):
    """A created API key: ``key`` is shown this once."""

    key: str


class AdminAuditRecord(msgspec.Struct):
    """One change of the tenant's configuration, with the item before and after."""

    id: int
    actor: str
    action: str
    target: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    createdAt: int


class AdminDeleted(msgspec.Struct):
    id: str
    deleted: bool


class AdminApiKeyRevoked(msgspec.Struct):
    id: str
    revoked: bool


def _fields(schema: type[Any]) -> list[tuple[str, Any, Any]]:
    out = []
    for info in msgspec.structs.fields(schema):
        if info.default is not msgspec.NODEFAULT:
            default: Any = info.default
        elif info.default_factory is not msgspec.NODEFAULT:
            default = msgspec.field(default_factory=info.default_factory)
        else:
            default = msgspec.NODEFAULT
        out.append((info.encode_name, info.type, default))
    return out


def _struct(name: str, doc: str, fields: list[tuple[str, Any, Any]], *, closed: bool) -> type[Any]:
    spec = [(n, t) if d is msgspec.NODEFAULT else (n, t, d) for n, t, d in fields]
    return msgspec.defstruct(
        name,
        spec,
        kw_only=True,
        forbid_unknown_fields=closed,
        namespace={"__doc__": doc},
        module=__name__,
    )


def input_shape(
    name: str,
    schema: type[Any],
    id_field: str | None,
    write_only: tuple[str, ...],
    doc: str,
    *,
    versioned: bool = True,
) -> type[Any]:
    optional = {*write_only, *((id_field,) if id_field else ())}
    fields = [(n, t | None, None) if n in optional else (n, t, d) for n, t, d in _fields(schema)]
    fields += [(f"{w}Set", bool | None, None) for w in write_only]
    if versioned and "version" not in schema.__struct_fields__:
        fields.append(("version", int | None, None))
    return _struct(name, doc, fields, closed=schema.__struct_config__.forbid_unknown_fields)


def read_shape(name: str, schema: type[Any], write_only: tuple[str, ...], doc: str) -> type[Any]:
    fields = [(n, t, d) for n, t, d in _fields(schema) if n not in write_only and n != "version"]
    fields += [(f"{w}Set", bool, msgspec.NODEFAULT) for w in write_only]
    fields.append(("version", int, msgspec.NODEFAULT))
    return _struct(name, doc, fields, closed=False)


_SETTINGS_INPUT = input_shape(
    "AdminSettingsInput",
    TenantSettings,
    "id",
    ("jwtSecret",),
    "The tenant's settings (id 'tenant'); jwtSecret is write-only.",
    versioned=False,
)
_SETTINGS = _struct(
    "AdminSettings",
    "The tenant's settings (id 'tenant'); jwtSecretSet tells whether an HS256 secret is set.",
    [("id", str, msgspec.NODEFAULT)]
    + [(n, t, d) for n, t, d in _fields(TenantSettings) if n != "jwtSecret"]
    + [("jwtSecretSet", bool, msgspec.NODEFAULT)],
    closed=False,
)


def _names(kind: str) -> tuple[str, str]:
    if kind in NAMES:
        return NAMES[kind]
    title = "".join(part.title() for part in kind.split("-"))
    return title.removesuffix("s"), title


_shapes_cache: dict[str, tuple[type[Any], type[Any]]] = {}


def kind_shapes(kind: ConfigKind) -> tuple[type[Any], type[Any]]:
    """``(PUT body, GET answer)`` of a registered kind (built once: the document names them)."""
    if kind.name not in _shapes_cache:
        singular, _ = _names(kind.name)
        doc = kind.description or f"A {singular} configuration item."
        _shapes_cache[kind.name] = (
            input_shape(f"Admin{singular}Input", kind.schema, kind.id_field, kind.write_only, doc),
            read_shape(f"Admin{singular}", kind.schema, kind.write_only, doc),
        )
    return _shapes_cache[kind.name]


Method = Literal["list", "get", "put", "delete"]


def per_kind(method: Method, handler: Handler, tags: tuple[str, ...]) -> Callable[[], list[Endpoint]]:
    """The documented endpoints of one generic admin route, one per kind."""

    def endpoints() -> list[Endpoint]:
        out: list[Endpoint] = []
        for name in sorted(KINDS):
            body, answer = kind_shapes(KINDS[name])
            out += _operations(method, handler, tags, name, body, answer, AdminDeleted)
        out += _operations(
            method,
            handler,
            tags,
            "settings",
            _SETTINGS_INPUT,
            _SETTINGS,
            None,
            names=("Settings", "Settings"),
        )
        out += _operations(
            method,
            handler,
            tags,
            "api-keys",
            AdminApiKeyInput,
            AdminApiKey,
            AdminApiKeyRevoked,
            names=("ApiKey", "ApiKeys"),
            put_answer=AdminApiKeyCreated,
        )
        if method == "list":
            out.append(
                Endpoint(
                    "GET",
                    "/v1/admin/audit",
                    handler,
                    "The audit trail: the latest 500 configuration changes, newest first",
                    responses={200: list[AdminAuditRecord]},
                    tags=tags,
                    operation_id="listAdminAudit",
                )
            )
        return out

    return endpoints


def _operations(
    method: Method,
    handler: Handler,
    tags: tuple[str, ...],
    kind: str,
    body: type[Any],
    answer: type[Any],
    deleted: type[Any] | None,
    *,
    names: tuple[str, str] | None = None,
    put_answer: type[Any] | None = None,
) -> list[Endpoint]:
    singular, plural = names or _names(kind)
    item = f"/v1/admin/{kind}/{{id}}"
    if method == "list":
        return [
            Endpoint(
                "GET",
                f"/v1/admin/{kind}",
                handler,
                f"List the {kind} items",
                responses={200: list[answer]},  # type: ignore[valid-type]
                tags=tags,
                operation_id=f"listAdmin{plural}",
            )
        ]
    if method == "get":
        return [
            Endpoint(
                "GET",
                item,
                handler,
                f"Get one {kind} item",
                responses={200: answer},
                tags=tags,
                operation_id=f"getAdmin{singular}",
            )
        ]
    if method == "put":
        return [
            Endpoint(
                "PUT",
                item,
                handler,
                f"Create or replace one {kind} item",
                body=body,
                write=True,
                responses={200: put_answer or answer},
                tags=tags,
                operation_id=f"putAdmin{singular}",
            )
        ]
    if deleted is None:
        return []
    return [
        Endpoint(
            "DELETE",
            item,
            handler,
            f"Delete one {kind} item" if kind != "api-keys" else "Revoke an API key",
            write=True,
            responses={200: deleted},
            tags=tags,
            operation_id=f"deleteAdmin{singular}",
        )
    ]
