"""A deliverer told to stop while sending records what it sent before it stops: ``loyalty worker``
on SIGTERM, and a server's own deliverer when the server shuts down (both use ``run(stop=…)``)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from loyalty.app.messaging.delivery import Deliverer
from tests.support import TEST_RECEIVERS, TenantHandle
from tests.webhook_receiver import STANDARD_SECRET, webhook_receiver

SRC = str(Path(__file__).resolve().parents[2] / "src")


async def queue_one_deletion_webhook(tenant: TenantHandle, url: str) -> None:
    """A webhook subscribed to ``user.deleted`` and one deletion: one message in the outbox."""
    r = await tenant.put(
        "webhooks", "crm", {"url": url, "secret": STANDARD_SECRET, "eventTypes": ["user.deleted"]}
    )
    assert r.status_code == 200, r.text
    await tenant.create_user("user_123")
    deleted = await tenant.client.delete("/v1/user/user_123", headers=tenant.admin)
    assert deleted.status_code == 200, deleted.text


async def test_a_worker_stopped_while_sending_records_the_delivery_and_sends_it_once(
    database_url: str, tenant: TenantHandle
) -> None:
    with webhook_receiver(hold=True) as receiver:
        await queue_one_deletion_webhook(tenant, receiver.url)
        log = tempfile.TemporaryFile()  # noqa: SIM115  (a file, not a pipe nobody drains; closed below)
        worker = await asyncio.to_thread(
            subprocess.Popen,
            [sys.executable, "-m", "loyalty", "worker"],
            env={
                **os.environ,
                "PYTHONPATH": SRC,
                "LOYALTY_DATABASE_URL": database_url,
                "LOYALTY_WEBHOOK_ALLOWED_DESTINATIONS": TEST_RECEIVERS,
            },
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            # The message is on its way and unanswered when the worker is told to stop.
            assert await asyncio.to_thread(receiver.arrived.wait, 60)
            worker.send_signal(signal.SIGTERM)
            receiver.released.set()
            returncode = await asyncio.to_thread(worker.wait, 60)
            log.seek(0)
            stderr = log.read().decode(errors="replace")
        finally:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
            log.close()
        assert returncode == 0, stderr[-2000:]
        delivered = receiver.accepted(tenant.name)
    assert [d.json["data"] for d in delivered] == [{"userId": "user_123"}]
    listed = await tenant.client.get("/v1/admin/webhooks/crm/deliveries", headers=tenant.admin)
    assert [(d["status"], d["attempts"], d["lastStatusCode"]) for d in listed.json()] == [
        ("delivered", 1, 200)
    ]


async def test_a_deliverer_told_to_stop_while_sending_records_the_delivery_first(
    app: Any, tenant: TenantHandle
) -> None:
    with webhook_receiver(hold=True) as receiver:
        await queue_one_deletion_webhook(tenant, receiver.url)
        stop = asyncio.Event()
        async with Deliverer(app.state.services) as deliverer:
            running = asyncio.create_task(deliverer.run(stop=stop))
            assert await asyncio.to_thread(receiver.arrived.wait, 60)
            stop.set()
            receiver.released.set()
            await asyncio.wait_for(running, timeout=60)
        delivered = receiver.accepted(tenant.name)
    assert [d.json["data"] for d in delivered] == [{"userId": "user_123"}]
    listed = await tenant.client.get("/v1/admin/webhooks/crm/deliveries", headers=tenant.admin)
    assert [(d["status"], d["attempts"]) for d in listed.json()] == [("delivered", 1)]
