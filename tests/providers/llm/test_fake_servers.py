"""The fake vendor servers themselves: model lists through the real SDKs, raw bodies, SSE."""

from __future__ import annotations

import anthropic
import httpx
import openai

from tests.fakes.llm_servers import FakeAnthropic, FakeOpenAI, Reply, example_from_schema
from tests.providers.llm.conftest import API_KEY


async def test_anthropic_models_list(fake_anthropic: FakeAnthropic) -> None:
    client = anthropic.AsyncAnthropic(api_key=API_KEY, base_url=fake_anthropic.base_url)
    try:
        page = await client.models.list()
    finally:
        await client.close()
    assert [m.id for m in page.data] == fake_anthropic.models
    assert fake_anthropic.last_request["path"] == "/v1/models"


async def test_openai_models_list(fake_openai: FakeOpenAI) -> None:
    client = openai.AsyncOpenAI(api_key=API_KEY, base_url=fake_openai.base_url)
    try:
        page = await client.models.list()
    finally:
        await client.close()
    assert [m.id for m in page.data] == fake_openai.models


async def test_anthropic_stream_follows_the_event_sequence(fake_anthropic: FakeAnthropic) -> None:
    fake_anthropic.script(Reply(text="Hello there"))
    async with (
        httpx.AsyncClient() as client,
        client.stream(
            "POST",
            fake_anthropic.url + "/v1/messages",
            headers={"x-api-key": API_KEY},
            json={
                "model": "claude-haiku-4-5",
                "max_tokens": 10,
                "stream": True,
                "messages": [{"role": "user", "content": "hi"}],
            },
        ) as response,
    ):
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [
            line.removeprefix("event: ")
            async for line in response.aiter_lines()
            if line.startswith("event: ")
        ]
    assert events == [
        "message_start",
        "content_block_start",
        "ping",
        "content_block_delta",
        "content_block_delta",
        "content_block_stop",
        "message_delta",
        "message_stop",
    ]


async def test_openai_stream_ends_with_usage_then_done(fake_openai: FakeOpenAI) -> None:
    async with (
        httpx.AsyncClient() as client,
        client.stream(
            "POST",
            fake_openai.base_url + "/chat/completions",
            headers={"authorization": f"Bearer {API_KEY}"},
            json={
                "model": "gpt-4o-mini",
                "stream": True,
                "stream_options": {"include_usage": True},
                "messages": [{"role": "user", "content": "hi"}],
            },
        ) as response,
    ):
        data = [line async for line in response.aiter_lines() if line.startswith("data: ")]
    assert data[-1] == "data: [DONE]"
    assert '"choices": []' in data[-2] and '"usage": {' in data[-2]


async def test_literal_body_is_sent_as_is(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Reply(status=502, body="<html>Bad Gateway</html>"))
    async with httpx.AsyncClient() as client:
        response = await client.post(
            fake_openai.base_url + "/chat/completions",
            headers={"authorization": f"Bearer {API_KEY}"},
            json={"model": "m", "messages": [{"role": "user", "content": "x"}]},
        )
    assert response.status_code == 502
    assert response.text == "<html>Bad Gateway</html>"


def test_example_from_schema_satisfies_nested_shapes() -> None:
    schema = {
        "type": "object",
        "properties": {
            "priority": {"enum": ["high", "low"]},
            "steps": {"type": "array", "items": {"type": "string"}, "minItems": 2},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "owner": {"anyOf": [{"type": "string"}, {"type": "null"}]},
            "done": {"type": "boolean"},
        },
    }
    assert example_from_schema(schema) == {
        "priority": "high",
        "steps": ["example", "example"],
        "confidence": 0.0,
        "owner": "example",
        "done": True,
    }


def test_servers_stop_cleanly_even_with_a_slow_reply_pending() -> None:
    import threading

    before = threading.active_count()
    with FakeOpenAI() as server:
        server.script(Reply(delay_s=30))
        outcome: list[str] = []

        def slow_call() -> None:
            try:
                httpx.post(
                    server.base_url + "/chat/completions",
                    json={"model": "m", "messages": [{"role": "user", "content": "x"}]},
                    timeout=5,
                )
                outcome.append("answered")
            except httpx.HTTPError as exc:
                outcome.append(type(exc).__name__)

        thread = threading.Thread(target=slow_call, daemon=True)
        thread.start()
        while not server.requests:
            threading.Event().wait(0.01)
    thread.join(timeout=5)
    assert not thread.is_alive()
    assert outcome  # the pending call ended (answered early or cut off), it did not hang
    assert threading.active_count() <= before
