"""The LLM capability: request/response shapes, the provider Protocol and the one error type."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

if TYPE_CHECKING:
    from resolutionflow.outbound.policy import OutboundPolicy

ErrorKind = Literal[
    "rate_limited",
    "overloaded",
    "server",
    "timeout",
    "unreachable",
    "auth",
    "permission",
    "bad_request",
    "not_found",
    "malformed",
    "refused",  # the outbound policy refused the base URL's address (never retried)
    "redirected",  # the base URL answered with a redirect, which is not followed
]

#: Kinds worth trying again later without changing anything.
RETRYABLE_KINDS: frozenset[str] = frozenset(
    {"rate_limited", "overloaded", "server", "timeout", "unreachable"}
)


@dataclass(frozen=True)
class ImageInput:
    media_type: str  # image/png, image/jpeg, image/gif, image/webp
    data: bytes

    def __repr__(self) -> str:  # never dump megabytes of image into logs
        return f"ImageInput(media_type={self.media_type!r}, data=<{len(self.data)} bytes>)"


@dataclass(frozen=True)
class Message:
    role: Literal["user", "assistant"]
    content: str
    images: tuple[ImageInput, ...] = ()


@dataclass(frozen=True)
class CompletionRequest:
    model: str
    system: str  # stable instructions: the cacheable prefix
    messages: tuple[Message, ...]
    max_tokens: int = 1024
    temperature: float = 0.2
    json_schema: dict[str, Any] | None = None  # ask for structured output matching this schema
    schema_name: str = "reply"
    timeout_s: float = 30.0


@dataclass(frozen=True)
class Usage:
    """Token counts. `input_tokens` excludes the cached prefix (Anthropic's convention; OpenAI's
    cached tokens are subtracted from its prompt count), so the four parts add up and price apart."""

    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0

    @property
    def total_input_tokens(self) -> int:
        return self.input_tokens + self.cache_read_tokens + self.cache_write_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.input_tokens + other.input_tokens,
            self.output_tokens + other.output_tokens,
            self.cache_read_tokens + other.cache_read_tokens,
            self.cache_write_tokens + other.cache_write_tokens,
        )


@dataclass(frozen=True)
class Completion:
    text: str
    data: dict[str, Any] | None  # the parsed structured output when the request had a json_schema
    model: str
    usage: Usage
    stop_reason: str | None
    attempts: int = 1


@dataclass(frozen=True)
class TextDelta:
    text: str


#: A stream yields TextDelta* and then exactly one Completion, last.
StreamEvent = TextDelta | Completion


_DEFAULT_MESSAGES: dict[str, str] = {
    "rate_limited": "Rate limited by the provider; try again shortly.",
    "overloaded": "The model provider is overloaded right now; try again in a minute.",
    "server": "The model provider had an internal error; try again shortly.",
    "timeout": "The model provider did not answer in time; try again or raise the timeout.",
    "unreachable": "Could not reach the model provider — check the base URL and the network.",
    "auth": "The model provider rejected the API key — check it in AI settings.",
    "permission": "The API key is not allowed to use this model or feature — check the key's permissions in AI settings.",
    "bad_request": "The model provider refused the request as invalid — check the model name and settings.",
    "not_found": "The model or endpoint was not found — check the model name and base URL in AI settings.",
    "malformed": "The model's reply did not match the expected format; try again.",
    "refused": "The base URL's address is not allowed from this server (refused) — use the provider's public address, or ask your administrator to allow it.",
    "redirected": "The base URL answered with a redirect, which is not followed — use the address it redirects to.",
}


class LLMError(Exception):
    """Every failure of an LLM provider, as one type with a `kind` callers branch on.

    `message` is a plain sentence saying what to do; it never contains the API key.
    """

    kind: str
    status: int | None
    retry_after: float | None
    message: str

    def __init__(
        self,
        kind: ErrorKind | str,
        message: str | None = None,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.kind = kind
        self.status = status
        self.retry_after = retry_after
        self.message = message or _DEFAULT_MESSAGES.get(kind, "The model provider failed.")
        super().__init__(self.message)

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE_KINDS

    def __repr__(self) -> str:
        return (
            f"LLMError(kind={self.kind!r}, status={self.status!r}, "
            f"retry_after={self.retry_after!r}, message={self.message!r})"
        )


@runtime_checkable
class LLMProvider(Protocol):
    name: str  # "anthropic" | "openai"

    async def complete(self, req: CompletionRequest) -> Completion: ...

    def stream(self, req: CompletionRequest) -> AsyncIterator[StreamEvent]: ...

    async def check(self, model: str) -> str:
        """A tiny real request ("test connection"); a short description, or raises LLMError."""
        ...

    async def aclose(self) -> None: ...


@dataclass(frozen=True)
class ProviderConfig:
    provider: Literal["anthropic", "openai"]
    api_key: str = field(repr=False)
    base_url: str | None = None
    max_retries: int = 3
    backoff_base_s: float = 0.5
    backoff_max_s: float = 8.0
    # Set when the base URL is not the installation's own: every connection is then checked
    # against the outbound policy (outbound/policy.py) and redirects are not followed.
    outbound: OutboundPolicy | None = None
