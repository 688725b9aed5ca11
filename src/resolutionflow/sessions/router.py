"""HTTP routes of sessions and their timeline."""

from __future__ import annotations

import urllib.parse
import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, BackgroundTasks, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import AnyRole, Engineer, Principal
from resolutionflow.common.schemas import Page, ReadSchema, SearchText, decode_offset, encode_offset
from resolutionflow.db import uow
from resolutionflow.db.session import DB, WriteDB
from resolutionflow.documentation import exports
from resolutionflow.models import SessionAttachment
from resolutionflow.outbound import reports
from resolutionflow.pilot.schemas import SessionCreated
from resolutionflow.search import jobs as index_jobs
from resolutionflow.sessions import attachments, scratchpad, service, streams
from resolutionflow.sessions.schemas import (
    EventIn,
    EventsAppended,
    SessionCreate,
    SessionDetail,
    SessionOutcome,
    SessionStatus,
    SessionSummary,
)

router = APIRouter(tags=["sessions"])


@router.get("/sessions", response_model=Page[SessionSummary])
async def list_sessions(
    principal: AnyRole,
    db: DB,
    scope: Literal["mine", "team", "all"] = "mine",
    status: SessionStatus | None = None,
    outcome: Annotated[
        SessionOutcome | None,
        Query(description="How ended sessions ended (`workaround` sessions have status resolved)"),
    ] = None,
    flow_id: uuid.UUID | None = None,
    ticket_id: Annotated[str | None, Query(max_length=100)] = None,
    q: SearchText = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Page[SessionSummary]:
    offset = decode_offset(cursor)
    items, more = await service.list_sessions(
        db,
        principal,
        scope=scope,
        status=status,
        flow_id=flow_id,
        ticket_id=ticket_id,
        q=q,
        outcome=outcome,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    return Page(items=items, next_cursor=encode_offset(offset + limit) if more else None)


@router.post("/sessions", status_code=201, response_model=SessionCreated)
async def start_session(
    principal: Engineer, db: DB, request: Request, body: SessionCreate
) -> SessionCreated:
    """A guided session (from a flow, or freeform), or with `"mode": "pilot"` a FlowPilot
    session from its intake: the response then carries `matched_flow`, `confidence`, `tier` and
    the first `pilot_step`."""
    if body.mode == "pilot":
        from resolutionflow.pilot import service as pilot

        session, pending = await pilot.start(db, principal, body, request.app.state.storage)
        # Stored before the first step is proposed: no transaction waits on a model.
        session, step, _, _ = await uow.while_released(db, pilot.advance(db, principal, pending))
        if session.ticket_id:
            from resolutionflow.psa import tickets

            # After the first step: FlowPilot's later steps read the ticket from the timeline.
            await uow.while_released(db, tickets.link_at_start(db, principal, session.id))
        p = session.pilot or {}
        return SessionCreated(
            **(await service.detail(db, session)).model_dump(),
            matched_flow=p.get("matched_flow"),
            confidence=p.get("confidence"),
            tier=p.get("tier"),
            pilot_step=pilot.step_read(step),
        )
    session, _ = await service.create_session(db, principal, body)
    if session.ticket_id:
        from resolutionflow.psa import tickets

        # The session is stored first; the ticket's context follows when a PSA is connected.
        await uow.while_released(db, tickets.link_at_start(db, principal, session.id))
    return SessionCreated(**(await service.detail(db, session)).model_dump())


@router.get("/sessions/{session_id}", response_model=SessionDetail)
async def get_session(principal: AnyRole, db: DB, session_id: uuid.UUID) -> SessionDetail:
    return await service.detail(db, await service.get_session(db, principal, session_id))


@router.get(
    "/sessions/{session_id}/documentation",
    response_class=Response,
    responses={200: {"content": {t: {} for t in exports.EXPORT_TYPES.values()}}},
)
async def session_documentation(
    principal: AnyRole,
    db: WriteDB,
    session_id: uuid.UUID,
    request: Request,
    options: exports.ExportQuery,
    format: exports.ExportFormat = "markdown",
    intent: Annotated[
        exports.Intent,
        Query(
            description="Why the note is fetched. Every intent but `preview` (the live panel "
            "beside the session) is an outbound send and records a redaction report."
        ),
    ] = "export",
) -> Response:
    """The ticket note, redacted, in a format (`pdf`: branded, 503 when the PDF renderer is not
    installed) with export options; the defaults are the standard note."""
    session = await service.get_session(db, principal, session_id)
    return await exports.respond(
        db, session, format, options, intent, principal.user_id, request.app.state.storage
    )


@router.get("/sessions/{session_id}/scratchpad", response_model=scratchpad.ScratchpadRead)
async def read_scratchpad(
    principal: Engineer, db: DB, session_id: uuid.UUID
) -> scratchpad.ScratchpadRead:
    """Your private scratchpad on the session (empty until written). Only the session's owner
    has one: anyone else, team admins included, gets 404. It never reaches notes, shares,
    exports, search or model prompts; promote a line by appending it as a note."""
    return await scratchpad.read(db, principal, session_id)


@router.put("/sessions/{session_id}/scratchpad", response_model=scratchpad.ScratchpadRead)
async def save_scratchpad(
    principal: Engineer, db: DB, session_id: uuid.UUID, body: scratchpad.ScratchpadWrite
) -> scratchpad.ScratchpadRead:
    """Replaces your scratchpad's text (at most 20,000 characters; kept as typed)."""
    return await scratchpad.save(db, principal, session_id, body)


@router.get(
    "/sessions/{session_id}/redaction-reports",
    response_model=list[reports.RedactionReportRead],
)
async def session_redaction_reports(
    principal: AnyRole, db: DB, session_id: uuid.UUID
) -> list[reports.RedactionReportRead]:
    """Every time this session's content left: where, by whom, and the kinds and counts of
    what was redacted (never the values)."""
    session = await service.get_session(db, principal, session_id)
    return await reports.for_session(db, session)


@router.get(
    "/sessions/{session_id}/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def stream_session(
    principal: AnyRole,
    db: DB,
    session_id: uuid.UUID,
    request: Request,
    after: Annotated[
        int | None, Query(ge=0, le=2_147_483_647, description="Last seq the client has")
    ] = None,
    max_seconds: Annotated[
        float,
        Query(
            ge=0,
            le=3600,
            description="Close after this many seconds (at most the server's "
            "RESOLUTIONFLOW_SSE_MAX_STREAM_S, 5 minutes by default); clients reconnect",
        ),
    ] = 300,
) -> StreamingResponse:
    """Server-sent events: each new timeline event as `event: session_event` with its `seq` as
    the id. The stream holds no database session open, and re-checks on every wake-up that the
    caller's sign-in is still valid and the session still visible to them. It always ends with
    `event: end` and `{"reason": …}`: `expired` (its lifetime is over: reconnect),
    `unauthorized` (the sign-in ended: reconnecting gets 401) or `forbidden` (the session is no
    longer visible: reconnecting gets 404)."""
    session = await service.get_session(db, principal, session_id)
    last_event_id = request.headers.get("last-event-id", "")
    start = (
        after
        if after is not None
        else (int(last_event_id) if last_event_id.isdigit() else session.last_seq)
    )
    await request.app.state.live_listener.ensure()
    last = start

    async def tick(read_db: AsyncSession, current: Principal) -> list[str]:
        nonlocal last
        await service.get_session(read_db, current, session_id)
        rows = await service.events_after(read_db, current.account_id, session_id, last)
        names = await service._names(read_db, {e.actor_id for e in rows})
        frames = []
        for item in service.event_reads(rows, names):
            last = item.seq
            frames.append(
                f"id: {item.seq}\nevent: session_event\ndata: {item.model_dump_json()}\n\n"
            )
        return frames

    return streams.follow(
        request,
        channel=session_id,
        max_seconds=max_seconds,
        tick=tick,
        gone="This session is no longer visible to you.",
        expired="Reconnect to keep following the session.",
    )


class AttachmentRead(ReadSchema):
    id: uuid.UUID
    filename: str
    content_type: str
    size: int
    created_at: datetime
    url: str


def _attachment_read(a: SessionAttachment) -> AttachmentRead:
    return AttachmentRead(
        id=a.id,
        filename=a.filename,
        content_type=a.content_type,
        size=a.size,
        created_at=a.created_at,
        url=f"/api/v1/sessions/{a.session_id}/attachments/{a.id}",
    )


@router.post(
    "/sessions/{session_id}/attachments",
    status_code=201,
    response_model=AttachmentRead,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    },
)
async def upload_attachment(
    principal: Engineer,
    db: DB,
    session_id: uuid.UUID,
    request: Request,
    filename: Annotated[str, Query(min_length=1, max_length=255, pattern=r"^[^\x00-\x1f]+$")],
) -> AttachmentRead:
    """The file's bytes are the body (any content type); its real type is checked by content."""
    # No transaction has begun yet (the sign-in check reads apart): no lock waits on the body.
    data = await request.body()
    attachment = await attachments.upload(
        db, principal, session_id, filename, data, request.app.state.storage
    )
    return _attachment_read(attachment)


@router.get(
    "/sessions/{session_id}/attachments/{attachment_id}",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
async def download_attachment(
    principal: AnyRole, db: DB, session_id: uuid.UUID, attachment_id: uuid.UUID, request: Request
) -> Response:
    attachment, data = await attachments.fetch(
        db, principal, session_id, attachment_id, request.app.state.storage
    )
    disposition = "inline" if attachment.content_type.startswith("image/") else "attachment"
    quoted = urllib.parse.quote(attachment.filename)
    return Response(
        data,
        media_type=attachment.content_type,
        headers={
            "Content-Disposition": f"{disposition}; filename*=UTF-8''{quoted}",
            "Cache-Control": "private, no-store",
            "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
        },
    )


@router.delete("/sessions/{session_id}/attachments/{attachment_id}", status_code=204)
async def remove_attachment(
    principal: Engineer, db: DB, session_id: uuid.UUID, attachment_id: uuid.UUID, request: Request
) -> Response:
    """Removes a file from the session: it is no longer downloadable, exported or sent to a
    model (the way to keep a screenshot from the copilot: images cannot be redacted)."""
    key = await attachments.remove(db, principal, session_id, attachment_id)
    await uow.end(db)  # the file goes only once its row is gone for good
    await attachments.delete_blob(request.app.state.storage, key)
    return Response(status_code=204)


@router.post("/sessions/{session_id}/events", status_code=201, response_model=EventsAppended)
async def append_event(
    principal: Engineer,
    db: DB,
    request: Request,
    background: BackgroundTasks,
    session_id: uuid.UUID,
    body: EventIn,
) -> EventsAppended:
    session, events = await service.append_event(db, principal, session_id, body)
    if session.status in service.ENDED:
        # Resolved sessions teach the copilot; imported here, the copilot builds on sessions.
        from resolutionflow.assist.memory import remember

        await remember(db, session)
        await index_jobs.queue_fill(db, session.account_id)
        background.add_task(request.app.state.jobs.after_response)
    names = {principal.user_id: principal.name}
    durations = await service.durations_of(db, session, events)
    return EventsAppended(
        session=await service.read(db, session, names),
        events=service.event_reads(events, names, durations),
    )
