"""Tokens already verified: a client sends the same JWT with every request until it expires, and
decoding it and checking its signature is a good part of a small request's CPU.

An entry holds the principal the token proved and the tenant configuration it was checked
against; it answers only while the token has not expired (the ``exp`` it carried, on the same
wall clock the verification used) and the tenant's configuration is still that same one (a
rotated secret, a changed key set or any other change reloads the tenant, and the token is
checked again). The cache keeps the most recently verified tokens, up to a bound.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from loyalty.app.kernel.principal import Principal

MAX_TOKENS = 10_000


@dataclass(frozen=True)
class VerifiedToken:
    principal: Principal
    tenant: Any
    """The ``TenantConfig`` the token was verified against."""
    expires_at_s: float


class VerifiedTokens:
    def __init__(self, size: int = MAX_TOKENS) -> None:
        self._size = size
        self._entries: dict[str, VerifiedToken] = {}

    def get(self, token: str) -> VerifiedToken | None:
        entry = self._entries.get(token)
        if entry is not None and time.time() >= entry.expires_at_s:
            del self._entries[token]
            return None
        return entry

    def put(self, token: str, entry: VerifiedToken) -> None:
        if len(self._entries) >= self._size:
            del self._entries[next(iter(self._entries))]  # the oldest verified
        self._entries[token] = entry

    def forget(self, token: str) -> None:
        self._entries.pop(token, None)

    def __len__(self) -> int:
        return len(self._entries)
