"""Dashboard sign-in through a tenant's OpenID Connect provider (authorization code flow with PKCE).

Authlib builds the authorization request and the PKCE challenge; the ID token is verified with
joserfc (Authlib's own JOSE library) against the provider's published keys: signature, issuer,
audience, expiry and the nonce this sign-in sent. The settings live in ``settings.sso`` of the
tenant (issuer, client id and secret, the claim the role is read from and its mapping).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
from authlib.common.security import generate_token
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from loyalty.app.kernel.services import Services
from loyalty.app.tenancy import staff
from loyalty.app.tenancy.tenant_settings import SingleSignOn
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core.errors import ErrorCode, LoyaltyError

SCOPE = "openid email profile"
TIMEOUT_S = 10.0
ALGORITHMS = ["RS256", "ES256", "PS256"]


@dataclass(frozen=True)
class Identity:
    subject: str
    email: str
    claims: dict[str, Any]


def _refused(message: str) -> LoyaltyError:
    return LoyaltyError(ErrorCode.UNAUTHENTICATED, f"single sign-on failed: {message}")


def settings_of(tenant: TenantConfig) -> SingleSignOn:
    sso = tenant.settings.sso
    if sso is None:
        raise LoyaltyError(
            ErrorCode.INVALID_INPUT,
            f"tenant '{tenant.name}' has no single sign-on configured",
            field="tenant",
        )
    return sso


async def _get_json(client: httpx.AsyncClient, url: str) -> dict[str, Any]:
    try:
        response = await client.get(url)
        response.raise_for_status()
        body = response.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise _refused(f"the provider did not answer {url} ({exc})") from None
    if not isinstance(body, dict):
        raise _refused(f"{url} did not return a JSON object")
    return body


async def discover(client: httpx.AsyncClient, sso: SingleSignOn) -> dict[str, Any]:
    meta = await _get_json(client, sso.issuer.rstrip("/") + "/.well-known/openid-configuration")
    for name in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not isinstance(meta.get(name), str):
            raise _refused(f"the provider's configuration lacks '{name}'")
    return meta


async def authorization_url(tenant: TenantConfig, redirect_uri: str) -> tuple[str, dict[str, str]]:
    """Where to send the browser, and the state to keep in the session until the callback."""
    sso = settings_of(tenant)
    async with httpx.AsyncClient(timeout=TIMEOUT_S) as client:
        meta = await discover(client, sso)
    state, nonce, verifier = generate_token(32), generate_token(32), generate_token(48)
    url = prepare_grant_uri(
        meta["authorization_endpoint"],
        sso.clientId,
        "code",
        redirect_uri=redirect_uri,
        scope=SCOPE,
        state=state,
        nonce=nonce,
        code_challenge=create_s256_code_challenge(verifier),
        code_challenge_method="S256",
    )
    return url, {"state": state, "nonce": nonce, "verifier": verifier}


async def finish(
    tenant: TenantConfig, redirect_uri: str, params: dict[str, str], pending: dict[str, str]
) -> Identity:
    """Exchange the code for tokens and verify the ID token; the person's subject, email, claims."""
    sso = settings_of(tenant)
    if params.get("error"):
        raise _refused(params.get("error_description") or params["error"])
    if not pending.get("state") or params.get("state") != pending["state"]:
        raise _refused("the answer does not belong to this sign-in (state)")
    code = params.get("code")
    if not code:
        raise _refused("the provider sent no authorization code")
    async with httpx.AsyncClient(timeout=TIMEOUT_S) as client:
        meta = await discover(client, sso)
        try:
            response = await client.post(
                meta["token_endpoint"],
                data={
                    "grant_type": "authorization_code",
                    "code": code,
                    "redirect_uri": redirect_uri,
                    "code_verifier": pending.get("verifier", ""),
                },
                auth=(sso.clientId, sso.clientSecret or ""),
            )
            token = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise _refused(f"the token endpoint failed ({exc})") from None
        if response.status_code != 200 or not isinstance(token, dict) or "id_token" not in token:
            raise _refused(f"the token endpoint answered {response.status_code}")
        keys = await _get_json(client, meta["jwks_uri"])
    claims = verify_id_token(str(token["id_token"]), keys, sso, pending.get("nonce", ""))
    email = claims.get("email")
    if not isinstance(email, str) or not email:
        raise _refused("the ID token has no 'email' claim (ask for the email scope)")
    return Identity(subject=str(claims["sub"]), email=email, claims=claims)


def verify_id_token(id_token: str, jwks: dict[str, Any], sso: SingleSignOn, nonce: str) -> dict[str, Any]:
    try:
        # joserfc types the key set as its KeySetSerialization TypedDict; the provider's JSON is a
        # plain dict, which import_key_set checks.
        decoded = jwt.decode(id_token, KeySet.import_key_set(jwks), algorithms=ALGORITHMS)  # type: ignore[arg-type]
        registry = jwt.JWTClaimsRegistry(
            iss={"essential": True, "value": sso.issuer},
            aud={"essential": True, "value": sso.clientId},
            sub={"essential": True},
            exp={"essential": True},
            nonce={"essential": True, "value": nonce},
        )
        registry.validate(decoded.claims)
    except (JoseError, ValueError) as exc:
        raise _refused(f"the ID token is not valid ({exc})") from None
    return dict(decoded.claims)


def role_for(sso: SingleSignOn, claims: dict[str, Any]) -> str | None:
    raw = claims.get(sso.roleClaim)
    values = [raw] if isinstance(raw, str) else [str(v) for v in raw] if isinstance(raw, list) else []
    mapped = {sso.roleMapping[v] for v in values if v in sso.roleMapping}
    for role in staff.ROLES:  # the strongest role the claim maps to
        if role in mapped:
            return role
    return sso.defaultRole


async def account_for(services: Services, tenant: TenantConfig, identity: Identity) -> staff.StaffView:
    """The person's staff account; the first sign-in creates it with the mapped role."""
    sso = settings_of(tenant)
    email = staff.normalise_email(identity.email)
    async with services.stores.write() as store:
        row = await store.staff.by_email(tenant.id, email)
        if row is None:
            role = role_for(sso, identity.claims)
            if role is None:
                raise _refused(f"'{sso.roleClaim}' maps to no dashboard role for {email}")
            return await staff.create_sso_staff(
                store,
                tenant_id=tenant.id,
                email=email,
                role=role,
                subject=identity.subject,
                now=services.now(),
            )
        if row["disabled_at"] is not None:
            raise _refused(f"the account {email} is disabled")
        if row["oidc_subject"] not in (None, identity.subject):
            raise _refused(f"{email} is tied to another identity of the provider")
        await store.staff.signed_in(int(row["id"]), services.now(), oidc_subject=identity.subject)
    return staff.view(row)
