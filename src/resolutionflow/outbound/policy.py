"""The outbound policy: where a server-side request to a URL a tenant typed may go.

A team admin controls the PSA base URL, the ConnectWise site to discover, the Slack and Teams
webhooks and the LLM base URL. Each of those requests is made by this server, from inside the
operator's network, so without a policy a tenant could reach loopback services, the cloud
metadata endpoint or the office LAN through it. The rules:

- The name is resolved and every address it resolves to is checked; the connection then goes to
  an address that was checked (never a second lookup, so a DNS answer that changes between the
  check and the connect cannot slip through).
- Refused: loopback, private (RFC 1918, IPv6 unique local fc00::/7 and site-local), link-local
  (169.254/16, fe80::/10), shared CGNAT space (100.64/10), unspecified, multicast and every other
  reserved or non-global range, including the IPv4 inside IPv4-mapped, NAT64 and 6to4 addresses.
- Redirects are never followed (a 3xx is an answer, reported as such).
- `RESOLUTIONFLOW_OUTBOUND_ALLOW` (comma-separated CIDRs and host names, `*.corp.example` for a
  domain's subdomains) lets the operator permit an on-premises ConnectWise or Ollama.
- Failures name their kind only: "refused: private address", "unreachable", "TLS failed",
  "timed out"; a refused connection, a filtered port and an unknown name all read "unreachable".

URLs the installation itself configures (RESOLUTIONFLOW_LLM_BASE_URL, SMTP, embeddings) are the
operator's and do not go through this policy.

Both HTTP stacks in use get the same check at connect time: `httpx` (PSA clients, webhooks) and
`httpx2` (the anthropic and openai SDKs, through `http_client=`), by wrapping the network backend
of their connection pool.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpcore2
import httpx
import httpx2

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
#: (host, port) -> the addresses the name resolves to, as text.
Resolver = Callable[[str, int], Awaitable[list[str]]]

_CGNAT = ipaddress.IPv4Network("100.64.0.0/10")
_RFC1918 = tuple(
    ipaddress.IPv4Network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
)
_ULA = ipaddress.IPv6Network("fc00::/7")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class OutboundRefused(Exception):
    """The policy refused the destination; `reason` says what kind of address it is."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"refused: {reason}")


# Raised inside each HTTP stack as its own ConnectError, so the clients and SDKs treat it as a
# failed connection (no body was sent) while `describe()` still finds the reason.
class _RefusedCore(OutboundRefused, httpcore.ConnectError):
    pass


class _RefusedCore2(OutboundRefused, httpcore2.ConnectError):
    pass


def _embedded_v4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.sixtofour


def classify(ip: IPAddress) -> str | None:
    """What kind of non-public address `ip` is ("private address", ...), or None if public."""
    if isinstance(ip, ipaddress.IPv6Address):
        ip = ipaddress.IPv6Address(int(ip))  # without a zone id (fe80::1%eth0)
        inner = _embedded_v4(ip)
        if inner is not None:
            return classify(inner)
    if ip.is_unspecified:
        return "unspecified address"
    if ip.is_loopback:
        return "loopback address"
    if ip.is_link_local:
        return "link-local address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "shared (CGNAT) address"
    if ip.is_multicast:
        return "multicast address"
    if (isinstance(ip, ipaddress.IPv4Address) and any(ip in n for n in _RFC1918)) or (
        isinstance(ip, ipaddress.IPv6Address) and (ip in _ULA or ip.is_site_local)
    ):
        return "private address"
    if ip.is_reserved or not ip.is_global:
        return "reserved address"
    return None


def literal_address(host: str) -> IPAddress | None:
    """The address a URL's host names without DNS: an IP literal in any form the system
    resolver accepts ("127.1", "0x7f000001", "2130706433"), or loopback for localhost."""
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return ipaddress.IPv4Address("127.0.0.1")
    try:
        return ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        pass
    if host and all(c in "0123456789abcdefx." for c in host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )
    seen: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if address not in seen:
            seen.append(address)
    return seen


def _parse_allow(entries: str) -> tuple[tuple[IPNetwork, ...], frozenset[str], tuple[str, ...]]:
    networks: list[IPNetwork] = []
    hosts: set[str] = set()
    suffixes: list[str] = []
    for raw in entries.split(","):
        entry = raw.strip().lower().rstrip(".")
        if not entry:
            continue
        if entry[0].isdigit() or ":" in entry:
            try:
                networks.append(ipaddress.ip_network(entry, strict=False))
                continue
            except ValueError:
                if "/" in entry or ":" in entry:
                    raise ValueError(f"{raw.strip()!r} is not a CIDR or a host name") from None
        if entry.startswith("*."):
            suffixes.append(entry[1:])
        elif all(part and all(c.isalnum() or c == "-" for c in part) for part in entry.split(".")):
            hosts.add(entry)
        else:
            raise ValueError(f"{raw.strip()!r} is not a CIDR or a host name")
    return tuple(networks), frozenset(hosts), tuple(suffixes)


@dataclass(frozen=True)
class OutboundPolicy:
    """The rules above with one installation's allowlist. Build it with `parse()` or
    `from_settings()`; `resolver` is replaceable so tests can play DNS."""

    networks: tuple[IPNetwork, ...] = ()
    hosts: frozenset[str] = frozenset()
    suffixes: tuple[str, ...] = ()
    resolver: Resolver | None = field(default=None, compare=False, repr=False)

    @classmethod
    def parse(cls, allow: str, *, resolver: Resolver | None = None) -> OutboundPolicy:
        networks, hosts, suffixes = _parse_allow(allow)
        return cls(networks, hosts, suffixes, resolver)

    @classmethod
    def from_settings(cls) -> OutboundPolicy:
        from resolutionflow.config import get_settings

        return cls.parse(get_settings().outbound_allow)

    # -- the checks -----------------------------------------------------------------------------

    def host_allowed(self, host: str) -> bool:
        name = host.strip("[]").rstrip(".").lower()
        return name in self.hosts or any(name.endswith(s) for s in self.suffixes)

    def refusal(self, ip: IPAddress) -> str | None:
        """Why `ip` is refused, or None when it may be reached."""
        candidates: list[IPAddress] = [ip]
        if isinstance(ip, ipaddress.IPv6Address) and (inner := _embedded_v4(ip)) is not None:
            candidates.append(inner)
        if any(c.version == n.version and c in n for c in candidates for n in self.networks):
            return None
        return classify(ip)

    def check_url(self, url: str) -> str | None:
        """Save-time: "refused: private address" when the URL's host is a literal address the
        policy refuses (names are checked when connecting, since their answers change)."""
        try:
            host = urlsplit(url.strip()).hostname
        except ValueError:
            return None  # the caller's own URL checks report a URL that does not parse
        if not host or self.host_allowed(host):
            return None
        ip = literal_address(host)
        if ip is None:
            return None
        reason = self.refusal(ip)
        return f"refused: {reason}" if reason else None

    async def addresses(self, host: str, port: int) -> list[str]:
        """The addresses to connect to for `host`, every one of them checked.

        Raises OutboundRefused when any address the name resolves to is refused (a name that
        answers with a public and a private address is not trusted with either), OSError when
        it does not resolve."""
        name = host.strip("[]")
        try:
            found = [str(ipaddress.ip_address(name))]
        except ValueError:
            # A name, or an odd IPv4 spelling ("2130706433") the system resolver turns into one.
            found = await (self.resolver or system_resolver)(name, port)
        if not found:
            raise OSError(f"{name} did not resolve")
        if self.host_allowed(name):
            return found
        for address in found:
            reason = self.refusal(ipaddress.ip_address(address.split("%")[0]))
            if reason is not None:
                raise OutboundRefused(reason)
        return found

    # -- HTTP clients ---------------------------------------------------------------------------

    def transport(self, **kwargs: Any) -> httpx.AsyncHTTPTransport:
        """An httpx transport that connects only where this policy allows."""
        t = httpx.AsyncHTTPTransport(trust_env=False, **kwargs)
        pool = t._pool
        pool._network_backend = _Backend(self, pool._network_backend)
        return t

    def client(self, **kwargs: Any) -> httpx.AsyncClient:
        """An httpx client under this policy that never follows redirects. `verify` goes to
        the transport; everything else to the client."""
        transport = self.transport(verify=kwargs.pop("verify", True))
        return httpx.AsyncClient(transport=transport, follow_redirects=False, **kwargs)

    def transport2(self, **kwargs: Any) -> httpx2.AsyncHTTPTransport:
        """The same for httpx2 (the anthropic and openai SDKs, Authlib's OAuth client)."""
        t = httpx2.AsyncHTTPTransport(trust_env=False, **kwargs)
        pool = t._pool
        pool._network_backend = _Backend2(self, pool._network_backend)
        return t

    def client2(self, **kwargs: Any) -> httpx2.AsyncClient:
        """The same for httpx2, the client the anthropic and openai SDKs take as `http_client`."""
        t = self.transport2(verify=kwargs.pop("verify", True))
        return httpx2.AsyncClient(transport=t, follow_redirects=False, **kwargs)


class _Guard:
    """Resolves, checks, then connects the inner backend to a checked address. The TLS
    handshake that follows still names the host (SNI and certificate checks are unchanged)."""

    refused: type[OutboundRefused]
    connect_error: type[Exception]
    connect_timeout: type[Exception]

    def __init__(self, policy: OutboundPolicy, inner: Any) -> None:
        self._policy = policy
        self._inner = inner

    # `timeout` is part of httpcore's backend interface (ASYNC109 would have it a scope).
    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> Any:
        try:
            async with asyncio.timeout(timeout):
                addresses = await self._policy.addresses(host, port)
        except OutboundRefused as exc:
            raise self.refused(exc.reason) from None
        except (OSError, TimeoutError):
            # Unknown name, DNS down or slow: all "unreachable", like a closed port.
            raise self.connect_error("unreachable") from None
        last: BaseException | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address,
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (self.connect_error, self.connect_timeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109
        socket_options: Any = None,
    ) -> Any:
        raise self.refused("unix socket")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _Backend(_Guard, httpcore.AsyncNetworkBackend):
    refused = _RefusedCore
    connect_error = httpcore.ConnectError
    connect_timeout = httpcore.ConnectTimeout


class _Backend2(_Guard, httpcore2.AsyncNetworkBackend):
    refused = _RefusedCore2
    connect_error = httpcore2.ConnectError
    connect_timeout = httpcore2.ConnectTimeout


# -- describing failures ------------------------------------------------------------------------


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def refusal_of(exc: BaseException) -> OutboundRefused | None:
    """The policy's refusal behind `exc` (an httpx, httpx2 or SDK error), if that is what it is."""
    for e in _chain(exc):
        if isinstance(e, OutboundRefused):
            return e
    return None


_CONNECT_TIMEOUTS = (httpx.ConnectTimeout, httpx2.ConnectTimeout)
_TIMEOUTS = (httpx.TimeoutException, httpx2.TimeoutException, TimeoutError)


def is_connect_timeout(exc: BaseException) -> bool:
    return any(isinstance(e, _CONNECT_TIMEOUTS) for e in _chain(exc))


def describe(exc: BaseException) -> tuple[str, str]:
    """(kind, words) for a failed request: ("refused", "refused: private address"),
    ("tls", "TLS failed"), ("timeout", "timed out") or ("unreachable", "unreachable").

    Never the remote's words and never the exception's text, and a connect timeout (a filtered
    port) reads the same as a refused connection (a closed one)."""
    refused = refusal_of(exc)
    if refused is not None:
        return "refused", str(refused)
    chain = _chain(exc)
    if any(isinstance(e, ssl.SSLError | ssl.CertificateError) for e in chain):
        return "tls", "TLS failed"
    if is_connect_timeout(exc):
        return "unreachable", "unreachable"
    if any(isinstance(e, _TIMEOUTS) for e in chain):
        return "timeout", "timed out"
    return "unreachable", "unreachable"
