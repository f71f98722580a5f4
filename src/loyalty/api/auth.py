"""Which credential a request carries: ``X-API-Key`` or ``Authorization: Bearer <jwt>``."""

from __future__ import annotations

from starlette.requests import Request

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.tenancy.credentials import principal_from_api_key, principal_from_jwt
from loyalty.core.errors import unauthenticated


async def authenticate(request: Request, services: Services) -> Principal:
    cached = request.scope.get("loyalty.principal")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    principal = await _resolve(request, services)
    request.scope["loyalty.principal"] = principal
    return principal


async def _resolve(request: Request, services: Services) -> Principal:
    api_key = request.headers.get("x-api-key")
    if api_key:
        return await principal_from_api_key(services.tenants, api_key)
    authorization = request.headers.get("authorization")
    if not authorization:
        raise unauthenticated("missing credentials: send 'Authorization: Bearer <jwt>' or 'X-API-Key'")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise unauthenticated("Authorization header must be 'Bearer <jwt>'")
    return await principal_from_jwt(services.tenants, token.strip())
