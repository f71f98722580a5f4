"""One write transaction per command, with ``Idempotency-Key`` handled inside it.

The key is claimed in the same transaction as the command's effects and the encoded response is
stored before commit, so a retry (even a concurrent one) either waits for the first attempt and
replays its response, or finds no trace of a failed first attempt and runs again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core.errors import ErrorCode, LoyaltyError

R = TypeVar("R")


@dataclass
class Tx:
    """What a command handler gets: the open transaction's store and the facts of this request."""

    services: Services
    store: Store
    tenant: TenantConfig
    principal: Principal
    now: int
    after_commit: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    locked_accounts: set[tuple[int, str]] = field(default_factory=set)
    """(user_pk, metric) balance rows this transaction has written, and so holds locked."""


@dataclass(frozen=True)
class Encoded:
    status: int
    body: bytes
    content_type: str
    replayed: bool = False


def fingerprint(method: str, path: str, body: bytes) -> str:
    return hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + body).hexdigest()


async def tenant_of(services: Services, principal: Principal) -> TenantConfig:
    tenant = await services.tenants.by_id(principal.tenant_id)
    if tenant is None:
        raise LoyaltyError(ErrorCode.UNAUTHENTICATED, "tenant no longer exists")
    return tenant


async def run_write(
    services: Services,
    principal: Principal,
    work: Callable[[Tx], Awaitable[R]],
    encode: Callable[[R], Encoded],
    *,
    idempotency_key: str | None = None,
    request_hash: str = "",
) -> Encoded:
    tenant = await tenant_of(services, principal)
    if idempotency_key is not None and not 1 <= len(idempotency_key) <= 200:
        raise LoyaltyError(
            ErrorCode.INVALID_INPUT, "Idempotency-Key must be 1-200 characters", field="Idempotency-Key"
        )
    async with services.stores.write() as store:
        tx = Tx(
            services=services,
            store=store,
            tenant=tenant,
            principal=principal,
            now=services.now(),
        )
        if idempotency_key is not None:
            claimed = await tx.store.idempotency.claim(
                tenant_id=tenant.id,
                key=idempotency_key,
                request_hash=request_hash,
                now=tx.now,
            )
            if not claimed:
                stored = await tx.store.idempotency.get(tenant.id, idempotency_key)
                if stored is None or stored["status_code"] == 0:
                    raise LoyaltyError(
                        ErrorCode.CONFLICT, "a request with this Idempotency-Key is in progress"
                    )
                if stored["request_hash"] != request_hash:
                    raise LoyaltyError(
                        ErrorCode.IDEMPOTENCY_MISMATCH,
                        "Idempotency-Key was already used with a different request",
                        field="Idempotency-Key",
                    )
                return Encoded(
                    status=int(stored["status_code"]),
                    body=bytes(stored["response_body"] or b""),
                    content_type=str(stored["content_type"] or "application/json"),
                    replayed=True,
                )
        result = await work(tx)
        encoded = encode(result)
        if idempotency_key is not None:
            await tx.store.idempotency.store_response(
                tenant_id=tenant.id,
                key=idempotency_key,
                status_code=encoded.status,
                body=encoded.body,
                content_type=encoded.content_type,
            )
    for hook in tx.after_commit:
        await hook()
    return encoded


async def run_read(
    services: Services, principal: Principal, work: Callable[[Store, TenantConfig], Awaitable[R]]
) -> R:
    """A read transaction for ``work``, with the caller's tenant."""
    tenant = await tenant_of(services, principal)
    async with services.stores.read() as store:
        return await work(store, tenant)
