"""An httpx transport that connects only to addresses the destination policy allows.

Each request's host name is resolved here, every address of the answer is checked, and the request
goes to the first one: the URL's host is replaced by that address while the ``Host`` header keeps
the name and TLS is verified against the name (httpx's ``sni_hostname`` request extension). So the
address that was checked is the address connected to; a second lookup inside the HTTP library,
which a rebinding DNS server could answer differently, never happens. Hosts the operator allowed
by name are sent as they are.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable

import httpx

from loyalty.app.messaging.destinations import Address, DestinationPolicy, address_literal

Resolver = Callable[[str, int], Awaitable[list[str]]]
"""(host, port) -> the addresses it resolves to, as strings."""


class DestinationRefused(httpx.TransportError):
    """The destination resolves to an address the policy refuses; recorded as a failed attempt."""


async def system_resolver(host: str, port: int) -> list[str]:
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class PinnedTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        policy: DestinationPolicy,
        *,
        inner: httpx.AsyncBaseTransport,
        resolver: Resolver = system_resolver,
    ):
        self.policy = policy
        self.inner = inner
        self.resolver = resolver

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        if self.policy.allows_host(host):
            return await self.inner.handle_async_request(request)
        address = await self._checked_address(host, request.url.port or _default_port(request.url))
        pinned = httpx.Request(
            request.method,
            request.url.copy_with(host=str(address)),
            headers=request.headers,  # keeps ``Host: <name>``
            stream=request.stream,
            extensions={**request.extensions, "sni_hostname": host},
        )
        return await self.inner.handle_async_request(pinned)

    async def aclose(self) -> None:
        await self.inner.aclose()

    async def _checked_address(self, host: str, port: int) -> Address:
        literal = address_literal(host)
        if literal is not None:
            addresses = [literal]
        else:
            try:
                addresses = [
                    ipaddress.ip_address(a.split("%", 1)[0]) for a in await self.resolver(host, port)
                ]
            except OSError as exc:
                raise httpx.ConnectError(f"cannot resolve {host}: {exc}") from exc
            if not addresses:
                raise httpx.ConnectError(f"cannot resolve {host}: no addresses")
        # Every address of the answer must pass: a name that also resolves to an internal
        # address is refused even if the first one is public.
        for address in addresses:
            reason = self.policy.address_refusal(address)
            if reason is not None:
                shown = host if literal is not None else f"{host} resolves to {address}, which"
                raise DestinationRefused(
                    f"refused: {shown} is {reason}; the operator can allow it with "
                    "LOYALTY_WEBHOOK_ALLOWED_DESTINATIONS"
                )
        return addresses[0]


def _default_port(url: httpx.URL) -> int:
    return 443 if url.scheme == "https" else 80
