"""The way out: a tenant's configuration and every member's data, written as streams.

Members are read a page at a time (each page its own read transaction), so memory stays flat for any
number of them. ``users.jsonl`` and ``balances.jsonl`` are in the import formats (see
``app.imports``), so an export imports into another store as it is; ``user-data.jsonl`` is the
per-user GDPR export of every member.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import tenant_of

PAGE = 500
POINTS = "points"


@dataclass
class ExportSummary:
    users: int = 0
    balances: int = 0


class ExportSink(Protocol):
    """Where the records go: ``stream`` is ``users``, ``balances`` or ``user-data``."""

    def write(self, stream: str, record: dict[str, Any]) -> None: ...


def encode_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"


async def export_members(
    services: Services,
    principal: Principal,
    sink: ExportSink,
    *,
    on_page: Callable[[int], None] | None = None,
) -> ExportSummary:
    """Every member of the tenant (``users``), their open credits (``balances``), both in the import
    formats, and their whole stored data (``user-data``), a page of members at a time."""
    principal.require_admin()
    tenant = await tenant_of(services, principal)
    summary = ExportSummary()
    now = services.now()
    after = 0
    while True:
        async with services.stores.read() as store:
            page = await store.users.list_page(tenant.id, after_pk=after, limit=PAGE)
            if not page:
                break
            pks = [int(u["id"]) for u in page]
            data = await store.user_data.export_many(pks)
            credits = await store.user_data.open_credits(pks, metric=POINTS, now=now)
        ids = {int(u["id"]): str(u["external_id"]) for u in page}
        for user in page:
            pk = int(user["id"])
            member: dict[str, Any] = {"userId": ids[pk]}
            if user["usergroup"]:
                member["usergroup"] = user["usergroup"]
            member["createdAt"] = user["created_at"]
            sink.write("users", member)
            whole = {k: v for k, v in user.items() if k not in ("id", "tenant_id")}
            sink.write("user-data", {"userId": ids[pk], "tenant": tenant.name, "user": whole, **data[pk]})
        for credit in credits:
            row: dict[str, Any] = {"userId": ids[int(credit["user_pk"])], "points": credit["remaining"]}
            if credit["valid_until"] is not None:
                row["validUntil"] = credit["valid_until"]
            if credit["description"]:
                row["description"] = credit["description"]
            row["reference"] = f"ledger:{credit['id']}"
            sink.write("balances", row)
        summary.users += len(page)
        summary.balances += len(credits)
        after = pks[-1]
        if on_page is not None:
            on_page(summary.users)
    return summary
