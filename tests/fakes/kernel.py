"""Fakes of the kernel's ports (:mod:`loyalty.app.kernel.ports`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from loyalty.app.kernel.ports import HistoryRow, IdempotencyRow

if TYPE_CHECKING:
    from tests.fakes.store import FakeStore


class FakeIdempotency:
    def __init__(self) -> None:
        self.rows: dict[tuple[int, str], IdempotencyRow] = {}

    async def claim(self, *, tenant_id: int, key: str, request_hash: str, now: int) -> bool:
        if (tenant_id, key) in self.rows:
            return False
        self.rows[(tenant_id, key)] = IdempotencyRow(
            tenant_id=tenant_id,
            key=key,
            request_hash=request_hash,
            status_code=0,
            response_body=None,
            content_type=None,
            created_at=now,
        )
        return True

    async def get(self, tenant_id: int, key: str) -> IdempotencyRow | None:
        return self.rows.get((tenant_id, key))

    async def store_response(
        self, *, tenant_id: int, key: str, status_code: int, body: bytes, content_type: str
    ) -> None:
        row = self.rows.get((tenant_id, key))
        if row is not None:
            row["status_code"] = status_code
            row["response_body"] = body
            row["content_type"] = content_type


class FakeRateLimits:
    def __init__(self) -> None:
        self.counters: dict[str, tuple[int, int]] = {}
        """key -> (window start, count)."""

    async def hit(self, keys: list[str], window_start: int) -> dict[str, int]:
        counts = {}
        for key in keys:
            start, count = self.counters.get(key, (window_start, 0))
            count = count + 1 if start == window_start else 1
            self.counters[key] = (window_start, count)
            counts[key] = count
        return counts


class FakeHistory:
    def __init__(self) -> None:
        self.rows: list[HistoryRow] = []

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
    ) -> None:
        self.rows.append(
            HistoryRow(
                id=len(self.rows) + 1,
                tenant_id=tenant_id,
                user_pk=user_pk,
                entry_id=entry_id,
                type=type,
                ref_id=ref_id,
                points=points,
                ts=ts,
                date_key=date_key,
                title=title,
                description=description,
                image=image,
                details=details,
            )
        )

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
        rows = [
            r
            for r in self.rows
            if r["user_pk"] == user_pk
            and (include_zero or r["points"] != 0)
            and (from_ts is None or r["ts"] >= from_ts)
            and (to_ts is None or r["ts"] <= to_ts)
        ]
        rows.sort(key=lambda r: (r["ts"], r["id"]), reverse=not ascending)
        return rows[:limit]


class FakeStores:
    """:class:`loyalty.app.kernel.store.Stores` over one in-memory store: every transaction, write
    or read, sees the same repositories (and nothing is rolled back)."""

    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.opened: list[str] = []
        """"write" or "read", per transaction opened."""

    @asynccontextmanager
    async def write(self) -> AsyncIterator[FakeStore]:
        self.opened.append("write")
        yield self.store

    @asynccontextmanager
    async def read(self) -> AsyncIterator[FakeStore]:
        self.opened.append("read")
        yield self.store

    def bind(self, conn: Any) -> FakeStore:
        return self.store
