"""HTTP routes of sessions and their timeline."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from resolutionflow.auth.principal import AnyRole, Engineer
from resolutionflow.common.schemas import Page, SearchText, decode_offset, encode_offset
from resolutionflow.db.session import DB
from resolutionflow.documentation import service as documentation
from resolutionflow.documentation.service import MEDIA_TYPES
from resolutionflow.sessions import service
from resolutionflow.sessions.schemas import (
    EventIn,
    EventsAppended,
    SessionCreate,
    SessionDetail,
    SessionStatus,
    SessionSummary,
)

router = APIRouter(tags=["sessions"])


@router.get("/sessions", response_model=Page[SessionSummary])
async def list_sessions(
    principal: AnyRole,
    db: DB,
    scope: Literal["mine", "all"] = "mine",
    status: SessionStatus | None = None,
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
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    return Page(items=items, next_cursor=encode_offset(offset + limit) if more else None)


@router.post("/sessions", status_code=201, response_model=SessionDetail)
async def start_session(principal: Engineer, db: DB, body: SessionCreate) -> SessionDetail:
    session, _ = await service.create_session(db, principal, body)
    return await service.detail(db, session)


@router.get("/sessions/{session_id}", response_model=SessionDetail)
async def get_session(principal: AnyRole, db: DB, session_id: uuid.UUID) -> SessionDetail:
    return await service.detail(db, await service.get_session(db, principal, session_id))


@router.get(
    "/sessions/{session_id}/documentation",
    response_class=Response,
    responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}},
)
async def session_documentation(
    principal: AnyRole,
    db: DB,
    session_id: uuid.UUID,
    format: Literal["markdown", "text", "html"] = "markdown",
) -> Response:
    session = await service.get_session(db, principal, session_id)
    body = await documentation.document(db, session, format)
    return Response(body, media_type=MEDIA_TYPES[format])


@router.post("/sessions/{session_id}/events", status_code=201, response_model=EventsAppended)
async def append_event(
    principal: Engineer, db: DB, session_id: uuid.UUID, body: EventIn
) -> EventsAppended:
    session, events = await service.append_event(db, principal, session_id, body)
    names = {principal.user_id: principal.name}
    return EventsAppended(
        session=await service.read(db, session), events=service.event_reads(events, names)
    )
