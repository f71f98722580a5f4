"""The OpenAPI 3.1 document, generated from the same ``Endpoint`` declarations that serve requests.

Every body, answer and error envelope has its msgspec type's JSON Schema; query parameters have the
types they are read as; operation ids are declared with the endpoints (the generated clients' method
names, so they never change once published); examples come from the seed documents.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

import msgspec

from loyalty import __version__
from loyalty.api import seed_examples
from loyalty.api.routing import JSON, Dialect, Endpoint, Query

_PARAM = re.compile(r"{([^}:]+)(?::[^}]+)?}")


def _members(kind: Any) -> list[Any]:
    """A union of several structs (one endpoint answering one of two shapes) becomes ``oneOf``."""
    if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
        return list(typing.get_args(kind))
    return [kind]


def build_document(mounted: list[tuple[str, Endpoint, Dialect]]) -> dict[str, Any]:
    """The document of the mounted endpoints; a generic endpoint is shown as what it documents as."""
    shown = [
        (prefix, shown_ep, dialect)
        for prefix, ep, dialect in mounted
        for shown_ep in (ep.documented_as() if ep.documented_as is not None else [ep])
    ]
    _check_operation_ids([ep for _, ep, _ in shown])
    declared: list[Any] = []
    for _, ep, dialect in shown:
        if ep.body is not None:
            declared.append(_body_type(ep))
        declared.extend(t for t in ep.responses.values() if t is not None)
        if dialect.error_shape is not None:
            declared.append(dialect.error_shape)
    flat = [member for kind in declared for member in _members(kind)]
    schemas, components = msgspec.json.schema_components(flat, ref_template="#/components/schemas/{name}")
    member_schema = dict(zip(map(id, flat), schemas, strict=True))
    schema_of: dict[int, Any] = {}
    for kind in declared:
        parts = [member_schema[id(m)] for m in _members(kind)]
        schema_of[id(kind)] = parts[0] if len(parts) == 1 else {"oneOf": parts}
    paths: dict[str, dict[str, Any]] = {}
    for prefix, ep, dialect in shown:
        path = _PARAM.sub(r"{\1}", prefix + ep.path)
        examples = seed_examples.EXAMPLES.get(ep.operation_id, {})
        op: dict[str, Any] = {
            "summary": ep.summary,
            "operationId": ep.operation_id,
            "tags": list(ep.tags),
            "parameters": [
                {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                for name in _PARAM.findall(prefix + ep.path)
            ]
            + [_query_parameter(name, query) for name, query in ep.query.items()],
            "responses": {},
        }
        if ep.auth == "required":
            op["security"] = [{"bearer": []}, {"apiKey": []}]
        if ep.write:
            op["parameters"].append(
                {
                    "name": "Idempotency-Key",
                    "in": "header",
                    "required": False,
                    "schema": {"type": "string"},
                    "description": "A retry with the same key and body returns the first response.",
                }
            )
        if ep.body is not None:
            body: dict[str, Any] = {"schema": schema_of[id(_body_type(ep))]}
            if "request" in examples:
                body["example"] = examples["request"]
            op["requestBody"] = {"required": not ep.body_optional, "content": {JSON: body}}
        for status, rtype in ep.responses.items():
            entry: dict[str, Any] = {"description": _describe(status)}
            if rtype is not None:
                content: dict[str, Any] = {"schema": schema_of[id(rtype)]}
                if status in examples:
                    content["example"] = examples[status]
                entry["content"] = {JSON: content}
            op["responses"][str(status)] = entry
        for status in _error_statuses(ep):
            entry = {"description": _describe(status)}
            if dialect.error_shape is not None:
                entry["content"] = {dialect.error_media_type: {"schema": schema_of[id(dialect.error_shape)]}}
            op["responses"].setdefault(str(status), entry)
        paths.setdefault(path, {})[ep.method.lower()] = op
    _open_free_form_objects(paths)
    _open_free_form_objects(components)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Loyalty",
            "version": __version__,
            "description": (
                "Self-hosted loyalty and gamification engine. Lynes-style paths are shown under /v1; "
                "/v0, /v2 and /v3 behave the same."
            ),
        },
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
                "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            },
        },
    }


def _open_free_form_objects(node: Any) -> None:
    """``dict[str, Any]`` is ``{"type": "object"}`` in msgspec's schema; generators read that as an
    object with no keys, so it says ``additionalProperties: true`` (what JSON Schema means anyway)."""
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" not in node and "additionalProperties" not in node:
            node["additionalProperties"] = True
        for value in node.values():
            _open_free_form_objects(value)
    elif isinstance(node, list):
        for value in node:
            _open_free_form_objects(value)


def _body_type(ep: Endpoint) -> Any:
    return ep.documented_body if ep.documented_body is not None else ep.body


def _query_parameter(name: str, query: str | Query) -> dict[str, Any]:
    if isinstance(query, str):
        query = Query(query)
    if isinstance(query.kind, tuple):
        schema: dict[str, Any] = {"type": "string", "enum": list(query.kind)}
    else:
        schema = msgspec.json.schema(query.kind)
    return {
        "name": name,
        "in": "query",
        "required": query.required,
        "description": query.description,
        "schema": schema,
    }


def _check_operation_ids(endpoints: list[Endpoint]) -> None:
    """Clients are generated from the ids: each must be given, and given once."""
    seen: set[str] = set()
    for ep in endpoints:
        if not ep.operation_id:
            raise ValueError(f"{ep.method} {ep.path} has no operation_id")
        if ep.operation_id in seen:
            raise ValueError(f"operation id {ep.operation_id} is used twice")
        seen.add(ep.operation_id)


def _error_statuses(ep: Endpoint) -> list[int]:
    statuses = [400, 404, 503]
    if ep.auth == "required":
        statuses += [401, 403, 429]
    if ep.write:
        statuses += [409, 413, 415, 422]
    return statuses


def _describe(status: int) -> str:
    return {
        200: "OK",
        201: "Created",
        204: "No Content",
        400: "Bad Request",
        401: "Unauthorized",
        403: "Forbidden",
        404: "Not Found",
        409: "Conflict",
        413: "Payload Too Large",
        415: "Unsupported Media Type",
        422: "Unprocessable Entity",
        429: "Too Many Requests",
        503: "Service Unavailable",
    }.get(status, "Response")
