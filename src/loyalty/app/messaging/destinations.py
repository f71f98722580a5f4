"""Where webhook deliveries may go: public addresses only, unless the operator allows more.

On a server shared by several tenants, each tenant's admin chooses webhook URLs; without this
policy they could make the deliverer call the operator's internal services or a cloud metadata
endpoint. The policy is applied twice: to the URL when a webhook is configured (an address literal,
or a name that is always local, is refused), and to every address the host name resolves to when a
delivery connects (``app/messaging/pinned_transport.py``), so a DNS answer that changes after configuration
cannot get around it.

The operator, not a tenant, widens it: ``LOYALTY_WEBHOOK_ALLOWED_DESTINATIONS`` lists host names
(``hooks.corp.example``, or ``*.svc.cluster.local`` for every name under it), addresses and
networks (``10.20.0.0/16``) that are allowed whatever the rules below say.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# Cloud metadata endpoints. Most sit in ranges refused anyway (link-local, private, shared); the
# ones that do not (Oracle Cloud's 192.0.0.192 counts as global to Python) are refused by name.
METADATA_ADDRESSES: frozenset[Address] = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "192.0.0.192")
)

# Names that never leave the machine or the site: RFC 6761 ``localhost``, mDNS ``.local``, the
# private-use ``.internal`` (where cloud metadata names live) and ``home.arpa``.
LOCAL_SUFFIXES = ("localhost", "local", "internal", "home.arpa", "localdomain")

NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")
_LEGACY_IPV4 = re.compile(r"[0-9a-fx.]+")


class DestinationError(ValueError):
    """The allow-list setting cannot be read (names the entry)."""


@dataclass(frozen=True)
class DestinationPolicy:
    allowed_hosts: frozenset[str] = frozenset()
    allowed_suffixes: tuple[str, ...] = ()
    """From ``*.example.com`` entries: every name ending in ``.example.com``."""
    allowed_networks: tuple[Network, ...] = ()

    @classmethod
    def from_setting(cls, text: str) -> DestinationPolicy:
        """Entries separated by commas or white space: host names, ``*.`` suffixes, addresses, networks."""
        hosts: set[str] = set()
        suffixes: list[str] = []
        networks: list[Network] = []
        for entry in re.split(r"[,\s]+", text.strip()):
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
                continue
            except ValueError:
                pass
            name = _normal_host(entry)
            if name.startswith("*."):
                suffixes.append(name[1:])
            elif name and "/" not in name and "*" not in name:
                hosts.add(name)
            else:
                raise DestinationError(f"not a host name, address or network: {entry!r}")
        return cls(frozenset(hosts), tuple(suffixes), tuple(networks))

    def allows_host(self, host: str) -> bool:
        name = _normal_host(host)
        return name in self.allowed_hosts or name.endswith(self.allowed_suffixes)

    def allows_address(self, address: Address) -> bool:
        return any(address in network for network in self.allowed_networks)

    def address_refusal(self, address: Address) -> str | None:
        """Why a connection to ``address`` is refused (None: allowed)."""
        if self.allows_address(address):
            return None
        return refusal_reason(address)

    def url_refusal(self, url: str) -> str | None:
        """At configuration: why ``url`` is refused without resolving it (None: accepted for now)."""
        host = urlsplit(url).hostname or ""
        if self.allows_host(host):
            return None
        literal = address_literal(host)
        if literal is not None:
            reason = self.address_refusal(literal)
            return None if reason is None else f"{literal} is {reason}"
        name = _normal_host(host)
        if "." not in name or name.endswith(LOCAL_SUFFIXES):
            return f"'{name}' is a local name"
        return None


def refusal_reason(address: Address) -> str | None:
    """What kind of non-public address this is, or None for a public one."""
    address = embedded_ipv4(address) or address
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    checks = (
        (address.is_loopback, "a loopback address"),
        (address.is_unspecified, "the unspecified address"),
        (address.is_link_local, "a link-local address"),
        (address.is_multicast, "a multicast address"),
        (address.is_private, "a private address"),
        (isinstance(address, ipaddress.IPv6Address) and address.is_site_local, "a site-local address"),
        (address.is_reserved, "a reserved address"),
        (not address.is_global, "not a public address"),
    )
    return next((reason for refused, reason in checks if refused), None)


def embedded_ipv4(address: Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, 6to4, NAT64): it is where the packets go."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in NAT64_PREFIX:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def address_literal(host: str) -> Address | None:
    """The address ``host`` denotes without DNS, including the legacy IPv4 spellings the system
    resolver accepts (``2130706433``, ``0x7f.1``, ``0177.0.0.1`` all mean 127.0.0.1)."""
    name = _normal_host(host)
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        pass
    if _LEGACY_IPV4.fullmatch(name):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(name))
        except OSError:
            return None
    return None


def _normal_host(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()
