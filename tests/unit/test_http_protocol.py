"""The HTTP protocol of ``loyalty serve``: a response's head and body in one write, nothing else
changed (keep-alive, HEAD, streamed bodies, closing)."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from typing import Any

import uvicorn

from loyalty.api.http_protocol import HeadWithBody, HttpProtocol


class FakeTransport:
    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False
        self.aborted = False

    def write(self, data: bytes) -> None:
        self.writes.append(bytes(data))

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    def abort(self) -> None:
        self.aborted = True

    def write_eof(self) -> None:
        self.writes.append(b"<eof>")

    def get_extra_info(self, name: str) -> str:
        return f"info:{name}"


async def test_a_write_and_the_next_go_out_as_one() -> None:
    fake = FakeTransport()
    transport = HeadWithBody(fake, asyncio.get_running_loop())  # type: ignore[arg-type]
    transport.write(b"HTTP/1.1 200 OK\r\n\r\n")
    assert fake.writes == []
    transport.write(b"body")
    assert fake.writes == [b"HTTP/1.1 200 OK\r\n\r\nbody"]
    await asyncio.sleep(0)  # the end of the turn has nothing left to send
    assert fake.writes == [b"HTTP/1.1 200 OK\r\n\r\nbody"]
    assert transport.get_extra_info("peername") == "info:peername"


async def test_a_lone_write_goes_out_at_the_end_of_the_turn() -> None:
    fake = FakeTransport()
    transport = HeadWithBody(fake, asyncio.get_running_loop())  # type: ignore[arg-type]
    transport.write(b"head")
    transport.write(b"body")
    transport.write(b"chunk")  # a third write starts a new pair
    assert fake.writes == [b"headbody"]
    await asyncio.sleep(0)
    assert fake.writes == [b"headbody", b"chunk"]


async def test_writelines_and_write_eof_keep_the_order_of_the_bytes() -> None:
    fake = FakeTransport()
    transport = HeadWithBody(fake, asyncio.get_running_loop())  # type: ignore[arg-type]
    transport.writelines([b"he", b"ad"])
    transport.writelines([b"bo", b"dy"])
    transport.write(b"tail")
    transport.write_eof()
    assert fake.writes == [b"headbody", b"tail", b"<eof>"]


async def test_close_sends_what_is_held_and_abort_drops_it() -> None:
    fake = FakeTransport()
    transport = HeadWithBody(fake, asyncio.get_running_loop())  # type: ignore[arg-type]
    transport.write(b"last words")
    transport.close()
    assert (fake.writes, fake.closed) == ([b"last words"], True)
    await asyncio.sleep(0)
    assert fake.writes == [b"last words"]

    fake = FakeTransport()
    transport = HeadWithBody(fake, asyncio.get_running_loop())  # type: ignore[arg-type]
    transport.write(b"never sent")
    transport.abort()
    await asyncio.sleep(0)
    assert (fake.writes, fake.aborted) == ([], True)


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    if scope["path"] == "/stream":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"one,", "more_body": True})
        await asyncio.sleep(0.01)
        await send({"type": "http.response.body", "body": b"two"})
        return
    body = b'{"ok":true}'
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


@contextlib.asynccontextmanager
async def serving() -> AsyncIterator[tuple[int, uvicorn.Server]]:
    """The server on a socket that listens before it starts: clients may connect at once."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    server = uvicorn.Server(uvicorn.Config(app, http=HttpProtocol, log_level="warning"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        yield sock.getsockname()[1], server
    finally:
        server.should_exit = True
        await task
        sock.close()


async def read_response(reader: asyncio.StreamReader) -> tuple[bytes, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    if b"transfer-encoding: chunked" in head:
        body = await reader.readuntil(b"0\r\n\r\n")
    elif b"content-length: " in head:
        length = int(head.split(b"content-length: ")[1].split(b"\r\n")[0])
        body = await reader.readexactly(length)
    else:
        body = b""
    return head, body


async def test_responses_on_a_kept_connection_are_whole_and_in_order() -> None:
    async with serving() as (port, server):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /a HTTP/1.1\r\nhost: x\r\n\r\n")
        head, body = await read_response(reader)
        (connection,) = server.server_state.connections
        assert isinstance(connection.transport, HeadWithBody)
        assert head.startswith(b"HTTP/1.1 200 OK\r\n")
        assert body == b'{"ok":true}'
        writer.write(b"HEAD /a HTTP/1.1\r\nhost: x\r\n\r\nGET /stream HTTP/1.1\r\nhost: x\r\n\r\n")
        head = await reader.readuntil(b"\r\n\r\n")  # HEAD: the head alone, sent at the end of the turn
        assert head.startswith(b"HTTP/1.1 200 OK\r\n")
        assert b"content-length: 11" in head
        head, body = await read_response(reader)
        assert b"transfer-encoding: chunked" in head
        assert body == b"4\r\none,\r\n3\r\ntwo\r\n0\r\n\r\n"
        writer.write(b"GET /a HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        head, body = await read_response(reader)
        assert b"connection: close" in head
        assert body == b'{"ok":true}'
        assert await reader.read() == b""  # closed after the whole response
        writer.close()
