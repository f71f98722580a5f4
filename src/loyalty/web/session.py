"""The dashboard session: a signed cookie naming the staff account (its id and session version),
or, for a tenant without staff yet, the admin key's HASH (never the key itself).

The cookie is HttpOnly, SameSite=Lax, Secure on https, signed with ``LOYALTY_DASHBOARD_SECRET``
(a random secret per process when unset) and expires after ``MAX_AGE_S``. Every form carries the
session's CSRF token, checked on every POST. Lax, not Strict: the browser must send the cookie when
the tenant's identity provider redirects back to the sign-in callback (a top-level GET); every
change is a POST with the CSRF token, which Lax never sends from another site anyway.
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
    staff_id: int | None = None
    staff_version: int | None = None
    oidc: dict[str, str] | None = None
    """The state, nonce and tenant of a single sign-on under way (between redirect and callback)."""

    @property
    def signed_in(self) -> bool:
        return self.tenant_id is not None and (self.key_hash is not None or self.staff_id is not None)


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
        tenant_id = data.get("t") if isinstance(data.get("t"), int) else None
        key_hash = data.get("h") if isinstance(data.get("h"), str) else None
        staff_id, version = data.get("s"), data.get("v")
        if not (isinstance(staff_id, int) and isinstance(version, int)):
            staff_id, version = None, None
        oidc = data.get("o") if isinstance(data.get("o"), dict) else None
        return Session(
            csrf=data["c"],
            key_hash=key_hash,
            tenant_id=tenant_id,
            staff_id=staff_id,
            staff_version=version,
            oidc=oidc,
        )

    def write(self, request: Request, response: Response, session: Session) -> None:
        payload: dict[str, object] = {"c": session.csrf}
        if session.tenant_id is not None:
            payload["t"] = session.tenant_id
        if session.key_hash is not None:
            payload["h"] = session.key_hash
        if session.staff_id is not None:
            payload.update(s=session.staff_id, v=session.staff_version)
        if session.oidc is not None:
            payload["o"] = session.oidc
        response.set_cookie(
            COOKIE,
            self._serializer.dumps(payload),
            max_age=MAX_AGE_S,
            path=PATH,
            httponly=True,
            samesite="lax",
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
