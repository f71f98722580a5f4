"""The dashboard session: a signed cookie holding the admin key's HASH, never the key itself.

The cookie is HttpOnly, SameSite=Strict, Secure on https, signed with ``LOYALTY_DASHBOARD_SECRET``
(a random secret per process when unset) and expires after ``MAX_AGE_S``. Every form carries the
session's CSRF token, checked on every POST.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

COOKIE = "loyalty_dashboard"
PATH = "/dashboard"
MAX_AGE_S = 12 * 3600


@dataclass(frozen=True)
class Session:
    csrf: str
    key_hash: str | None = None
    tenant_id: int | None = None

    @property
    def signed_in(self) -> bool:
        return self.key_hash is not None


class SessionCodec:
    def __init__(self, secret: str | None) -> None:
        self._serializer = URLSafeTimedSerializer(secret or secrets.token_urlsafe(32), salt="dashboard")

    def read(self, request: Request) -> Session | None:
        raw = request.cookies.get(COOKIE)
        if not raw:
            return None
        try:
            data = self._serializer.loads(raw, max_age=MAX_AGE_S)
        except BadSignature:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("c"), str):
            return None
        key_hash, tenant_id = data.get("h"), data.get("t")
        if not (isinstance(key_hash, str) and isinstance(tenant_id, int)):
            key_hash, tenant_id = None, None
        return Session(csrf=data["c"], key_hash=key_hash, tenant_id=tenant_id)

    def write(self, request: Request, response: Response, session: Session) -> None:
        payload: dict[str, object] = {"c": session.csrf}
        if session.key_hash is not None:
            payload.update(h=session.key_hash, t=session.tenant_id)
        response.set_cookie(
            COOKIE,
            self._serializer.dumps(payload),
            max_age=MAX_AGE_S,
            path=PATH,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )


def new_session() -> Session:
    return Session(csrf=secrets.token_urlsafe(24))


def csrf_matches(session: Session | None, presented: object) -> bool:
    return (
        session is not None
        and isinstance(presented, str)
        and bool(presented)
        and hmac.compare_digest(session.csrf, presented)
    )
