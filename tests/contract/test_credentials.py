"""The credentials contract of PRODUCT.md: who gets 401, who gets 403, who gets through."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from tests.support import TenantHandle


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def claims(handle: TenantHandle, sub: str = "u1", **extra: object) -> dict[str, object]:
    now = int(time.time())
    return {"sub": sub, "tenant": handle.name, "iat": now, "exp": now + 600, **extra}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def points(tenant: TenantHandle, headers: dict[str, str], user: str = "u1") -> int:
    r = await tenant.client.get(f"/v1/user/{user}/points", headers=headers)
    return r.status_code


async def test_a_valid_user_token_reads_its_own_points(tenant: TenantHandle) -> None:
    assert await points(tenant, tenant.user("u1")) == 200


async def test_no_credential_is_401_in_the_lynes_envelope(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/user/u1/points")
    assert r.status_code == 401
    assert r.json()["statusCode"] == 401
    assert r.json()["data"]["code"] == "unauthenticated"


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer not.a.jwt", "Basic dXNlcjpwYXNz", "Bearer a.b", "Token abc"],
)
async def test_malformed_authorization_is_401(tenant: TenantHandle, header: str) -> None:
    assert await points(tenant, {"Authorization": header}) == 401


async def test_alg_none_is_401(tenant: TenantHandle) -> None:
    header = b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    token = f"{header}.{b64(json.dumps(claims(tenant)).encode())}."
    assert await points(tenant, bearer(token)) == 401


async def test_expired_token_is_401(tenant: TenantHandle) -> None:
    token = jwt.encode(claims(tenant, exp=int(time.time()) - 10), tenant.secret, algorithm="HS256")
    r = await tenant.client.get("/v1/user/u1/points", headers=bearer(token))
    assert r.status_code == 401
    assert "expired" in r.json()["message"]


async def test_token_without_exp_is_401(tenant: TenantHandle) -> None:
    body = claims(tenant)
    del body["exp"]
    assert await points(tenant, bearer(jwt.encode(body, tenant.secret, algorithm="HS256"))) == 401


async def test_not_yet_valid_token_is_401(tenant: TenantHandle) -> None:
    token = jwt.encode(claims(tenant, nbf=int(time.time()) + 600), tenant.secret, algorithm="HS256")
    assert await points(tenant, bearer(token)) == 401


async def test_token_signed_with_another_secret_is_401(tenant: TenantHandle) -> None:
    token = jwt.encode(claims(tenant), "x" * 40, algorithm="HS256")
    assert await points(tenant, bearer(token)) == 401


async def test_tampered_payload_is_401(tenant: TenantHandle) -> None:
    header, _, signature = tenant.token("u1").split(".")
    forged = b64(json.dumps(claims(tenant, scope="loyalty:admin")).encode())
    assert await points(tenant, bearer(f"{header}.{forged}.{signature}")) == 401


async def test_unknown_tenant_claim_is_401(tenant: TenantHandle) -> None:
    token = jwt.encode(claims(tenant, tenant="no-such-tenant"), tenant.secret, algorithm="HS256")
    assert await points(tenant, bearer(token)) == 401


async def test_token_of_another_tenant_cannot_use_this_tenant_name(
    tenant: TenantHandle, other_tenant: TenantHandle
) -> None:
    # Signed with the other tenant's secret but claiming this tenant: the signature fails.
    token = jwt.encode(claims(tenant), other_tenant.secret, algorithm="HS256")
    assert await points(tenant, bearer(token)) == 401


async def test_another_users_id_in_the_path_is_403(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/user/u2/points", headers=tenant.user("u1"))
    assert r.status_code == 403
    assert r.json()["data"]["code"] == "forbidden"


async def test_another_users_id_in_the_body_is_403(tenant: TenantHandle) -> None:
    r = await tenant.client.post("/v1/user", json={"userId": "u2"}, headers=tenant.user("u1"))
    assert r.status_code == 403


@pytest.mark.parametrize("scope", ["loyalty:view", "loyalty:manage", "rewardspoints.rewardpoints_view"])
async def test_view_or_manage_scope_reads_any_user(tenant: TenantHandle, scope: str) -> None:
    assert await points(tenant, tenant.user("backoffice", scope), user="u2") == 200


async def test_view_scope_may_not_write_for_another_user(tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        "/v1/user", json={"userId": "u2"}, headers=tenant.user("viewer", "loyalty:view")
    )
    assert r.status_code == 403


async def test_emporix_manage_scope_acts_for_any_user(tenant: TenantHandle) -> None:
    headers = tenant.user("employee", "rewardspoints.rewardpoints_manage")
    r = await tenant.client.post("/v1/user", json={"userId": "u9"}, headers=headers)
    assert r.status_code == 201


async def test_unknown_api_key_is_401(tenant: TenantHandle) -> None:
    assert await points(tenant, {"X-API-Key": "lyk_nope"}) == 401


async def test_revoked_api_key_is_401(tenant: TenantHandle) -> None:
    created = await tenant.put("api-keys", "shop", {"role": "service"})
    key = created.json()["key"]
    assert await points(tenant, {"X-API-Key": key}) == 200
    revoked = await tenant.client.delete("/v1/admin/api-keys/shop", headers=tenant.admin)
    assert revoked.status_code == 200
    assert await points(tenant, {"X-API-Key": key}) == 401


async def test_service_key_is_refused_on_admin_endpoints(tenant: TenantHandle) -> None:
    key = (await tenant.put("api-keys", "shop", {"role": "service"})).json()["key"]
    r = await tenant.client.get("/v1/admin/settings", headers={"X-API-Key": key})
    assert r.status_code == 403


async def test_user_token_is_refused_on_admin_endpoints(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/admin/settings", headers=tenant.user("u1", "loyalty:manage"))
    assert r.status_code == 403


async def test_admin_scope_token_may_use_admin_endpoints(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/admin/settings", headers=tenant.user("ops", "loyalty:admin"))
    assert r.status_code == 200


async def _set_jwks(tenant: TenantHandle, jwk: dict[str, object]) -> None:
    r = await tenant.put("settings", "tenant", {"jwks": {"keys": [jwk]}})
    assert r.status_code == 200, r.text


async def test_rs256_token_from_an_identity_provider_is_accepted(tenant: TenantHandle) -> None:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    await _set_jwks(tenant, {**jwk, "kid": "idp-1", "alg": "RS256", "use": "sig"})
    token = jwt.encode(claims(tenant), private, algorithm="RS256", headers={"kid": "idp-1"})
    assert await points(tenant, bearer(token)) == 200


async def test_es256_token_from_an_identity_provider_is_accepted(tenant: TenantHandle) -> None:
    private = ec.generate_private_key(ec.SECP256R1())
    jwk = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(private.public_key()))
    await _set_jwks(tenant, {**jwk, "kid": "idp-ec", "alg": "ES256"})
    token = jwt.encode(claims(tenant), private, algorithm="ES256", headers={"kid": "idp-ec"})
    assert await points(tenant, bearer(token)) == 200


async def test_rs256_token_signed_by_an_unknown_key_is_401(tenant: TenantHandle) -> None:
    trusted = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    attacker = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(trusted.public_key()))
    await _set_jwks(tenant, {**jwk, "kid": "idp-1", "alg": "RS256"})
    token = jwt.encode(claims(tenant), attacker, algorithm="RS256", headers={"kid": "idp-1"})
    assert await points(tenant, bearer(token)) == 401


async def test_hs256_token_signed_with_the_rs256_public_key_is_401(tenant: TenantHandle) -> None:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    await _set_jwks(tenant, {**jwk, "kid": "idp-1", "alg": "RS256"})
    pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "idp-1"}).encode())
    signing_input = f"{header}.{b64(json.dumps(claims(tenant)).encode())}"
    signature = hmac.new(pem, signing_input.encode(), hashlib.sha256).digest()
    assert await points(tenant, bearer(f"{signing_input}.{b64(signature)}")) == 401
