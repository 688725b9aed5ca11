"""List-price estimates by model family."""

from __future__ import annotations

import pytest

from resolutionflow.providers.llm import Usage
from resolutionflow.providers.llm.pricing import estimate_cost_usd

MILLION = Usage(input_tokens=1_000_000, output_tokens=1_000_000)


@pytest.mark.parametrize(
    ("provider", "model", "usd"),
    [
        ("anthropic", "claude-haiku-4-5", 6.0),
        ("anthropic", "claude-3-5-haiku-20241022", 4.8),
        ("anthropic", "claude-sonnet-4-6", 18.0),
        ("anthropic", "claude-3-7-sonnet-latest", 18.0),
        ("anthropic", "claude-opus-4-1-20250805", 90.0),
        ("anthropic", "claude-opus-4-7", 30.0),
        ("openai", "gpt-4o", 12.5),
        ("openai", "gpt-4o-2024-08-06", 12.5),
        ("openai", "gpt-4o-mini", 0.75),
        ("openai", "gpt-4.1", 10.0),
        ("openai", "gpt-4.1-mini-2025-04-14", 2.0),
        ("openai", "gpt-4.1-nano", 0.5),
    ],
)
def test_known_families_by_prefix(provider: str, model: str, usd: float) -> None:
    assert estimate_cost_usd(provider, model, MILLION) == pytest.approx(usd)


@pytest.mark.parametrize("model", ["llama3.1:8b", "qwen2.5-coder", "mistral-small"])
def test_local_models_have_no_price(model: str) -> None:
    assert estimate_cost_usd("openai", model, MILLION) is None


def test_cache_reads_are_cheaper_and_writes_dearer() -> None:
    base = estimate_cost_usd("anthropic", "claude-sonnet-4-6", Usage(input_tokens=1_000_000))
    read = estimate_cost_usd("anthropic", "claude-sonnet-4-6", Usage(cache_read_tokens=1_000_000))
    write = estimate_cost_usd("anthropic", "claude-sonnet-4-6", Usage(cache_write_tokens=1_000_000))
    assert base == pytest.approx(3.0)
    assert read == pytest.approx(0.3)
    assert write == pytest.approx(3.75)
    cached = estimate_cost_usd("openai", "gpt-4o-mini", Usage(cache_read_tokens=1_000_000))
    assert cached == pytest.approx(0.075)
