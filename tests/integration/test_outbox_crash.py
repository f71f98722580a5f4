"""A change committed by a server that is then killed (SIGKILL) is delivered after restart."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

from tests.support import TenantHandle, free_port, wait_ready
from tests.webhook_receiver import STANDARD_SECRET, verified_by_the_standard_library, webhook_receiver

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": SRC,
        "LOYALTY_DATABASE_URL": database_url,
        "LOYALTY_CONFIG_CACHE_SECONDS": "0",
        # The killed server never gets to deliver: the message only exists in the outbox.
        "LOYALTY_DELIVERY_IN_PROCESS": "false",
        # As an operator would for receivers on this machine: the test receiver is on 127.0.0.1.
        "LOYALTY_WEBHOOK_ALLOWED_DESTINATIONS": "127.0.0.1",
    }


async def test_message_committed_before_a_server_is_killed_is_delivered_by_a_worker_started_later(
    database_url: str, tenant: TenantHandle
) -> None:
    with webhook_receiver() as receiver:
        r = await tenant.put(
            "webhooks",
            "crm",
            {"url": receiver.url, "secret": STANDARD_SECRET, "eventTypes": ["user.deleted"]},
        )
        assert r.status_code == 200, r.text
        await tenant.create_user("user_123")
        port = free_port()
        log = tempfile.TemporaryFile()  # noqa: SIM115  (a file, not a pipe nobody drains; closed below)
        server = await asyncio.to_thread(
            subprocess.Popen,
            [sys.executable, "-m", "loyalty", "serve", "--port", str(port)],
            env=_env(database_url),
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            await asyncio.to_thread(wait_ready, f"http://127.0.0.1:{port}", server, log)
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                deleted = await client.delete("/v1/user/user_123", headers=tenant.admin)
            assert deleted.status_code == 200, deleted.text
        finally:
            server.send_signal(signal.SIGKILL)
            await asyncio.to_thread(server.wait)
            log.close()
        assert server.returncode == -signal.SIGKILL
        assert receiver.for_tenant(tenant.name) == []

        worker = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "loyalty", "worker", "--once"],
            env=_env(database_url),
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert worker.returncode == 0, worker.stderr.decode()[-2000:]
        delivered = receiver.accepted(tenant.name)
    assert len(delivered) == 1
    assert delivered[0].json["type"] == "user.deleted"
    assert delivered[0].json["data"] == {"userId": "user_123"}
    assert verified_by_the_standard_library(STANDARD_SECRET, delivered[0])
    listed = await tenant.client.get("/v1/admin/webhooks/crm/deliveries", headers=tenant.admin)
    assert [(d["status"], d["attempts"]) for d in listed.json()] == [("delivered", 1)]
