"""The same two endpoints in each candidate stack: GET a small JSON, POST a validated event body.

Used once to choose the web stack (docs/decisions.md); run with bench/stack/run.sh.
"""

from __future__ import annotations

from typing import Any

import msgspec

SMALL = {"userId": "user-123", "points": 1200, "userExists": True}


class EventBody(msgspec.Struct):
    eventId: str
    userId: str
    metadata: dict[str, Any] | None = None


def fastapi_app() -> Any:
    from fastapi import FastAPI
    from pydantic import BaseModel

    class Event(BaseModel):
        eventId: str
        userId: str
        metadata: dict[str, Any] | None = None

    app = FastAPI()

    @app.get("/small")
    async def small() -> dict[str, Any]:
        return SMALL

    @app.post("/event")
    async def event(body: Event) -> dict[str, Any]:
        return {"statusCode": 200, "data": {"eventId": body.eventId, "userId": body.userId}}

    return app


def litestar_app() -> Any:
    from litestar import Litestar, get, post

    @get("/small")
    async def small() -> dict[str, Any]:
        return SMALL

    @post("/event", status_code=200)
    async def event(data: EventBody) -> dict[str, Any]:
        return {"statusCode": 200, "data": {"eventId": data.eventId, "userId": data.userId}}

    return Litestar([small, event], openapi_config=None)


def starlette_app() -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    decoder = msgspec.json.Decoder(EventBody)
    encoder = msgspec.json.Encoder()

    async def small(_: Request) -> Response:
        return Response(encoder.encode(SMALL), media_type="application/json")

    async def event(request: Request) -> Response:
        body = decoder.decode(await request.body())
        out = {"statusCode": 200, "data": {"eventId": body.eventId, "userId": body.userId}}
        return Response(encoder.encode(out), media_type="application/json")

    return Starlette(routes=[Route("/small", small), Route("/event", event, methods=["POST"])])
