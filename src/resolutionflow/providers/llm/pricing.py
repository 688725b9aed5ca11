"""List prices per million tokens, for showing what AI use costs. Estimates, not invoices."""

from __future__ import annotations

from dataclasses import dataclass

from resolutionflow.providers.llm.base import Usage


@dataclass(frozen=True)
class Price:
    input: float
    output: float
    cache_read: float
    cache_write: float


def _anthropic(input_: float, output: float) -> Price:
    # Prompt caching: reads cost a tenth of input, 5-minute writes a quarter more than input.
    return Price(input_, output, input_ * 0.1, input_ * 1.25)


def _openai(input_: float, output: float, cached: float) -> Price:
    return Price(input_, output, cached, input_)  # OpenAI charges no premium for cache writes


# USD per million tokens. Matched by the longest model-name prefix, so dated snapshots
# ("claude-sonnet-4-20250514", "gpt-4o-2024-08-06") find their family.
PRICES: dict[str, dict[str, Price]] = {
    "anthropic": {
        "claude-opus": _anthropic(5.0, 25.0),  # Opus 4.5 and later
        "claude-opus-4-0": _anthropic(15.0, 75.0),
        "claude-opus-4-1": _anthropic(15.0, 75.0),
        "claude-opus-4-2025": _anthropic(15.0, 75.0),
        "claude-3-opus": _anthropic(15.0, 75.0),
        "claude-sonnet": _anthropic(3.0, 15.0),
        "claude-3-7-sonnet": _anthropic(3.0, 15.0),
        "claude-3-5-sonnet": _anthropic(3.0, 15.0),
        "claude-haiku": _anthropic(1.0, 5.0),  # Haiku 4.5 and later
        "claude-3-5-haiku": _anthropic(0.8, 4.0),
        "claude-3-haiku": _anthropic(0.25, 1.25),
    },
    "openai": {
        "gpt-4o": _openai(2.5, 10.0, 1.25),
        "gpt-4o-mini": _openai(0.15, 0.6, 0.075),
        "gpt-4.1": _openai(2.0, 8.0, 0.5),
        "gpt-4.1-mini": _openai(0.4, 1.6, 0.1),
        "gpt-4.1-nano": _openai(0.1, 0.4, 0.025),
    },
}


def price_for(provider: str, model: str) -> Price | None:
    table = PRICES.get(provider, {})
    name = model.lower().removeprefix("anthropic/").removeprefix("openai/")
    best: str | None = None
    for prefix in table:
        if name.startswith(prefix) and (best is None or len(prefix) > len(best)):
            best = prefix
    return table[best] if best is not None else None


def estimate_cost_usd(provider: str, model: str, usage: Usage) -> float | None:
    """Estimated list-price cost of one call; None for models without a known price (local ones)."""
    price = price_for(provider, model)
    if price is None:
        return None
    total = (
        usage.input_tokens * price.input
        + usage.output_tokens * price.output
        + usage.cache_read_tokens * price.cache_read
        + usage.cache_write_tokens * price.cache_write
    )
    return total / 1_000_000
