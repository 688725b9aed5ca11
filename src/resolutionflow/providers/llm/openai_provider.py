"""OpenAI Chat Completions through the official SDK; also any OpenAI-compatible server
(Ollama, vLLM, LM Studio, Azure OpenAI's v1 endpoint) named by `base_url`."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from typing import Any

import openai

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
from resolutionflow.providers.llm.errors import malformed_error
from resolutionflow.providers.llm.retry import Retrier, RetryPolicy, Sleep
from resolutionflow.providers.llm.structured import parse_object

# Reasoning models accept only the default temperature; sending one is a 400.
_NO_TEMPERATURE_PREFIXES = ("o1", "o3", "o4", "gpt-5", "gpt-6")


class OpenAIProvider:
    name = "openai"

    def __init__(
        self,
        config: ProviderConfig,
        *,
        sleep: Sleep | None = None,
        rand: Callable[[], float] | None = None,
    ) -> None:
        self._secret = config.api_key
        # OpenAI itself wants max_completion_tokens; compatible servers know max_tokens.
        self._official = config.base_url is None or "api.openai.com" in config.base_url
        self._client = openai.AsyncOpenAI(
            # Local servers (Ollama, LM Studio) need no key, but the SDK insists on one.
            api_key=config.api_key or "not-needed",
            base_url=config.base_url,
            max_retries=0,  # retries are ours: testable, and they honour Retry-After
            timeout=30.0,  # replaced per request by CompletionRequest.timeout_s
            http_client=outbound_client(config),
        )
        self._retrier = Retrier(RetryPolicy.from_config(config), sleep=sleep, rand=rand)

    def __repr__(self) -> str:
        return f"OpenAIProvider(base_url={str(self._client.base_url)!r})"

    async def complete(self, req: CompletionRequest) -> Completion:
        check_request(req)
        params = self._params(req)

        async def attempt() -> Completion:
            try:
                async with asyncio.timeout(req.timeout_s):
                    response = await self._client.chat.completions.create(
                        **params, timeout=req.timeout_s
                    )
            except Exception as exc:
                raise self._error(exc) from None
            return self._completion(response, req)

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
        return f"openai: {completion.model or model} answered"

    async def aclose(self) -> None:
        await self._client.close()

    # -- wire format ---------------------------------------------------------------------------

    def _params(self, req: CompletionRequest) -> dict[str, Any]:
        messages: list[dict[str, Any]] = []
        if req.system:
            messages.append({"role": "system", "content": req.system})
        messages.extend(_message(m) for m in req.messages)
        params: dict[str, Any] = {"model": req.model, "messages": messages}
        params["max_completion_tokens" if self._official else "max_tokens"] = req.max_tokens
        if not req.model.startswith(_NO_TEMPERATURE_PREFIXES):
            params["temperature"] = req.temperature
        if req.json_schema is not None:
            params["response_format"] = {
                "type": "json_schema",
                "json_schema": {
                    "name": tool_name(req.schema_name),
                    "schema": req.json_schema,
                    # strict mode demands every property be required and no extras allowed;
                    # our schemas have optional fields, so it stays off and we check the reply.
                    "strict": False,
                },
            }
        return params

    def _completion(self, response: Any, req: CompletionRequest) -> Completion:
        if not response.choices:
            raise malformed_error("the provider returned no choices")
        choice = response.choices[0]
        text = choice.message.content or ""
        refusal = getattr(choice.message, "refusal", None)
        data: dict[str, Any] | None = None
        if req.json_schema is not None:
            if refusal and not text:
                raise malformed_error("the model refused to answer")
            data = parse_object(text, req.json_schema)
        elif refusal and not text:
            text = refusal
        return Completion(
            text=text,
            data=data,
            model=response.model or req.model,
            usage=_usage(response.usage),
            stop_reason=choice.finish_reason,
        )

    async def _stream_once(self, req: CompletionRequest) -> AsyncGenerator[StreamEvent, None]:
        params = self._params(req)
        model = req.model
        usage = Usage()
        stop_reason: str | None = None
        text_parts: list[str] = []
        try:
            stream = await self._client.chat.completions.create(
                **params,
                stream=True,
                stream_options={"include_usage": True},
                timeout=req.timeout_s,
            )
            try:
                async for chunk in stream:
                    model = chunk.model or model
                    if chunk.usage is not None:
                        usage = _usage(chunk.usage)
                    for choice in chunk.choices[:1]:
                        if choice.delta is not None and choice.delta.content:
                            text_parts.append(choice.delta.content)
                            yield TextDelta(choice.delta.content)
                        if choice.finish_reason:
                            stop_reason = choice.finish_reason
            finally:
                await stream.close()
        except Exception as exc:
            raise self._error(exc) from None

        text = "".join(text_parts)
        data = parse_object(text, req.json_schema) if req.json_schema is not None else None
        yield Completion(text=text, data=data, model=model, usage=usage, stop_reason=stop_reason)

    def _error(self, exc: Exception) -> LLMError:
        mapped = map_sdk_error(exc, openai, self._secret)
        if mapped is None:
            raise exc
        return mapped


def _message(message: Message) -> dict[str, Any]:
    if not message.images:
        return {"role": message.role, "content": message.content}
    parts: list[dict[str, Any]] = [{"type": "text", "text": message.content}]
    parts.extend(
        {
            "type": "image_url",
            "image_url": {"url": f"data:{image.media_type};base64,{b64(image)}"},
        }
        for image in message.images
    )
    return {"role": message.role, "content": parts}


def _usage(usage: Any) -> Usage:
    """OpenAI counts cached tokens inside prompt_tokens; we report them apart, as Anthropic does."""
    if usage is None:
        return Usage()
    prompt = usage.prompt_tokens or 0
    details = getattr(usage, "prompt_tokens_details", None)
    cached = (getattr(details, "cached_tokens", None) or 0) if details is not None else 0
    return Usage(
        input_tokens=max(0, prompt - cached),
        output_tokens=usage.completion_tokens or 0,
        cache_read_tokens=cached,
    )
