"""Paths without parameters are looked up in a table, and routed exactly as Starlette routes them."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match, Route

from loyalty.api.app import create_app
from loyalty.api.router import StaticFirstRouter, static_table
from loyalty.settings import Settings


async def endpoint(_: Request) -> Response:
    return Response()


def test_a_path_an_earlier_route_would_match_first_stays_with_the_ordered_search() -> None:
    catch_all = Route("/v1/{name}", endpoint, methods=["POST"])
    event = Route("/v1/event", endpoint, methods=["POST", "PUT"])
    health = Route("/healthz", endpoint, methods=["GET"])
    table = static_table([catch_all, event, health])
    assert table == {("PUT", "/v1/event"): event, ("GET", "/healthz"): health, ("HEAD", "/healthz"): health}


def first_full_match(routes: list[object], method: str, path: str) -> object:
    probe = {"type": "http", "method": method, "path": path, "root_path": ""}
    return next(route for route in routes if route.matches(probe)[0] is Match.FULL)  # type: ignore[attr-defined]


def test_every_table_entry_of_the_app_is_the_route_starlette_would_choose(tmp_path: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'r.db'}"))
    router = app.router
    assert isinstance(router, StaticFirstRouter)
    assert ("POST", "/v1/event") in router.static
    assert ("GET", "/healthz") in router.static
    for (method, path), route in router.static.items():
        assert first_full_match(router.routes, method, path) is route, (method, path)
