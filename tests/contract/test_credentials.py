"""The credentials contract of PRODUCT.md: who gets through (the refusals are the attack matrix in
test_auth_attacks.py)."""

from __future__ import annotations

import base64
import json
import time

import jwt
import pytest
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


# --- verified tokens are remembered, never beyond what verification would allow -----------------


async def test_a_remembered_token_is_refused_once_its_key_is_withdrawn(tenant: TenantHandle) -> None:
    first = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    second = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(first.public_key()))
    await _set_jwks(tenant, {**jwk, "kid": "idp-1", "alg": "RS256"})
    token = jwt.encode(claims(tenant), first, algorithm="RS256", headers={"kid": "idp-1"})
    assert [await points(tenant, bearer(token)) for _ in range(2)] == [200, 200]  # verified, then remembered
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(second.public_key()))
    await _set_jwks(tenant, {**jwk, "kid": "idp-2", "alg": "RS256"})  # the identity provider rotated
    assert await points(tenant, bearer(token)) == 401


def test_a_remembered_token_expires_with_its_exp_claim() -> None:
    from loyalty.app.kernel.principal import Principal
    from loyalty.app.kernel.token_cache import VerifiedToken, VerifiedTokens

    tokens = VerifiedTokens(size=2)
    principal = Principal(1, "t", "u1", frozenset())
    tokens.put("expired", VerifiedToken(principal, object(), time.time() - 1))
    tokens.put("live", VerifiedToken(principal, object(), time.time() + 600))
    assert tokens.get("expired") is None
    assert tokens.get("live") is not None
    tokens.put("a", VerifiedToken(principal, object(), time.time() + 600))
    tokens.put("b", VerifiedToken(principal, object(), time.time() + 600))  # the oldest goes
    assert (tokens.get("live"), len(tokens)) == (None, 2)
