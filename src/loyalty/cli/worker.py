"""``loyalty worker``: deliver webhooks outside the server processes.

For larger set-ups: run the servers with ``LOYALTY_DELIVERY_IN_PROCESS=false`` and one or more
workers. Several workers (and servers still delivering) may run at once; each message is claimed by
one of them at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from typing import Annotated

import typer

from loyalty.cli.context import DatabaseUrlOption, settings_for
from loyalty.settings import Settings


def worker(
    once: Annotated[bool, typer.Option("--once", help="Deliver what is due now, then exit.")] = False,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Deliver webhook messages from the outbox (retries with backoff, until stopped).

    Delivered and failed messages past LOYALTY_DELIVERY_RETENTION_DAYS are removed. SIGTERM or
    SIGINT stops it after the batch in hand is sent and recorded; a second one at once.
    """
    from loyalty.logs import configure_logging

    settings = settings_for(database_url)
    configure_logging(settings)
    attempted = asyncio.run(_run(settings, once=once))
    if once:
        typer.echo(f"attempted {attempted} webhook deliveries")


async def _run(settings: Settings, *, once: bool) -> int:
    from loyalty.app import features
    from loyalty.app.delivery import Deliverer
    from loyalty.app.services import Services
    from loyalty.app.tenants import TenantCache
    from loyalty.storage.database import Database

    features.load()
    db = Database(
        settings.database_url, pool_size=settings.db_pool_size, timeout_s=settings.db_timeout_seconds
    )
    services = Services(settings=settings, db=db, tenants=TenantCache(db, settings.config_cache_seconds))
    try:
        async with Deliverer(services) as deliverer:
            if once:
                return await deliverer.drain()
            stop = asyncio.Event()
            task = asyncio.create_task(deliverer.run(stop=stop))

            def on_signal() -> None:
                # The first signal lets the batch in hand be recorded (nothing is sent twice);
                # a second one stops at once, leaving that batch to be sent again after its lease.
                if stop.is_set():
                    task.cancel()
                stop.set()

            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(signum, on_signal)
            with contextlib.suppress(asyncio.CancelledError):
                await task
            return 0
    finally:
        await db.dispose()
