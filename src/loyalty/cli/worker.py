"""``loyalty worker``: deliver webhooks outside the server processes, run the lifecycle jobs
(birthday and anniversary rewards, expiry reminders; docs/lifecycle-rewards.md) and mature pending
points (docs/campaigns.md).

For larger set-ups: run the servers with ``LOYALTY_DELIVERY_IN_PROCESS=false`` and one or more
workers. Several workers (and servers still delivering) may run at once; each message is claimed by
one of them at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from dataclasses import dataclass
from typing import Annotated

import typer

from loyalty.cli.context import DatabaseUrlOption, settings_for
from loyalty.settings import Settings


def worker(
    once: Annotated[bool, typer.Option("--once", help="Deliver what is due now, then exit.")] = False,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Deliver webhook messages, pay lifecycle rewards and mature pending points (until stopped).

    Delivered and failed messages past LOYALTY_DELIVERY_RETENTION_DAYS are removed. Birthday and
    anniversary rewards and expiry reminders are paid and sent every LOYALTY_LIFECYCLE_POLL_SECONDS,
    and pending points whose return window has closed are credited, each exactly once. SIGTERM or
    SIGINT stops it after the batch in hand is sent and recorded; a second one at once.
    """
    from loyalty.logs import configure_logging

    settings = settings_for(database_url)
    configure_logging(settings)
    done = asyncio.run(_run(settings, once=once))
    if once:
        typer.echo(
            f"paid {done.birthdays} birthday and {done.anniversaries} anniversary rewards, "
            f"sent {done.reminders} expiry reminders"
        )
        typer.echo(f"attempted {done.attempted} webhook deliveries")
        typer.echo(f"matured {done.matured} pending credits")


@dataclass
class _Done:
    birthdays: int = 0
    anniversaries: int = 0
    reminders: int = 0
    attempted: int = 0
    matured: int = 0


async def _run(settings: Settings, *, once: bool) -> _Done:
    from loyalty.app import features
    from loyalty.app.ledger import pending
    from loyalty.app.messaging.delivery import Deliverer
    from loyalty.app.promotions import lifecycle
    from loyalty.wiring import start

    features.load()
    runtime = start(settings)
    services = runtime.services
    try:
        async with Deliverer(services) as deliverer:
            if once:
                jobs = await lifecycle.run_once(services)
                matured = await pending.mature_due(services, now=services.now())
                attempted = await deliverer.drain()
                return _Done(jobs.birthdays, jobs.anniversaries, jobs.reminders, attempted, matured)
            stop = asyncio.Event()
            lifecycle_task = asyncio.create_task(lifecycle.run(services, stop))
            task = asyncio.create_task(deliverer.run(stop=stop))
            maturing = asyncio.create_task(pending.run_maturing(services))

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
            lifecycle_task.cancel()  # a reward in hand is one transaction: it commits or never was
            maturing.cancel()
            for background in (lifecycle_task, maturing):
                with contextlib.suppress(asyncio.CancelledError):
                    await background
            return _Done()
    finally:
        await runtime.close()
