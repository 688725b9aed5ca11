"""Server-sent event streams that follow something live (a session's timeline, a batch, a
person's notifications): one loop for all of them.

Each wake-up (a `live` notification or the poll interval) opens a short read-only unit of work,
authorises the caller again as a new request would — a deactivated, signed-out or demoted
reader stops receiving at once — and asks the stream's `tick` for the frames to send. Nothing
holds a database connection between wake-ups. The stream always ends with `event: end` and
`{"reason": …}`: `expired` (its lifetime is over: reconnect), `unauthorized` (the sign-in
ended: reconnecting gets 401) or `forbidden` (no longer visible: reconnecting gets 404).
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Literal

from fastapi import Request
from fastapi.responses import StreamingResponse
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal, authenticate
from resolutionflow.config import get_settings
from resolutionflow.db import rls
from resolutionflow.db.session import request_tenant
from resolutionflow.errors import Forbidden, NotFound, Unauthorized
from resolutionflow.sessions import live

# The frames (already SSE-encoded) to send after one wake-up; raises NotFound/Forbidden once
# what the stream follows is no longer visible to the caller.
Tick = Callable[[AsyncSession, Principal], Awaitable[list[str]]]


def stream_end(reason: Literal["expired", "unauthorized", "forbidden"], detail: str) -> str:
    """The last event of a stream: why it ends, so the client knows whether to reconnect
    (`expired`), to refresh its sign-in (`unauthorized`) or to stop (`forbidden`)."""
    return f"event: end\ndata: {json.dumps({'reason': reason, 'detail': detail})}\n\n"


def follow(
    request: Request,
    *,
    channel: uuid.UUID,
    max_seconds: float,
    tick: Tick,
    expired: str,
    gone: str = "This is no longer visible to you.",
    on_wake: str | None = None,
) -> StreamingResponse:
    """A stream woken by `live` notifications on `channel`. `gone` and `expired` are the
    details of its `forbidden` and `expired` ends; `on_wake`, a frame sent whenever a
    notification (not the poll) woke it."""
    settings = get_settings()
    lifetime = min(max_seconds, settings.sse_max_stream_s)
    maker = request.app.state.read_sessionmaker

    async def events() -> AsyncIterator[str]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + lifetime
        async with live.subscription(channel) as waiter:
            yield "retry: 3000\n\n"
            while True:
                waiter.clear()
                async with maker() as db:
                    rls.confine(db, request_tenant(request))
                    try:
                        frames = await tick(db, await authenticate(request, db))
                    except Unauthorized as exc:
                        yield stream_end("unauthorized", exc.detail)
                        return
                    except (NotFound, Forbidden):
                        yield stream_end("forbidden", gone)
                        return
                for frame in frames:
                    yield frame
                remaining = deadline - loop.time()
                if await request.is_disconnected():
                    return
                if remaining <= 0:
                    yield stream_end("expired", expired)
                    return
                wait = min(settings.sse_poll_interval_s, settings.sse_heartbeat_s, remaining)
                try:
                    await asyncio.wait_for(waiter.wait(), timeout=wait)
                except TimeoutError:
                    yield ": keep-alive\n\n"
                else:
                    if on_wake is not None:
                        yield on_wake

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
