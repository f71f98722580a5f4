"""The request frame (request id, Lynes version prefixes, access log and request metrics: one ASGI
middleware) and the ``/metrics`` endpoint."""

from __future__ import annotations

import functools
import itertools
import logging
import os
import time
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from loyalty.app.kernel import telemetry
from loyalty.app.kernel.services import Services
from loyalty.app.messaging.outbox import queue_depth
from loyalty.logs import request_id_var

access_log = logging.getLogger("loyalty.access")
log = logging.getLogger("loyalty")


LYNES_VERSIONS = (b"/v0/", b"/v2/", b"/v3/")
"""``/v0``, ``/v2`` and ``/v3`` are the same Lynes API as ``/v1`` (the seed strips the prefix)."""


class RequestFrame:
    """What every HTTP request gets around its route, in one layer (each ASGI layer is a coroutine
    and a ``send`` wrapper more per request):

    - a request id: ``X-Request-ID`` when the client sends one, else made here; it is returned on
      the response and carried by every log record of the request;
    - the Lynes version prefixes ``/v0``, ``/v2`` and ``/v3``, served as ``/v1``;
    - the access log line and the request metrics, labelled with the matched route's template
      (``/v1/user/{userId}``), never the raw path, which keeps label sets small and user ids out of
      logs; unmatched paths are labelled ``unmatched``.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        # A request id needs to be unique, not secret: a random prefix per process and a counter
        # (32 hex digits, as a UUID's) spare a system call for random bytes on every request.
        self._prefix = os.urandom(8).hex()
        self._count = itertools.count()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = b""
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                request_id = value[:128]
                break
        if not request_id:
            request_id = f"{self._prefix}{next(self._count):016x}".encode()
        request_id_text = request_id.decode("latin-1")
        scope.setdefault("state", {})["request_id"] = request_id_text
        raw: bytes = scope.get("raw_path") or scope["path"].encode()
        if raw[:4] in LYNES_VERSIONS:
            path = scope["path"]
            scope = dict(scope)  # the router records the matched route in this copy
            scope["path"] = "/v1/" + path[4:]
            scope["raw_path"] = b"/v1/" + raw[4:]
        token = request_id_var.set(request_id_text)
        started = time.perf_counter()
        status = 500

        async def send_framed(message: Any) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                message["headers"] = [*message.get("headers", ()), (b"x-request-id", request_id)]
            await send(message)

        try:
            await self.app(scope, receive, send_framed)
        finally:
            elapsed = time.perf_counter() - started
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            method = scope["method"]
            counted, timed = _series(method, template, status)
            counted.inc()
            timed.observe(elapsed)
            if access_log.isEnabledFor(logging.INFO):
                principal = scope.get("loyalty.principal")
                fields = {
                    "method": method,
                    "route": template,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 2),
                    "tenant": getattr(principal, "tenant", None),
                }
                # The record is made here rather than by ``info()``, which would first walk the
                # stack to find the caller: every access line comes from this line.
                record = access_log.makeRecord(
                    access_log.name,
                    logging.INFO,
                    __file__,
                    0,
                    "request",
                    (),
                    None,
                    extra={"request_id": request_id_text, "fields": fields},
                )
                access_log.handle(record)
            request_id_var.reset(token)


@functools.cache
def _series(method: str, template: str, status: int) -> tuple[Any, Any]:
    """The request counter's and latency histogram's series for one label set. ``labels()`` checks
    and looks them up on every call; the label sets are few (methods × route templates × statuses)."""
    return (
        telemetry.HTTP_REQUESTS.labels(method=method, route=template, status=str(status)),
        telemetry.HTTP_LATENCY.labels(method=method, route=template),
    )


def _registry() -> CollectorRegistry:
    """Per process, or summed over every process when ``PROMETHEUS_MULTIPROC_DIR`` is set."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    from prometheus_client import multiprocess

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    return registry


async def refresh_gauges(services: Services) -> None:
    for state, count in services.stores.connections().items():
        telemetry.DB_POOL.labels(state=state).set(count)
    try:
        depth = await queue_depth(services)
    except Exception:  # the database being down must not break the scrape
        log.warning("could not read the webhook queue depth for /metrics")
        return
    for status, count in depth.items():
        telemetry.WEBHOOK_QUEUE.labels(status=status).set(count)


def metrics_endpoint(services: Services) -> Any:
    async def metrics(_: Request) -> Response:
        await refresh_gauges(services)
        return Response(generate_latest(_registry()), media_type=CONTENT_TYPE_LATEST)

    return metrics
