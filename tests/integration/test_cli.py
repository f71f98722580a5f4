"""The ``loyalty`` command, run as a user would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jwt
import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")


def loyalty(
    *args: str, database_url: str, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC, "LOYALTY_DATABASE_URL": database_url, **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "loyalty", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def cli_db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def test_migrate_reports_the_head_revision(cli_db: str) -> None:
    from loyalty.storage.migrate import head_revision

    result = loyalty("migrate", database_url=cli_db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"database at revision {head_revision()}"


def test_tenant_create_prints_the_secret_and_an_admin_key_once(cli_db: str) -> None:
    result = loyalty("tenant", "create", "acme", "--jwt-secret", "s" * 32, database_url=cli_db)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["tenant"] == "acme"
    assert out["jwtSecret"] == "s" * 32
    assert out["adminKey"].startswith("lyk_")
    again = loyalty("tenant", "create", "acme", database_url=cli_db)
    assert again.returncode == 1
    assert "already exists" in again.stderr


def test_apikey_create_and_token_mint(cli_db: str) -> None:
    loyalty("tenant", "create", "acme", "--jwt-secret", "s" * 32, database_url=cli_db)
    key = loyalty("apikey", "create", "acme", "--id", "shop", "--role", "service", database_url=cli_db)
    assert key.returncode == 0, key.stderr
    assert json.loads(key.stdout)["role"] == "service"
    token = loyalty("token", "acme", "user-1", "--scope", "loyalty:view", database_url=cli_db)
    assert token.returncode == 0, token.stderr
    claims = jwt.decode(token.stdout.strip(), "s" * 32, algorithms=["HS256"])
    assert (claims["sub"], claims["tenant"], claims["scope"]) == ("user-1", "acme", "loyalty:view")


def test_bootstrap_variables_create_tenant_key_and_secret(cli_db: str, tmp_path: Path) -> None:
    import asyncio

    from loyalty.app.tenancy.bootstrap import bootstrap_from_settings
    from loyalty.app.tenancy.credentials import hash_key
    from loyalty.settings import Settings
    from loyalty.storage import migrate
    from loyalty.storage.database import Database

    settings = Settings(
        database_url=cli_db,
        bootstrap_tenant="boot",
        bootstrap_admin_key="lyk_boot_key_123",
        bootstrap_jwt_secret="b" * 32,
    )

    async def run() -> tuple[dict, dict | None]:
        db = Database(cli_db)
        await migrate.upgrade(db.engine, cli_db)
        await bootstrap_from_settings(db.stores, settings, 1)
        await bootstrap_from_settings(db.stores, settings, 2)  # idempotent on restart
        async with db.stores.read() as store:
            tenant = await store.tenants.get_by_name("boot")
            key = await store.api_keys.find_by_hash(hash_key("lyk_boot_key_123"))
        await db.dispose()
        assert tenant is not None
        return tenant, key

    tenant, key = asyncio.run(run())
    assert tenant["jwt_secret"] == "b" * 32
    assert key is not None
    assert key["role"] == "admin"
