"""The destination policy: which webhook URLs and resolved addresses are refused, and what the
operator's allow-list (``LOYALTY_WEBHOOK_ALLOWED_DESTINATIONS``) lets through."""

from __future__ import annotations

import ipaddress

import pytest

from loyalty.app.messaging.destinations import DestinationError, DestinationPolicy
from loyalty.settings import Settings

DEFAULT = DestinationPolicy()


@pytest.mark.parametrize(
    ("url", "refusal"),
    [
        ("http://127.0.0.1:8080/hook", "127.0.0.1 is a loopback address"),
        ("http://[::1]/hook", "::1 is a loopback address"),
        ("http://2130706433/hook", "127.0.0.1 is a loopback address"),  # 127.0.0.1 as one number
        ("http://0x7f.1/hook", "127.0.0.1 is a loopback address"),
        ("http://0177.0.0.1/hook", "127.0.0.1 is a loopback address"),
        ("http://[::ffff:127.0.0.1]/hook", "::ffff:7f00:1 is a loopback address"),
        ("http://[2002:7f00:1::]/hook", "2002:7f00:1:: is a loopback address"),  # 6to4 around 127.0.0.1
        ("http://[64:ff9b::a00:1]/hook", "64:ff9b::a00:1 is a private address"),  # NAT64 of 10.0.0.1
        ("http://10.1.2.3/hook", "10.1.2.3 is a private address"),
        ("http://172.16.0.1/hook", "172.16.0.1 is a private address"),
        ("http://192.168.1.1/hook", "192.168.1.1 is a private address"),
        ("http://[fd12::1]/hook", "fd12::1 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address"),
        ("http://[fd00:ec2::254]/", "fd00:ec2::254 is a cloud metadata address"),
        ("http://100.100.100.200/", "100.100.100.200 is a cloud metadata address"),
        ("http://192.0.0.192/", "192.0.0.192 is a cloud metadata address"),
        ("http://169.254.10.20/", "169.254.10.20 is a link-local address"),
        ("http://[fe80::1]/", "fe80::1 is a link-local address"),
        ("http://224.0.0.1/", "224.0.0.1 is a multicast address"),
        ("http://[ff02::1]/", "ff02::1 is a multicast address"),
        ("http://0.0.0.0/", "0.0.0.0 is the unspecified address"),
        ("http://[::]/", ":: is the unspecified address"),
        ("http://240.0.0.1/", "240.0.0.1 is a private address"),
        ("http://100.64.0.1/", "100.64.0.1 is not a public address"),  # carrier-grade NAT
        ("http://localhost:8000/", "'localhost' is a local name"),
        ("http://api.localhost/", "'api.localhost' is a local name"),
        ("http://metadata.google.internal/computeMetadata/v1/", "'metadata.google.internal' is a local name"),
        ("http://printer.local/", "'printer.local' is a local name"),
        ("http://redis:6379/", "'redis' is a local name"),  # one label: found through search domains
        ("https://crm.example.com/hook", None),
        ("https://93.184.215.14/hook", None),
        ("https://[2606:4700::1111]/hook", None),
    ],
)
def test_by_default_only_public_destinations_are_accepted(url: str, refusal: str | None) -> None:
    assert DEFAULT.url_refusal(url) == refusal


def test_the_allow_list_admits_listed_hosts_suffixes_addresses_and_networks() -> None:
    policy = DestinationPolicy.from_setting("127.0.0.1, 10.20.0.0/16 localhost *.svc.cluster.local")
    assert policy.url_refusal("http://127.0.0.1:9000/hook") is None
    assert policy.url_refusal("http://10.20.3.4/hook") is None
    assert policy.url_refusal("http://localhost:8000/hook") is None
    assert policy.url_refusal("http://crm.shop.svc.cluster.local/hook") is None
    assert policy.url_refusal("http://127.0.0.2/hook") == "127.0.0.2 is a loopback address"
    assert policy.url_refusal("http://10.21.0.1/hook") == "10.21.0.1 is a private address"
    assert policy.allows_host("crm.shop.svc.cluster.local") is True
    assert policy.allows_host("svc.cluster.local.evil.example") is False
    assert policy.allows_host("evilsvc.cluster.local") is False
    assert policy.address_refusal(ipaddress.ip_address("10.20.255.255")) is None
    assert policy.address_refusal(ipaddress.ip_address("169.254.169.254")) == "a cloud metadata address"


def test_an_unreadable_allow_list_entry_stops_the_start_naming_it() -> None:
    with pytest.raises(DestinationError, match="'hooks/api'"):
        DestinationPolicy.from_setting("10.0.0.0/8, hooks/api")
    with pytest.raises(ValueError, match="webhook_allowed_destinations"):
        Settings(webhook_allowed_destinations="10.0.0.0/33")


def test_the_allow_list_is_empty_by_default() -> None:
    assert Settings().webhook_allowed_destinations is None
    assert DestinationPolicy.from_setting("") == DestinationPolicy()
