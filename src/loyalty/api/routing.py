"""Declarative endpoints: each is decode → call one app handler → encode, in its dialect's envelope.

An ``Endpoint`` also carries what the OpenAPI document needs (summary, body and response types), so
the document is generated from the same declarations that serve the requests.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import msgspec
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from loyalty.api.auth import authenticate
from loyalty.api.body import read_body
from loyalty.api.problems import status_of
from loyalty.api.request_checks import JsonLimits, check_request_text, decode_body
from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.ratelimit import RateLimited
from loyalty.app.kernel.ratelimit import enforce as enforce_rate_limit
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import Encoded, Tx, fingerprint, run_write
from loyalty.core.errors import ErrorCode, LoyaltyError
from loyalty.wiring import is_unavailable

log = logging.getLogger("loyalty.api")

JSON = "application/json"
_encoder = msgspec.json.Encoder()


@dataclass
class Reply:
    data: Any = None
    status: int = 200
    headers: dict[str, str] | None = None
    raw: bool = False
    """``data`` is already-encoded bytes (bare integers, pre-rendered documents)."""


@dataclass
class Call:
    request: Request
    services: Services
    principal: Principal
    body: Any
    params: dict[str, str]
    tx: Tx | None = None
    raw: bytes = b""
    """The request body as received (for endpoints that take more than JSON)."""

    @property
    def query(self) -> Any:
        return self.request.query_params


Handler = Callable[[Call], Awaitable[Reply]]


@dataclass(frozen=True)
class Query:
    """A query parameter as the OpenAPI document shows it: what it means and the type it is read as."""

    description: str
    kind: type | tuple[str, ...] = str
    """``str``, ``int``, ``bool``, or the tuple of the accepted values."""
    required: bool = False


@dataclass
class Endpoint:
    method: str
    path: str
    handler: Handler
    summary: str
    body: type | None = None
    """A msgspec type decoded from the JSON body (``dict`` for free-form)."""
    write: bool = False
    """Runs in one write transaction with ``Idempotency-Key`` support."""
    auth: Literal["required", "none"] = "required"
    responses: dict[int, Any] = field(default_factory=dict)
    query: Mapping[str, str | Query] = field(default_factory=dict)
    """Query parameter name -> description (a string parameter) or ``Query``, for the OpenAPI document."""
    tags: Sequence[str] = ()
    body_optional: bool = False
    content_types: Sequence[str] = ()
    """Media types accepted besides JSON (the handler parses ``call.raw``)."""
    documented_body: type | None = None
    """What a valid body is, for the document, when ``body`` is typed loosely so that a missing or
    mistyped field is answered in the dialect's own words."""
    operation_id: str = ""
    """The stable, readable name of the operation in the OpenAPI document (and so in the clients)."""
    documented_as: Callable[[], list[Endpoint]] | None = None
    """The endpoints the document shows in place of this one: a generic route (``/v1/admin/{kind}``)
    is documented once per kind, with that kind's real body and answer."""


@dataclass
class Dialect:
    name: str
    render_error: Callable[[Request, int, LoyaltyError], Response]
    authorize: Callable[[Request, Principal], None] | None = None
    """Extra credential checks of the dialect (the Emporix ``{tenant}`` path segment)."""
    error_shape: Any = None
    """The msgspec type of the dialect's error envelope, for the OpenAPI document."""
    error_media_type: str = JSON


def encode_reply(reply: Reply) -> Encoded:
    if reply.status == 204:
        return Encoded(status=204, body=b"", content_type=JSON)
    body = reply.data if reply.raw else _encoder.encode(reply.data)
    return Encoded(status=reply.status, body=body, content_type=JSON)


def to_response(encoded: Encoded, extra_headers: dict[str, str] | None = None) -> Response:
    headers = dict(extra_headers or {})
    if encoded.replayed:
        headers["Idempotent-Replayed"] = "true"
    if encoded.status == 204:
        return Response(status_code=204, headers=headers)
    return Response(
        encoded.body, status_code=encoded.status, media_type=encoded.content_type, headers=headers
    )


RETRY_AFTER_S = 1
"""What a 503 for an unreachable database tells clients to wait before retrying."""


def unavailable_response(request: Request, dialect: Dialect) -> Response:
    error = LoyaltyError(ErrorCode.UNAVAILABLE, "the database is unavailable; retry later")
    response = dialect.render_error(request, 503, error)
    response.headers["Retry-After"] = str(RETRY_AFTER_S)
    return response


def build_route(prefix: str, endpoint: Endpoint, dialect: Dialect, services: Services) -> Route:
    async def serve(request: Request) -> Response:
        try:
            return await _serve(request, endpoint, dialect, services)
        except LoyaltyError as error:
            response = dialect.render_error(request, status_of(error.code), error)
            if isinstance(error, RateLimited):  # ops: the real wait, not the envelope's default
                response.headers["Retry-After"] = str(error.retry_after_s)
            return response
        except Exception as error:
            if not is_unavailable(error):
                raise
            log.warning("database unavailable: %s", type(error).__name__)
            return unavailable_response(request, dialect)

    return Route(prefix + endpoint.path, serve, methods=[endpoint.method], name=None)


async def _serve(request: Request, endpoint: Endpoint, dialect: Dialect, services: Services) -> Response:
    principal = await authenticate(request, services) if endpoint.auth == "required" else None
    if principal is not None:  # ops: per-tenant and per-credential limits (off unless configured)
        await enforce_rate_limit(services, principal)
    if principal is not None and dialect.authorize is not None:
        dialect.authorize(request, principal)
    check_request_text(request.path_params, request.query_params, request.headers.get("idempotency-key"))
    raw = b""
    body: Any = None
    if endpoint.body is not None or endpoint.write:
        raw = await read_body(request, services.settings, also=endpoint.content_types)
    if endpoint.body is not None:
        if endpoint.body_optional and not raw.strip():
            body = None
        else:
            body = decode_body(raw, endpoint.body, _limits(services))
    call = Call(
        request=request,
        services=services,
        principal=principal,  # type: ignore[arg-type]
        body=body,
        params=dict(request.path_params),
        raw=raw,
    )
    if not endpoint.write:
        reply = await endpoint.handler(call)
        return to_response(encode_reply(reply), reply.headers)
    assert principal is not None
    key = request.headers.get("idempotency-key")
    headers: dict[str, str] = {}

    async def work(tx: Tx) -> Reply:
        call.tx = tx
        reply = await endpoint.handler(call)
        headers.update(reply.headers or {})
        return reply

    encoded = await run_write(
        services,
        principal,
        work,
        encode_reply,
        idempotency_key=key,
        request_hash=""
        if key is None
        else fingerprint(request.method, request.url.path + "?" + request.url.query, raw),
    )
    return to_response(encoded, headers)


def _limits(services: Services) -> JsonLimits:
    settings = services.settings
    return JsonLimits(
        depth=settings.max_json_depth,
        string_chars=settings.max_json_string_chars,
        object_keys=settings.max_json_object_keys,
    )
