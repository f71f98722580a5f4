"""A real OpenID Connect provider for the single sign-on tests: oidc-provider-mock's WSGI app (an
OpenID provider built on Authlib's server side) served over HTTP on 127.0.0.1 in a thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import werkzeug.serving
from oidc_provider_mock import User
from oidc_provider_mock import app as provider_app

CLIENT_ID = "loyalty-dashboard"
PEOPLE = [
    User(sub="alice-1", claims={"email": "Alice@Example.com", "groups": ["staff", "loyalty-support"]}),
    User(sub="olga-2", claims={"email": "olga@example.com", "groups": ["loyalty-admins"]}),
    User(sub="mallory-3", claims={"email": "mallory@example.com", "groups": ["finance"]}),
]


@contextmanager
def running_provider(people: Sequence[User] = PEOPLE) -> Iterator[str]:
    """The provider's issuer URL while it runs."""
    server = werkzeug.serving.make_server(
        "127.0.0.1", 0, provider_app(require_nonce=True, user_claims=people), threaded=True
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


def sso_settings(issuer: str) -> dict[str, object]:
    return {
        "issuer": issuer,
        "clientId": CLIENT_ID,
        "clientSecret": "client-secret",
        "roleClaim": "groups",
        "roleMapping": {"loyalty-support": "support", "loyalty-admins": "admin"},
    }
