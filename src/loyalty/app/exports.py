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
from pathlib import Path
from typing import IO, Any

import yaml

from loyalty.app.config_as_code import export_tenant
from loyalty.app.principal import Principal
from loyalty.app.services import Services
from loyalty.app.uow import tenant_of
from loyalty.storage.repositories import user_data as user_data_repo
from loyalty.storage.repositories import users as user_repo

PAGE = 500
POINTS = "points"


@dataclass
class ExportSummary:
    users: int = 0
    balances: int = 0
    files: tuple[str, ...] = ()


def _line(handle: IO[str], value: dict[str, Any]) -> None:
    handle.write(json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str) + "\n")


async def export_to_folder(
    services: Services,
    principal: Principal,
    folder: Path,
    *,
    on_page: Callable[[int], None] | None = None,
) -> ExportSummary:
    principal.require_admin()
    tenant = await tenant_of(services, principal)
    folder.mkdir(parents=True, exist_ok=True)
    config = await export_tenant(services, principal)
    (folder / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    summary = ExportSummary(files=("config.yaml", "users.jsonl", "balances.jsonl", "user-data.jsonl"))
    now = services.now()
    with (
        (folder / "users.jsonl").open("w", encoding="utf-8") as users_out,
        (folder / "balances.jsonl").open("w", encoding="utf-8") as balances_out,
        (folder / "user-data.jsonl").open("w", encoding="utf-8") as data_out,
    ):
        after = 0
        while True:
            async with services.db.read() as conn:
                page = await user_repo.list_page(conn, tenant.id, after_pk=after, limit=PAGE)
                if not page:
                    break
                pks = [int(u["id"]) for u in page]
                data = await user_data_repo.export_many(conn, pks)
                credits = await user_data_repo.open_credits(conn, pks, metric=POINTS, now=now)
            ids = {int(u["id"]): str(u["external_id"]) for u in page}
            for user in page:
                pk = int(user["id"])
                _line(
                    users_out,
                    {"userId": ids[pk], "usergroup": user["usergroup"], "createdAt": user["created_at"]}
                    if user["usergroup"]
                    else {"userId": ids[pk], "createdAt": user["created_at"]},
                )
                _line(
                    data_out,
                    {
                        "userId": ids[pk],
                        "tenant": tenant.name,
                        "user": {k: v for k, v in user.items() if k not in ("id", "tenant_id")},
                        **data[pk],
                    },
                )
            for credit in credits:
                row: dict[str, Any] = {"userId": ids[int(credit["user_pk"])], "points": credit["remaining"]}
                if credit["valid_until"] is not None:
                    row["validUntil"] = credit["valid_until"]
                if credit["description"]:
                    row["description"] = credit["description"]
                row["reference"] = f"ledger:{credit['id']}"
                _line(balances_out, row)
            summary.users += len(page)
            summary.balances += len(credits)
            after = pks[-1]
            if on_page is not None:
                on_page(summary.users)
    return summary
