"""Local stand-ins for the Anthropic and OpenAI HTTP APIs, speaking their real wire formats.

Each server runs uvicorn in a background thread on 127.0.0.1 (a free port), records every
request and answers from a script of `Reply` objects, falling back to a default reply:

    with FakeAnthropic() as srv:                 # or FakeOpenAI(); srv.base_url for the SDK
        srv.script(Reply(status=429, headers={"retry-after": "1"}), Reply(text="Hello"))
        ...                                      # srv.requests[i]["json"], ["headers"], ["path"]

Anthropic: POST /v1/messages (JSON or `stream: true` SSE), GET /v1/models.
OpenAI:    POST /v1/chat/completions (JSON or SSE, `stream_options.include_usage`), GET /v1/models.
Structured requests (a forced tool for Anthropic, `response_format` for OpenAI) get `Reply.json`
back as a tool_use block / JSON content; with nothing scripted they get an example object built
from the request's schema. `api_key=...` makes the server refuse other keys with a 401.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.fakes.local_server import LocalServer


@dataclass
class Reply:
    """One scripted answer. Leave everything unset for the default text reply."""

    text: str | None = None  # the assistant's text
    json: dict[str, Any] | None = None  # structured answer (tool_use input / JSON content)
    raw_text: str | None = None  # a reply that is not JSON although JSON was asked for
    status: int = 200  # >= 400 answers with the vendor's error body
    headers: dict[str, str] = field(default_factory=dict)  # e.g. {"retry-after": "1"}
    delay_s: float = 0.0  # wait before answering (a slow server)
    error_message: str | None = None
    error_type: str | None = None  # override the vendor's error type for this status
    error_code: str | None = None  # OpenAI `error.code`, e.g. "insufficient_quota"
    chunks: list[str] | None = None  # how streamed text is split (default: word by word)
    chunk_delay_s: float = 0.0  # pause between streamed chunks
    fail_after_chunks: int | None = None  # stream: an error event after this many deltas
    stop_reason: str | None = None  # Anthropic stop_reason / OpenAI finish_reason
    usage: dict[str, int] | None = (
        None  # input_tokens, output_tokens, cache_read_tokens, cache_write_tokens
    )
    model: str | None = None  # the model named in the answer (default: the one requested)
    body: Any = None  # send exactly this body (dict as JSON, str as text) with `status`


_ANTHROPIC_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    402: "billing_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    504: "timeout_error",
    529: "overloaded_error",
}
_OPENAI_ERRORS = {  # status -> (type, code)
    400: ("invalid_request_error", None),
    401: ("invalid_request_error", "invalid_api_key"),
    403: ("invalid_request_error", "unsupported_country_region_territory"),
    404: ("invalid_request_error", "model_not_found"),
    429: ("requests", "rate_limit_exceeded"),
    500: ("server_error", None),
    503: ("server_error", None),
}
_DEFAULT_ERROR_MESSAGES = {
    400: "Invalid request.",
    401: "invalid x-api-key",
    402: "Your credit balance is too low.",
    403: "Your API key does not have permission to use the specified resource.",
    404: "The requested resource could not be found.",
    413: "Request exceeds the maximum allowed number of bytes.",
    429: "Number of request tokens has exceeded your per-minute rate limit.",
    500: "Internal server error.",
    502: "Bad gateway.",
    503: "Service unavailable.",
    504: "Request timed out.",
    529: "Overloaded",
}

FAKE_MODELS_ANTHROPIC = ["claude-haiku-4-5", "claude-sonnet-4-6", "claude-opus-4-7"]
FAKE_MODELS_OPENAI = ["gpt-4o-mini", "gpt-4.1", "gpt-5.4-mini"]


# A stand-in for a sentence-embedding model: words are mapped to concepts (so "notebook" and
# "laptop" land together, as a real model would place them), crudely stemmed, and hashed into a
# small normalised vector. Deterministic, so tests can rely on what is near what.
_CONCEPTS = {
    "notebook": "laptop",
    "computer": "laptop",
    "pc": "laptop",
    "charging": "charge",
    "charger": "charge",
    "power": "charge",
    "battery": "charge",
    "mail": "email",
    "outlook": "email",
    "printing": "printer",
    "print": "printer",
}
_STOP = {
    "the",
    "a",
    "an",
    "is",
    "not",
    "won't",
    "doesn't",
    "it",
    "my",
    "on",
    "of",
    "to",
    "and",
    "in",
}


def concept_vector(text: str, dim: int = 64) -> list[float]:
    import hashlib
    import math

    vector = [0.0] * dim
    for word in re.findall(r"[a-z0-9']+", text.lower()):
        if word in _STOP:
            continue
        word = _CONCEPTS.get(word, word)
        for suffix in ("ing", "es", "s", "e"):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                word = word[: -len(suffix)]
                break
        word = _CONCEPTS.get(word, word)
        slot = int(hashlib.sha256(word.encode()).hexdigest(), 16) % dim
        vector[slot] += 1.0
    norm = math.sqrt(sum(x * x for x in vector)) or 1.0
    return [x / norm for x in vector]


def count_tokens(text: str) -> int:
    """A stable stand-in for a tokenizer: one token per word."""
    return len(text.split())


def split_words(text: str) -> list[str]:
    return re.findall(r"\s*\S+\s*", text) or [text]


def example_from_schema(schema: Any, depth: int = 0) -> Any:
    """A small value that satisfies `schema` (objects, arrays, enums, scalars, anyOf)."""
    if not isinstance(schema, dict) or depth > 8:
        return None
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("anyOf", "oneOf", "allOf"):
        if schema.get(key):
            return example_from_schema(schema[key][0], depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties") or {}
        return {name: example_from_schema(sub, depth + 1) for name, sub in props.items()}
    if kind == "array":
        count = max(1, int(schema.get("minItems", 1)))
        return [example_from_schema(schema.get("items", {}), depth + 1) for _ in range(count)]
    if kind == "string":
        return "example"[: schema.get("maxLength", 7)] if schema.get("maxLength") else "example"
    if kind == "integer":
        return int(schema.get("minimum", 1))
    if kind == "number":
        return float(schema.get("minimum", 0.5))
    if kind == "boolean":
        return True
    return None


class _FakeLLMServer(LocalServer):
    """The thread, the script and the request log; subclasses add the vendor's routes."""

    vendor = "llm"
    api_prefix = ""  # what the SDK expects base_url to end with

    def __init__(self, *, api_key: str | None = None, models: list[str] | None = None) -> None:
        super().__init__()
        self.api_key = api_key
        self._initial_api_key = api_key
        self.models = models or []
        self._script: deque[Reply] = deque()
        self._default = Reply()
        self._seen_prefixes: set[str] = set()

    # -- scripting ----------------------------------------------------------------------------

    def script(self, *replies: Reply) -> None:
        """Queue replies; each request to the model endpoint consumes the next one."""
        with self._lock:
            self._script.extend(replies)

    def default(self, reply: Reply) -> None:
        """The reply used when the script is empty."""
        with self._lock:
            self._default = reply

    def reset(self) -> None:
        """Forget the script, the default, the request log, the prompt cache and key changes."""
        with self._lock:
            self.api_key = self._initial_api_key
            self._script.clear()
            self._default = Reply()
            self.requests.clear()
            self._seen_prefixes.clear()

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._script)

    @property
    def last_request(self) -> dict[str, Any]:
        with self._lock:
            return self.requests[-1]

    def _next_reply(self) -> Reply:
        with self._lock:
            return self._script.popleft() if self._script else self._default

    def _cache_hit(self, prefix: str) -> bool:
        """True when this prompt prefix was sent before (what a provider's prompt cache sees)."""
        digest = hashlib.sha256(prefix.encode()).hexdigest()
        with self._lock:
            hit = digest in self._seen_prefixes
            self._seen_prefixes.add(digest)
            return hit

    # -- lifecycle ----------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """What to pass to the vendor SDK as base_url."""
        return self.url + self.api_prefix


def _sse(event: str | None, data: Any) -> bytes:
    payload = data if isinstance(data, str) else json.dumps(data)
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {payload}\n\n".encode()


def _literal(reply: Reply) -> Response:
    if isinstance(reply.body, str | bytes):
        return Response(reply.body, status_code=reply.status, headers=reply.headers)
    return JSONResponse(reply.body, status_code=reply.status, headers=reply.headers)


class FakeAnthropic(_FakeLLMServer):
    """Anthropic's Messages API. The SDK's base_url is `srv.base_url` (no /v1)."""

    vendor = "anthropic"

    def __init__(self, *, api_key: str | None = None, models: list[str] | None = None) -> None:
        super().__init__(api_key=api_key, models=models or list(FAKE_MODELS_ANTHROPIC))

    def routes(self) -> list[Route]:
        return [
            Route("/v1/messages", self._messages, methods=["POST"]),
            Route("/v1/models", self._models, methods=["GET"]),
        ]

    def _error(
        self, status: int, reply: Reply | None = None, headers: dict[str, str] | None = None
    ) -> JSONResponse:
        reply = reply or Reply(status=status)
        etype = reply.error_type or _ANTHROPIC_ERROR_TYPES.get(
            status, "api_error" if status >= 500 else "invalid_request_error"
        )
        message = reply.error_message or _DEFAULT_ERROR_MESSAGES.get(status, "Error.")
        request_id = f"req_{uuid.uuid4().hex[:24]}"
        return JSONResponse(
            {
                "type": "error",
                "error": {"type": etype, "message": message},
                "request_id": request_id,
            },
            status_code=status,
            headers={"request-id": request_id, **(headers or reply.headers)},
        )

    def _authorized(self, entry: dict[str, Any]) -> bool:
        if self.api_key is None:
            return True
        headers = entry["headers"]
        # SDK 2.x sends the key as a bearer token; older clients use x-api-key.
        return self.api_key in (
            headers.get("x-api-key"),
            headers.get("authorization", "").removeprefix("Bearer "),
        )

    async def _models(self, request: Request) -> Response:
        entry = await self._record(request)
        if not self._authorized(entry):
            return self._error(401)
        data = [
            {
                "type": "model",
                "id": model,
                "display_name": model.replace("-", " ").title(),
                "created_at": "2025-10-01T00:00:00Z",
            }
            for model in self.models
        ]
        return JSONResponse(
            {
                "data": data,
                "has_more": False,
                "first_id": data[0]["id"] if data else None,
                "last_id": data[-1]["id"] if data else None,
            }
        )

    async def _messages(self, request: Request) -> Response:
        entry = await self._record(request)
        if not self._authorized(entry):
            return self._error(401)
        body = entry["json"]
        if not isinstance(body, dict) or not body.get("model") or not body.get("messages"):
            return self._error(
                400, Reply(error_message="model, messages and max_tokens are required")
            )
        version = entry["headers"].get("anthropic-version", "")
        if "temperature" in body and version >= "2026-10-21":  # sampling params were removed
            return self._error(
                400, Reply(error_message="temperature: Extra inputs are not permitted")
            )
        reply = self._next_reply()
        if reply.delay_s:
            await self._pause(reply.delay_s)
        if reply.body is not None:
            return _literal(reply)
        if reply.status >= 400:
            return self._error(reply.status, reply)

        content, stop_reason = self._content(body, reply)
        usage = self._usage(body, reply, content)
        model = reply.model or body["model"]
        message_id = f"msg_{uuid.uuid4().hex[:24]}"
        headers = {"request-id": f"req_{uuid.uuid4().hex[:24]}", **reply.headers}
        if not body.get("stream"):
            return JSONResponse(
                {
                    "id": message_id,
                    "type": "message",
                    "role": "assistant",
                    "model": model,
                    "content": content,
                    "stop_reason": stop_reason,
                    "stop_sequence": None,
                    "usage": usage,
                },
                headers=headers,
            )
        return StreamingResponse(
            self._events(message_id, model, content, stop_reason, usage, reply),
            media_type="text/event-stream",
            headers={"cache-control": "no-cache", **headers},
        )

    def _content(self, body: dict[str, Any], reply: Reply) -> tuple[list[dict[str, Any]], str]:
        choice = body.get("tool_choice") or {}
        tools = body.get("tools") or []
        forced = choice.get("name") if choice.get("type") == "tool" else None
        tool = next((t for t in tools if t.get("name") == forced), None)
        if reply.json is not None or (
            tool is not None and reply.text is None and reply.raw_text is None
        ):
            data = (
                reply.json
                if reply.json is not None
                else example_from_schema(tool.get("input_schema") if tool else {})
            )
            if tool is not None:
                block = {
                    "type": "tool_use",
                    "id": f"toolu_{uuid.uuid4().hex[:24]}",
                    "name": tool["name"],
                    "input": data,
                }
                return [block], reply.stop_reason or "tool_use"
            return [{"type": "text", "text": json.dumps(data)}], reply.stop_reason or "end_turn"
        if reply.raw_text is not None:
            if tool is not None and body.get("stream"):
                # Streamed tool input is raw JSON text on the wire, so it can be broken.
                block = {
                    "type": "tool_use",
                    "id": f"toolu_{uuid.uuid4().hex[:24]}",
                    "name": tool["name"],
                    "input": {},
                    "_raw": reply.raw_text,
                }
                return [block], reply.stop_reason or "tool_use"
            return [{"type": "text", "text": reply.raw_text}], reply.stop_reason or "end_turn"
        text = reply.text if reply.text is not None else _echo(self.vendor, _last_user_text(body))
        return [{"type": "text", "text": text}], reply.stop_reason or "end_turn"

    def _usage(
        self, body: dict[str, Any], reply: Reply, content: list[dict[str, Any]]
    ) -> dict[str, int]:
        system = body.get("system") or ""
        cached_prefix = ""
        if isinstance(system, list):
            texts = [b.get("text", "") for b in system if isinstance(b, dict)]
            if any(isinstance(b, dict) and b.get("cache_control") for b in system):
                cached_prefix = " ".join(texts)
            system = " ".join(texts)
        prompt = count_tokens(system) + sum(
            count_tokens(_text_of(m.get("content"))) for m in body.get("messages", [])
        )
        cache_read = cache_write = 0
        if cached_prefix:
            if self._cache_hit(cached_prefix):
                cache_read = count_tokens(cached_prefix)
            else:
                cache_write = count_tokens(cached_prefix)
        output = sum(
            count_tokens(b.get("text", "") or b.get("_raw", "") or json.dumps(b.get("input", "")))
            for b in content
        )
        usage = {
            "input_tokens": max(0, prompt - cache_read - cache_write),
            "output_tokens": max(1, output),
            "cache_creation_input_tokens": cache_write,
            "cache_read_input_tokens": cache_read,
        }
        if reply.usage:
            names = {"cache_read_tokens": "cache_read_input_tokens"}
            names["cache_write_tokens"] = "cache_creation_input_tokens"
            usage.update({names.get(k, k): v for k, v in reply.usage.items()})
        return usage

    async def _events(
        self,
        message_id: str,
        model: str,
        content: list[dict[str, Any]],
        stop_reason: str,
        usage: dict[str, int],
        reply: Reply,
    ) -> AsyncIterator[bytes]:
        start_usage = {**usage, "output_tokens": 1}
        yield _sse(
            "message_start",
            {
                "type": "message_start",
                "message": {
                    "id": message_id,
                    "type": "message",
                    "role": "assistant",
                    "model": model,
                    "content": [],
                    "stop_reason": None,
                    "stop_sequence": None,
                    "usage": start_usage,
                },
            },
        )
        sent = 0
        for index, block in enumerate(content):
            if block["type"] == "tool_use":
                start = {k: v for k, v in block.items() if k != "_raw"} | {"input": {}}
                raw = block.get("_raw", json.dumps(block["input"]))
                pieces = reply.chunks or [raw[i : i + 16] for i in range(0, len(raw), 16)] or [""]
                delta_type, field_name = "input_json_delta", "partial_json"
            else:
                start = {"type": "text", "text": ""}
                pieces = reply.chunks or split_words(block["text"])
                delta_type, field_name = "text_delta", "text"
            yield _sse(
                "content_block_start",
                {"type": "content_block_start", "index": index, "content_block": start},
            )
            yield _sse("ping", {"type": "ping"})
            for piece in pieces:
                if reply.fail_after_chunks is not None and sent >= reply.fail_after_chunks:
                    yield _sse(
                        "error",
                        {
                            "type": "error",
                            "error": {
                                "type": reply.error_type or "overloaded_error",
                                "message": reply.error_message or "Overloaded",
                            },
                        },
                    )
                    return
                if reply.chunk_delay_s:
                    await self._pause(reply.chunk_delay_s)
                yield _sse(
                    "content_block_delta",
                    {
                        "type": "content_block_delta",
                        "index": index,
                        "delta": {"type": delta_type, field_name: piece},
                    },
                )
                sent += 1
            yield _sse("content_block_stop", {"type": "content_block_stop", "index": index})
        yield _sse(
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": stop_reason, "stop_sequence": None},
                "usage": {"output_tokens": usage["output_tokens"]},
            },
        )
        yield _sse("message_stop", {"type": "message_stop"})


class FakeOpenAI(_FakeLLMServer):
    """OpenAI's Chat Completions API. The SDK's base_url is `srv.base_url` (ends in /v1)."""

    vendor = "openai"
    api_prefix = "/v1"

    def __init__(self, *, api_key: str | None = None, models: list[str] | None = None) -> None:
        super().__init__(api_key=api_key, models=models or list(FAKE_MODELS_OPENAI))

    def routes(self) -> list[Route]:
        return [
            Route("/v1/chat/completions", self._chat, methods=["POST"]),
            Route("/v1/embeddings", self._embeddings, methods=["POST"]),
            Route("/v1/models", self._models, methods=["GET"]),
        ]

    async def _embeddings(self, request: Request) -> Response:
        entry = await self._record(request)
        if not self._authorized(entry):
            return self._error(401)
        body = entry["json"]
        inputs = body.get("input") if isinstance(body, dict) else None
        if isinstance(inputs, str):
            inputs = [inputs]
        if not isinstance(inputs, list) or not body.get("model"):
            return self._error(400, Reply(error_message="model and input are required"))
        data = [
            {"object": "embedding", "index": i, "embedding": concept_vector(str(t))}
            for i, t in enumerate(inputs)
        ]
        tokens = sum(count_tokens(str(t)) for t in inputs)
        return JSONResponse(
            {
                "object": "list",
                "data": data,
                "model": body["model"],
                "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
            }
        )

    def _error(
        self, status: int, reply: Reply | None = None, headers: dict[str, str] | None = None
    ) -> JSONResponse:
        reply = reply or Reply(status=status)
        etype, code = _OPENAI_ERRORS.get(
            status, ("server_error" if status >= 500 else "invalid_request_error", None)
        )
        message = reply.error_message or (
            "Incorrect API key provided: sk-fa***************key. You can find your API key at https://platform.openai.com/account/api-keys."
            if status == 401
            else _DEFAULT_ERROR_MESSAGES.get(status, "Error.")
        )
        return JSONResponse(
            {
                "error": {
                    "message": message,
                    "type": reply.error_type or etype,
                    "param": None,
                    "code": reply.error_code or code,
                }
            },
            status_code=status,
            headers={"x-request-id": f"req_{uuid.uuid4().hex}", **(headers or reply.headers)},
        )

    def _authorized(self, entry: dict[str, Any]) -> bool:
        if self.api_key is None:
            return True
        auth = entry["headers"].get("authorization", "")
        return bool(auth == f"Bearer {self.api_key}")

    async def _models(self, request: Request) -> Response:
        entry = await self._record(request)
        if not self._authorized(entry):
            return self._error(401)
        return JSONResponse(
            {
                "object": "list",
                "data": [
                    {"id": m, "object": "model", "created": 1_700_000_000, "owned_by": "system"}
                    for m in self.models
                ],
            }
        )

    async def _chat(self, request: Request) -> Response:
        entry = await self._record(request)
        if not self._authorized(entry):
            return self._error(401)
        body = entry["json"]
        if not isinstance(body, dict) or not body.get("model") or not body.get("messages"):
            return self._error(400, Reply(error_message="model and messages are required"))
        reply = self._next_reply()
        if reply.delay_s:
            await self._pause(reply.delay_s)
        if reply.body is not None:
            return _literal(reply)
        if reply.status >= 400:
            return self._error(reply.status, reply)

        text = self._text(body, reply)
        usage = self._usage(body, reply, text)
        model = reply.model or body["model"]
        completion_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
        finish = reply.stop_reason or "stop"
        headers = {"x-request-id": f"req_{uuid.uuid4().hex}", **reply.headers}
        if not body.get("stream"):
            return JSONResponse(
                {
                    "id": completion_id,
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": model,
                    "choices": [
                        {
                            "index": 0,
                            "message": {
                                "role": "assistant",
                                "content": text,
                                "refusal": None,
                                "annotations": [],
                            },
                            "logprobs": None,
                            "finish_reason": finish,
                        }
                    ],
                    "usage": usage,
                    "service_tier": "default",
                    "system_fingerprint": "fp_fake",
                },
                headers=headers,
            )
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        return StreamingResponse(
            self._chunks(completion_id, model, text, finish, usage, include_usage, reply),
            media_type="text/event-stream",
            headers={"cache-control": "no-cache", **headers},
        )

    def _text(self, body: dict[str, Any], reply: Reply) -> str:
        if reply.raw_text is not None:
            return reply.raw_text
        if reply.json is not None:
            return json.dumps(reply.json)
        if reply.text is not None:
            return reply.text
        fmt = body.get("response_format") or {}
        if fmt.get("type") == "json_schema":
            return json.dumps(example_from_schema((fmt.get("json_schema") or {}).get("schema")))
        if fmt.get("type") == "json_object":
            return json.dumps({"reply": _echo(self.vendor, _last_user_text(body))})
        return _echo(self.vendor, _last_user_text(body))

    def _usage(self, body: dict[str, Any], reply: Reply, text: str) -> dict[str, Any]:
        messages = body.get("messages", [])
        prompt = sum(count_tokens(_text_of(m.get("content"))) for m in messages)
        system = " ".join(_text_of(m.get("content")) for m in messages if m.get("role") == "system")
        # OpenAI caches long prompt prefixes by itself; the system prompt stands in for one.
        cached = count_tokens(system) if system and self._cache_hit(system) else 0
        completion = max(1, count_tokens(text))
        if reply.usage:
            uncached = reply.usage.get("input_tokens", prompt - cached)
            cached = reply.usage.get("cache_read_tokens", cached)
            prompt = uncached + cached
            completion = reply.usage.get("output_tokens", completion)
        return {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
            "prompt_tokens_details": {"cached_tokens": cached, "audio_tokens": 0},
            "completion_tokens_details": {
                "reasoning_tokens": 0,
                "audio_tokens": 0,
                "accepted_prediction_tokens": 0,
                "rejected_prediction_tokens": 0,
            },
        }

    async def _chunks(
        self,
        completion_id: str,
        model: str,
        text: str,
        finish: str,
        usage: dict[str, Any],
        include_usage: bool,
        reply: Reply,
    ) -> AsyncIterator[bytes]:
        created = int(time.time())

        def chunk(delta: dict[str, Any], finish_reason: str | None) -> dict[str, Any]:
            data: dict[str, Any] = {
                "id": completion_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "system_fingerprint": "fp_fake",
                "choices": [
                    {
                        "index": 0,
                        "delta": delta,
                        "logprobs": None,
                        "finish_reason": finish_reason,
                    }
                ],
            }
            if include_usage:
                data["usage"] = None
            return data

        yield _sse(None, chunk({"role": "assistant", "content": "", "refusal": None}, None))
        for sent, piece in enumerate(reply.chunks or split_words(text)):
            if reply.fail_after_chunks is not None and sent >= reply.fail_after_chunks:
                yield _sse(
                    None,
                    {
                        "error": {
                            "message": reply.error_message or "The server had an error.",
                            "type": reply.error_type or "server_error",
                            "param": None,
                            "code": reply.error_code,
                        }
                    },
                )
                return
            if reply.chunk_delay_s:
                await self._pause(reply.chunk_delay_s)
            yield _sse(None, chunk({"content": piece}, None))
        yield _sse(None, chunk({}, finish))
        if include_usage:
            yield _sse(
                None,
                {
                    "id": completion_id,
                    "object": "chat.completion.chunk",
                    "created": created,
                    "model": model,
                    "system_fingerprint": "fp_fake",
                    "choices": [],
                    "usage": usage,
                },
            )
        yield _sse(None, "[DONE]")


def _text_of(content: Any) -> str:
    """The text inside a message's content, whichever vendor shape it has."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(
            part.get("text", "")
            for part in content
            if isinstance(part, dict) and part.get("type") == "text"
        )
    return ""


def _last_user_text(body: dict[str, Any]) -> str:
    for message in reversed(body.get("messages") or []):
        if isinstance(message, dict) and message.get("role") == "user":
            return _text_of(message.get("content"))
    return ""


def _echo(vendor: str, prompt: str) -> str:
    short = " ".join(prompt.split())[:80]
    return f"Fake {vendor} reply to: {short}" if short else f"Fake {vendor} reply."
