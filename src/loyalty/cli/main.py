"""``loyalty``: serve, migrate, tenants, API keys, users, dev tokens, the demo."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from loyalty.cli import ledger as ledger_cli
from loyalty.cli import offers as offers_cli
from loyalty.cli import staff as staff_cli
from loyalty.cli.backup import backup, restore
from loyalty.cli.config import config_app, with_tenant_admin
from loyalty.cli.context import DatabaseUrlOption, fail, open_runtime, run, settings_for
from loyalty.cli.exports import export
from loyalty.cli.help import readable
from loyalty.cli.imports import import_app
from loyalty.cli.worker import worker
from loyalty.settings import Settings

if TYPE_CHECKING:
    from loyalty.app.kernel.principal import Principal
    from loyalty.app.kernel.services import Services
    from loyalty.app.tenancy.ports import TenantOverview

app = typer.Typer(help="Loyalty: a self-hosted loyalty and gamification engine.", no_args_is_help=True)
tenant_app = typer.Typer(help="Manage tenants.", no_args_is_help=True)
apikey_app = typer.Typer(help="Manage API keys.", no_args_is_help=True)
user_app = typer.Typer(help="A user's data: export it, delete it (GDPR).", no_args_is_help=True)
app.add_typer(tenant_app, name="tenant")
app.add_typer(apikey_app, name="apikey")
app.add_typer(user_app, name="user")
app.add_typer(ledger_cli.app, name="ledger")
app.add_typer(config_app, name="config")
app.add_typer(offers_cli.app, name="offers")
app.add_typer(staff_cli.app, name="staff")
app.add_typer(import_app, name="import")

TenantArgument = Annotated[str, typer.Argument(metavar="TENANT", help="The tenant's name.")]
UserArgument = Annotated[str, typer.Argument(metavar="USER", help="The user's id (userId).")]
HostOption = Annotated[str, typer.Option(metavar="ADDRESS", help="Address to listen on.")]
PortOption = Annotated[int, typer.Option(metavar="PORT", help="Port to listen on.")]


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _iso(ms: int | None) -> str:
    if ms is None:
        return "-"
    return time.strftime("%Y-%m-%d %H:%M", time.gmtime(ms / 1000))


async def _migrate(settings: Settings) -> str | None:
    from loyalty.wiring import start

    runtime = start(settings)
    try:
        return await runtime.migrate()
    finally:
        await runtime.close()


@app.command()
def migrate(database_url: DatabaseUrlOption = None) -> None:
    """Apply the database migrations, creating the database if need be.

    The server also does this on start unless LOYALTY_MIGRATE_ON_START=false.
    """
    revision = run(_migrate(settings_for(database_url, creates=True)))
    typer.echo(f"database at revision {revision}")


@app.command()
def serve(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    workers: Annotated[int, typer.Option(metavar="N", help="Server processes.")] = 1,
    access_log: Annotated[bool, typer.Option(help="Log every request.")] = False,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Run the HTTP server."""
    import uvicorn

    settings = settings_for(database_url, creates=True)
    # The server processes read their settings from the environment: hand them the store found here.
    os.environ["LOYALTY_DATABASE_URL"] = settings.database_url
    if settings.migrate_on_start:
        run(_migrate(settings))
        # Migrated once here; the worker processes need not race to do it again.
        os.environ["LOYALTY_MIGRATE_ON_START"] = "false"
    if settings.bootstrap_tenant:
        run(_bootstrap(settings))
        for name in ("LOYALTY_BOOTSTRAP_TENANT",):
            os.environ.pop(name, None)
    uvicorn.run(
        "loyalty.api.asgi:create",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        loop="uvloop",
        http="httptools",
        access_log=access_log,
        log_level="warning",
        timeout_graceful_shutdown=5,
    )


async def _demo(settings: Settings, data_dir: Path, *, base_url: str) -> str:
    from loyalty.app.tenancy.demo import prepare_demo
    from loyalty.wiring import start

    runtime = start(settings)
    try:
        await runtime.migrate()
        return await prepare_demo(runtime.stores, data_dir, base_url=base_url)
    finally:
        await runtime.close()


async def _bootstrap(settings: Settings) -> None:
    from loyalty.app.tenancy.bootstrap import bootstrap_from_settings
    from loyalty.wiring import start

    runtime = start(settings)
    try:
        await bootstrap_from_settings(runtime.stores, settings, _now_ms())
    finally:
        await runtime.close()


@tenant_app.command("create")
def tenant_create(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The new tenant's name.")],
    jwt_secret: Annotated[
        str | None,
        typer.Option(metavar="SECRET", help="HS256 secret for user tokens (random if omitted)."),
    ] = None,
    admin_key: Annotated[bool, typer.Option(help="Also create an admin API key and print it once.")] = True,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Create a tenant (and, by default, an admin API key); migrates the database first."""
    settings = settings_for(database_url, creates=True)

    async def create() -> None:
        from loyalty.app.tenancy.credentials import create_api_key
        from loyalty.app.tenancy.tenants import create_tenant
        from loyalty.wiring import start

        await _migrate(settings)
        runtime = start(settings)
        try:
            secret = jwt_secret or secrets.token_urlsafe(32)
            tenant_id = await create_tenant(runtime.stores, name, jwt_secret=secret, now=_now_ms())
            out = {"tenant": name, "jwtSecret": secret}
            if admin_key:
                async with runtime.stores.write() as store:
                    key = await create_api_key(
                        store,
                        tenant_id=tenant_id,
                        key_id="admin",
                        name="Admin key",
                        role="admin",
                        now=_now_ms(),
                    )
                out["adminKey"] = key.key
            typer.echo(json.dumps(out, indent=2))
        finally:
            await runtime.close()

    run(create())


@tenant_app.command("list")
def tenant_list(database_url: DatabaseUrlOption = None) -> None:
    """List the tenants: name, users, API keys in use, created."""
    settings = settings_for(database_url)

    async def listing() -> list[TenantOverview]:
        async with open_runtime(settings) as runtime, runtime.stores.read() as store:
            return await store.tenants.overview()

    rows = run(listing())
    if not rows:
        typer.echo("no tenants: create one with 'loyalty tenant create NAME'")
        return
    typer.echo(f"{'NAME':<24} {'USERS':>9} {'KEYS':>5}  CREATED (UTC)")
    for row in rows:
        typer.echo(f"{row['name']:<24} {row['users']:>9} {row['keys']:>5}  {_iso(row['created_at'])}")


@apikey_app.command("create")
def apikey_create(
    tenant: TenantArgument,
    key_id: Annotated[str, typer.Option("--id", metavar="ID", help="Name the key is listed under.")] = "",
    role: Annotated[str, typer.Option(metavar="ROLE", help="admin or service.")] = "service",
    database_url: DatabaseUrlOption = None,
) -> None:
    """Create an API key for a tenant; the key is printed once."""
    settings = settings_for(database_url)

    async def create() -> None:
        from loyalty.app.tenancy.credentials import create_api_key

        async with open_runtime(settings) as runtime, runtime.stores.write() as store:
            row = await store.tenants.get_by_name(tenant)
            if row is None:
                fail(f"no tenant '{tenant}' (see 'loyalty tenant list')")
            key = await create_api_key(
                store,
                tenant_id=int(row["id"]),
                key_id=key_id or f"{role}-{secrets.token_hex(3)}",
                name=key_id or role,
                role=role,
                now=_now_ms(),
            )
        typer.echo(json.dumps({"id": key.key_id, "role": key.role, "key": key.key}, indent=2))

    run(create())


@apikey_app.command("list")
def apikey_list(tenant: TenantArgument, database_url: DatabaseUrlOption = None) -> None:
    """List a tenant's API keys: id, role, the key's first characters, created, revoked."""
    from loyalty.app.tenancy import admin

    async def listing(services: Services, principal: Principal) -> list[dict[str, Any]]:
        return await admin.list_items(services, principal, "api-keys")

    keys = run(with_tenant_admin(database_url, tenant, listing))
    if not keys:
        typer.echo(f"tenant '{tenant}' has no API keys: create one with 'loyalty apikey create {tenant}'")
        return
    typer.echo(f"{'ID':<24} {'ROLE':<8} {'PREFIX':<12} {'CREATED (UTC)':<17} REVOKED (UTC)")
    for key in keys:
        revoked = _iso(key.get("revokedAt")) if key.get("revokedAt") else "-"
        typer.echo(
            f"{key['id']:<24} {key['role']:<8} {key['prefix']:<12} {_iso(key.get('createdAt')):<17} {revoked}"
        )


@apikey_app.command("revoke")
def apikey_revoke(
    tenant: TenantArgument,
    key_id: Annotated[str, typer.Argument(metavar="ID", help="The key's id, as 'apikey list' shows it.")],
    database_url: DatabaseUrlOption = None,
) -> None:
    """Revoke an API key: it stops working on every server within LOYALTY_CONFIG_CACHE_SECONDS."""
    from loyalty.app.kernel.uow import Encoded, Tx, run_write
    from loyalty.app.tenancy import admin

    async def revoke(services: Services, principal: Principal) -> None:
        async def work(tx: Tx) -> None:
            await admin.delete_item(tx, "api-keys", key_id)

        await run_write(services, principal, work, lambda _: Encoded(200, b"", "text/plain"))

    run(with_tenant_admin(database_url, tenant, revoke))
    typer.echo(f"revoked API key '{key_id}' of tenant '{tenant}'")


@user_app.command("export")
def user_export(tenant: TenantArgument, user: UserArgument, database_url: DatabaseUrlOption = None) -> None:
    """Print everything stored about the user as JSON (the GDPR export)."""
    from loyalty.app.users.users import export_user

    async def export(services: Services, principal: Principal) -> dict[str, Any]:
        return await export_user(services, principal, user)

    data = run(with_tenant_admin(database_url, tenant, export))
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


@user_app.command("delete")
def user_delete(
    tenant: TenantArgument,
    user: UserArgument,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Delete the user and all their data (GDPR erasure); this cannot be undone."""
    from loyalty.app.kernel.uow import Encoded, Tx, run_write
    from loyalty.app.users.users import delete_user, process_deletions

    if not yes:
        typer.confirm(f"Delete user '{user}' of tenant '{tenant}' and all their data?", abort=True)

    async def delete(services: Services, principal: Principal) -> None:
        async def work(tx: Tx) -> None:
            await delete_user(tx, user)

        await run_write(services, principal, work, lambda _: Encoded(204, b"", "text/plain"))
        await process_deletions(services)  # sweep their rows now rather than leave it to a server

    run(with_tenant_admin(database_url, tenant, delete))
    typer.echo(f"deleted user '{user}' of tenant '{tenant}' and their data")


@app.command()
def token(
    tenant: TenantArgument,
    user: UserArgument,
    scope: Annotated[
        str | None,
        typer.Option(metavar="SCOPES", help="Space-separated scopes, e.g. 'loyalty:manage'."),
    ] = None,
    ttl: Annotated[int, typer.Option(metavar="SECONDS", help="Lifetime in seconds.")] = 3600,
    secret: Annotated[
        str | None,
        typer.Option(metavar="SECRET", help="HS256 secret; read from the database if omitted."),
    ] = None,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Mint a development JWT for a tenant's user."""
    from loyalty.app.tenancy.credentials import mint_token

    key = secret
    if key is None:
        settings = settings_for(database_url)

        async def tenant_secret() -> str:
            async with open_runtime(settings) as runtime, runtime.stores.read() as store:
                row = await store.tenants.get_by_name(tenant)
            if row is None or not row["jwt_secret"]:
                fail(f"no tenant '{tenant}' with an HS256 secret (see 'loyalty tenant list')")
            return str(row["jwt_secret"])

        key = run(tenant_secret())
    typer.echo(mint_token(key, tenant=tenant, sub=user, now_s=int(time.time()), ttl_s=ttl, scope=scope))


@app.command()
def demo(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8000,
    data_dir: Annotated[
        Path, typer.Option(metavar="DIR", help="Where the demo database and credentials live.")
    ] = Path(".loyalty-demo"),
) -> None:
    """Run the server on the embedded SQLite store with a demo tenant, and print how to call it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("LOYALTY_DATABASE_URL", f"sqlite:///{data_dir / 'loyalty.db'}")
    info = asyncio.run(_demo(Settings(), data_dir, base_url=f"http://{host}:{port}"))
    typer.echo(info)
    os.environ["LOYALTY_MIGRATE_ON_START"] = "false"
    serve(host=host, port=port, workers=1, access_log=False, database_url=None)


app.command()(worker)  # ops: webhook delivery worker
app.command()(export)  # the way out: configuration and every member's data
app.command()(backup)  # ops: the SQLite store, copied consistently
app.command()(restore)


def main() -> None:
    readable(typer.main.get_command(app))()
