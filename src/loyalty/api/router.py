"""The router: a table for the paths without parameters, and a short list of candidates for the rest.

Starlette's router tries every route in order until one matches: ``POST /v1/event`` came after
sixteen regular-expression matches, ``GET /v1/user/{userId}/points`` after twelve. Here:

- a route whose path has no parameters is found by a dictionary lookup, when no earlier route
  would have matched that path and method first;
- any other path is tried only against the routes that could match it at all: those whose text
  before the first parameter starts the path and whose text after the last one ends it. The
  candidates of a path's first two segments (``/v1/user/``) are listed once, in the routes' order.

Among the candidates the first full match wins, else the first partial one (a path whose method
is not allowed: 405), as in Starlette; a path no candidate matches goes to Starlette's own search
(trailing-slash redirect, 404). So every request is routed exactly as Starlette would route it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.routing import BaseRoute, Match, Route, Router
from starlette.types import Receive, Scope, Send

_KEYS_CACHED = 256
"""Candidate lists kept, by a path's first two segments (a segment may be a value, such as a tenant)."""


class StaticFirstRouter(Router):
    def __init__(self, routes: Sequence[BaseRoute], **kwargs: Any) -> None:
        super().__init__(list(routes), **kwargs)
        self.static: dict[tuple[str, str], Route] = static_table(self.routes)
        self._shapes = [(route, *_literal_ends(route)) for route in self.routes]
        self._candidates: dict[str, list[tuple[BaseRoute, str, str]]] = {}

    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            route, child_scope = self.lookup(scope)
            if route is not None:
                scope.setdefault("router", self)
                scope["route"] = route
                scope.update(child_scope)
                await route.handle(scope, receive, send)
                return
        await super().app(scope, receive, send)

    def lookup(self, scope: Scope) -> tuple[BaseRoute | None, Scope]:
        """The route Starlette would choose for an HTTP request and its child scope, or ``None``
        when no route matches (Starlette's own search then redirects or answers 404)."""
        path = route_path(scope)
        route = self.static.get((scope["method"], path))
        if route is not None:
            return route, {"endpoint": route.endpoint, "path_params": dict(scope.get("path_params", {}))}
        partial: tuple[BaseRoute, Scope] | None = None
        for candidate, head, tail in self._candidates_of(path):
            if not (path.startswith(head) and path.endswith(tail)):
                continue
            match, child_scope = candidate.matches(scope)
            if match is Match.FULL:
                return candidate, child_scope
            if match is Match.PARTIAL and partial is None:
                partial = candidate, child_scope
        return partial if partial is not None else (None, {})

    def _candidates_of(self, path: str) -> list[tuple[BaseRoute, str, str]]:
        key = _first_segments(path)
        candidates = self._candidates.get(key)
        if candidates is None:
            candidates = [
                shape for shape in self._shapes if shape[1].startswith(key) or key.startswith(shape[1])
            ]
            if len(self._candidates) < _KEYS_CACHED:
                self._candidates[key] = candidates
        return candidates


def _first_segments(path: str) -> str:
    """``/v1/user/u1/points`` → ``/v1/user/``; a shorter path is its own key."""
    second = path.find("/", 1)
    third = path.find("/", second + 1) if second >= 0 else -1
    return path if third < 0 else path[: third + 1]


def _literal_ends(route: BaseRoute) -> tuple[str, str]:
    """The text before a route's first parameter and after its last one: every path it matches
    starts and ends with them. ``("", "")`` for what is not a plain route (mounts, hosts)."""
    if not isinstance(route, Route):
        return "", ""
    path = route.path
    if "{" not in path:
        return path, path
    return path[: path.index("{")], path[path.rindex("}") + 1 :]


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


def route_path(scope: Scope) -> str:
    """The request's path below the application's mount point (the ASGI ``root_path``), which is
    what routes match: ``/api/v1/event`` under ``root_path`` ``/api`` is ``/v1/event``."""
    path: str = scope["path"]
    root = scope.get("root_path", "")
    if root and path.startswith(root) and (len(path) == len(root) or path[len(root)] == "/"):
        return path[len(root) :]
    return path
