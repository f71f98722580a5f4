"""Entry point for ASGI servers: ``uvicorn --factory loyalty.api.asgi:create``.

It is also how ``loyalty serve`` starts each server process, so the process-wide settings of a
server are made here rather than in :func:`loyalty.api.app.create_app`, which tests call many times.
"""

from __future__ import annotations

import gc

from starlette.applications import Starlette

from loyalty.api.app import create_app

GC_YOUNG_THRESHOLD = 10_000
"""Net new container objects between two collections of the youngest generation (CPython: 700).

A request's objects die by reference counting, not by collection; at 700 the collections mostly
found the objects of the requests in flight and moved them to the older generations, which brought
on a full collection about once a second under ``bench/run sqlite``: ~40 ms each, every object of
startup traversed again, one request in a hundred held up by one. With those objects frozen and
this threshold, collections take ~0 instead of ~5 % of the time (bench/RESULTS.md)."""


def create() -> Starlette:
    app = create_app()
    tune_garbage_collector()
    return app


def tune_garbage_collector() -> None:
    """Leave the objects of startup (modules, tables, routes: over 100,000) out of every future
    collection, and collect the youngest generation less often."""
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, middle, oldest)
