"""The OpenAPI document is typed enough to generate clients from: per-kind admin shapes, error
envelopes, typed query parameters, stable operation ids, the seeds' examples (docs/integration.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import msgspec
import pytest

from loyalty.api.app import mounted_endpoints, openapi_document
from loyalty.api.seed_examples import EXAMPLES
from tests.support import TenantHandle

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return openapi_document()


def operations(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {op["operationId"]: op for ops in doc["paths"].values() for op in ops.values()}


def ref(content: dict[str, Any]) -> str:
    return str(content["schema"]["$ref"]).rsplit("/", 1)[-1]


def test_operation_ids_are_readable_and_unique(doc: dict[str, Any]) -> None:
    ids = [op["operationId"] for ops in doc["paths"].values() for op in ops.values()]
    assert len(ids) == len(set(ids))
    assert {
        "logEvent",
        "getUserPoints",
        "redeemOffer",
        "putAdminEvent",
        "logAudienceAction",
        "addPoints",
    } <= set(ids)
    assert doc["paths"]["/v1/user/{userId}/points"]["get"]["operationId"] == "getUserPoints"
    assert all(op_id[0].islower() and op_id.isalnum() for op_id in ids)


def test_each_admin_kind_has_its_own_body_and_answer(doc: dict[str, Any]) -> None:
    ops = operations(doc)
    put = ops["putAdminEvent"]
    assert put["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/AdminEventInput"
    }
    assert ref(put["responses"]["200"]["content"]["application/json"]) == "AdminEvent"
    assert ref(ops["getAdminEvent"]["responses"]["200"]["content"]["application/json"]) == "AdminEvent"
    listed = ops["listAdminEvents"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert listed == {"type": "array", "items": {"$ref": "#/components/schemas/AdminEvent"}}
    schemas = doc["components"]["schemas"]
    # the path fills eventId; the answer carries it and the stored version
    assert "eventId" not in schemas["AdminEventInput"].get("required", [])
    assert {"eventId", "version"} <= set(schemas["AdminEvent"]["required"])
    assert schemas["AdminEventInput"]["additionalProperties"] is False
    # a webhook's secret is write-only: sent on PUT, never in an answer, shown as secretSet
    assert "secret" in schemas["AdminWebhookInput"]["properties"]
    assert "secret" not in schemas["AdminWebhook"]["properties"]
    assert "secretSet" in schemas["AdminWebhook"]["required"]
    assert (
        ref(ops["putAdminApiKey"]["responses"]["200"]["content"]["application/json"]) == "AdminApiKeyCreated"
    )
    assert "deleteAdminSettings" not in ops
    assert "putAdminAudit" not in ops
    assert "/v1/admin/{kind}" not in doc["paths"]


def test_every_error_response_has_its_dialects_envelope(doc: dict[str, Any]) -> None:
    expected = {"/v1/": "LynesError", "/api/loyalty/": "AudienceError", "/reward-points/": "EmporixError"}
    for path, ops in doc["paths"].items():
        envelope = next(name for prefix, name in expected.items() if path.startswith(prefix))
        media = "application/json"  # Emporix's too, as the vendor documents its errors
        for op in ops.values():
            errors = {s: r for s, r in op["responses"].items() if int(s) >= 400}
            assert {"400", "404", "503"} <= set(errors)
            for status, response in errors.items():
                assert ref(response["content"][media]) == envelope, (path, status)
    assert doc["components"]["schemas"]["LynesError"]["required"] == ["statusCode", "message", "data"]


def test_query_parameters_have_their_real_types(doc: dict[str, Any]) -> None:
    def param(op_id: str, name: str) -> dict[str, Any]:
        return next(p for p in operations(doc)[op_id]["parameters"] if p["name"] == name)

    assert param("getEventStats", "period")["schema"] == {
        "type": "string",
        "enum": ["1d", "7d", "30d", "90d", "current_month", "ytd", "all"],
    }
    assert param("getLeaderboard", "limit")["schema"] == {"type": "integer"}
    assert param("getUserHistory", "showAll")["schema"] == {"type": "boolean"}
    assert param("getUserHistory", "sort")["schema"]["enum"] == ["asc", "desc"]
    assert param("listRewardSummaries", "pageSize")["schema"] == {"type": "integer"}
    assert param("getAudienceHistory", "from")["schema"] == {"type": "integer"}
    assert param("getStreakAnalytics", "streakId")["required"] is True


def test_seed_examples_are_in_the_document_and_fit_the_types() -> None:
    by_id = {ep.operation_id: ep for _, ep, _ in mounted_endpoints()}
    doc = openapi_document()
    ops = operations(doc)
    for op_id, examples in EXAMPLES.items():
        ep = by_id[op_id]
        for key, example in examples.items():
            if key == "request":
                msgspec.convert(example, ep.documented_body or ep.body)  # type: ignore[arg-type]
                assert ops[op_id]["requestBody"]["content"]["application/json"]["example"] == example
            else:
                assert isinstance(key, int)
                msgspec.convert(example, ep.responses[key])
                assert ops[op_id]["responses"][str(key)]["content"]["application/json"]["example"] == example
    # seed 000, POST /user
    assert ops["createUser"]["requestBody"]["content"]["application/json"]["example"] == {
        "userId": "user_123"
    }


async def test_each_dialects_real_errors_decode_as_its_documented_envelope(
    client: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    from loyalty.api.dialects.audience.errors import AudienceError
    from loyalty.api.dialects.emporix.errors import EmporixError
    from loyalty.api.dialects.lynes.errors import LynesError

    lynes = await client.get("/v1/user/nobody/challenge/none", headers=tenant.admin)
    assert msgspec.json.decode(lynes.content, type=LynesError, strict=True).statusCode == lynes.status_code
    audience = await client.get("/api/loyalty/coupons/none", headers=tenant.user("u1"))
    assert audience.status_code == 404  # not one of the user's coupons (seed 001), whatever its form
    assert msgspec.json.decode(audience.content, type=AudienceError, strict=True).data.code == "not_found"
    emporix = await client.post(
        "/reward-points/customer/u1/addPoints", json={"points": 0}, headers=tenant.admin
    )
    assert emporix.headers["content-type"] == "application/json"
    assert msgspec.json.decode(emporix.content, type=EmporixError, strict=True).field == "points"


def test_the_committed_document_is_the_current_one(doc: dict[str, Any]) -> None:
    """The clients are generated from clients/openapi.json (scripts/generate-clients.sh); CI's
    ``--check`` regenerates them all, this catches the common miss in the plain test run."""
    committed = json.loads((ROOT / "clients" / "openapi.json").read_text())
    assert committed == json.loads(json.dumps(doc)), "run scripts/generate-clients.sh and commit the result"


async def test_a_read_item_can_be_put_back_and_its_version_makes_the_put_conditional(
    tenant: TenantHandle,
) -> None:
    """The answer of a GET (with ``version``) is a valid PUT body for every kind, as the document says."""
    body = {"title": "App login", "status": "ACTIVE", "type": "FIXED", "reward": {"default": 5}}
    first = await tenant.put("events", "app_login", body)
    assert first.json()["version"] == 1
    again = await tenant.put("events", "app_login", first.json())
    assert again.status_code == 200
    assert again.json()["version"] == 2
    stale = await tenant.put("events", "app_login", first.json())
    assert stale.status_code == 409
    assert stale.json()["data"]["field"] == "version"
