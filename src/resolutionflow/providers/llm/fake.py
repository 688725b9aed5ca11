"""An in-process LLMProvider for unit tests and demos: scripted answers, no network.

Tests of the real vendors use the HTTP fakes in tests/fakes/llm_servers.py instead.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import AsyncIterator
from typing import Any

from resolutionflow.providers.llm.base import (
    Completion,
    CompletionRequest,
    LLMError,
    StreamEvent,
    TextDelta,
    Usage,
)


class FakeLLMProvider:
    """Answers from `script()` (str for text, dict for structured data, LLMError to fail),
    else echoes the last user message. Every request is kept in `requests`."""

    name = "fake"

    def __init__(self, *replies: str | dict[str, Any] | LLMError) -> None:
        self.requests: list[CompletionRequest] = []
        self._script: deque[str | dict[str, Any] | LLMError] = deque(replies)

    def script(self, *replies: str | dict[str, Any] | LLMError) -> None:
        self._script.extend(replies)

    async def complete(self, req: CompletionRequest) -> Completion:
        self.requests.append(req)
        reply = self._script.popleft() if self._script else None
        if isinstance(reply, LLMError):
            raise reply
        data: dict[str, Any] | None
        if isinstance(reply, dict):
            text, data = json.dumps(reply), reply
        else:
            last = next((m.content for m in reversed(req.messages) if m.role == "user"), "")
            text = reply if reply is not None else f"Fake reply to: {last[:80]}"
            data = {} if req.json_schema is not None and reply is None else None
        words = sum(len(m.content.split()) for m in req.messages) + len(req.system.split())
        return Completion(
            text=text,
            data=data,
            model=req.model,
            usage=Usage(input_tokens=words, output_tokens=len(text.split())),
            stop_reason="end_turn",
        )

    async def stream(self, req: CompletionRequest) -> AsyncIterator[StreamEvent]:
        completion = await self.complete(req)
        for piece in re.findall(r"\s*\S+\s*", completion.text):
            yield TextDelta(piece)
        yield completion

    async def check(self, model: str) -> str:
        return f"fake: {model} answered"

    async def aclose(self) -> None:
        return None
