"""``loyalty staff``: the people who sign in to a tenant's dashboard."""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from loyalty.settings import Settings

if TYPE_CHECKING:
    from loyalty.app.kernel.store import Store
    from loyalty.app.tenancy.staff import StaffView

T = TypeVar("T")

app = typer.Typer(help="Dashboard staff accounts (admin, support, viewer).", no_args_is_help=True)
CLI_ACTOR = "cli"


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _in_tenant(tenant: str, work: Callable[[Store, int], Awaitable[T]]) -> T:
    """Run ``work(store, tenant_id)`` in one write transaction of the configured database (``store``
    is what the ``app.tenancy.staff`` functions take)."""
    import asyncio

    from loyalty.core.errors import LoyaltyError
    from loyalty.wiring import start

    async def run() -> T:
        runtime = start(Settings())
        try:
            async with runtime.stores.write() as store:
                row = await store.tenants.get_by_name(tenant)
                if row is None:
                    raise typer.BadParameter(f"no tenant '{tenant}'")
                return await work(store, int(row["id"]))
        finally:
            await runtime.close()

    try:
        return asyncio.run(run())
    except LoyaltyError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(1) from None


@app.command("create")
def create(
    tenant: str,
    email: str,
    role: Annotated[str, typer.Option(help="admin, support or viewer.")] = "viewer",
) -> None:
    """Create a staff account and print its one-time password (replaced at the first sign-in)."""
    from loyalty.app.tenancy import staff

    async def work(store: Store, tenant_id: int) -> tuple[StaffView, str]:
        return await staff.create_staff(
            store, Settings(), tenant_id=tenant_id, email=email, role=role, actor=CLI_ACTOR, now=_now_ms()
        )

    account, password = _in_tenant(tenant, work)
    typer.echo(
        json.dumps({"email": account.email, "role": account.role, "oneTimePassword": password}, indent=2)
    )


@app.command("list")
def list_(tenant: str) -> None:
    """List the tenant's staff accounts."""
    from loyalty.app.tenancy import staff

    async def work(store: Store, tenant_id: int) -> list[StaffView]:
        return await staff.list_staff(store, tenant_id)

    for account in _in_tenant(tenant, work):
        state = "disabled" if account.disabled else "active"
        how = "sso" if account.sso else "password"
        typer.echo(f"{account.email}\t{account.role}\t{state}\t{how}")


@app.command("disable")
def disable(tenant: str, email: str) -> None:
    """Disable a staff account: its sessions end at once and it can no longer sign in."""
    from loyalty.app.tenancy import staff

    async def work(store: Store, tenant_id: int) -> StaffView:
        return await staff.disable_staff(
            store, tenant_id=tenant_id, email=email, actor=CLI_ACTOR, now=_now_ms()
        )

    account = _in_tenant(tenant, work)
    typer.echo(f"disabled {account.email}")


@app.command("role")
def role(tenant: str, email: str, new_role: Annotated[str, typer.Argument(metavar="ROLE")]) -> None:
    """Change a person's role (admin, support or viewer); the tenant's last active admin stays admin."""
    from loyalty.app.tenancy import staff

    async def work(store: Store, tenant_id: int) -> StaffView:
        return await staff.change_role(
            store, tenant_id=tenant_id, email=email, role=new_role, actor=CLI_ACTOR, now=_now_ms()
        )

    account = _in_tenant(tenant, work)
    typer.echo(f"{account.email} is now {account.role}")
