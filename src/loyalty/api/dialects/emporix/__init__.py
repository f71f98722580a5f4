"""The Emporix-style Reward Points Service face under ``/reward-points``."""

from __future__ import annotations

from loyalty.api.dialects.emporix import customers, public, redeem_options
from loyalty.api.dialects.emporix.errors import (
    ERROR_MEDIA_TYPE,
    EmporixError,
    authorize_tenant_path,
    internal_error,
    owns,
    render_error,
)
from loyalty.api.routing import Dialect, Endpoint

DIALECT = Dialect(
    name="emporix",
    render_error=render_error,
    authorize=authorize_tenant_path,
    error_shape=EmporixError,
    error_media_type=ERROR_MEDIA_TYPE,
)
PREFIX = "/reward-points"

ENDPOINTS: list[Endpoint] = [*public.ENDPOINTS, *customers.ENDPOINTS, *redeem_options.ENDPOINTS]

__all__ = ["DIALECT", "ENDPOINTS", "PREFIX", "internal_error", "owns"]
