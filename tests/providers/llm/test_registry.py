"""build_provider picks the vendor named in the config."""

from __future__ import annotations

import pytest

from resolutionflow.providers.llm import LLMError, LLMProvider, ProviderConfig, build_provider
from resolutionflow.providers.llm.anthropic_provider import AnthropicProvider
from resolutionflow.providers.llm.openai_provider import OpenAIProvider


@pytest.mark.parametrize(
    ("name", "cls"), [("anthropic", AnthropicProvider), ("openai", OpenAIProvider)]
)
async def test_build_provider_by_name(name: str, cls: type) -> None:
    provider = build_provider(ProviderConfig(name, "sk-abc", "http://127.0.0.1:9"))  # type: ignore[arg-type]
    try:
        assert isinstance(provider, cls)
        assert isinstance(provider, LLMProvider)
        assert provider.name == name
    finally:
        await provider.aclose()


def test_unknown_provider_is_a_bad_request() -> None:
    with pytest.raises(LLMError) as caught:
        build_provider(ProviderConfig("gemini", "k"))  # type: ignore[arg-type]
    assert caught.value.kind == "bad_request"


def test_config_repr_hides_the_key() -> None:
    assert "sk-very-secret" not in repr(ProviderConfig("openai", "sk-very-secret"))
