"""The in-process fake provider keeps the interface's promises."""

from __future__ import annotations

import pytest

from resolutionflow.providers.llm import (
    Completion,
    CompletionRequest,
    LLMError,
    LLMProvider,
    Message,
    TextDelta,
)
from resolutionflow.providers.llm.fake import FakeLLMProvider

REQ = CompletionRequest(model="m", system="s", messages=(Message("user", "printer offline"),))


async def test_scripted_replies_then_echo() -> None:
    fake = FakeLLMProvider("first", {"answer": 42}, LLMError("rate_limited"))
    assert isinstance(fake, LLMProvider)

    assert (await fake.complete(REQ)).text == "first"
    assert (await fake.complete(REQ)).data == {"answer": 42}
    with pytest.raises(LLMError):
        await fake.complete(REQ)
    assert (await fake.complete(REQ)).text == "Fake reply to: printer offline"
    assert len(fake.requests) == 4


async def test_stream_ends_with_one_completion() -> None:
    events = [e async for e in FakeLLMProvider("a b c").stream(REQ)]
    assert [e.text for e in events if isinstance(e, TextDelta)] == ["a ", "b ", "c"]
    assert isinstance(events[-1], Completion)
