"""Emporix errors are RFC 7807 problem documents; the ``{tenant}`` path must match the credential."""

from __future__ import annotations

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from loyalty.api.problems import TITLES
from loyalty.app.principal import Principal
from loyalty.core.errors import ErrorCode, LoyaltyError, forbidden

PROBLEM_JSON = "application/problem+json"


class EmporixProblem(msgspec.Struct):
    """An RFC 7807 problem document, the error answer of the Emporix-style API."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    code: ErrorCode
    field: str | None


def render_error(request: Request, status: int, error: LoyaltyError) -> Response:
    body = {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": error.message,
        "instance": request.url.path.removeprefix("/reward-points"),
        "code": error.code.value,
        "field": error.field,
    }
    headers = {"Retry-After": "1"} if status in (429, 503) else None
    return Response(msgspec.json.encode(body), status_code=status, media_type=PROBLEM_JSON, headers=headers)


def authorize_tenant_path(request: Request, principal: Principal) -> None:
    tenant = request.path_params.get("tenant")
    if tenant is not None and tenant != principal.tenant:
        raise forbidden(f"the path names tenant '{tenant}' but the credential belongs to another tenant")
