"""``loyalty``: serve, migrate, tenants, API keys, dev tokens, the demo."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import time
from pathlib import Path
from typing import Annotated

import typer

from loyalty.cli import ledger as ledger_cli
from loyalty.cli import offers as offers_cli
from loyalty.cli import staff as staff_cli
from loyalty.cli.config import config_app
from loyalty.cli.worker import worker
from loyalty.settings import Settings

app = typer.Typer(help="Loyalty: a self-hosted loyalty and gamification engine.", no_args_is_help=True)
tenant_app = typer.Typer(help="Manage tenants.", no_args_is_help=True)
apikey_app = typer.Typer(help="Manage API keys.", no_args_is_help=True)
app.add_typer(tenant_app, name="tenant")
app.add_typer(apikey_app, name="apikey")
app.add_typer(ledger_cli.app, name="ledger")
app.add_typer(config_app, name="config")
app.add_typer(offers_cli.app, name="offers")
app.add_typer(staff_cli.app, name="staff")


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


async def _migrate(settings: Settings) -> str | None:
    from loyalty.storage import migrate
    from loyalty.storage.database import Database

    db = Database(settings.database_url)
    try:
        await migrate.upgrade(db.engine, settings.database_url)
        return await migrate.current_revision(db.engine)
    finally:
        await db.dispose()


@app.command()
def migrate() -> None:
    """Apply the database migrations (also done on start unless LOYALTY_MIGRATE_ON_START=false)."""
    revision = asyncio.run(_migrate(Settings()))
    typer.echo(f"database at revision {revision}")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Server processes.")] = 1,
    access_log: Annotated[bool, typer.Option(help="Log every request.")] = False,
) -> None:
    """Run the HTTP server."""
    import uvicorn

    from loyalty.api.http_protocol import HttpProtocol

    settings = Settings()
    if settings.migrate_on_start:
        asyncio.run(_migrate(settings))
        # Migrated once here; the worker processes need not race to do it again.
        os.environ["LOYALTY_MIGRATE_ON_START"] = "false"
    if settings.bootstrap_tenant:
        asyncio.run(_bootstrap(settings))
        for name in ("LOYALTY_BOOTSTRAP_TENANT",):
            os.environ.pop(name, None)
    uvicorn.run(
        "loyalty.api.asgi:create",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        loop="uvloop",
        http=HttpProtocol,
        access_log=access_log,
        log_level="warning",
        timeout_graceful_shutdown=5,
    )


async def _bootstrap(settings: Settings) -> None:
    from loyalty.app.bootstrap import bootstrap_from_settings
    from loyalty.storage.database import Database

    db = Database(settings.database_url)
    try:
        await bootstrap_from_settings(db, settings, _now_ms())
    finally:
        await db.dispose()


@tenant_app.command("create")
def tenant_create(
    name: str,
    jwt_secret: Annotated[
        str | None, typer.Option(help="HS256 secret for user tokens (random if omitted).")
    ] = None,
    admin_key: Annotated[bool, typer.Option(help="Also create an admin API key and print it once.")] = True,
) -> None:
    """Create a tenant (and, by default, an admin API key)."""

    async def run() -> None:
        from loyalty.app.credentials import create_api_key
        from loyalty.app.tenants import create_tenant
        from loyalty.storage.database import Database

        settings = Settings()
        await _migrate(settings)
        db = Database(settings.database_url)
        try:
            secret = jwt_secret or secrets.token_urlsafe(32)
            tenant_id = await create_tenant(db, name, jwt_secret=secret, now=_now_ms())
            out = {"tenant": name, "jwtSecret": secret}
            if admin_key:
                async with db.write() as conn:
                    key = await create_api_key(
                        conn,
                        tenant_id=tenant_id,
                        key_id="admin",
                        name="Admin key",
                        role="admin",
                        now=_now_ms(),
                    )
                out["adminKey"] = key.key
            typer.echo(json.dumps(out, indent=2))
        finally:
            await db.dispose()

    _run_cli(run())


@apikey_app.command("create")
def apikey_create(
    tenant: str,
    key_id: Annotated[str, typer.Option("--id", help="Name the key is listed under.")] = "",
    role: Annotated[str, typer.Option(help="admin or service.")] = "service",
) -> None:
    """Create an API key for a tenant; the key is printed once."""

    async def run() -> None:
        from loyalty.app.credentials import create_api_key
        from loyalty.storage.database import Database
        from loyalty.storage.repositories import tenants as tenant_repo

        settings = Settings()
        db = Database(settings.database_url)
        try:
            async with db.write() as conn:
                row = await tenant_repo.get_by_name(conn, tenant)
                if row is None:
                    raise typer.BadParameter(f"no tenant '{tenant}'")
                key = await create_api_key(
                    conn,
                    tenant_id=int(row["id"]),
                    key_id=key_id or f"{role}-{secrets.token_hex(3)}",
                    name=key_id or role,
                    role=role,
                    now=_now_ms(),
                )
            typer.echo(json.dumps({"id": key.key_id, "role": key.role, "key": key.key}, indent=2))
        finally:
            await db.dispose()

    _run_cli(run())


@app.command()
def token(
    tenant: str,
    user: str,
    scope: Annotated[str | None, typer.Option(help="Space-separated scopes, e.g. 'loyalty:manage'.")] = None,
    ttl: Annotated[int, typer.Option(help="Lifetime in seconds.")] = 3600,
    secret: Annotated[
        str | None, typer.Option(help="HS256 secret; read from the database if omitted.")
    ] = None,
) -> None:
    """Mint a development JWT for a tenant's user."""

    async def run() -> None:
        from loyalty.app.credentials import mint_token
        from loyalty.storage.database import Database
        from loyalty.storage.repositories import tenants as tenant_repo

        key = secret
        if key is None:
            settings = Settings()
            db = Database(settings.database_url)
            try:
                async with db.read() as conn:
                    row = await tenant_repo.get_by_name(conn, tenant)
            finally:
                await db.dispose()
            if row is None or not row["jwt_secret"]:
                raise typer.BadParameter(f"no tenant '{tenant}' with an HS256 secret")
            key = row["jwt_secret"]
        typer.echo(mint_token(key, tenant=tenant, sub=user, now_s=int(time.time()), ttl_s=ttl, scope=scope))

    _run_cli(run())


@app.command()
def demo(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    data_dir: Annotated[Path, typer.Option(help="Where the demo database and credentials live.")] = Path(
        ".loyalty-demo"
    ),
) -> None:
    """Run the server on the embedded SQLite store with a demo tenant, and print how to call it."""
    from loyalty.app.demo import prepare_demo

    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("LOYALTY_DATABASE_URL", f"sqlite:///{data_dir / 'loyalty.db'}")
    info = asyncio.run(prepare_demo(Settings(), data_dir, base_url=f"http://{host}:{port}"))
    typer.echo(info)
    os.environ["LOYALTY_MIGRATE_ON_START"] = "false"
    serve(host=host, port=port, workers=1, access_log=False)


def _run_cli(coro: object) -> None:
    from loyalty.core.errors import LoyaltyError

    try:
        asyncio.run(coro)  # type: ignore[arg-type]
    except LoyaltyError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(1) from None


app.command()(worker)  # ops: webhook delivery worker


def main() -> None:
    app()
