"""The OpenAPI 3.1 document, generated from the same ``Endpoint`` declarations that serve requests."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

import msgspec

from loyalty import __version__
from loyalty.api.routing import Endpoint

_PARAM = re.compile(r"{([^}:]+)(?::[^}]+)?}")


def _members(kind: Any) -> list[Any]:
    """A union of several structs (one endpoint answering one of two shapes) becomes ``oneOf``."""
    if isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
        return list(typing.get_args(kind))
    return [kind]


def build_document(mounted: list[tuple[str, Endpoint]]) -> dict[str, Any]:
    declared: list[Any] = []
    for _, ep in mounted:
        if ep.body is not None:
            declared.append(ep.body)
        declared.extend(t for t in ep.responses.values() if t is not None)
    flat = [member for kind in declared for member in _members(kind)]
    schemas, components = msgspec.json.schema_components(flat, ref_template="#/components/schemas/{name}")
    member_schema = dict(zip(map(id, flat), schemas, strict=True))
    schema_of: dict[int, Any] = {}
    for kind in declared:
        parts = [member_schema[id(m)] for m in _members(kind)]
        schema_of[id(kind)] = parts[0] if len(parts) == 1 else {"oneOf": parts}
    paths: dict[str, dict[str, Any]] = {}
    for prefix, ep in mounted:
        path = _PARAM.sub(r"{\1}", prefix + ep.path)
        op: dict[str, Any] = {
            "summary": ep.summary,
            "operationId": f"{ep.method.lower()}_{re.sub(r'[^A-Za-z0-9]+', '_', path).strip('_')}",
            "tags": list(ep.tags),
            "parameters": [
                {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                for name in _PARAM.findall(prefix + ep.path)
            ]
            + [
                {
                    "name": name,
                    "in": "query",
                    "required": False,
                    "description": doc,
                    "schema": {"type": "string"},
                }
                for name, doc in ep.query.items()
            ],
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
            op["requestBody"] = {
                "required": not ep.body_optional,
                "content": {"application/json": {"schema": schema_of[id(ep.body)]}},
            }
        for status, rtype in ep.responses.items():
            entry: dict[str, Any] = {"description": _describe(status)}
            if rtype is not None:
                entry["content"] = {"application/json": {"schema": schema_of[id(rtype)]}}
            op["responses"][str(status)] = entry
        for status in _error_statuses(ep):
            op["responses"].setdefault(str(status), {"description": _describe(status)})
        paths.setdefault(path, {})[ep.method.lower()] = op
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
