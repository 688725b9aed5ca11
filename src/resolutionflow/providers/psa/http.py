"""The HTTP core every PSA provider shares: one httpx client, timeouts, retries, no redirects.

Retries: 429 honouring Retry-After, 5xx and transport failures with exponential backoff; never
400/401/403. A non-idempotent call (POST a note) is retried only when the PSA cannot have
stored it (429, or the connection never opened): a timeout after sending may have created the
note, and the outbox decides what to do about that by reading the ticket's notes first.
Redirects are never followed (a POST through a redirecting proxy loses its body); a 3xx is
logged and reported so the admin can point the base URL at the API host. Every connection goes
through the outbound policy (outbound/policy.py): the PSA's address is a tenant's choice.
"""

from __future__ import annotations

import asyncio
import logging
import random
import ssl
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import httpx

from resolutionflow.outbound.policy import OutboundPolicy, describe
from resolutionflow.providers.llm.errors import parse_retry_after
from resolutionflow.providers.psa.base import ErrorKind, PsaError

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
Explain = Callable[[httpx.Response], PsaError]


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 3
    backoff_base_s: float = 0.5
    backoff_max_s: float = 8.0
    # A longer Retry-After than this is "not now": give up and let the outbox come back later.
    retry_after_cap_s: float = 30.0


STATUS_KINDS: dict[int, ErrorKind] = {
    400: "invalid",
    401: "credentials",
    403: "permission",
    404: "not_found",
    409: "conflict",
    422: "invalid",
    429: "rate_limited",
}


def kind_for_status(status: int) -> ErrorKind:
    if status >= 500:
        return "server"
    if 300 <= status < 400:
        return "redirected"
    return STATUS_KINDS.get(status, "invalid")


@lru_cache(maxsize=1)
def _tls() -> ssl.SSLContext:
    # Building a TLS context (loading the CA bundle) takes ~30 ms, more than a whole push to a
    # nearby PSA; the outbox opens a client per push, so they share one, built as httpx would.
    return httpx.create_ssl_context()


class PsaHttp:
    """One PSA connection's HTTP client. `explain` turns a vendor's error reply into PsaError."""

    def __init__(
        self,
        base_url: str,
        *,
        headers: Mapping[str, str],
        explain: Explain,
        timeout_s: float = 20.0,
        policy: RetryPolicy | None = None,
        sleep: Sleep | None = None,
        secrets: tuple[str, ...] = (),
        outbound: OutboundPolicy | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._client = (outbound or OutboundPolicy.from_settings()).client(
            headers=dict(headers), timeout=timeout_s, verify=_tls()
        )
        self._explain = explain
        self.policy = policy or RetryPolicy()
        self._sleep: Sleep = sleep or asyncio.sleep
        self._secrets = tuple(s for s in secrets if s)

    def url(self, path: str) -> str:
        return path if path.startswith(("http://", "https://")) else self.base_url + path

    def _backoff(self, retry_number: int) -> float:
        ceiling = min(
            self.policy.backoff_max_s, self.policy.backoff_base_s * (2.0 ** (retry_number - 1))
        )
        return ceiling / 2 + random.random() * ceiling / 2

    def _scrub(self, message: str) -> str:
        for secret in self._secrets:
            message = message.replace(secret, "***")
        return message

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        data: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool | None = None,
    ) -> httpx.Response:
        """The response of a 2xx; PsaError for anything else, after the retries allowed."""
        if idempotent is None:
            idempotent = method.upper() in ("GET", "HEAD", "PUT", "DELETE")
        retries = 0
        while True:
            try:
                response = await self._client.request(
                    method, self.url(path), params=params, json=json, data=data, headers=headers
                )
            except httpx.InvalidURL as exc:
                # Not an HTTPError: a URL httpx cannot send to (control characters, say) must
                # still end as a PsaError, never escape as a 500.
                raise PsaError("unreachable", "The PSA address is not a valid URL.") from exc
            except httpx.HTTPError as exc:
                kind, words = describe(exc)
                if kind == "refused":
                    raise PsaError("refused", f"The PSA address was {words}.") from None
                never_sent = isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout))
                # The kind only ("unreachable", "TLS failed", "timed out"): never the exception's
                # text, and a filtered port reads like a closed one.
                error = PsaError("unreachable", f"Could not reach the PSA ({words}).")
                if (idempotent or never_sent) and retries < self.policy.max_retries:
                    retries += 1
                    await self._sleep(self._backoff(retries))
                    continue
                raise error from exc
            if response.status_code < 300:
                return response
            if 300 <= response.status_code < 400:
                log.warning(
                    "psa answered %s %s with a redirect (%s); not following it",
                    method,
                    response.url.path,
                    response.status_code,
                )
                raise PsaError(
                    "redirected",
                    f"The PSA answered with a redirect ({response.status_code}).",
                    status=response.status_code,
                )
            error = self._explain(response)
            error.message = self._scrub(error.message)
            # str(error) reads args, set from the unscrubbed message: keep them in step, since
            # PsaError promises a str() that is safe to log.
            error.args = (error.message,)
            if error.kind == "rate_limited":
                error.retry_after = parse_retry_after(dict(response.headers))
            delay = self._delay(error, retries, idempotent)
            if delay is None:
                raise error
            retries += 1
            log.info(
                "psa %s %s: %s, retry %d in %.2fs",
                method,
                response.url.path,
                response.status_code,
                retries,
                delay,
            )
            await self._sleep(delay)

    def _delay(self, error: PsaError, retries: int, idempotent: bool) -> float | None:
        if retries >= self.policy.max_retries:
            return None
        if error.kind == "rate_limited":
            wait = (
                error.retry_after if error.retry_after is not None else self._backoff(retries + 1)
            )
            return None if wait > self.policy.retry_after_cap_s else wait
        # A 5xx after a POST may still have stored it: the outbox checks before trying again.
        if error.kind == "server" and idempotent:
            return self._backoff(retries + 1)
        return None

    async def json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = await self.request(method, path, **kwargs)
        if not response.content:
            return None
        try:
            return response.json()
        except ValueError as exc:
            raise PsaError(
                "wrong_codebase",
                f"The PSA answered {path} with something that is not JSON.",
                status=response.status_code,
            ) from exc

    async def aclose(self) -> None:
        await self._client.aclose()


def error_message(response: httpx.Response, default: str) -> str:
    """The human part of a vendor's JSON error body, if any."""
    try:
        body = response.json()
    except ValueError:
        return default
    if isinstance(body, dict):
        for key in ("message", "Message", "error_description", "error"):
            value = body.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()[:300]
        errors = body.get("errors")
        if isinstance(errors, list) and errors:
            first = errors[0]
            if isinstance(first, dict) and isinstance(first.get("message"), str):
                return str(first["message"])[:300]
            if isinstance(first, str):
                return first[:300]
    return default


def generic_explain(vendor: str) -> Explain:
    def explain(response: httpx.Response) -> PsaError:
        kind = kind_for_status(response.status_code)
        default = f"{vendor} answered {response.status_code}."
        message = error_message(response, default)
        if message != default:
            message = f"{vendor} answered {response.status_code}: {message}"
        return PsaError(kind, message, status=response.status_code)

    return explain
