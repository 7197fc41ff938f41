"""Forwarded headers count only from a trusted proxy."""

from __future__ import annotations

from types import SimpleNamespace

from common.proxy import client_address, is_https, trusted_proxies


def request(ip: str, scheme: str = "http", **headers: str):
    return SimpleNamespace(ip=ip, scheme=scheme, headers={k.replace("_", "-"): v for k, v in headers.items()})


def test_trusted_proxies_are_read_from_the_environment():
    assert trusted_proxies({"TRUSTED_PROXIES": " 10.0.0.1, 10.0.0.2 ,"}) == {"10.0.0.1", "10.0.0.2"}
    assert trusted_proxies({}) == frozenset()


def test_forwarded_https_counts_only_from_a_trusted_proxy():
    trusted = frozenset({"10.0.0.1"})
    assert is_https(request("10.0.0.1", x_forwarded_proto="https"), trusted)
    assert not is_https(request("203.0.113.9", x_forwarded_proto="https"), trusted)
    assert not is_https(request("10.0.0.1", x_forwarded_proto="https"), frozenset())
    assert is_https(request("203.0.113.9", scheme="https"), frozenset())


def test_the_client_address_behind_a_trusted_proxy_is_the_last_untrusted_hop():
    trusted = frozenset({"10.0.0.1"})
    assert client_address(request("10.0.0.1", x_forwarded_for="1.2.3.4, 198.51.100.7"), trusted) == "198.51.100.7"
    assert client_address(request("10.0.0.1", x_forwarded_for="198.51.100.7, 10.0.0.1"), trusted) == "198.51.100.7"
    # a client's own X-Forwarded-For is ignored
    assert client_address(request("198.51.100.7", x_forwarded_for="1.1.1.1"), trusted) == "198.51.100.7"
    assert client_address(request("10.0.0.1"), trusted) == "10.0.0.1"
