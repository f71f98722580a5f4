"""Entry point for ASGI servers: ``uvicorn --factory loyalty.api.asgi:create``."""

from __future__ import annotations

from starlette.applications import Starlette

from loyalty.api.app import create_app


def create() -> Starlette:
    return create_app()
