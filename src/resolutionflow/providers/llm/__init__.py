"""LLM providers: Anthropic and OpenAI-compatible chat models behind one small interface.

    provider = build_provider(ProviderConfig("anthropic", api_key=key))
    completion = await provider.complete(CompletionRequest(model=..., system=..., messages=...))
    async with contextlib.aclosing(provider.stream(req)) as events:   # TextDelta*, then Completion
        ...
    await provider.aclose()

Every failure is an LLMError whose `kind` says what happened and whose `message` says what to do.
Retries (429/529/5xx/timeouts/connection errors, honouring Retry-After) happen inside.
"""

from __future__ import annotations

from collections.abc import Callable

from resolutionflow.providers.llm.base import (
    RETRYABLE_KINDS,
    Completion,
    CompletionRequest,
    ErrorKind,
    ImageInput,
    LLMError,
    LLMProvider,
    Message,
    ProviderConfig,
    StreamEvent,
    TextDelta,
    Usage,
)


def _anthropic(config: ProviderConfig) -> LLMProvider:
    from resolutionflow.providers.llm.anthropic_provider import AnthropicProvider

    factory: Callable[[ProviderConfig], LLMProvider] = AnthropicProvider
    return factory(config)


def _openai(config: ProviderConfig) -> LLMProvider:
    from resolutionflow.providers.llm.openai_provider import OpenAIProvider

    factory: Callable[[ProviderConfig], LLMProvider] = OpenAIProvider
    return factory(config)


#: The explicit registry: provider name -> factory. Vendor SDKs are imported on first use.
PROVIDERS: dict[str, Callable[[ProviderConfig], LLMProvider]] = {
    "anthropic": _anthropic,
    "openai": _openai,
}


def build_provider(config: ProviderConfig) -> LLMProvider:
    """The provider named by `config.provider`, ready to use; close it with `aclose()`."""
    try:
        factory = PROVIDERS[config.provider]
    except KeyError:
        raise LLMError(
            "bad_request",
            f"Unknown LLM provider {config.provider!r}; choose one of: {', '.join(PROVIDERS)}.",
        ) from None
    return factory(config)


__all__ = [
    "PROVIDERS",
    "RETRYABLE_KINDS",
    "Completion",
    "CompletionRequest",
    "ErrorKind",
    "ImageInput",
    "LLMError",
    "LLMProvider",
    "Message",
    "ProviderConfig",
    "StreamEvent",
    "TextDelta",
    "Usage",
    "build_provider",
]
