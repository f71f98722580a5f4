"""The authentication attack matrix (docs/reliability.md): every hostile credential is 401 or 403.

Each case builds one request from a fresh tenant (and a second tenant where the attack needs one);
the expected status and the envelope's error code are asserted, and a legitimate control request
proves the same route answers 2xx with a good credential, so a 401 is never an accident of routing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.support import TenantHandle


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def claims(handle: TenantHandle, sub: str = "u1", **extra: object) -> dict[str, object]:
    now = int(time.time())
    return {"sub": sub, "tenant": handle.name, "iat": now, "exp": now + 600, **extra}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def hs256(handle: TenantHandle, **overrides: object) -> str:
    return jwt.encode({**claims(handle), **overrides}, handle.secret, algorithm="HS256")


@dataclass
class Attack:
    method: str
    path: str
    headers: dict[str, str]
    body: Any = None
    control: dict[str, str] = field(default_factory=dict)
    """A legitimate credential for the same request (answers 2xx)."""


Build = Callable[[TenantHandle, TenantHandle], Awaitable[Attack]]

POINTS = "/v1/user/u1/points"


async def no_token(t: TenantHandle, o: TenantHandle) -> Attack:
    return Attack("GET", POINTS, {}, control=t.user("u1"))


async def malformed_token(t: TenantHandle, o: TenantHandle) -> Attack:
    return Attack("GET", POINTS, bearer("not.a.jwt"), control=t.user("u1"))


async def wrong_scheme(t: TenantHandle, o: TenantHandle) -> Attack:
    return Attack("GET", POINTS, {"Authorization": f"Basic {t.token('u1')}"}, control=t.user("u1"))


async def alg_none(t: TenantHandle, o: TenantHandle) -> Attack:
    header = b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    token = f"{header}.{b64(json.dumps(claims(t)).encode())}."
    return Attack("GET", POINTS, bearer(token), control=t.user("u1"))


async def hs256_with_rs256_public_key(t: TenantHandle, o: TenantHandle) -> Attack:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    r = await t.put("settings", "tenant", {"jwks": {"keys": [{**jwk, "kid": "idp-1", "alg": "RS256"}]}})
    assert r.status_code == 200, r.text
    pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "idp-1"}).encode())
    signing_input = f"{header}.{b64(json.dumps(claims(t)).encode())}"
    signature = hmac.new(pem, signing_input.encode(), hashlib.sha256).digest()
    good = jwt.encode(claims(t), private, algorithm="RS256", headers={"kid": "idp-1"})
    return Attack("GET", POINTS, bearer(f"{signing_input}.{b64(signature)}"), control=bearer(good))


async def expired(t: TenantHandle, o: TenantHandle) -> Attack:
    now = int(time.time())
    return Attack("GET", POINTS, bearer(hs256(t, iat=now - 7200, exp=now - 3600)), control=t.user("u1"))


async def not_yet_valid(t: TenantHandle, o: TenantHandle) -> Attack:
    return Attack("GET", POINTS, bearer(hs256(t, nbf=int(time.time()) + 3600)), control=t.user("u1"))


async def without_exp(t: TenantHandle, o: TenantHandle) -> Attack:
    token = jwt.encode({"sub": "u1", "tenant": t.name}, t.secret, algorithm="HS256")
    return Attack("GET", POINTS, bearer(token), control=t.user("u1"))


async def wrong_tenant_claim(t: TenantHandle, o: TenantHandle) -> Attack:
    # Signed with this tenant's secret but naming the other tenant: checked against the other's secret.
    return Attack("GET", POINTS, bearer(hs256(t, tenant=o.name)), control=t.user("u1"))


async def unknown_tenant(t: TenantHandle, o: TenantHandle) -> Attack:
    return Attack("GET", POINTS, bearer(hs256(t, tenant="no-such-tenant")), control=t.user("u1"))


async def missing_tenant_claim(t: TenantHandle, o: TenantHandle) -> Attack:
    token = jwt.encode({"sub": "u1", "exp": int(time.time()) + 600}, t.secret, algorithm="HS256")
    return Attack("GET", POINTS, bearer(token), control=t.user("u1"))


async def another_tenants_secret(t: TenantHandle, o: TenantHandle) -> Attack:
    token = jwt.encode(claims(t), o.secret, algorithm="HS256")
    return Attack("GET", POINTS, bearer(token), control=t.user("u1"))


async def tampered_payload(t: TenantHandle, o: TenantHandle) -> Attack:
    header, _, signature = t.token("u1").split(".")
    forged = b64(json.dumps(claims(t, scope="loyalty:admin")).encode())
    return Attack("GET", POINTS, bearer(f"{header}.{forged}.{signature}"), control=t.user("u1"))


async def another_users_id_in_path(t: TenantHandle, o: TenantHandle) -> Attack:
    return Attack("GET", "/v1/user/u2/points", t.user("u1"), control=t.user("u2"))


async def another_users_id_in_body(t: TenantHandle, o: TenantHandle) -> Attack:
    return Attack("POST", "/v1/user", t.user("u1"), body={"userId": "u2"}, control=t.user("u2"))


async def customer_token_on_employee_summary_batch(t: TenantHandle, o: TenantHandle) -> Attack:
    employee = t.user("clerk", "rewardspoints.rewardpoints_view")
    return Attack("GET", "/reward-points/summaryBatch", t.user("c1"), control=employee)


async def customer_token_on_employee_add_points(t: TenantHandle, o: TenantHandle) -> Attack:
    await t.create_user("c1")
    employee = t.user("clerk", "rewardspoints.rewardpoints_manage")
    body = {"points": 5, "description": "self-service"}
    return Attack("POST", "/reward-points/customer/c1/addPoints", t.user("c1"), body, control=employee)


async def customer_token_on_employee_redeem_options(t: TenantHandle, o: TenantHandle) -> Attack:
    employee = t.user("clerk", "rewardspoints.rewardpoints_manage")
    body = {"type": "coupon", "name": "Mug", "points": 10}
    path = f"/reward-points/{t.name}/redeemOptions"
    return Attack("POST", path, t.user("c1"), body, control=employee)


async def revoked_api_key(t: TenantHandle, o: TenantHandle) -> Attack:
    key = (await t.put("api-keys", "shop", {"role": "service"})).json()["key"]
    revoked = await t.client.delete("/v1/admin/api-keys/shop", headers=t.admin)
    assert revoked.status_code == 200
    return Attack("GET", POINTS, {"X-API-Key": key}, control=t.admin)


async def unknown_api_key(t: TenantHandle, o: TenantHandle) -> Attack:
    return Attack("GET", POINTS, {"X-API-Key": t.admin_key[:-2] + "xx"}, control=t.admin)


async def service_key_on_admin_endpoint(t: TenantHandle, o: TenantHandle) -> Attack:
    key = (await t.put("api-keys", "shop", {"role": "service"})).json()["key"]
    return Attack("GET", "/v1/admin/settings", {"X-API-Key": key}, control=t.admin)


async def user_token_on_admin_endpoint(t: TenantHandle, o: TenantHandle) -> Attack:
    return Attack("GET", "/v1/admin/settings", t.user("u1", "loyalty:manage"), control=t.admin)


async def emporix_tenant_path_of_another_tenant(t: TenantHandle, o: TenantHandle) -> Attack:
    return Attack("GET", f"/reward-points/{o.name}/redeemOptions", t.admin, control=o.admin)


async def emporix_tenant_path_with_user_token(t: TenantHandle, o: TenantHandle) -> Attack:
    employee = t.user("clerk", "rewardspoints.rewardpoints_view")
    return Attack("GET", f"/reward-points/{o.name}/redeemOptions", employee, control=o.admin)


CASES: list[tuple[Build, int, str]] = [
    (no_token, 401, "unauthenticated"),
    (malformed_token, 401, "unauthenticated"),
    (wrong_scheme, 401, "unauthenticated"),
    (alg_none, 401, "unauthenticated"),
    (hs256_with_rs256_public_key, 401, "unauthenticated"),
    (expired, 401, "unauthenticated"),
    (not_yet_valid, 401, "unauthenticated"),
    (without_exp, 401, "unauthenticated"),
    (wrong_tenant_claim, 401, "unauthenticated"),
    (unknown_tenant, 401, "unauthenticated"),
    (missing_tenant_claim, 401, "unauthenticated"),
    (another_tenants_secret, 401, "unauthenticated"),
    (tampered_payload, 401, "unauthenticated"),
    (another_users_id_in_path, 403, "forbidden"),
    (another_users_id_in_body, 403, "forbidden"),
    (customer_token_on_employee_summary_batch, 403, "forbidden"),
    (customer_token_on_employee_add_points, 403, "forbidden"),
    (customer_token_on_employee_redeem_options, 403, "forbidden"),
    (revoked_api_key, 401, "unauthenticated"),
    (unknown_api_key, 401, "unauthenticated"),
    (service_key_on_admin_endpoint, 403, "forbidden"),
    (user_token_on_admin_endpoint, 403, "forbidden"),
    (emporix_tenant_path_of_another_tenant, 403, "forbidden"),
    (emporix_tenant_path_with_user_token, 403, "forbidden"),
]


def error_code(body: Any) -> str | None:
    """The error code in any envelope (Lynes ``data.code``, the Emporix problem document's ``code``,
    the other Emporix error shapes' ``errorCode``, where their ``code`` is the HTTP status)."""
    if isinstance(body, dict):
        data = body.get("data")
        if isinstance(data, dict) and "code" in data:
            return str(data["code"])
        if "errorCode" in body:
            return str(body["errorCode"])
        if "code" in body:
            return str(body["code"])
    return None


@pytest.mark.parametrize(("build", "status", "code"), CASES, ids=[c[0].__name__ for c in CASES])
async def test_attack_is_refused(
    tenant: TenantHandle, other_tenant: TenantHandle, build: Build, status: int, code: str
) -> None:
    attack = await build(tenant, other_tenant)
    r = await tenant.client.request(attack.method, attack.path, headers=attack.headers, json=attack.body)
    assert r.status_code == status, r.text
    assert error_code(r.json()) == code, r.text
    control = await tenant.client.request(
        attack.method, attack.path, headers=attack.control, json=attack.body
    )
    assert 200 <= control.status_code < 300, control.text
