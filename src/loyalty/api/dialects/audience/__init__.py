"""The Audience-style Loyalty API face under ``/api/loyalty``."""

from __future__ import annotations

from loyalty.api.dialects.audience import actions as _actions
from loyalty.api.dialects.audience import coupons as _coupons
from loyalty.api.dialects.audience import notifications as _notifications
from loyalty.api.dialects.audience import profile as _profile
from loyalty.api.dialects.audience.errors import AudienceError, render_error
from loyalty.api.routing import Dialect, Endpoint

DIALECT = Dialect(name="audience", render_error=render_error, error_shape=AudienceError)
PREFIX = "/api/loyalty"

# One line per module.
ENDPOINTS: list[Endpoint] = [
    *_actions.ENDPOINTS,
    *_profile.ENDPOINTS,
    *_notifications.ENDPOINTS,
    *_coupons.ENDPOINTS,
]
