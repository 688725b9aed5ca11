"""Anthropic's Messages API through the official SDK: prompt caching, forced-tool structured output."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from typing import Any

import anthropic

from resolutionflow.providers.llm._common import (
    CHECK_PROMPT,
    b64,
    check_request,
    map_sdk_error,
    outbound_client,
    tool_name,
)
from resolutionflow.providers.llm.base import (
    Completion,
    CompletionRequest,
    LLMError,
    Message,
    ProviderConfig,
    StreamEvent,
    TextDelta,
    Usage,
)
from resolutionflow.providers.llm.retry import Retrier, RetryPolicy, Sleep
from resolutionflow.providers.llm.structured import parse_object


class AnthropicProvider:
    """`temperature` is not sent: API version 2026-10-21 (SDK 2.x) rejects sampling parameters."""

    name = "anthropic"

    def __init__(
        self,
        config: ProviderConfig,
        *,
        sleep: Sleep | None = None,
        rand: Callable[[], float] | None = None,
    ) -> None:
        self._secret = config.api_key
        self._client = anthropic.AsyncAnthropic(
            api_key=config.api_key,
            base_url=config.base_url,
            max_retries=0,  # retries are ours: testable, and they honour Retry-After
            timeout=30.0,  # replaced per request by CompletionRequest.timeout_s
            http_client=outbound_client(config),
        )
        self._retrier = Retrier(RetryPolicy.from_config(config), sleep=sleep, rand=rand)

    def __repr__(self) -> str:
        return f"AnthropicProvider(base_url={str(self._client.base_url)!r})"

    async def complete(self, req: CompletionRequest) -> Completion:
        check_request(req)
        params = self._params(req)

        async def attempt() -> Completion:
            try:
                async with asyncio.timeout(req.timeout_s):
                    message = await self._client.messages.create(**params, timeout=req.timeout_s)
            except Exception as exc:
                raise self._error(exc) from None
            return self._completion(message, req)

        completion, attempts = await self._retrier.call(attempt)
        return dataclasses.replace(completion, attempts=attempts)

    def stream(self, req: CompletionRequest) -> AsyncIterator[StreamEvent]:
        check_request(req)
        return self._retrier.stream(lambda: self._stream_once(req))

    async def check(self, model: str) -> str:
        completion = await self.complete(
            CompletionRequest(
                model=model,
                system="",
                messages=(Message("user", CHECK_PROMPT),),
                max_tokens=8,
                timeout_s=20.0,
            )
        )
        return f"anthropic: {completion.model or model} answered"

    async def aclose(self) -> None:
        await self._client.close()

    # -- wire format ---------------------------------------------------------------------------

    def _params(self, req: CompletionRequest) -> dict[str, Any]:
        params: dict[str, Any] = {
            "model": req.model,
            "max_tokens": req.max_tokens,
            "messages": [_message(m) for m in req.messages],
        }
        if req.system:
            # The stable instructions go first and are marked as the cacheable prefix.
            params["system"] = [
                {"type": "text", "text": req.system, "cache_control": {"type": "ephemeral"}}
            ]
        if req.json_schema is not None:
            name = tool_name(req.schema_name)
            params["tools"] = [
                {
                    "name": name,
                    "description": "Record the answer in exactly this structure.",
                    "input_schema": req.json_schema,
                }
            ]
            params["tool_choice"] = {"type": "tool", "name": name}
        return params

    def _completion(self, message: Any, req: CompletionRequest) -> Completion:
        text_parts: list[str] = []
        tool_input: dict[str, Any] | None = None
        for block in message.content:
            if block.type == "text":
                text_parts.append(block.text)
            elif block.type == "tool_use" and tool_input is None:
                tool_input = dict(block.input)
        text = "".join(text_parts)
        data: dict[str, Any] | None = None
        if req.json_schema is not None:
            data = parse_object(tool_input if tool_input is not None else text, req.json_schema)
            text = json.dumps(data, ensure_ascii=False)
        return Completion(
            text=text,
            data=data,
            model=message.model or req.model,
            usage=_usage(message.usage),
            stop_reason=message.stop_reason,
        )

    async def _stream_once(self, req: CompletionRequest) -> AsyncGenerator[StreamEvent, None]:
        params = self._params(req)
        model = req.model
        usage = Usage()
        stop_reason: str | None = None
        text_parts: list[str] = []
        tool_json: list[str] | None = None
        try:
            stream = await self._client.messages.create(
                **params, stream=True, timeout=req.timeout_s
            )
            try:
                async for event in stream:
                    if event.type == "message_start":
                        model = event.message.model or model
                        usage = _usage(event.message.usage)
                    elif event.type == "content_block_start":
                        block = event.content_block
                        if block.type == "tool_use":
                            tool_json = tool_json if tool_json is not None else []
                        elif block.type == "text" and block.text:
                            text_parts.append(block.text)
                            yield TextDelta(block.text)
                    elif event.type == "content_block_delta":
                        delta = event.delta
                        if delta.type == "text_delta":
                            text_parts.append(delta.text)
                            yield TextDelta(delta.text)
                        elif delta.type == "input_json_delta" and tool_json is not None:
                            # Structured output streams as JSON text, as it does from OpenAI.
                            tool_json.append(delta.partial_json)
                            yield TextDelta(delta.partial_json)
                    elif event.type == "message_delta":
                        stop_reason = event.delta.stop_reason or stop_reason
                        usage = _merge_delta_usage(usage, event.usage)
            finally:
                await stream.close()
        except Exception as exc:
            raise self._error(exc) from None

        text = "".join(text_parts)
        data: dict[str, Any] | None = None
        if req.json_schema is not None:
            if tool_json is not None:
                text = "".join(tool_json)
                data = parse_object(text or "{}", req.json_schema)
            else:
                data = parse_object(text, req.json_schema)
        yield Completion(text=text, data=data, model=model, usage=usage, stop_reason=stop_reason)

    def _error(self, exc: Exception) -> LLMError:
        mapped = map_sdk_error(exc, anthropic, self._secret)
        if mapped is None:
            raise exc
        return mapped


def _message(message: Message) -> dict[str, Any]:
    content: list[dict[str, Any]] = [
        {
            "type": "image",
            "source": {"type": "base64", "media_type": image.media_type, "data": b64(image)},
        }
        for image in message.images
    ]
    if message.content or not content:
        content.append({"type": "text", "text": message.content or "(empty)"})
    return {"role": message.role, "content": content}


def _usage(usage: Any) -> Usage:
    if usage is None:
        return Usage()
    return Usage(
        input_tokens=usage.input_tokens or 0,
        output_tokens=usage.output_tokens or 0,
        cache_read_tokens=getattr(usage, "cache_read_input_tokens", None) or 0,
        cache_write_tokens=getattr(usage, "cache_creation_input_tokens", None) or 0,
    )


def _merge_delta_usage(usage: Usage, delta: Any) -> Usage:
    """message_delta carries the cumulative output count (and sometimes final input counts)."""
    if delta is None:
        return usage
    return Usage(
        input_tokens=delta.input_tokens
        if getattr(delta, "input_tokens", None) is not None
        else usage.input_tokens,
        output_tokens=delta.output_tokens or usage.output_tokens,
        cache_read_tokens=delta.cache_read_input_tokens
        if getattr(delta, "cache_read_input_tokens", None) is not None
        else usage.cache_read_tokens,
        cache_write_tokens=delta.cache_creation_input_tokens
        if getattr(delta, "cache_creation_input_tokens", None) is not None
        else usage.cache_write_tokens,
    )
