"""``/healthz``, ``/readyz``, ``/metrics`` and the JSON access log."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client import REGISTRY

from loyalty.api.app import create_app
from loyalty.app.kernel.uow import Encoded, run_write
from loyalty.app.ledger import ledger
from loyalty.app.tenancy.credentials import mint_token, principal_from_api_key
from loyalty.app.users.users import resolve_user
from loyalty.logs import JsonFormatter, RedactSecrets
from loyalty.settings import Settings
from tests.support import TenantHandle, free_port


def _down_databases(tmp_path: Path) -> list[str]:
    return [
        f"sqlite:///{tmp_path / 'deleted-directory' / 'loyalty.db'}",
        f"postgresql://postgres@127.0.0.1:{free_port()}/loyalty",
    ]


@pytest.mark.parametrize("which", ["sqlite", "postgresql"])
async def test_readyz_is_503_when_the_database_is_down_while_healthz_stays_200(
    tmp_path: Path, which: str
) -> None:
    url = next(u for u in _down_databases(tmp_path) if u.startswith(which))
    application = create_app(Settings(database_url=url, migrate_on_start=False, delivery_in_process=False))
    transport = httpx.ASGITransport(app=application)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        ready = await client.get("/readyz")
        health = await client.get("/healthz")
    await application.state.runtime.database.dispose()
    assert ready.status_code == 503
    assert ready.json() == {"status": "database unavailable"}
    assert health.status_code == 200


async def test_readyz_is_200_on_a_migrated_database(client: httpx.AsyncClient) -> None:
    r = await client.get("/readyz")
    assert r.status_code == 200
    assert r.json() == {"status": "ready"}


def _sample(name: str, labels: dict[str, str]) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_metrics_count_requests_by_route_template_and_status(tenant: TenantHandle) -> None:
    labels = {"method": "GET", "route": "/v1/user/{userId}/points", "status": "200"}
    before = _sample("loyalty_http_requests_total", labels)
    await tenant.client.get("/v1/user/user_123/points", headers=tenant.admin)
    await tenant.client.get("/v1/user/user_456/points", headers=tenant.admin)
    r = await tenant.client.get("/metrics")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")
    assert _sample("loyalty_http_requests_total", labels) - before == 2
    assert (
        'loyalty_http_request_duration_seconds_bucket{le="0.002",method="GET",route="/v1/user/{userId}/points"}'
        in r.text
    )
    assert "user_123" not in r.text


async def test_metrics_show_queue_depth_and_database_pool(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/metrics")
    assert 'loyalty_webhook_queue_depth{status="pending"}' in r.text
    assert 'loyalty_webhook_queue_depth{status="failed"}' in r.text
    assert 'loyalty_db_pool_connections{state="in_use"}' in r.text
    assert "loyalty_webhook_deliveries_total" in r.text or "loyalty_webhook_deliveries_created" in r.text


async def test_metrics_count_points_issued_and_redeemed(app: Any, tenant: TenantHandle) -> None:
    issued = {"kind": "issued", "metric": "points"}
    redeemed = {"kind": "redeemed", "metric": "points"}
    before = (_sample("loyalty_points_total", issued), _sample("loyalty_points_total", redeemed))
    services = app.state.services
    principal = await principal_from_api_key(services.tenants, tenant.admin_key)

    async def work(tx: Any) -> None:
        pk = await resolve_user(tx, "user_123", create=True)
        await ledger.credit(tx, pk, 70, source="event")
        await ledger.debit(tx, pk, 25, source="offer")

    await run_write(services, principal, work, lambda _: Encoded(200, b"", "application/json"))
    after = (_sample("loyalty_points_total", issued), _sample("loyalty_points_total", redeemed))
    assert (after[0] - before[0], after[1] - before[1]) == (70, 25)


async def test_access_log_line_has_request_id_tenant_route_status_and_no_credentials(
    tenant: TenantHandle, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="loyalty.access")
    r = await tenant.client.get(
        "/v1/user/user_123/points", headers={**tenant.admin, "X-Request-ID": "req-7f3a", "Cookie": "s=1"}
    )
    assert r.headers["x-request-id"] == "req-7f3a"
    [record] = [rec for rec in caplog.records if rec.name == "loyalty.access"]
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert {k: entry[k] for k in ("request_id", "tenant", "method", "route", "status", "message")} == {
        "request_id": "req-7f3a",
        "tenant": tenant.name,
        "method": "GET",
        "route": "/v1/user/{userId}/points",
        "status": 200,
        "message": "request",
    }
    assert entry["duration_ms"] >= 0
    assert tenant.admin_key not in line
    assert "user_123" not in line


async def test_request_without_x_request_id_gets_one_generated_and_logged(
    tenant: TenantHandle, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="loyalty.access")
    r = await tenant.client.get("/healthz")
    [record] = [rec for rec in caplog.records if rec.name == "loyalty.access"]
    generated = r.headers["x-request-id"]
    assert len(generated) == 32
    assert json.loads(JsonFormatter().format(record))["request_id"] == generated


def test_tokens_keys_and_metadata_never_reach_a_log_line() -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl"
    record = logging.LogRecord(
        "loyalty.api", logging.WARNING, __file__, 1, "refused %s with Bearer %s", ("lyk_abcdef123", jwt), None
    )
    record.fields = {
        "authorization": f"Bearer {jwt}",
        "metadata": {"email": "a@example.com"},
        "route": "/v1/event",
    }
    RedactSecrets().filter(record)
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["message"] == "refused [redacted] with [redacted]"
    assert entry["authorization"] == "[redacted]"
    assert entry["metadata"] == "[redacted]"
    assert entry["route"] == "/v1/event"
    for secret in (jwt, "lyk_abcdef123", "a@example.com"):
        assert secret not in line


async def test_api_keys_jwt_secrets_and_tokens_never_reach_the_logs_or_a_later_response(
    tenant: TenantHandle,
) -> None:
    """Every record of every logger, at DEBUG and before any redaction filter, for a run of requests
    that carry, create, rotate and misuse secrets; then the admin reads that must not show them."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    jwt_secret = "jwt-secret-" + "9f" * 16
    token = tenant.token("u1", "loyalty:manage")
    root = logging.getLogger()
    keep, level = Keep(level=logging.DEBUG), root.level
    root.addHandler(keep)
    root.setLevel(logging.DEBUG)
    await tenant.create_user("u1")
    try:
        created = await tenant.put("api-keys", "shop", {"role": "service"})
        service_key = created.json()["key"]
        assert (await tenant.put("settings", "tenant", {"jwtSecret": jwt_secret})).status_code == 200
        new_token = mint_token(jwt_secret, tenant=tenant.name, sub="u1", now_s=int(time.time()))
        client = tenant.client
        for headers in (
            {"X-API-Key": service_key},
            {"Authorization": f"Bearer {new_token}"},
            {"Authorization": f"Bearer {token}"},  # signed with the replaced secret: 401
            {"Authorization": f"Bearer {new_token}x"},  # tampered: 401
            {"X-API-Key": service_key + "x"},  # unknown: 401
        ):
            await client.get("/v1/user/u1/points", headers=headers)
            await client.post("/v1/event", json={"eventId": "nope", "userId": "u1"}, headers=headers)
        await client.get("/v1/admin/settings", headers={"X-API-Key": service_key})  # 403
        await client.delete("/v1/admin/api-keys/shop", headers=tenant.admin)
        await client.get("/v1/user/u1/points", headers={"X-API-Key": service_key})  # revoked: 401
        reads = [
            await client.get(path, headers=tenant.admin)
            for path in (
                "/v1/admin/api-keys",
                "/v1/admin/api-keys/shop",
                "/v1/admin/api-keys/admin",
                "/v1/admin/settings/tenant",
                "/v1/admin/audit",
                "/v1/user/u1/export",
            )
        ]
    finally:
        root.removeHandler(keep)
        root.setLevel(level)
    secrets = {
        "service key": service_key,
        "admin key": tenant.admin_key,
        "jwt secret": jwt_secret,
        "first jwt secret": tenant.secret,
        "token": token,
        "new token": new_token,
        "token signature": new_token.rsplit(".", 1)[1],
    }
    assert len(records) >= 12  # one access line per request at least
    lines = [JsonFormatter().format(record) for record in records]
    lines += [f"{record.msg} {record.args} {vars(record)}" for record in records]
    leaked = [(name, line[:200]) for line in lines for name, secret in secrets.items() if secret in line]
    assert leaked == []
    for r in reads:
        assert r.status_code == 200, r.text
        shown = [name for name, secret in secrets.items() if secret in r.text]
        assert shown == [], (str(r.url), shown)
    assert created.json()["key"].startswith("lyk_")  # shown once, at creation
    assert reads[3].json()["jwtSecretSet"] is True
