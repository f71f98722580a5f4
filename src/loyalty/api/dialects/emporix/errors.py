"""Emporix errors in the body shapes of the vendor's OpenAPI examples, as ``application/json``.

The vendor documents one shape per status: 400 (and every status it does not document) is an
RFC 7807-style document, 401 an OAuth ``fault``, 403 ``{code, status, message, details}``, 404
``{type, status, message}``, 409 ``{status, type, message, moreInfo, details}`` (and, for a stale
redeem option update, ``{status, message, details: {message}}``). Our stable error code and the
offending field ride along as extensions: ``code``/``field`` in the RFC 7807 shape, ``errorCode``/
``field`` in the others (where the vendor's ``code`` is already the HTTP status).
"""

from __future__ import annotations

from typing import Any

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from loyalty.api.problems import TITLES
from loyalty.app.kernel.principal import Principal
from loyalty.core.errors import LoyaltyError, forbidden
from loyalty.core.timeutil import iso_utc

PREFIX = "/reward-points"
ERROR_MEDIA_TYPE = "application/json"


class EmporixError(msgspec.Struct):
    """What the API document says of an error answer: the union of the vendor's shapes above
    (which fields a status carries is in the module's docstring and docs/emporix.md)."""

    type: str | None = None
    title: str | None = None
    status: int | str | None = None
    detail: str | None = None
    instance: str | None = None
    code: int | str | None = None
    field: str | None = None
    message: str | None = None
    details: Any = None
    moreInfo: str | None = None
    fault: dict[str, Any] | None = None
    errorCode: str | None = None
    timestamp: str | None = None
    error: str | None = None
    path: str | None = None


INVALID_TOKEN = "oauth.v2.InvalidAccessToken"
"""The ``fault.detail.errorcode`` of the vendor's 401 example."""


def render_error(request: Request, status: int, error: LoyaltyError) -> Response:
    headers = {"Retry-After": "1"} if status in (429, 503) else None
    return Response(
        msgspec.json.encode(error_body(request, status, error)),
        status_code=status,
        media_type="application/json",
        headers=headers,
    )


def error_body(request: Request, status: int, error: LoyaltyError) -> dict[str, Any]:
    message, code, field = error.message, error.code.value, error.field
    if status == 401:
        return {
            "fault": {"faultstring": message, "detail": {"errorcode": INVALID_TOKEN}},
            "errorCode": code,
            "field": field,
        }
    if status == 403:
        return {
            "code": 403,
            "status": "Forbidden",
            "message": message,
            "details": [message],
            "errorCode": code,
            "field": field,
        }
    if status == 404:
        return {
            "type": "resource_not_found",
            "status": 404,
            "message": message,
            "errorCode": code,
            "field": field,
        }
    if status == 409 and request.method == "PUT" and "/redeemOptions/" in request.url.path:
        return {
            "status": 409,
            "message": "RedeemOption not Updated",
            "details": {"message": message},
            "errorCode": code,
            "field": field,
        }
    if status == 409:
        return {
            "status": 409,
            "type": code,
            "message": message,
            "moreInfo": "",
            "details": [{"field": field, "type": code, "message": message, "moreInfo": ""}],
            "errorCode": code,
            "field": field,
        }
    return {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": message,
        "instance": request.url.path.removeprefix(PREFIX),
        "code": code,
        "field": field,
    }


def owns(request: Request) -> bool:
    """Whether the request is under this face (for answers no endpoint of it renders)."""
    return request.url.path.startswith(PREFIX + "/")


def internal_error(request: Request, now_ms: int) -> Response:
    """The vendor's 500 shape (``trait_internal_500``), for an error no endpoint caught."""
    body = {
        "timestamp": iso_utc(now_ms),
        "status": 500,
        "error": "Internal Server Error",
        "path": request.url.path.removeprefix(PREFIX),
    }
    return Response(msgspec.json.encode(body), status_code=500, media_type="application/json")


def authorize_tenant_path(request: Request, principal: Principal) -> None:
    tenant = request.path_params.get("tenant")
    if tenant is not None and tenant != principal.tenant:
        raise forbidden(f"the path names tenant '{tenant}' but the credential belongs to another tenant")
