"""What a request says about its client, believed only from configured proxies.

`X-Forwarded-For` and `X-Forwarded-Proto` can be sent by anyone; they count only when the direct
peer (`request.ip`) is one of `TRUSTED_PROXIES` (a comma-separated list of addresses), as behind a
reverse proxy that terminates TLS.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any, Mapping


def trusted_proxies(env: Mapping[str, str] = os.environ) -> frozenset[str]:
    """The addresses in TRUSTED_PROXIES (comma-separated; empty: trust no proxy)."""
    return frozenset(part.strip() for part in env.get("TRUSTED_PROXIES", "").split(",") if part.strip())


def _from_proxy(request: Any, trusted: frozenset[str]) -> bool:
    return bool(trusted) and getattr(request, "ip", None) in trusted


def is_https(request: Any, trusted: frozenset[str]) -> bool:
    """True when the request came over TLS: directly, or through a trusted proxy that says so."""
    if getattr(request, "scheme", "") == "https":
        return True
    proto = (request.headers.get("x-forwarded-proto") or "").split(",")[0].strip().lower()
    return _from_proxy(request, trusted) and proto == "https"


def address_key(address: str) -> str:
    """What a rate limit stores for a client address: a hash, never the address itself."""
    return hashlib.sha256(address.encode("utf-8", "replace")).hexdigest()[:32]


def client_address(request: Any, trusted: frozenset[str]) -> str:
    """The client's address: the peer, or through a trusted proxy the last untrusted address in
    X-Forwarded-For (the one the proxy itself saw)."""
    peer = getattr(request, "ip", "") or ""
    if not _from_proxy(request, trusted):
        return peer
    hops = [hop.strip() for hop in (request.headers.get("x-forwarded-for") or "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in trusted:
            return hop
    return peer
