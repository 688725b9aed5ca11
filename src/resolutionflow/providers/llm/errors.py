"""Turning vendor failures (HTTP statuses, error bodies, transport errors) into LLMError."""

from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Mapping
from typing import Any

from resolutionflow.providers.llm.base import LLMError

_STATUS_KINDS: dict[int, str] = {
    400: "bad_request",
    401: "auth",
    402: "permission",
    403: "permission",
    404: "not_found",
    408: "timeout",
    413: "bad_request",
    422: "bad_request",
    429: "rate_limited",
    529: "overloaded",
}

# Error `type` values in bodies; used when the status says nothing (an error event mid-stream).
_BODY_KINDS: dict[str, str] = {
    "invalid_request_error": "bad_request",
    "authentication_error": "auth",
    "permission_error": "permission",
    "billing_error": "permission",
    "not_found_error": "not_found",
    "request_too_large": "bad_request",
    "rate_limit_error": "rate_limited",
    "api_error": "server",
    "server_error": "server",
    "overloaded_error": "overloaded",
    "timeout_error": "timeout",
}

# Vendors echo part of a rejected key back ("Incorrect API key provided: sk-ab***yz").
_KEYLIKE = re.compile(r"\b(sk|key|api|org)[-_][A-Za-z0-9_\-*]{6,}", re.IGNORECASE)


def scrub(text: str, secret: str | None) -> str:
    """`text` without the API key or anything shaped like one."""
    if secret:
        text = text.replace(secret, "***")
    return _KEYLIKE.sub("***", text)


def parse_retry_after(
    headers: Mapping[str, str] | None, *, now: float | None = None
) -> float | None:
    """Seconds the server asked us to wait: `retry-after-ms`, or `retry-after` (seconds or an HTTP date)."""
    if not headers:
        return None
    lowered = {k.lower(): v for k, v in headers.items()}
    ms = lowered.get("retry-after-ms")
    if ms is not None:
        try:
            value = float(ms) / 1000.0
        except ValueError:
            value = -1.0
        if value >= 0:
            return value
    raw = lowered.get("retry-after")
    if raw is None:
        return None
    raw = raw.strip()
    try:
        seconds = float(raw)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    return max(0.0, seconds) if seconds == seconds else None  # NaN guard


def _body_error(body: object) -> tuple[str | None, str | None, str | None]:
    """(type, code, message) from an Anthropic or OpenAI error body, whichever shape it has."""
    if not isinstance(body, Mapping):
        return None, None, None
    err: Any = body.get("error", body)
    if not isinstance(err, Mapping):
        return None, None, str(err) if err else None
    etype = err.get("type")
    code = err.get("code")
    message = err.get("message")
    return (
        etype if isinstance(etype, str) else None,
        code if isinstance(code, str) else None,
        message if isinstance(message, str) else None,
    )


def status_error(
    status: int, headers: Mapping[str, str] | None, body: object, *, secret: str | None
) -> LLMError:
    """The LLMError for an HTTP error status (or an error event inside a 200 stream)."""
    etype, code, detail = _body_error(body)
    retry_after = parse_retry_after(headers)
    if 300 <= status < 400:
        # Redirects are not followed (the next hop is not checked, and a POST loses its body).
        return LLMError("redirected", status=status)
    kind = _STATUS_KINDS.get(status)
    if kind is None and status >= 500:
        kind = "server"
    if kind is None or status < 400:
        kind = _BODY_KINDS.get(etype or "", "server" if status < 400 else "bad_request")
    shown_status: int | None = status if status >= 400 else None

    if kind == "rate_limited" and code == "insufficient_quota":
        # OpenAI answers 429 for an exhausted balance; retrying cannot help.
        return LLMError(
            "permission",
            "The provider account has run out of credit or quota — check billing with the provider.",
            status=shown_status,
        )
    if kind == "permission" and (status == 402 or etype == "billing_error"):
        return LLMError(
            "permission",
            "The provider refused the request for billing reasons — check billing with the provider.",
            status=shown_status,
        )
    message: str | None = None
    if kind in {"bad_request", "not_found"} and detail:
        clean = scrub(detail, secret).strip().rstrip(".")[:300]
        if kind == "bad_request":
            message = f"The model provider refused the request ({clean}) — check the model name and AI settings."
        else:
            message = f"Not found at the model provider ({clean}) — check the model name and base URL in AI settings."
    return LLMError(kind, message, status=shown_status, retry_after=retry_after)


def timeout_error() -> LLMError:
    return LLMError("timeout")


def unreachable_error(words: str | None = None) -> LLMError:
    if words:
        return LLMError(
            "unreachable",
            f"Could not reach the model provider ({words}) — check the base URL and the network.",
        )
    return LLMError("unreachable")


def refused_error(words: str) -> LLMError:
    """The outbound policy refused the address ("refused: private address")."""
    return LLMError(
        "refused",
        f"The base URL's address is not allowed from this server ({words}) — use the "
        "provider's public address, or ask your administrator to allow it.",
    )


def malformed_error(what: str) -> LLMError:
    return LLMError(
        "malformed",
        f"The model's reply was not the structured answer asked for ({what}); try again or choose a more capable model.",
    )
