"""Importing members and balances: whole-file checks, idempotent re-runs, resuming after an
interruption, the admin endpoint and the ``loyalty import`` command, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from loyalty.app.imports.kinds import BALANCES, USERS
from loyalty.app.imports.rows import Row, RowError, read_rows
from loyalty.app.imports.runner import ImportInvalid, run_import
from loyalty.app.kernel.principal import ADMIN, Principal
from tests.support import TenantHandle

SRC = str(Path(__file__).resolve().parents[2] / "src")
DAY = 86_400_000


def admin_of(app: Any, tenant: TenantHandle) -> tuple[Any, Principal]:
    principal = Principal(
        tenant_id=tenant.tenant_id, tenant=tenant.name, subject="cli", scopes=frozenset({ADMIN})
    )
    return app.state.services, principal


def rows_of(text: str, fmt: str = "csv") -> Any:
    @contextmanager
    def open_rows() -> Iterator[Iterator[Row | RowError]]:
        yield read_rows(iter(text.splitlines(keepends=True)), fmt)  # type: ignore[arg-type]

    return open_rows


async def points(tenant: TenantHandle, user: str) -> int:
    r = await tenant.client.get(f"/v1/user/{user}/points", headers=tenant.admin)
    assert r.status_code == 200, r.text
    return int(r.json()["points"])


async def test_bad_rows_are_all_listed_with_line_and_field_and_nothing_is_written(
    app: Any, tenant: TenantHandle
) -> None:
    text = (
        "userId,points,validUntil,reference\n"
        "ann,100,,r1\n"
        "bob,-5,,r2\n"
        ",10,,r3\n"
        "cid,10,2001-01-01T00:00:00Z,r4\n"
        "dan,ten,,r5\n"
    )
    with pytest.raises(ImportInvalid) as caught:
        await run_import(*admin_of(app, tenant), BALANCES, rows_of(text), source="b.csv")
    assert [e.text() for e in caught.value.errors] == [
        "line 3, field 'points': 'points' must be between 1 and 1000000000",
        "line 4, field 'userId': 'userId' is required",
        "line 5, field 'validUntil': 'validUntil' has passed: these points have already expired",
        "line 6, field 'points': 'points' must be a whole number, not 'ten'",
    ]
    found = await tenant.client.get("/v1/user/ann/points", headers=tenant.admin)
    assert found.json()["points"] == 0  # the good row was not written either


async def test_unknown_columns_and_broken_json_lines_are_errors(app: Any, tenant: TenantHandle) -> None:
    text = '{"userId": "ann", "usergroup": "nope"}\nnot json\n{"userId": "bob", "userid": "x"}\n'
    with pytest.raises(ImportInvalid) as caught:
        await run_import(*admin_of(app, tenant), USERS, rows_of(text, "jsonl"), source="u.jsonl")
    assert [e.text() for e in caught.value.errors] == [
        "line 1, field 'usergroup': no user group 'nope' is configured",
        "line 2: not valid JSON: Expecting value",
        "line 3, field 'userid': unknown field 'userid' "
        "(a users row has userId, usergroup, createdAt, birthday)",
    ]


async def test_balances_are_ledger_credits_that_expire_and_a_rerun_changes_nothing(
    app: Any, tenant: TenantHandle, clock: Any
) -> None:
    now = app.state.services.now()
    soon, later = now + 10 * DAY, now + 100 * DAY
    lines = [
        {"userId": "ann", "points": 100, "validUntil": later, "reference": "old-1"},
        {"userId": "ann", "points": 50, "validUntil": soon, "description": "Welcome"},
        {"userId": "bob", "points": "70"},
    ]
    text = "".join(json.dumps(line) + "\n" for line in lines)
    first = await run_import(*admin_of(app, tenant), BALANCES, rows_of(text, "jsonl"), source="b.jsonl")
    assert (first.rows, first.imported, first.skipped) == (3, 3, 0)
    assert (await points(tenant, "ann"), await points(tenant, "bob")) == (150, 70)
    again = await run_import(*admin_of(app, tenant), BALANCES, rows_of(text, "jsonl"), source="b.jsonl")
    assert (again.imported, again.skipped) == (0, 3)
    assert await points(tenant, "ann") == 150
    # The same reference in another file is the same credit.
    other = json.dumps(lines[0]) + "\n"
    moved = await run_import(*admin_of(app, tenant), BALANCES, rows_of(other, "jsonl"), source="c.jsonl")
    assert (moved.imported, moved.skipped) == (0, 1)
    # FIFO: spending 60 takes the 50 that expire first, then 10 of the 100.
    adjust = {"points": -60, "reason": "spend"}
    r = await tenant.client.post("/v1/admin/users/ann/adjustments", json=adjust, headers=tenant.admin)
    assert r.status_code == 201, r.text
    clock.set(soon + 1)
    assert await points(tenant, "ann") == 90  # nothing of the expired lot was left to expire
    clock.set(later + 1)
    assert await points(tenant, "ann") == 0


async def test_an_interrupted_import_resumes_with_the_same_command(app: Any, tenant: TenantHandle) -> None:
    text = "userId,points,reference\n" + "".join(f"u{i},{i + 1},ref-{i}\n" for i in range(10))
    batches = 0

    async def failing(tx: Any, values: list[Any]) -> None:
        nonlocal batches
        batches += 1
        await BALANCES.apply(tx, values)
        if batches == 3:  # after the third batch's credits, before its commit
            raise RuntimeError("power cut")

    broken = dataclasses.replace(BALANCES, apply=failing)
    with pytest.raises(RuntimeError):
        await run_import(*admin_of(app, tenant), broken, rows_of(text), source="b.csv", batch_rows=3)
    # Two batches of three committed; the third rolled back with its keys.
    assert [await points(tenant, f"u{i}") for i in range(10)] == [1, 2, 3, 4, 5, 6, 0, 0, 0, 0]
    resumed = await run_import(*admin_of(app, tenant), BALANCES, rows_of(text), source="b.csv", batch_rows=3)
    assert (resumed.imported, resumed.skipped) == (4, 6)
    assert [await points(tenant, f"u{i}") for i in range(10)] == list(range(1, 11))


async def test_users_are_created_as_of_created_at_with_their_group(app: Any, tenant: TenantHandle) -> None:
    assert (await tenant.put("usergroups", "vip", {"id": "vip"})).status_code == 200
    await tenant.create_user("old")
    text = "userId,usergroup,createdAt\nann,vip,2020-05-01T10:00:00Z\nbob,,1588327200000\nold,vip,\n"
    done = await run_import(*admin_of(app, tenant), USERS, rows_of(text), source="u.csv")
    assert (done.imported, done.skipped) == (3, 0)
    services, principal = admin_of(app, tenant)
    from loyalty.app.users.users import export_user

    ann = await export_user(services, principal, "ann")
    bob = await export_user(services, principal, "bob")
    old = await export_user(services, principal, "old")
    assert (ann["user"]["usergroup"], ann["user"]["created_at"]) == ("vip", 1588327200000)
    assert (bob["user"]["usergroup"], bob["user"]["created_at"]) == (None, 1588327200000)
    assert old["user"]["usergroup"] == "vip"  # an existing member is put in the row's group


async def test_a_dry_run_counts_and_writes_nothing(app: Any, tenant: TenantHandle) -> None:
    text = "userId,points,reference\nann,5,a\nbob,6,b\n"
    await run_import(
        *admin_of(app, tenant), BALANCES, rows_of("userId,points,reference\nann,5,a\n"), source="x"
    )
    dry = await run_import(*admin_of(app, tenant), BALANCES, rows_of(text), source="b.csv", dry_run=True)
    assert (dry.rows, dry.imported, dry.skipped, dry.dry_run) == (2, 1, 1, True)
    assert await points(tenant, "bob") == 0


async def test_the_admin_endpoint_streams_csv_and_json_lines(tenant: TenantHandle) -> None:
    csv_body = "userId,points,reference\nann,5,a\nbob,6,b\n"
    headers = {**tenant.admin, "Content-Type": "text/csv"}
    r = await tenant.client.post("/v1/admin/import/balances", content=csv_body, headers=headers)
    assert r.status_code == 200, r.text
    assert r.json() == {"kind": "balances", "rows": 2, "imported": 2, "skipped": 0, "dryRun": False}
    again = await tenant.client.post("/v1/admin/import/balances", content=csv_body, headers=headers)
    assert again.json()["skipped"] == 2
    jsonl = '{"userId": "cid"}\n{"userId": "dan", "createdAt": "2021-01-01T00:00:00Z"}\n'
    users = await tenant.client.post(
        "/v1/admin/import/users",
        content=jsonl,
        headers={**tenant.admin, "Content-Type": "application/x-ndjson"},
    )
    assert users.json() == {"kind": "users", "rows": 2, "imported": 2, "skipped": 0, "dryRun": False}
    assert await points(tenant, "bob") == 6


async def test_the_admin_endpoint_answers_400_with_every_bad_row(tenant: TenantHandle) -> None:
    body = "userId,points\nann,0\n,3\n"
    r = await tenant.client.post(
        "/v1/admin/import/balances", content=body, headers={**tenant.admin, "Content-Type": "text/csv"}
    )
    assert r.status_code == 400
    data = r.json()["data"]
    assert data["errors"] == [
        {"line": 2, "field": "points", "message": "'points' must be between 1 and 1000000000"},
        {"line": 3, "field": "userId", "message": "'userId' is required"},
    ]
    assert (data["code"], data["field"], data["total"]) == ("invalid_input", "points", 2)


async def test_the_admin_endpoint_refuses_other_media_kinds_and_non_admins(tenant: TenantHandle) -> None:
    json_body = await tenant.client.post(
        "/v1/admin/import/users", content="{}", headers={**tenant.admin, "Content-Type": "application/json"}
    )
    assert json_body.status_code == 415
    unknown = await tenant.client.post(
        "/v1/admin/import/coupons", content="a\n", headers={**tenant.admin, "Content-Type": "text/csv"}
    )
    assert unknown.status_code == 404
    manager = await tenant.client.post(
        "/v1/admin/import/users",
        content="userId\nx\n",
        headers={**tenant.manager(), "Content-Type": "text/csv"},
    )
    assert manager.status_code == 403


async def test_cli_import_checks_then_imports_then_skips(
    database_url: str, tenant: TenantHandle, tmp_path: Path
) -> None:
    def loyalty(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": SRC, "LOYALTY_DATABASE_URL": database_url}
        return subprocess.run(
            [sys.executable, "-m", "loyalty", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    bad = tmp_path / "bad.csv"
    bad.write_text("userId,points\nann,1\nbob,x\n")
    refused = loyalty("import", "balances", str(bad), "--tenant", tenant.name)
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[1:] == [
        "error: 1 bad row(s) in " + str(bad) + "; nothing was imported",
        "  line 3, field 'points': 'points' must be a whole number, not 'x'",
    ]
    good = tmp_path / "members.jsonl"
    good.write_text(
        "".join(json.dumps({"userId": f"m{i}", "points": 10, "reference": f"r{i}"}) + "\n" for i in range(5))
    )
    done = loyalty("import", "balances", str(good), "--tenant", tenant.name)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "5 row(s): imported 5, skipped 0 already imported"
    assert "5/5" in done.stderr  # the progress bar's last state
    again = loyalty("import", "balances", str(good), "--tenant", tenant.name)
    assert again.stdout.strip() == "5 row(s): imported 0, skipped 5 already imported"
    assert await points(tenant, "m4") == 10


async def test_a_body_that_is_not_utf8_is_a_400_naming_the_line(tenant: TenantHandle) -> None:
    body = b"userId\nann\n" + b"b\xffb\n"
    r = await tenant.client.post(
        "/v1/admin/import/users", content=body, headers={**tenant.admin, "Content-Type": "text/csv"}
    )
    assert r.status_code == 400
    assert r.json()["message"] == "line 3 is not UTF-8; nothing was imported"
    found = await tenant.client.get("/v1/user/ann/usergroup", headers=tenant.admin)
    assert found.status_code == 404


def _imported_rows(path: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(path) as db:
            return int(db.execute("SELECT count(*) FROM import_rows").fetchone()[0])
    except sqlite3.OperationalError:  # the database is locked by a writer this moment
        return 0


@pytest.mark.slow
def test_cli_import_stopped_with_ctrl_c_resumes_with_the_same_command(tmp_path: Path) -> None:
    import signal
    import time

    store = tmp_path / "store.db"
    env = {**os.environ, "PYTHONPATH": SRC, "LOYALTY_DATABASE_URL": f"sqlite:///{store}"}
    command = [sys.executable, "-m", "loyalty"]
    created = subprocess.run(
        [*command, "tenant", "create", "shop"], env=env, capture_output=True, timeout=120
    )
    assert created.returncode == 0, created.stderr
    rows = 20_000
    big = tmp_path / "balances.csv"
    big.write_text("userId,points\n" + "".join(f"u{i % 5000},1\n" for i in range(rows)))
    run = subprocess.Popen(
        [*command, "import", "balances", str(big)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while _imported_rows(store) == 0:  # wait for the first committed batch
        assert run.poll() is None, "the import ended before it could be stopped"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=120)
    assert run.returncode == 130, (out, err)
    committed = _imported_rows(store)
    assert err.splitlines()[-1] == (
        f"stopped: {committed} of {rows} row(s) done ({committed} imported now); "
        "run the same command again to import the rest"
    )
    assert 0 < committed < rows
    assert committed % 500 == 0  # whole batches only
    resumed = subprocess.run(
        [*command, "import", "balances", str(big)], env=env, capture_output=True, text=True, timeout=300
    )
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.strip() == (
        f"{rows} row(s): imported {rows - committed}, skipped {committed} already imported"
    )
    verified = subprocess.run(
        [*command, "ledger", "verify"], env=env, capture_output=True, text=True, timeout=120
    )
    assert verified.returncode == 0, verified.stdout


async def test_a_member_twice_in_one_file_is_created_once_and_takes_the_last_group(
    app: Any, tenant: TenantHandle
) -> None:
    for group in ("silver", "gold"):
        assert (await tenant.put("usergroups", group, {"id": group})).status_code == 200
    text = "userId,usergroup,createdAt\nann,silver,2020-01-01T00:00:00Z\nbob,,\nann,gold,\n"
    done = await run_import(*admin_of(app, tenant), USERS, rows_of(text), source="u.csv")
    assert (done.rows, done.imported) == (3, 3)
    group = await tenant.client.get("/v1/user/ann/usergroup", headers=tenant.admin)
    assert group.json()["usergroup"] == "gold"


async def test_an_account_with_points_due_to_expire_settles_them_before_its_imported_credit(
    app: Any, tenant: TenantHandle, clock: Any
) -> None:
    from loyalty.app.ledger import ledger

    now = app.state.services.now()
    first = f"userId,points,validUntil,reference\nann,10,{now + DAY},a1\nbob,4,,b1\n"
    await run_import(*admin_of(app, tenant), BALANCES, rows_of(first), source="1.csv")
    clock.set(now + 2 * DAY)  # ann's 10 are due to expire, and nothing has expired them yet
    second = "userId,points,reference\nann,5,a2\nbob,6,b2\nbob,7,b3\ncid,1,c1\n"
    done = await run_import(*admin_of(app, tenant), BALANCES, rows_of(second), source="2.csv")
    assert (done.imported, done.skipped) == (4, 0)
    assert [await points(tenant, u) for u in ("ann", "bob", "cid")] == [5, 17, 1]
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []
    services, principal = admin_of(app, tenant)
    from loyalty.app.users.users import export_user

    bob = await export_user(services, principal, "bob")
    lines = [(e["amount"], e["balance_after"]) for e in bob["ledger_entries"] if e["kind"] == "credit"]
    assert lines == [(4, 4), (6, 10), (7, 17)]


async def test_a_balance_import_and_live_credits_of_the_same_members_at_once_add_up(
    app: Any, tenant: TenantHandle
) -> None:
    import asyncio

    from loyalty.app.ledger import ledger

    members = [f"c{i}" for i in range(8)]
    for member in members[:4]:  # half of them have an account already, half are new
        await tenant.create_user(member)
    text = "userId,points\n" + "".join(f"{m},{n + 1}\n" for n in range(5) for m in members)

    async def adjust(member: str) -> None:
        body = {"points": 100, "reason": "live"}
        for _ in range(3):
            r = await tenant.client.post(
                f"/v1/admin/users/{member}/adjustments", json=body, headers=tenant.admin
            )
            assert r.status_code in (201, 404), r.text  # 404: a new member the import has not created yet

    async def imported() -> Any:
        from loyalty.core.errors import ErrorCode, LoyaltyError

        for _ in range(5):  # an account created by a live credit in between: the batch is refused, run again
            try:
                return await run_import(
                    *admin_of(app, tenant), BALANCES, rows_of(text), source="c.csv", batch_rows=8
                )
            except LoyaltyError as error:
                if error.code != ErrorCode.CONFLICT:
                    raise
        raise AssertionError("the import never completed")

    done, *_ = await asyncio.gather(imported(), *(adjust(m) for m in members))
    assert done.imported + done.skipped == 40
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []
    for member in members[:4]:
        assert await points(tenant, member) == 15 + 300
    for member in members[4:]:  # 15 imported, and each live credit that found the member created
        assert (await points(tenant, member)) % 100 == 15
