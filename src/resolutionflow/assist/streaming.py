"""Answering a chat turn as JSON or as a server-sent event stream, whichever the client asked
for (`Accept: text/event-stream`). The gateway runs with no transaction open; `finish` records
the reply in a short transaction of its own.

Stream events: `delta` {"text"} while the reply is written, `reset` {"reason"} when the text so
far is replaced (a deep-model retry, a fallback), then `reply` with the whole reply (the same
body the JSON answer has), or `error` (a problem body) when it could not be produced or recorded. A client that
disconnects does not stop the answer from being recorded on the timeline."""

from __future__ import annotations

import asyncio
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

# Answers still being produced (a strong reference keeps a task alive until it finishes).
_running: set[asyncio.Task[None]] = set()


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

    # The answer is produced by a task of its own, so a browser that goes away mid-answer
    # does not cancel it: the question is already on the timeline, and its reply and call
    # record are written all the same. The response only relays what the task produces.
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    async def produce() -> None:
        try:
            served: gateway.Served | None = None
            async for ev in gateway.stream(plan, ask, offline, reply.confidence_of, reply.visible):
                if isinstance(ev, gateway.Delta):
                    queue.put_nowait(_event("delta", {"text": ev.text}))
                elif isinstance(ev, gateway.Reset):
                    queue.put_nowait(_event("reset", {"reason": ev.reason}))
                else:
                    served = ev
            assert served is not None
            done = await finish(served)
            queue.put_nowait(_event("reply", done.model_dump_json()))
        except Exception:
            log.exception("answering a copilot question failed")
            queue.put_nowait(
                _event(
                    "error",
                    {
                        "type": "about:blank",
                        "title": "No answer",
                        "status": 500,
                        "detail": "The answer could not be produced or saved; ask again.",
                    },
                )
            )
        finally:
            queue.put_nowait(None)

    task = asyncio.create_task(produce())
    _running.add(task)
    task.add_done_callback(_running.discard)

    async def events() -> AsyncIterator[str]:
        while (item := await queue.get()) is not None:
            yield item

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
