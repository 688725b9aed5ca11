"""Small pieces both vendor modules share."""

from __future__ import annotations

import asyncio
import base64
import json
import re
from typing import Any

import httpx2

from resolutionflow.outbound import policy
from resolutionflow.providers.llm.base import (
    CompletionRequest,
    ImageInput,
    LLMError,
    ProviderConfig,
)
from resolutionflow.providers.llm.errors import (
    malformed_error,
    refused_error,
    status_error,
    timeout_error,
    unreachable_error,
)

SUPPORTED_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})

CHECK_PROMPT = "Reply with the single word: ok"


def outbound_client(config: ProviderConfig) -> httpx2.AsyncClient | None:
    """The SDK's HTTP client: under the outbound policy when the config carries one (a URL an
    account chose), else None for the SDK's own (the installation's URL)."""
    if config.outbound is None:
        return None
    # The SDKs' own defaults (their timeouts are set per request).
    return config.outbound.client2(
        timeout=httpx2.Timeout(timeout=600.0, connect=5.0),
        limits=httpx2.Limits(max_connections=1000, max_keepalive_connections=100),
    )


def b64(image: ImageInput) -> str:
    if image.media_type not in SUPPORTED_IMAGE_TYPES:
        raise LLMError(
            "bad_request",
            f"Images must be PNG, JPEG, GIF or WebP (got {image.media_type!r}); convert it and try again.",
        )
    return base64.b64encode(image.data).decode("ascii")


def check_request(req: CompletionRequest) -> None:
    """Refuse, before any network call, what neither vendor accepts."""
    if not req.messages:
        raise LLMError("bad_request", "A request needs at least one message.")
    if req.messages[0].role != "user":
        raise LLMError("bad_request", "The conversation must start with a user message.")
    for message in req.messages:
        if message.images and message.role != "user":
            raise LLMError("bad_request", "Images can only be attached to user messages.")
        for image in message.images:
            b64(image)  # validates the media type


def tool_name(schema_name: str) -> str:
    # Both vendors accept ^[a-zA-Z0-9_-]{1,64}$ for tool and schema names.
    cleaned = re.sub(r"[^a-zA-Z0-9_-]", "_", schema_name)[:64]
    return cleaned or "reply"


def map_sdk_error(exc: BaseException, sdk: Any, secret: str) -> LLMError | None:
    """The LLMError for an exception from `sdk` (the anthropic or openai module), or None if foreign.

    Both SDKs share the exception names; transport errors raised while reading a stream surface
    as raw httpx2 errors, so those are handled here too.
    """
    if isinstance(exc, LLMError):
        return exc
    refused = policy.refusal_of(exc)
    if refused is not None:
        return refused_error(str(refused))
    if isinstance(exc, sdk.APIConnectionError | httpx2.TransportError):
        kind, words = policy.describe(exc)
        if kind == "tls":
            return unreachable_error(words)
        if policy.is_connect_timeout(exc):
            # A filtered port reads as a closed one: either way nothing answered.
            return unreachable_error()
    if isinstance(exc, sdk.APITimeoutError | httpx2.TimeoutException | asyncio.TimeoutError):
        return timeout_error()
    if isinstance(exc, sdk.APIConnectionError | httpx2.TransportError):
        return unreachable_error()
    if isinstance(exc, sdk.APIStatusError):
        return status_error(exc.status_code, exc.response.headers, exc.body, secret=secret)
    if isinstance(exc, sdk.APIResponseValidationError | json.JSONDecodeError):
        return malformed_error("the provider's response could not be read")
    if isinstance(exc, sdk.APIError):
        return LLMError("server", "The model provider returned an error; try again shortly.")
    return None
