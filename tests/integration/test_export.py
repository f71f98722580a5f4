"""``loyalty export``: the configuration and every member's data, in formats that import again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from loyalty.app.imports.kinds import BALANCES, USERS
from loyalty.app.imports.rows import Row, RowError, read_rows
from loyalty.app.imports.runner import run_import
from loyalty.app.kernel.principal import ADMIN, Principal
from loyalty.app.tenancy.config_as_code import export_tenant
from loyalty.app.users.exports import export_members
from loyalty.cli.exports import FolderSink
from tests.support import TenantHandle

SRC = str(Path(__file__).resolve().parents[2] / "src")
DAY = 86_400_000


def admin_of(app: Any, tenant: TenantHandle) -> tuple[Any, Principal]:
    principal = Principal(
        tenant_id=tenant.tenant_id, tenant=tenant.name, subject="cli", scopes=frozenset({ADMIN})
    )
    return app.state.services, principal


def file_rows(path: Path) -> Any:
    @contextmanager
    def open_rows() -> Iterator[Iterator[Row | RowError]]:
        with path.open(encoding="utf-8") as handle:
            yield read_rows(handle, "jsonl")

    return open_rows


async def points(tenant: TenantHandle, user: str) -> int:
    r = await tenant.client.get(f"/v1/user/{user}/points", headers=tenant.admin)
    return int(r.json()["points"])


async def test_an_export_imports_into_another_tenant_with_the_same_balances_and_expiry(
    app: Any, tenant: TenantHandle, other_tenant: TenantHandle, tmp_path: Path, clock: Any
) -> None:
    now = app.state.services.now()
    soon = now + 5 * DAY
    await tenant.put("usergroups", "vip", {"id": "vip"})
    await other_tenant.put("usergroups", "vip", {"id": "vip"})
    await tenant.create_user("ann")
    moved = await tenant.client.post(
        "/v1/usergroup", json={"userId": "ann", "usergroup": "vip"}, headers=tenant.admin
    )
    assert moved.status_code == 200, moved.text
    lines = [
        {"userId": "ann", "points": 30, "validUntil": soon, "reference": "a"},
        {"userId": "ann", "points": 70, "reference": "b"},
        {"userId": "bob", "points": 5, "reference": "c"},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(x) + "\n" for x in lines))
    await run_import(*admin_of(app, tenant), BALANCES, file_rows(source), source="in.jsonl")
    spend = {"points": -10, "reason": "coffee"}
    assert (
        await tenant.client.post("/v1/admin/users/ann/adjustments", json=spend, headers=tenant.admin)
    ).status_code == 201

    out = tmp_path / "out"
    out.mkdir()
    with (
        (out / "users.jsonl").open("w") as users,
        (out / "balances.jsonl").open("w") as credits,
        (out / "user-data.jsonl").open("w") as whole,
    ):
        summary = await export_members(
            *admin_of(app, tenant), FolderSink({"users": users, "balances": credits, "user-data": whole})
        )
    assert (summary.users, summary.balances) == (2, 3)
    config = await export_tenant(*admin_of(app, tenant))
    assert list(config["items"]["usergroups"]) == ["vip"]
    balances = [json.loads(x) for x in (out / "balances.jsonl").read_text().splitlines()]
    assert [(b["userId"], b["points"], b.get("validUntil")) for b in balances] == [
        ("ann", 20, soon),  # FIFO: the spend took the lot that expires first
        ("ann", 70, balances[1].get("validUntil")),
        ("bob", 5, balances[2].get("validUntil")),
    ]
    data = [json.loads(x) for x in (out / "user-data.jsonl").read_text().splitlines()]
    assert [d["userId"] for d in data] == ["ann", "bob"]
    assert [e["amount"] for e in data[0]["ledger_entries"]] == [30, 70, -10]

    await run_import(
        *admin_of(app, other_tenant), USERS, file_rows(out / "users.jsonl"), source="users.jsonl"
    )
    await run_import(
        *admin_of(app, other_tenant), BALANCES, file_rows(out / "balances.jsonl"), source="b.jsonl"
    )
    assert (await points(other_tenant, "ann"), await points(other_tenant, "bob")) == (90, 5)
    group = await other_tenant.client.get("/v1/user/ann/usergroup", headers=other_tenant.admin)
    assert group.json()["usergroup"] == "vip"
    clock.set(soon + 1)
    assert await points(other_tenant, "ann") == 70  # the 20 left of the early lot expired on its day


def loyalty(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC, "LOYALTY_DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "loyalty", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


async def test_cli_export_writes_the_four_files(
    database_url: str, tenant: TenantHandle, tmp_path: Path
) -> None:
    await tenant.create_user("ann")
    result = loyalty("export", "--tenant", tenant.name, str(tmp_path / "x"), database_url=database_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"exported 1 member(s) and 0 open credit(s) to {tmp_path / 'x'}"
    assert sorted(p.name for p in (tmp_path / "x").iterdir()) == [
        "balances.jsonl",
        "config.yaml",
        "user-data.jsonl",
        "users.jsonl",
    ]
    assert json.loads((tmp_path / "x" / "users.jsonl").read_text())["userId"] == "ann"
    assert yaml.safe_load((tmp_path / "x" / "config.yaml").read_text())["tenant"] == tenant.name
