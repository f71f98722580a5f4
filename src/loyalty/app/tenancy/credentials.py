"""API keys and JWT verification: turn a presented credential into a ``Principal``."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import jwt

from loyalty.app.kernel.principal import Principal, normalise_scopes
from loyalty.app.kernel.token_cache import VerifiedToken
from loyalty.app.tenancy.tenants import TenantCache, TenantConfig
from loyalty.core.errors import ErrorCode, LoyaltyError, invalid, unauthenticated

if TYPE_CHECKING:
    from loyalty.app.kernel.store import Store

KEY_PREFIX = "lyk_"
ROLES = ("admin", "service")
ASYMMETRIC_ALGORITHMS = ["RS256", "ES256"]


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


@dataclass(frozen=True)
class CreatedKey:
    key_id: str
    name: str
    role: str
    key: str
    """Shown once, at creation; only its hash is stored."""
    prefix: str
    created_at: int


async def create_api_key(
    store: Store, *, tenant_id: int, key_id: str, name: str, role: str, now: int, key: str | None = None
) -> CreatedKey:
    if role not in ROLES:
        raise invalid("role", f"'role' must be one of {', '.join(ROLES)}")
    if not key_id or len(key_id) > 100:
        raise invalid("id", "'id' must be 1-100 characters")
    if await store.api_keys.get(tenant_id, key_id) is not None:
        raise LoyaltyError(ErrorCode.ALREADY_EXISTS, f"API key '{key_id}' already exists", field="id")
    key = key or new_key()
    prefix = key[: len(KEY_PREFIX) + 6]
    await store.api_keys.insert(
        tenant_id=tenant_id,
        key_id=key_id,
        name=name,
        role=role,
        key_hash=hash_key(key),
        prefix=prefix,
        now=now,
    )
    await store.tenants.bump_version(tenant_id)
    return CreatedKey(key_id=key_id, name=name, role=role, key=key, prefix=prefix, created_at=now)


async def principal_from_api_key(cache: TenantCache, key: str) -> Principal:
    return await principal_from_key_hash(cache, hash_key(key))


async def principal_from_key_hash(cache: TenantCache, digest: str) -> Principal:
    """The same check from the key's hash (the dashboard session keeps only the hash)."""
    tenant_id = await cache.tenant_for_key_hash(digest)
    tenant = await cache.by_id(tenant_id) if tenant_id is not None else None
    if tenant is None:
        raise unauthenticated("unknown API key")
    # Look the key up by its hash, then compare in constant time all the same.
    match = next((h for h in tenant.api_keys if hmac.compare_digest(h, digest)), None)
    view = tenant.api_keys.get(match) if match else None
    if view is None or view.revoked:
        raise unauthenticated("API key is unknown or revoked")
    return Principal(
        tenant_id=tenant.id,
        tenant=tenant.name,
        subject=None,
        scopes=frozenset(),
        api_key_role=view.role,
        api_key_id=view.key_id,
    )


async def principal_from_jwt(cache: TenantCache, token: str) -> Principal:
    known = cache.verified_tokens.get(token)
    if known is not None:
        if await cache.by_id(known.principal.tenant_id) is known.tenant:
            return known.principal
        cache.verified_tokens.forget(token)  # the tenant's configuration changed: check again
    try:
        header = jwt.get_unverified_header(token)
        unverified = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        raise unauthenticated("malformed token") from None
    tenant_name = unverified.get("tenant")
    if not isinstance(tenant_name, str) or not tenant_name:
        raise unauthenticated("token has no 'tenant' claim")
    tenant = await cache.by_name(tenant_name)
    if tenant is None:
        raise unauthenticated("token names an unknown tenant")
    claims = verify_token(tenant, token, header)
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub:
        raise unauthenticated("token has no 'sub' claim")
    principal = Principal(
        tenant_id=tenant.id,
        tenant=tenant.name,
        subject=sub,
        scopes=normalise_scopes(claims.get("scope")),
    )
    cache.verified_tokens.put(token, VerifiedToken(principal, tenant, float(claims["exp"])))
    return principal


def verify_token(tenant: TenantConfig, token: str, header: dict[str, Any]) -> dict[str, Any]:
    alg = header.get("alg")
    options: Any = {"require": ["exp", "sub"]}
    try:
        if alg == "HS256":
            if not tenant.jwt_secret:
                raise unauthenticated("tenant accepts no HS256 tokens")
            return jwt.decode(token, tenant.jwt_secret, algorithms=["HS256"], options=options)
        if alg in ASYMMETRIC_ALGORITHMS:
            key = _jwk_for(tenant, header.get("kid"), str(alg))
            return jwt.decode(token, key, algorithms=[str(alg)], options=options)
    except jwt.ExpiredSignatureError:
        raise unauthenticated("token has expired") from None
    except jwt.ImmatureSignatureError:
        raise unauthenticated("token is not yet valid") from None
    except jwt.MissingRequiredClaimError as exc:
        raise unauthenticated(f"token lacks the '{exc.claim}' claim") from None
    except jwt.PyJWTError:
        raise unauthenticated("token signature or claims are invalid") from None
    raise unauthenticated(f"token algorithm '{alg}' is not accepted")


def _jwk_for(tenant: TenantConfig, kid: Any, alg: str) -> Any:
    if not tenant.jwks:
        raise unauthenticated("tenant has no public keys (jwks) configured")
    if kid is not None and str(kid) in tenant.jwks:
        return tenant.jwks[str(kid)].key
    candidates = [k for k in tenant.jwks.values() if (k.algorithm_name or alg) == alg]
    if len(candidates) == 1 and kid is None:
        return candidates[0].key
    raise unauthenticated("no matching public key for the token's 'kid'")


def mint_token(
    secret: str, *, tenant: str, sub: str, now_s: int, ttl_s: int = 3600, scope: str | None = None
) -> str:
    """A development/test HS256 token, as ``loyalty token`` prints it."""
    claims: dict[str, Any] = {"sub": sub, "tenant": tenant, "iat": now_s, "exp": now_s + ttl_s}
    if scope:
        claims["scope"] = scope
    return jwt.encode(claims, secret, algorithm="HS256")
