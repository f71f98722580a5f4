"""A webhook receiver on 127.0.0.1 for tests: records every request, can fail the first N or hold
its answers until the test releases them."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import standardwebhooks

STANDARD_SECRET = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="
"""A Standard Webhooks secret (``whsec_`` + base64 of 32 bytes) for webhooks in the default format."""
LEGACY_SECRET = "whsec-0123456789abcdef"
"""A secret for webhooks in the ``loyalty-v1`` format (any text of 16+ characters)."""


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    answered: int

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    url: str
    fail_first: int = 0
    requests: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    answered_ok: threading.Event = field(default_factory=threading.Event)
    """Set when a request was answered 200 (for tests of background delivery)."""
    arrived: threading.Event = field(default_factory=threading.Event)
    """Set when a request has arrived, before it is answered."""
    released: threading.Event = field(default_factory=threading.Event)
    """Answers wait for this; set from the start unless the receiver holds them."""

    def accepted(self, tenant: str | None = None) -> list[Received]:
        with self.lock:
            return [
                r
                for r in self.requests
                if r.answered == 200 and (tenant is None or r.json["tenant"] == tenant)
            ]

    def for_tenant(self, tenant: str) -> list[Received]:
        with self.lock:
            return [r for r in self.requests if r.json["tenant"] == tenant]


def verified_by_the_standard_library(secret: str, received: Received) -> bool:
    """The Standard Webhooks library's own verifier (it checks the timestamp against the wall clock)."""
    try:
        standardwebhooks.Webhook(secret).verify(received.body, received.headers)
    except standardwebhooks.WebhookVerificationError:
        return False
    return True


def signature_is_valid(secret: str, header: str, body: bytes) -> bool:
    """The ``loyalty-v1`` verification a receiver does (as in docs/webhooks.md)."""
    parts = dict(item.split("=", 1) for item in header.split(","))
    expected = hmac.new(secret.encode(), parts["t"].encode() + b"." + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


@contextlib.contextmanager
def webhook_receiver(fail_first: int = 0, *, hold: bool = False) -> Iterator[Receiver]:
    """``hold``: every answer waits until ``receiver.released`` is set (at most a minute)."""
    receiver = Receiver(url="", fail_first=fail_first)
    if not hold:
        receiver.released.set()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: a deliverer reuses its connections

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            receiver.arrived.set()
            receiver.released.wait(timeout=60)
            with receiver.lock:
                failing = receiver.fail_first > 0
                if failing:
                    receiver.fail_first -= 1
                status = 500 if failing else 200
                receiver.requests.append(
                    Received(
                        headers={k.lower(): v for k, v in self.headers.items()}, body=body, answered=status
                    )
                )
            if status == 200:
                receiver.answered_ok.set()
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    class Server(ThreadingHTTPServer):
        request_queue_size = 128  # a delivery batch connects concurrently; the default backlog is 5

    server = Server(("127.0.0.1", 0), Handler)
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/loyalty"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        receiver.released.set()
        server.shutdown()
        server.server_close()
