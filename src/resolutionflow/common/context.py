"""Where a request came from, for the audit log and sign-in throttling: the connecting peer, or,
when that peer is a reverse proxy named in RESOLUTIONFLOW_TRUSTED_PROXIES, the nearest address
in X-Forwarded-For that is not one of them. From anyone else the header is ignored, so a client
cannot pick the address it is recorded (and throttled) by."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass

from fastapi import Request

from resolutionflow.config import get_settings


@dataclass(frozen=True)
class ClientInfo:
    ip: str
    user_agent: str | None


Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _parse(value: str) -> Address | None:
    """An address as a hop writes it: bare, `1.2.3.4:port`, `[v6]` or `[v6]:port`."""
    value = value.strip()
    if value.startswith("["):
        value = value[1 : value.find("]")] if "]" in value else value
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _trusted(address: Address, proxies: Sequence[Network]) -> bool:
    return any(address in network for network in proxies)


def resolve(peer: str, forwarded_for: Sequence[str], proxies: Sequence[Network]) -> str:
    """The client's address. Each proxy appends the address it was connected from, so the list
    is read from the right; the first hop that is not a trusted proxy is the client. A hop that
    is not an address stops the walk at the proxy that wrote it (a misconfigured proxy must not
    let a client choose arbitrary text as its address)."""
    current = _parse(peer)
    if current is None:
        return peer[:64]
    if not proxies or not _trusted(current, proxies):
        return str(current)
    hops = [h for value in forwarded_for for h in value.split(",") if h.strip()]
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            return str(current)
        current = address
        if not _trusted(current, proxies):
            return str(current)
    # Every hop is a trusted proxy: the request started at one of them (a health check, say).
    return str(current)


def client_address(request: Request) -> str:
    peer = request.client.host if request.client else "unknown"
    return resolve(
        peer,
        request.headers.getlist("x-forwarded-for"),
        get_settings().trusted_proxy_networks,
    )


def client_info(request: Request) -> ClientInfo:
    ip = client_address(request)
    ua = request.headers.get("user-agent")
    if ua:
        # Headers are attacker-controlled and PostgreSQL refuses NUL in text.
        ua = "".join(ch for ch in ua if ch >= " " and ch != "\x7f")[:400] or None
    return ClientInfo(ip=ip[:64], user_agent=ua)
