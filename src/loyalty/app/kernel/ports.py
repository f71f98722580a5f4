"""What the kernel (units of work, rate limits, the member's history) reads and writes, as
``storage`` must provide it."""

from __future__ import annotations

from typing import Any, Protocol, TypedDict


class IdempotencyRow(TypedDict):
    tenant_id: int
    key: str
    request_hash: str
    status_code: int
    """0 while the first request holding the key has not stored its response."""
    response_body: bytes | None
    content_type: str | None
    created_at: int


class Idempotency(Protocol):
    """``Idempotency-Key``s and the responses stored under them."""

    async def claim(self, *, tenant_id: int, key: str, request_hash: str, now: int) -> bool:
        """Claim the key inside the caller's transaction; True when this call claimed it.

        Only one transaction claims a key: a concurrent claimer of the same key waits until the
        claiming transaction ends, then gets False (and sees the stored response) when it
        committed, or claims the key when it rolled back."""
        ...

    async def get(self, tenant_id: int, key: str) -> IdempotencyRow | None: ...

    async def store_response(
        self, *, tenant_id: int, key: str, status_code: int, body: bytes, content_type: str
    ) -> None:
        """Store the response under the claimed key."""
        ...


class RateLimits(Protocol):
    """Fixed-window request counters."""

    async def hit(self, keys: list[str], window_start: int) -> dict[str, int]:
        """Count one request against every key in the window (in one statement; a counter of an
        earlier window starts again at 1); returns each key's count so far."""
        ...


class HistoryRow(TypedDict):
    id: int
    tenant_id: int
    user_pk: int
    entry_id: str
    type: str
    ref_id: str | None
    points: int
    ts: int
    date_key: str
    title: Any
    description: Any
    image: str | None
    details: Any


class History(Protocol):
    """The member's history: one entry per thing that happened to them, for the apps to show."""

    async def insert(
        self,
        *,
        tenant_id: int,
        user_pk: int,
        entry_id: str,
        type: str,
        points: int,
        ts: int,
        date_key: str,
        ref_id: str | None = None,
        title: Any = None,
        description: Any = None,
        image: str | None = None,
        details: Any = None,
    ) -> None: ...

    async def list_for_user(
        self,
        user_pk: int,
        *,
        ascending: bool,
        include_zero: bool,
        from_ts: int | None = None,
        to_ts: int | None = None,
        limit: int = 1000,
    ) -> list[HistoryRow]:
        """The user's entries with ts in [from_ts, to_ts] (those of 0 points only when
        ``include_zero``), by time then id, at most ``limit``."""
        ...
