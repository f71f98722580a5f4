"""Business counters for ``/metrics``, callable from any feature in one line.

Prometheus metrics live in the process-wide registry (that is how the client library works); with
several server processes set ``PROMETHEUS_MULTIPROC_DIR`` so ``/metrics`` sums them (docs/operations.md).
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter("loyalty_http_requests", "HTTP requests answered", ["method", "route", "status"])
HTTP_LATENCY = Histogram(
    "loyalty_http_request_duration_seconds",
    "Time to answer an HTTP request",
    ["method", "route"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)
EVENTS = Counter("loyalty_events", "Events and actions logged", ["outcome"])
POINTS = Counter("loyalty_points", "Points moved through the ledger", ["kind", "metric"])
WEBHOOK_DELIVERIES = Counter("loyalty_webhook_deliveries", "Webhook delivery attempts by result", ["result"])
WEBHOOK_QUEUE = Gauge(
    "loyalty_webhook_queue_depth",
    "Webhook messages by status (pending = waiting or retrying, failed = gave up)",
    ["status"],
    multiprocess_mode="livemax",
)
DB_POOL = Gauge(
    "loyalty_db_pool_connections",
    "Database connections of this process by state",
    ["state"],
    multiprocess_mode="livesum",
)
RATE_LIMITED = Counter("loyalty_rate_limited", "Requests refused with 429", ["scope"])

POINT_KINDS = ("issued", "redeemed", "expired", "adjusted")


def record_event(*, awarded: bool) -> None:
    """One logged event/action; ``awarded`` when it earned points (condition met, limit not reached)."""
    EVENTS.labels(outcome="awarded" if awarded else "not_awarded").inc()


def record_points(kind: str, amount: int, metric: str = "points") -> None:
    """``kind``: issued, redeemed, expired or adjusted; ``amount`` is counted as a positive number."""
    if kind not in POINT_KINDS:
        raise ValueError(f"unknown points kind {kind!r}")
    POINTS.labels(kind=kind, metric=metric).inc(abs(amount))


def record_delivery(result: str) -> None:
    """``result``: delivered, retry (failed attempt, will retry) or failed (gave up)."""
    WEBHOOK_DELIVERIES.labels(result=result).inc()


def record_rate_limited(scope: str) -> None:
    RATE_LIMITED.labels(scope=scope).inc()
