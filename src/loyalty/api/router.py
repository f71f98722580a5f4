"""The router, with a table for the paths that have no parameters.

Starlette's router tries every route in order until one matches: ``POST /v1/event`` came after
sixteen regular-expression matches. A route whose path has no parameters is found here by a
dictionary lookup instead, when no earlier route would have matched that path and method first,
so every request is routed exactly as Starlette would route it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette._utils import get_route_path
from starlette.routing import BaseRoute, Match, Route, Router
from starlette.types import Receive, Scope, Send


class StaticFirstRouter(Router):
    def __init__(self, routes: Sequence[BaseRoute], **kwargs: Any) -> None:
        super().__init__(list(routes), **kwargs)
        self.static: dict[tuple[str, str], Route] = static_table(self.routes)

    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            route = self.static.get((scope["method"], get_route_path(scope)))
            if route is not None:
                scope.setdefault("router", self)
                scope["route"] = route
                scope["endpoint"] = route.endpoint
                scope["path_params"] = dict(scope.get("path_params", {}))
                await route.handle(scope, receive, send)
                return
        await super().app(scope, receive, send)


def static_table(routes: Sequence[BaseRoute]) -> dict[tuple[str, str], Route]:
    """``(method, path) → route`` for the routes without parameters that are the first full match."""
    table: dict[tuple[str, str], Route] = {}
    for index, route in enumerate(routes):
        if not isinstance(route, Route) or route.param_convertors or not route.methods:
            continue
        for method in route.methods:
            probe = {"type": "http", "method": method, "path": route.path, "root_path": ""}
            if all(earlier.matches(probe)[0] is not Match.FULL for earlier in routes[:index]):
                table.setdefault((method, route.path), route)
    return table
