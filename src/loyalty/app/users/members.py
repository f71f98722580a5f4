"""The member list of the dashboard: search by id prefix, group, tier and points balance range,
one page at a time by key (see ``storage.users.member_search`` for the indexes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.uow import run_read
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.app.users.ports import MemberFilter, MemberSearchRow
from loyalty.core.errors import invalid

PAGE = 50


@dataclass(frozen=True)
class MemberRow:
    user_id: str
    group: str | None
    balance: int
    created_at: int


@dataclass(frozen=True)
class MemberPage:
    rows: list[MemberRow]
    next_after: str | None
    """The key of the last row, for the next page; None on the last page."""


def parse_filter(params: dict[str, str]) -> MemberFilter:
    """The search form's fields; a field that is not a whole number is named in the error."""

    def number(name: str) -> int | None:
        raw = (params.get(name) or "").strip()
        if not raw:
            return None
        try:
            return int(raw)
        except ValueError:
            raise invalid(name, f"'{name}' must be a whole number") from None

    f = MemberFilter(
        prefix=(params.get("prefix") or "").strip(),
        group=(params.get("group") or "").strip(),
        tier=(params.get("tier") or "").strip(),
        min_balance=number("minBalance"),
        max_balance=number("maxBalance"),
    )
    if f.min_balance is not None and f.max_balance is not None and f.min_balance > f.max_balance:
        raise invalid("maxBalance", "'maxBalance' must not be below 'minBalance'")
    return f


def encode_key(key: tuple[Any, ...]) -> str:
    return ",".join(str(part) for part in key)


def decode_key(f: MemberFilter, raw: str) -> tuple[Any, ...] | None:
    if not raw:
        return None
    try:
        if f.mode == "balance":
            balance, pk = raw.split(",", 1)
            return (int(balance), int(pk))
        if f.mode == "tier":
            return (int(raw),)
    except ValueError:
        raise invalid("after", "'after' is not a page key of this search") from None
    return (raw,)


async def search(
    services: Services, principal: Principal, f: MemberFilter, *, after: str = "", limit: int = PAGE
) -> MemberPage:
    principal.require_view()
    key = decode_key(f, after)

    async def work(store: Store, tenant: TenantConfig) -> list[MemberSearchRow]:
        return await store.member_search.search(tenant.id, f, after=key, limit=limit + 1)

    rows = await run_read(services, principal, work)
    more = len(rows) > limit
    rows = rows[:limit]
    return MemberPage(
        rows=[
            MemberRow(
                user_id=str(r["external_id"]),
                group=r["usergroup"],
                balance=int(r["balance"] or 0),
                created_at=int(r["created_at"]),
            )
            for r in rows
        ],
        next_after=encode_key(f.key_of(rows[-1])) if more and rows else None,
    )


async def tiers_of(services: Services, principal: Principal, user_id: str) -> dict[str, str | None]:
    """The member's current tier in each milestone set (set id -> tier id)."""
    principal.require_read_user(user_id)

    async def work(store: Store, tenant: TenantConfig) -> dict[str, str | None]:
        pk = await store.users.find_pk(tenant.id, user_id)
        return {} if pk is None else await store.milestones.tiers_of(pk)

    return await run_read(services, principal, work)
