"""The OpenAPI 3.1 document and the API docs page, served by the app itself with no CDN."""

from __future__ import annotations

import re

import httpx


async def test_openapi_document_is_3_1_and_lists_the_user_endpoints(client: httpx.AsyncClient) -> None:
    r = await client.get("/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    assert doc["openapi"] == "3.1.0"
    assert "post" in doc["paths"]["/v1/user"]
    assert "get" in doc["paths"]["/v1/user/{userId}/points"]
    points = doc["paths"]["/v1/user/{userId}/points"]["get"]
    assert points["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/UserPoints"
    }
    assert doc["components"]["schemas"]["UserPoints"]["required"] == ["userId", "points", "userExists"]


async def test_write_operations_document_the_idempotency_key(client: httpx.AsyncClient) -> None:
    doc = (await client.get("/openapi.json")).json()
    params = doc["paths"]["/v1/user"]["post"]["parameters"]
    assert {"name": "Idempotency-Key", "in": "header"}.items() <= params[-1].items()


async def test_docs_page_loads_only_local_assets(client: httpx.AsyncClient) -> None:
    page = await client.get("/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources == ["/docs/static/swagger-ui.css", "/docs/static/swagger-ui-bundle.js", "/docs/init.js"]
    for source in sources:
        asset = await client.get(source)
        assert asset.status_code == 200
        assert len(asset.content) > 10
    assert "/openapi.json" in (await client.get("/docs/init.js")).text


async def test_health_and_readiness(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).json() == {"status": "ready"}
