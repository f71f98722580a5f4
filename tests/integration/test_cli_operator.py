"""The ``loyalty`` command as an operator meets it: which store it uses, one-line errors, tenants,
API keys and users, and ``--help`` texts a person reads."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")


def loyalty(
    *args: str, cwd: Path, database_url: str | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "LOYALTY_DATABASE_URL"}
    env["PYTHONPATH"] = SRC
    if database_url is not None:
        env["LOYALTY_DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, "-m", "loyalty", *args],
        env=env,
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def store(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    created = loyalty("tenant", "create", "acme", "--jwt-secret", "s" * 32, cwd=tmp_path, database_url=url)
    assert created.returncode == 0, created.stderr
    return url


def test_without_a_store_a_read_command_says_what_to_do_and_creates_no_file(tmp_path: Path) -> None:
    result = loyalty("tenant", "list", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: no database given: pass --database-url URL, set LOYALTY_DATABASE_URL, "
        "or run ./demo first (its store is then found from the checkout)"
    ]
    assert list(tmp_path.iterdir()) == []


def test_a_missing_database_file_is_one_line_and_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    result = loyalty("ledger", "verify", "--database-url", f"sqlite:///{missing}", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"database: sqlite:///{missing} (--database-url)",
        f"error: no database at {missing}: run 'loyalty migrate' to create it, or check the URL",
    ]
    assert not missing.exists()


def test_an_empty_database_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    result = loyalty("apikey", "list", "acme", cwd=tmp_path, database_url=f"sqlite:///{empty}")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"database: sqlite:///{empty} (LOYALTY_DATABASE_URL)",
        f"error: the database at sqlite:///{empty} has no tables: run 'loyalty migrate' first",
    ]


def test_an_unreachable_postgresql_is_one_line(tmp_path: Path) -> None:
    url = "postgresql://loyalty:hunter2@127.0.0.1:1/nothing"
    result = loyalty("tenant", "list", "--database-url", url, cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "database: postgresql://loyalty:***@127.0.0.1:1/nothing (--database-url)"
    assert len(lines) == 2
    assert lines[1].startswith("error: cannot use the database: ")


def test_in_a_checkout_after_demo_the_demo_store_is_found_from_any_subfolder(
    tmp_path: Path, store: str
) -> None:
    demo_store = tmp_path / "checkout" / ".loyalty-demo" / "loyalty.db"
    demo_store.parent.mkdir(parents=True)
    (tmp_path / "store.db").rename(demo_store)
    inside = tmp_path / "checkout" / "docs"
    inside.mkdir()
    result = loyalty("tenant", "list", cwd=inside)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"database: sqlite:///{demo_store} (the demo's store, left by ./demo)"
    ]
    assert result.stdout.splitlines()[1].split()[:3] == ["acme", "0", "1"]
    # The environment variable wins over the demo's store.
    other = loyalty("tenant", "list", cwd=inside, database_url=f"sqlite:///{tmp_path / 'none.db'}")
    assert other.returncode == 1
    assert "(LOYALTY_DATABASE_URL)" in other.stderr


def test_tenant_list_counts_users_and_keys(tmp_path: Path, store: str) -> None:
    loyalty("tenant", "create", "beta", cwd=tmp_path, database_url=store)
    result = loyalty("tenant", "list", cwd=tmp_path, database_url=store)
    assert result.returncode == 0, result.stderr
    rows = [line.split()[:3] for line in result.stdout.splitlines()]
    assert rows == [["NAME", "USERS", "KEYS"], ["acme", "0", "1"], ["beta", "0", "1"]]


def test_apikey_list_and_revoke(tmp_path: Path, store: str) -> None:
    created = loyalty("apikey", "create", "acme", "--id", "shop", cwd=tmp_path, database_url=store)
    key = json.loads(created.stdout)["key"]
    revoked = loyalty("apikey", "revoke", "acme", "shop", cwd=tmp_path, database_url=store)
    assert revoked.returncode == 0, revoked.stderr
    assert revoked.stdout.strip() == "revoked API key 'shop' of tenant 'acme'"
    listed = loyalty("apikey", "list", "acme", cwd=tmp_path, database_url=store)
    rows = {line.split()[0]: line.split() for line in listed.stdout.splitlines()[1:]}
    assert rows["admin"][1:3] == ["admin", rows["admin"][2]]
    assert rows["admin"][-1] == "-"  # not revoked
    assert rows["shop"][1:3] == ["service", key[:10]]
    assert rows["shop"][-1] != "-"  # revoked at a time
    again = loyalty("apikey", "revoke", "acme", "nope", cwd=tmp_path, database_url=store)
    assert (again.returncode, again.stderr.splitlines()[-1]) == (1, "error: API key 'nope' does not exist")


def test_user_export_and_delete(tmp_path: Path, store: str) -> None:
    import asyncio

    from loyalty.storage.database import Database
    from loyalty.storage.store import SqlStore

    async def add_user() -> None:
        db = Database(store)
        async with db.write() as conn:
            tenant = await db.stores.bind(conn).tenants.get_by_name("acme")
            assert tenant is not None
            await SqlStore(conn, db).users.insert_if_absent(tenant_id=tenant["id"], external_id="ann", now=5)
        await db.dispose()

    asyncio.run(add_user())
    exported = loyalty("user", "export", "acme", "ann", cwd=tmp_path, database_url=store)
    assert exported.returncode == 0, exported.stderr
    data = json.loads(exported.stdout)
    assert (data["userId"], data["tenant"], data["user"]["created_at"]) == ("ann", "acme", 5)
    deleted = loyalty("user", "delete", "acme", "ann", "--yes", cwd=tmp_path, database_url=store)
    assert deleted.returncode == 0, deleted.stderr
    assert deleted.stdout.strip() == "deleted user 'ann' of tenant 'acme' and their data"
    gone = loyalty("user", "export", "acme", "ann", cwd=tmp_path, database_url=store)
    assert (gone.returncode, gone.stderr.splitlines()[-1]) == (1, "error: user 'ann' does not exist")


def _paths(command: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    subcommands = getattr(command, "commands", {})
    return [path] + [p for name, sub in subcommands.items() for p in _paths(sub, (*path, name))]


def test_every_help_page_is_free_of_type_markers(capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    from loyalty.cli.help import readable
    from loyalty.cli.main import app

    root = readable(typer.main.get_command(app))
    paths = _paths(root)
    expected = {("import", "balances"), ("import", "events"), ("user", "delete"), ("apikey", "revoke")}
    assert expected <= set(paths)
    for path in paths:
        with contextlib.suppress(SystemExit):
            root.main(args=[*path, "--help"], prog_name="loyalty")
        page = capsys.readouterr().out
        assert "Usage: loyalty" in page, path
        assert not re.search(r"<(bool|str|int|path|float)>", page), (path, page)
        assert not re.search(r"\{[A-Z_]+\}", page), (path, page)  # FILE, not {FILE}
        assert "--no-once" not in page, (path, page)


def test_a_database_behind_the_code_says_to_migrate(tmp_path: Path) -> None:
    import asyncio

    from loyalty.storage import migrate
    from loyalty.storage.database import Database

    url = f"sqlite:///{tmp_path / 'old.db'}"

    async def migrate_to_0011() -> None:
        db = Database(url)
        await migrate.upgrade(db.engine, url, "0011")
        await db.dispose()

    asyncio.run(migrate_to_0011())
    result = loyalty("tenant", "list", cwd=tmp_path, database_url=url)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "error: the database is at revision 0011 and this version of Loyalty expects "
        f"{migrate.head_revision()}: run 'loyalty migrate' when the database is the older one"
    )
