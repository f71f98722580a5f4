"""``loyalty offers``: import a shop system's coupon codes into an offer's pool."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from loyalty.cli.config import TenantOption, with_tenant_admin
from loyalty.cli.context import DatabaseUrlOption, run

if TYPE_CHECKING:
    from loyalty.app.kernel.principal import Principal
    from loyalty.app.kernel.services import Services

app = typer.Typer(help="Offers: code pools.", no_args_is_help=True)

OfferArgument = Annotated[
    str, typer.Argument(metavar="OFFER_ID", help="The offer (its couponTemplate.codePool is true).")
]


@app.command("import-codes")
def import_codes(
    offer_id: OfferArgument,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="CSV file: the first column holds the codes ('code' header optional); '-' is stdin.",
        ),
    ],
    tenant: TenantOption = None,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Add the file's codes to the offer's pool in one transaction; known codes are skipped."""
    from loyalty.app.kernel.uow import Encoded, Tx, run_write
    from loyalty.app.offers import offers
    from loyalty.core.coupons import parse_csv_codes

    text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8-sig")
    result: list[offers.PoolState] = []

    async def action(services: Services, principal: Principal) -> None:
        codes = parse_csv_codes(text)

        async def work(tx: Tx) -> None:
            result.append(await offers.import_codes(tx, offer_id, codes))

        await run_write(services, principal, work, lambda _: Encoded(200, b"", "text/plain"))

    run(with_tenant_admin(database_url, tenant, action))
    done = result[0]
    typer.echo(
        f"imported {done.imported} code(s) into offer '{offer_id}' ({done.duplicates} already known); "
        f"{done.available} of {done.total} available"
    )


@app.command("codes")
def codes(
    offer_id: OfferArgument, tenant: TenantOption = None, database_url: DatabaseUrlOption = None
) -> None:
    """How many codes the offer's pool holds and how many are left."""
    from loyalty.app.offers import offers

    async def action(services: Services, principal: Principal) -> offers.PoolState:
        return await offers.pool_state(services, principal, offer_id)

    state = run(with_tenant_admin(database_url, tenant, action))
    typer.echo(f"offer '{offer_id}': {state.available} of {state.total} code(s) available")
