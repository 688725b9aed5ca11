"""Answering a chat turn as JSON or as a server-sent event stream, whichever the client asked
for (`Accept: text/event-stream`). The gateway runs with no transaction open; `finish` records
the reply in a short transaction of its own.

Stream events: `delta` {"text"} while the reply is written, `reset` {"reason"} when the text so
far is replaced (a deep-model retry, a fallback), then `reply` with the whole reply (the same
body the JSON answer has), or `error` with a problem body if recording it failed."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from fastapi import Request
from fastapi.responses import StreamingResponse

from resolutionflow.ai import gateway
from resolutionflow.assist import reply

log = logging.getLogger(__name__)

Finish = Callable[[gateway.Served], Awaitable[reply.CopilotReply]]


def wants_stream(request: Request) -> bool:
    return "text/event-stream" in request.headers.get("accept", "")


def _event(name: str, data: Any) -> str:
    body = data if isinstance(data, str) else json.dumps(data)
    return f"event: {name}\ndata: {body}\n\n"


async def answer(
    request: Request,
    plan: gateway.Plan,
    ask: gateway.Ask,
    offline: gateway.OfflineFn,
    finish: Finish,
) -> reply.CopilotReply | StreamingResponse:
    if not wants_stream(request):
        served = await gateway.run(plan, ask, offline, reply.confidence_of)
        return await finish(served)

    async def events() -> AsyncIterator[str]:
        served: gateway.Served | None = None
        async for ev in gateway.stream(plan, ask, offline, reply.confidence_of, reply.visible):
            if isinstance(ev, gateway.Delta):
                yield _event("delta", {"text": ev.text})
            elif isinstance(ev, gateway.Reset):
                yield _event("reset", {"reason": ev.reason})
            else:
                served = ev
        assert served is not None
        try:
            done = await finish(served)
        except Exception:
            log.exception("recording a copilot reply failed")
            yield _event(
                "error",
                {
                    "type": "about:blank",
                    "title": "Reply not saved",
                    "status": 500,
                    "detail": "The answer could not be saved to the timeline; ask again.",
                },
            )
            return
        yield _event("reply", done.model_dump_json())

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
