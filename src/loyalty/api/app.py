"""Builds the ASGI application: every dialect mounted over one set of services."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import msgspec
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from loyalty.api import observability, openapi
from loyalty.api.admin import imports as import_routes
from loyalty.api.admin import member_coupons as member_coupon_routes
from loyalty.api.admin import offer_codes as offer_code_routes
from loyalty.api.admin import routes as admin_routes
from loyalty.api.admin import webhooks as webhook_admin_routes
from loyalty.api.dialects import audience, emporix, lynes
from loyalty.api.router import StaticFirstRouter
from loyalty.api.routing import RETRY_AFTER_S, Dialect, Endpoint, build_route
from loyalty.app import features
from loyalty.app.kernel import ratelimit
from loyalty.app.ledger import ledger, pending
from loyalty.app.messaging import delivery
from loyalty.app.tenancy.bootstrap import bootstrap_from_settings
from loyalty.app.users import users
from loyalty.core.errors import ErrorCode, LoyaltyError
from loyalty.logs import configure_logging
from loyalty.settings import Settings
from loyalty.web import pages as dashboard
from loyalty.web import panels as dashboard_panels
from loyalty.wiring import head_revision, is_unavailable, start

log = logging.getLogger("loyalty")


def mounted_endpoints() -> list[tuple[str, Endpoint, Dialect]]:
    """Every endpoint with its mount prefix and dialect, in routing order."""
    out: list[tuple[str, Endpoint, Dialect]] = []
    for ep in (
        import_routes.ENDPOINTS
        + admin_routes.ENDPOINTS
        + webhook_admin_routes.ENDPOINTS
        + offer_code_routes.ENDPOINTS
        + member_coupon_routes.ENDPOINTS
    ):
        out.append(("", ep, admin_routes.DIALECT))
    for module in (lynes, audience, emporix):
        for ep in module.ENDPOINTS:
            out.append((module.PREFIX, ep, module.DIALECT))
    return out


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document the app serves at ``/openapi.json`` (the clients are generated from it).

    The admin API documents one operation per registered kind, so the features are loaded first,
    as at start-up (``scripts/generate-clients.sh`` calls this without an app)."""
    features.load()
    return openapi.build_document(mounted_endpoints())


DOCS_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Loyalty API</title>
<link rel="stylesheet" href="/docs/static/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/static/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body></html>"""

DOCS_INIT_JS = "window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui'});"


def _docs_routes(document: Callable[[], dict[str, Any]]) -> list[BaseRoute]:
    from swagger_ui_bundle import swagger_ui_path

    cached: dict[str, bytes] = {}

    async def openapi_json(_: Request) -> Response:
        if "doc" not in cached:
            cached["doc"] = msgspec.json.encode(document())
        return Response(cached["doc"], media_type="application/json")

    async def docs(_: Request) -> Response:
        return HTMLResponse(DOCS_HTML)

    async def init_js(_: Request) -> Response:
        return Response(DOCS_INIT_JS, media_type="application/javascript")

    return [
        Route("/openapi.json", openapi_json, methods=["GET"]),
        Route("/docs", docs, methods=["GET"]),
        Route("/docs/init.js", init_js, methods=["GET"]),
        Mount("/docs/static", StaticFiles(directory=str(swagger_ui_path)), name="docs-static"),
    ]


def create_app(settings: Settings | None = None, *, clock: Callable[[], int] | None = None) -> Starlette:
    settings = settings or Settings()
    features.load()
    dashboard_panels.register()
    runtime = start(settings, clock=clock)
    services = runtime.services
    deletion_wakeup = asyncio.Event()

    async def wake_deletions() -> None:
        deletion_wakeup.set()

    services.wake_deletions = wake_deletions
    configure_logging(settings)
    delivery_wakeup = delivery.attach_wakeup(services) if settings.delivery_in_process else None

    async def deletion_sweeper() -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(deletion_wakeup.wait(), timeout=30)
            deletion_wakeup.clear()
            try:
                await users.process_deletions(services)
            except Exception:
                log.exception("user deletion sweep failed; retrying later")

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        if settings.migrate_on_start:
            await runtime.migrate()
        await bootstrap_from_settings(services.stores, settings, services.now())
        sweeper = asyncio.create_task(deletion_sweeper())
        background = [sweeper]
        if settings.sweep_seconds > 0:
            background.append(
                asyncio.create_task(ledger.run_expiry_sweeper(services, settings.sweep_seconds))
            )
            background.append(asyncio.create_task(pending.run_maturing(services, settings.sweep_seconds)))
        ratelimit.counter_store(services)  # fails fast on a Redis URL without the redis package
        deliverer = delivery.Deliverer(services)
        delivery_stop = asyncio.Event()
        delivering = None
        if delivery_wakeup is not None:
            delivering = asyncio.create_task(deliverer.run(delivery_wakeup, delivery_stop))
        try:
            yield
        finally:
            if delivering is not None:
                # Let the batch being sent be answered and recorded, so a restart sends none of it
                # twice; past the send timeout it is abandoned and goes again after its lease.
                delivery_stop.set()
                with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                    await asyncio.wait_for(delivering, timeout=settings.delivery_timeout_seconds + 5)
            for task in background:
                task.cancel()
            for task in background:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await deliverer.close()
            await ratelimit.close_store(services)
            await runtime.close()

    mounted = mounted_endpoints()
    routes: list[BaseRoute] = [build_route(prefix, ep, dialect, services) for prefix, ep, dialect in mounted]

    async def healthz(_: Request) -> Response:
        return Response(b'{"status":"ok"}', media_type="application/json")

    async def readyz(_: Request) -> Response:
        try:
            current = await runtime.revision()
        except Exception:
            return Response(
                b'{"status":"database unavailable"}', status_code=503, media_type="application/json"
            )
        if current != head_revision():
            return Response(
                b'{"status":"migrations pending"}', status_code=503, media_type="application/json"
            )
        return Response(b'{"status":"ready"}', media_type="application/json")

    routes += [Route("/healthz", healthz, methods=["GET"]), Route("/readyz", readyz, methods=["GET"])]
    if settings.metrics_enabled:
        routes.append(Route("/metrics", observability.metrics_endpoint(services), methods=["GET"]))
    routes += _docs_routes(lambda: openapi.build_document(mounted))
    routes.append(dashboard.build(services))  # the dashboard at /dashboard

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = "no such endpoint" if exc.status_code == 404 else exc.detail
        if exc.status_code == 404 and emporix.owns(request):  # the vendor's 404 shape
            return emporix.DIALECT.render_error(request, 404, LoyaltyError(ErrorCode.NOT_FOUND, message))
        body = {
            "statusCode": exc.status_code,
            "message": message,
            "data": {"code": "not_found", "field": None},
        }
        return Response(msgspec.json.encode(body), status_code=exc.status_code, media_type="application/json")

    async def server_error(request: Request, exc: Exception) -> Response:
        if is_unavailable(exc):  # e.g. a dashboard page while the database is away
            log.warning("database unavailable: %s", type(exc).__name__)
            body = {
                "statusCode": 503,
                "message": "the database is unavailable; retry later",
                "data": {"code": "unavailable", "field": None},
            }
            headers = {"Retry-After": str(RETRY_AFTER_S)}
            return Response(msgspec.json.encode(body), 503, headers=headers, media_type="application/json")
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        if emporix.owns(request):
            return emporix.internal_error(request, services.clock())
        body = {"statusCode": 500, "message": "internal error", "data": {"code": "internal", "field": None}}
        return Response(msgspec.json.encode(body), status_code=500, media_type="application/json")

    app = Starlette(exception_handlers={HTTPException: http_error, Exception: server_error})
    app.router = StaticFirstRouter(routes, lifespan=lifespan)
    app.state.services = services
    app.state.runtime = runtime
    app.add_middleware(observability.RequestFrame)
    return app
