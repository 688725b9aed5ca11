"""Sign-in throttling's buckets: which addresses count as one client."""

from __future__ import annotations

import ipaddress


def throttle_bucket(address: str) -> str:
    """What failures are counted against: the address, or for IPv6 its /64, since one machine
    usually holds a whole /64 and could otherwise take a fresh address for every guess."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address[:64]
    if isinstance(parsed, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)
