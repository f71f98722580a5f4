"""The Emporix-style Reward Points Service face under ``/reward-points``."""

from __future__ import annotations

from loyalty.api.dialects.emporix import customers, public, redeem_options
from loyalty.api.dialects.emporix.errors import (
    PROBLEM_JSON,
    EmporixProblem,
    authorize_tenant_path,
    render_error,
)
from loyalty.api.routing import Dialect, Endpoint

DIALECT = Dialect(
    name="emporix",
    render_error=render_error,
    authorize=authorize_tenant_path,
    error_shape=EmporixProblem,
    error_media_type=PROBLEM_JSON,
)
PREFIX = "/reward-points"

ENDPOINTS: list[Endpoint] = [*public.ENDPOINTS, *customers.ENDPOINTS, *redeem_options.ENDPOINTS]
