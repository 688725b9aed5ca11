"""The OpenAI(-compatible) provider, with the real SDK, against a Chat Completions server."""

from __future__ import annotations

import base64

from resolutionflow.providers.llm import (
    Completion,
    CompletionRequest,
    ImageInput,
    Message,
    TextDelta,
)
from resolutionflow.providers.llm.openai_provider import OpenAIProvider
from tests.fakes.llm_servers import FakeOpenAI, Reply
from tests.providers.llm.conftest import API_KEY, config_for

SCHEMA = {
    "type": "object",
    "properties": {"summary": {"type": "string"}, "tags": {"type": "array"}},
    "required": ["summary"],
}
JPEG = b"\xff\xd8\xff\xe0fake-jpeg"


def request(**overrides: object) -> CompletionRequest:
    values: dict[str, object] = {
        "model": "gpt-4o-mini",
        "system": "You are FlowPilot, a copilot for MSP engineers.",
        "messages": (
            Message("user", "VPN drops every hour"),
            Message("assistant", "Which client?"),
            Message("user", "FortiClient 7.2"),
        ),
        "max_tokens": 200,
        "temperature": 0.3,
        "timeout_s": 5.0,
    }
    values.update(overrides)
    return CompletionRequest(**values)  # type: ignore[arg-type]


async def test_complete_sends_system_first_and_returns_text(
    openai_provider: OpenAIProvider, fake_openai: FakeOpenAI
) -> None:
    fake_openai.script(Reply(text="Check the DPD timer.", usage={"output_tokens": 5}))

    completion = await openai_provider.complete(request())

    assert completion.text == "Check the DPD timer."
    assert completion.stop_reason == "stop"
    assert completion.usage.output_tokens == 5
    sent = fake_openai.last_request
    assert sent["path"] == "/v1/chat/completions"
    assert sent["headers"]["authorization"] == f"Bearer {API_KEY}"
    assert sent["json"]["messages"] == [
        {"role": "system", "content": "You are FlowPilot, a copilot for MSP engineers."},
        {"role": "user", "content": "VPN drops every hour"},
        {"role": "assistant", "content": "Which client?"},
        {"role": "user", "content": "FortiClient 7.2"},
    ]
    assert sent["json"]["temperature"] == 0.3
    # A compatible server (Ollama, vLLM) gets the widely understood max_tokens.
    assert sent["json"]["max_tokens"] == 200


async def test_official_endpoint_gets_max_completion_tokens(fake_openai: FakeOpenAI) -> None:
    provider = OpenAIProvider(config_for("openai", fake_openai.base_url))
    provider._official = True  # as if base_url were api.openai.com
    try:
        await provider.complete(request(model="o4-mini"))
    finally:
        await provider.aclose()

    body = fake_openai.last_request["json"]
    assert body["max_completion_tokens"] == 200
    assert "max_tokens" not in body
    assert "temperature" not in body  # reasoning models take only the default


async def test_cached_prompt_tokens_are_reported_apart(
    openai_provider: OpenAIProvider, fake_openai: FakeOpenAI
) -> None:
    fake_openai.script(Reply(text="a"), Reply(text="b", usage={"cache_read_tokens": 40}))

    await openai_provider.complete(request())
    second = await openai_provider.complete(request())

    assert second.usage.cache_read_tokens == 40
    assert second.usage.input_tokens > 0


async def test_images_are_sent_as_data_urls(
    openai_provider: OpenAIProvider, fake_openai: FakeOpenAI
) -> None:
    message = Message("user", "Screenshot of the error", images=(ImageInput("image/jpeg", JPEG),))
    await openai_provider.complete(request(messages=(message,)))

    content = fake_openai.last_request["json"]["messages"][1]["content"]
    assert content == [
        {"type": "text", "text": "Screenshot of the error"},
        {
            "type": "image_url",
            "image_url": {"url": "data:image/jpeg;base64," + base64.b64encode(JPEG).decode()},
        },
    ]


async def test_structured_output_uses_a_json_schema_response_format(
    openai_provider: OpenAIProvider, fake_openai: FakeOpenAI
) -> None:
    fake_openai.script(Reply(json={"summary": "Reset the VPN profile", "tags": ["vpn"]}))

    completion = await openai_provider.complete(
        request(json_schema=SCHEMA, schema_name="ticket note")
    )

    assert completion.data == {"summary": "Reset the VPN profile", "tags": ["vpn"]}
    assert fake_openai.last_request["json"]["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "ticket_note", "schema": SCHEMA, "strict": False},
    }


async def test_structured_reply_in_a_markdown_fence_is_accepted(
    openai_provider: OpenAIProvider, fake_openai: FakeOpenAI
) -> None:
    fake_openai.script(Reply(raw_text='```json\n{"summary": "ok"}\n```'))

    completion = await openai_provider.complete(request(json_schema=SCHEMA))

    assert completion.data == {"summary": "ok"}


async def test_stream_yields_deltas_in_order_and_usage_at_the_end(
    openai_provider: OpenAIProvider, fake_openai: FakeOpenAI
) -> None:
    fake_openai.script(Reply(text="x", chunks=["Update ", "Forti", "Client."]))

    events = [e async for e in openai_provider.stream(request())]

    body = fake_openai.last_request["json"]
    assert body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}
    assert [e.text for e in events if isinstance(e, TextDelta)] == ["Update ", "Forti", "Client."]
    final = events[-1]
    assert isinstance(final, Completion)
    assert sum(isinstance(e, Completion) for e in events) == 1
    assert final.text == "Update FortiClient."
    assert final.stop_reason == "stop"
    assert final.usage.input_tokens > 0
    assert final.usage.output_tokens > 0


async def test_stream_of_structured_output_parses_at_the_end(
    openai_provider: OpenAIProvider, fake_openai: FakeOpenAI
) -> None:
    fake_openai.script(Reply(json={"summary": "done"}))

    events = [e async for e in openai_provider.stream(request(json_schema=SCHEMA))]

    final = events[-1]
    assert isinstance(final, Completion)
    assert final.data == {"summary": "done"}


async def test_check_makes_a_tiny_real_request(
    openai_provider: OpenAIProvider, fake_openai: FakeOpenAI
) -> None:
    assert await openai_provider.check("llama3.1:8b") == "openai: llama3.1:8b answered"
    assert fake_openai.last_request["json"]["model"] == "llama3.1:8b"


async def test_local_server_without_a_key_still_works(fake_openai: FakeOpenAI) -> None:
    fake_openai.api_key = None  # Ollama, LM Studio: no key at all
    provider = OpenAIProvider(config_for("openai", fake_openai.base_url, api_key=""))
    try:
        completion = await provider.complete(request(model="llama3.1:8b"))
    finally:
        await provider.aclose()

    assert completion.text.startswith("Fake openai reply to: FortiClient 7.2")
