"""Paths without parameters are looked up in a table, and routed exactly as Starlette routes them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

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


def starlette_choice(routes: list[Any], scope: dict[str, Any]) -> tuple[object | None, dict[str, Any]]:
    """What Starlette's ``Router.app`` hands the request to: the first full match, else the first
    partial one (405), else nothing (redirect or 404)."""
    partial = None
    for route in routes:
        match, child_scope = route.matches(scope)
        if match is Match.FULL:
            return route, child_scope
        if match is Match.PARTIAL and partial is None:
            partial = route, child_scope
    return partial if partial is not None else (None, {})


def sample_paths(routes: list[Any]) -> list[str]:
    """Every route's path with its parameters filled in, the same with a segment more or less, and
    paths that match no route."""
    paths = ["/", "/v1", "/v1/", "/v1/user/", "/v1/user/u1/", "/nothing/here", "/api/loyalty"]
    for route in routes:
        path = re.sub(r"\{[^}]+\}", "u1", getattr(route, "path", ""))
        paths += [path, path + "/", path + "/extra", path.rsplit("/", 1)[0], path.replace("u1", "v1")]
    return paths


def test_every_path_is_routed_as_starlette_would_route_it(tmp_path: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'r.db'}"))
    router = app.router
    assert isinstance(router, StaticFirstRouter)
    checked = 0
    for path in sample_paths(router.routes):
        for method in ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"):
            scope = {"type": "http", "method": method, "path": path, "root_path": ""}
            route, child_scope = router.lookup(scope)
            expected_route, expected_scope = starlette_choice(router.routes, scope)
            assert route is expected_route, (method, path)
            assert child_scope == expected_scope, (method, path)
            checked += route is not None
    assert checked > 300  # most samples reach a route (full or 405), not just the fallback


def test_a_route_after_a_parameter_in_the_second_segment_is_still_found() -> None:
    by_tenant = Route("/reward-points/{tenant}/redeemOptions", endpoint, methods=["GET"])
    customer = Route("/reward-points/customer/{customerId}", endpoint, methods=["GET"])
    router = StaticFirstRouter([customer, by_tenant])
    scope = {"type": "http", "method": "GET", "path": "/reward-points/acme/redeemOptions", "root_path": ""}
    assert router.lookup(scope) == (by_tenant, {"endpoint": endpoint, "path_params": {"tenant": "acme"}})
    scope["path"] = "/reward-points/customer/c7"
    assert router.lookup(scope) == (customer, {"endpoint": endpoint, "path_params": {"customerId": "c7"}})
    scope["method"] = "POST"
    assert router.lookup(scope)[0] is customer  # a partial match: 405, as Starlette answers


def test_under_a_mount_point_paths_are_routed_below_it_as_starlette_routes_them(tmp_path: Path) -> None:
    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'r.db'}"))
    router = app.router
    assert isinstance(router, StaticFirstRouter)
    found = 0
    for path in ["/api/v1/event", "/api/v1/user/u1/points", "/api", "/apiv1/event", "/v1/event"]:
        scope = {"type": "http", "method": "POST", "path": path, "root_path": "/api"}
        route, child_scope = router.lookup(scope)
        expected_route, expected_scope = starlette_choice(router.routes, scope)
        assert route is expected_route, path
        assert child_scope == expected_scope, path
        found += route is not None
    assert found >= 2  # /api/v1/event and /api/v1/user/u1/points (405 for POST) reach routes
