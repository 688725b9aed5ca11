"""The Anthropic provider, with the real SDK, against a server speaking the Messages API."""

from __future__ import annotations

import base64

from resolutionflow.providers.llm import (
    Completion,
    CompletionRequest,
    ImageInput,
    Message,
    TextDelta,
)
from resolutionflow.providers.llm.anthropic_provider import AnthropicProvider
from tests.fakes.llm_servers import FakeAnthropic, Reply
from tests.providers.llm.conftest import API_KEY

SCHEMA = {
    "type": "object",
    "properties": {
        "likely_cause": {"type": "string"},
        "suggested_steps": {"type": "array", "items": {"type": "string"}},
        "confidence": {"type": "number"},
    },
    "required": ["likely_cause", "suggested_steps"],
}
PNG = b"\x89PNG\r\n\x1a\nfake-image-bytes"


def request(**overrides: object) -> CompletionRequest:
    values: dict[str, object] = {
        "model": "claude-haiku-4-5",
        "system": "You are FlowPilot, a copilot for MSP engineers.",
        "messages": (Message("user", "Outlook will not start after the update"),),
        "max_tokens": 300,
        "timeout_s": 5.0,
    }
    values.update(overrides)
    return CompletionRequest(**values)  # type: ignore[arg-type]


async def test_complete_returns_text_usage_and_stop_reason(
    anthropic_provider: AnthropicProvider, fake_anthropic: FakeAnthropic
) -> None:
    fake_anthropic.script(Reply(text="Start Outlook in safe mode.", usage={"output_tokens": 6}))

    completion = await anthropic_provider.complete(request())

    assert completion.text == "Start Outlook in safe mode."
    assert completion.data is None
    assert completion.model == "claude-haiku-4-5"
    assert completion.stop_reason == "end_turn"
    assert completion.usage.output_tokens == 6
    assert completion.usage.input_tokens > 0
    assert completion.attempts == 1


async def test_request_carries_model_messages_and_key(
    anthropic_provider: AnthropicProvider, fake_anthropic: FakeAnthropic
) -> None:
    await anthropic_provider.complete(request())

    sent = fake_anthropic.last_request
    assert sent["path"] == "/v1/messages"
    assert sent["headers"]["authorization"] == f"Bearer {API_KEY}"
    assert sent["headers"]["anthropic-version"]
    body = sent["json"]
    assert body["model"] == "claude-haiku-4-5"
    assert body["max_tokens"] == 300
    assert body["messages"] == [
        {
            "role": "user",
            "content": [{"type": "text", "text": "Outlook will not start after the update"}],
        }
    ]
    assert "temperature" not in body  # rejected by API version 2026-10-21
    assert "stream" not in body or body["stream"] is False


async def test_system_prompt_is_marked_for_prompt_caching(
    anthropic_provider: AnthropicProvider, fake_anthropic: FakeAnthropic
) -> None:
    first = await anthropic_provider.complete(request())
    second = await anthropic_provider.complete(request())

    assert fake_anthropic.requests[0]["json"]["system"] == [
        {
            "type": "text",
            "text": "You are FlowPilot, a copilot for MSP engineers.",
            "cache_control": {"type": "ephemeral"},
        }
    ]
    # The fake reports a cache write, then a read, as the real API does for a repeated prefix.
    assert first.usage.cache_write_tokens > 0 and first.usage.cache_read_tokens == 0
    assert second.usage.cache_read_tokens == first.usage.cache_write_tokens
    assert second.usage.cache_write_tokens == 0


async def test_images_are_sent_as_base64_blocks_before_the_text(
    anthropic_provider: AnthropicProvider, fake_anthropic: FakeAnthropic
) -> None:
    message = Message("user", "What does this error say?", images=(ImageInput("image/png", PNG),))
    await anthropic_provider.complete(request(messages=(message,)))

    content = fake_anthropic.last_request["json"]["messages"][0]["content"]
    assert content == [
        {
            "type": "image",
            "source": {
                "type": "base64",
                "media_type": "image/png",
                "data": base64.b64encode(PNG).decode(),
            },
        },
        {"type": "text", "text": "What does this error say?"},
    ]


async def test_structured_output_uses_one_forced_tool(
    anthropic_provider: AnthropicProvider, fake_anthropic: FakeAnthropic
) -> None:
    answer = {"likely_cause": "A COM add-in", "suggested_steps": ["Disable add-ins"]}
    fake_anthropic.script(Reply(json=answer))

    completion = await anthropic_provider.complete(
        request(json_schema=SCHEMA, schema_name="assessment")
    )

    assert completion.data == answer
    assert completion.stop_reason == "tool_use"
    body = fake_anthropic.last_request["json"]
    assert body["tools"] == [
        {
            "name": "assessment",
            "description": "Record the answer in exactly this structure.",
            "input_schema": SCHEMA,
        }
    ]
    assert body["tool_choice"] == {"type": "tool", "name": "assessment"}


async def test_stream_yields_deltas_in_order_then_one_completion(
    anthropic_provider: AnthropicProvider, fake_anthropic: FakeAnthropic
) -> None:
    fake_anthropic.script(Reply(text="unused", chunks=["Check ", "the ", "add-ins", "."]))

    events = [event async for event in anthropic_provider.stream(request())]

    assert fake_anthropic.last_request["json"]["stream"] is True
    deltas = [e for e in events[:-1] if isinstance(e, TextDelta)]
    assert [d.text for d in deltas] == ["Check ", "the ", "add-ins", "."]
    assert len(deltas) == len(events) - 1
    final = events[-1]
    assert isinstance(final, Completion)
    assert final.text == "Check the add-ins."
    assert final.stop_reason == "end_turn"
    assert final.usage.input_tokens > 0
    assert final.usage.output_tokens > 0
    assert final.usage.cache_write_tokens > 0
    assert final.attempts == 1


async def test_stream_of_structured_output_parses_the_tool_input(
    anthropic_provider: AnthropicProvider, fake_anthropic: FakeAnthropic
) -> None:
    answer = {"likely_cause": "Profile corruption", "suggested_steps": ["New profile", "Repair"]}
    fake_anthropic.script(Reply(json=answer))

    events = [e async for e in anthropic_provider.stream(request(json_schema=SCHEMA))]

    final = events[-1]
    assert isinstance(final, Completion)
    assert final.data == answer
    assert "".join(e.text for e in events if isinstance(e, TextDelta)) == final.text


async def test_default_structured_reply_follows_the_schema(
    anthropic_provider: AnthropicProvider,
) -> None:
    completion = await anthropic_provider.complete(request(json_schema=SCHEMA))

    assert completion.data is not None
    assert isinstance(completion.data["likely_cause"], str)
    assert isinstance(completion.data["suggested_steps"], list)


async def test_check_makes_a_tiny_real_request(
    anthropic_provider: AnthropicProvider, fake_anthropic: FakeAnthropic
) -> None:
    description = await anthropic_provider.check("claude-sonnet-4-6")

    assert description == "anthropic: claude-sonnet-4-6 answered"
    body = fake_anthropic.last_request["json"]
    assert body["model"] == "claude-sonnet-4-6"
    assert body["max_tokens"] <= 16
