"""Which staff roles may use which dashboard route: one table, checked on the server for every
request before the page's handler runs (``pages.build`` refuses to mount a route without a rule).

- **admin**: everything.
- **support**: look members up, adjust points with a reason, grant and revoke a member's coupon,
  export a member's data, re-send a webhook delivery; reads the programme but changes none of it,
  no keys, no settings, no people.
- **viewer**: reads, changes nothing.

A session made with the tenant's admin API key (the bootstrap of a tenant without staff) acts as
an admin. ``PUBLIC`` routes are the sign-in flow and the stylesheet.
"""

from __future__ import annotations

ADMIN = "admin"
SUPPORT = "support"
VIEWER = "viewer"
ROLES = (ADMIN, SUPPORT, VIEWER)

EVERYONE = frozenset(ROLES)
MEMBER_CARE = frozenset({ADMIN, SUPPORT})
ADMINS = frozenset({ADMIN})
PUBLIC = None
"""No session needed."""

# (path under /dashboard, method) -> the roles allowed (PUBLIC: no session needed).
RULES: dict[tuple[str, str], frozenset[str] | None] = {
    ("/", "GET"): EVERYONE,
    ("/login", "GET"): PUBLIC,
    ("/login", "POST"): PUBLIC,
    ("/login/key", "POST"): PUBLIC,
    ("/logout", "POST"): PUBLIC,
    ("/sso", "POST"): PUBLIC,
    ("/sso/callback", "GET"): PUBLIC,
    ("/account", "GET"): EVERYONE,
    ("/account", "POST"): EVERYONE,
    ("/config/{kind}", "GET"): EVERYONE,
    ("/config/{kind}/{id}", "GET"): EVERYONE,
    ("/config/{kind}/{id}", "POST"): ADMINS,
    ("/config/offers/{id}/codes", "POST"): ADMINS,
    ("/config/webhooks/{id}/deliveries/{deliveryId}/resend", "POST"): MEMBER_CARE,
    ("/config/{kind}/{id}/status", "POST"): ADMINS,
    ("/config/{kind}/{id}/delete", "POST"): ADMINS,
    ("/settings", "GET"): ADMINS,
    ("/settings", "POST"): ADMINS,
    ("/api-keys", "GET"): ADMINS,
    ("/api-keys", "POST"): ADMINS,
    ("/api-keys/{id}/revoke", "POST"): ADMINS,
    ("/staff", "GET"): ADMINS,
    ("/staff", "POST"): ADMINS,
    ("/staff/{email}/disable", "POST"): ADMINS,
    ("/staff/{email}/role", "POST"): ADMINS,
    ("/users", "GET"): EVERYONE,
    ("/users/{userId}", "GET"): EVERYONE,
    ("/users/{userId}/adjust", "POST"): MEMBER_CARE,
    ("/users/{userId}/coupons", "POST"): MEMBER_CARE,
    ("/users/{userId}/coupons/{couponId}/revoke", "POST"): MEMBER_CARE,
    ("/users/{userId}/export", "GET"): MEMBER_CARE,
    ("/users/{userId}/delete", "POST"): ADMINS,
    ("/analytics", "GET"): EVERYONE,
    ("/audit", "GET"): EVERYONE,
}


def allowed(path: str, method: str, role: str) -> bool:
    rule = RULES[(path, "GET" if method == "HEAD" else method)]
    return rule is PUBLIC or role in rule


def may(role: str | None, path: str, method: str = "POST") -> bool:
    """For templates: show a button only to the roles its route accepts."""
    return role is not None and allowed(path, method, role)
