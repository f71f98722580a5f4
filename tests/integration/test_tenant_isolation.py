"""Tenant isolation over EVERY route (docs/reliability.md): a second tenant's valid credentials, aimed
at the first tenant's users, events, logged events and config ids, neither read nor change them.

The routes come from the app's own OpenAPI document, so a route added later is walked too. Each
operation is called with the attacker's admin API key and with a manage-scoped user token whose
``sub`` is the victim's user id; path parameters carry the victim's ids (the Emporix ``{tenant}``
segment the victim's name), write bodies are built from the operation's schema. No answer may be a
5xx or contain one of the victim's markers, a ``{tenant}`` path of the victim is 401/403, and the
victim's data read back with its own admin key is the same afterwards.
"""

from __future__ import annotations

import re
from typing import Any

import httpx

from loyalty.app import features
from loyalty.app.tenancy.config_kinds import KINDS, SPECIAL_KINDS
from tests.support import TenantHandle
from tests.webhook_receiver import STANDARD_SECRET

features.load()  # the kinds the server registers at start-up, listed before the app exists

VICTIM = "victim"
POINTS = 424_242
MARKER = "classified-7f3a"


async def seed_victim(t: TenantHandle) -> dict[str, str]:
    """The victim tenant's data; answers the ids an attacker would aim at."""
    event = {"eventId": "login", "title": MARKER, "reward": {"default": 7}}
    assert (await t.put("events", "login", event)).status_code == 200
    assert (await t.put("settings", "tenant", {"autoCreateUsers": True})).status_code == 200
    r = await t.client.post(
        f"/reward-points/customer/{VICTIM}",
        json={"startPoints": {"points": POINTS, "description": MARKER}},
        headers=t.admin,
    )
    assert r.status_code == 200, r.text
    body = {"eventId": "login", "userId": VICTIM, "metadata": {"note": MARKER}}
    logged = await t.client.post("/v1/event", json=body, headers=t.admin)
    assert logged.status_code == 200, logged.text
    option = await t.client.post(
        f"/reward-points/{t.name}/redeemOptions",
        json={"type": "coupon", "name": MARKER, "points": 10},
        headers=t.admin,
    )
    assert option.status_code == 200, option.text
    hook = {
        "url": "https://example.invalid/hook",
        "secret": STANDARD_SECRET,
        "eventTypes": ["points.awarded"],
        "description": MARKER,
    }
    webhook = await t.put("webhooks", "login", hook)
    assert webhook.status_code == 200, webhook.text
    return {
        "loggedEventId": logged.headers["Loyalty-Logged-Event-Id"],
        "redeemOptionId": option.json()[0]["id"],
    }


async def snapshot(t: TenantHandle, ids: dict[str, str]) -> list[str]:
    reads = [
        f"/reward-points/customer/{VICTIM}/summary",
        f"/v1/user/{VICTIM}/points",
        f"/v1/user/{VICTIM}/history",
        f"/v1/user/{VICTIM}/export",
        f"/reward-points/{t.name}/redeemOptions",
        "/v1/admin/settings/tenant",
        *(f"/v1/admin/{kind}" for kind in [*KINDS, "api-keys"]),
    ]
    answers = []
    for path in reads:
        r = await t.client.get(path, headers=t.admin)
        assert r.status_code == 200, (path, r.text)
        answers.append(f"{path} {r.text}")
    assert str(POINTS) in answers[0]
    assert MARKER in answers[0]
    return answers


def example(schema: Any, components: dict[str, Any], name: str = "") -> Any:
    """A small instance of a JSON schema: required members only, the victim's ids for ids."""
    if "$ref" in schema:
        return example(components[schema["$ref"].rsplit("/", 1)[1]], components, name)
    for union in ("oneOf", "anyOf"):
        if union in schema:
            options = [s for s in schema[union] if s.get("type") != "null"] or schema[union]
            return example(options[0], components, name)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if "enum" in schema:
        return schema["enum"][0]
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        return {key: example(props[key], components, key) for key in schema.get("required", [])}
    if kind == "array":
        return [example(schema.get("items", {}), components, name)]
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.0
    if kind == "boolean":
        return True
    if kind == "string":
        return VICTIM if re.search(r"(?i)user|customer|id$", name) else "x"
    return VICTIM if re.search(r"(?i)user|customer", name) else {}


def requests_for(document: dict[str, Any], victim: TenantHandle, ids: dict[str, str]) -> list[Any]:
    components = document["components"]["schemas"]
    values = {
        "userId": VICTIM,
        "customerId": VICTIM,
        "tenant": victim.name,
        "eventId": "login",
        "id": "login",
        **ids,
    }
    out: list[tuple[str, str, Any]] = []
    for template, operations in document["paths"].items():
        for method, op in operations.items():
            body = None
            if "requestBody" in op:
                schema = op["requestBody"]["content"]["application/json"]["schema"]
                body = example(schema, components)
                if isinstance(body, dict) and "userId" in body:
                    body["userId"] = VICTIM
            kinds = [*KINDS, *SPECIAL_KINDS] if "{kind}" in template else [""]
            for kind in kinds:
                path = template.replace("{kind}", kind)
                path = re.sub(r"{(\w+)}", lambda m: values.get(m.group(1), "x"), path)
                out.append((method.upper(), path, body))
    # Deletions last, so an attacker's own deletions cannot hide a later read.
    out.sort(key=lambda r: r[0] == "DELETE")
    return out


async def test_a_second_tenant_can_neither_read_nor_change_the_first_tenants_data(
    tenant: TenantHandle, other_tenant: TenantHandle
) -> None:
    ids = await seed_victim(tenant)
    before = await snapshot(tenant, ids)
    document = (await tenant.client.get("/openapi.json")).json()
    plan = requests_for(document, tenant, ids)
    attacker = other_tenant
    scopes = "loyalty:manage rewardspoints.rewardpoints_manage"
    credentials = {"admin API key": attacker.admin, "user token": attacker.user(VICTIM, scopes)}
    walked: set[str] = set()
    problems: list[str] = []
    for label, headers in credentials.items():
        for method, path, body in plan:
            r: httpx.Response = await attacker.client.request(method, path, headers=headers, json=body)
            walked.add(f"{method} {path}")
            where = f"{label}: {method} {path} -> {r.status_code}"
            if r.status_code >= 500:
                problems.append(f"{where} {r.text[:200]}")
            if MARKER in r.text or str(POINTS) in r.text:  # ids the attacker sent may be echoed
                problems.append(f"{where} leaks the first tenant's data: {r.text[:200]}")
            if f"/{tenant.name}/" in path and r.status_code not in (401, 403):
                problems.append(f"{where} crossed the {{tenant}} path")
    assert problems == []
    operations = sum(len(ops) for ops in document["paths"].values())
    assert operations >= 40
    assert len(walked) >= operations
    assert await snapshot(tenant, ids) == before
