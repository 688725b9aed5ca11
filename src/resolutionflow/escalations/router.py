"""HTTP routes of escalations, handoffs and notifications."""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import StreamingResponse
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import AnyRole, Engineer, Principal, TeamAdmin
from resolutionflow.common.context import client_info
from resolutionflow.common.schemas import Page, ReadSchema, decode_offset, encode_offset
from resolutionflow.config import get_settings
from resolutionflow.db import uow
from resolutionflow.db.session import DB
from resolutionflow.escalations import channels, metrics, repository, service
from resolutionflow.escalations.service import EscalateIn, HandoffRead, OutcomeIn, ParkIn
from resolutionflow.models import Account, Notification
from resolutionflow.sessions import streams

router = APIRouter(tags=["escalations"])
log = logging.getLogger(__name__)

# The escalation request never waits longer than this for the assessment; a slower model
# finishes in the background (a durable job) and the open screens update live.
ASSESSMENT_WAIT_S = 5.0


@router.post("/sessions/{session_id}/escalate", status_code=201, response_model=HandoffRead)
async def escalate(
    principal: Engineer, db: DB, request: Request, session_id: uuid.UUID, body: EscalateIn
) -> HandoffRead:
    """Escalate with a reason and priority (optionally to a person or a team). The handoff is
    stored and its people notified first; the AI assessment gets at most 5 seconds, then
    finishes in the background (`assessment_status` says which)."""
    escalated = await service.escalate(db, principal, session_id, body)
    handoff, worker = escalated.handoff, request.app.state.jobs
    # Stored (with the assessment and the notices queued) before anything is waited for; the
    # assessment runs here at once, and past the bound it carries on — after a restart, on
    # any worker.

    async def once_stored() -> None:
        worker.run_soon(escalated.notice_jobs)
        await worker.run_within(escalated.assessment_job, ASSESSMENT_WAIT_S)

    await uow.while_released(db, once_stored())
    await db.refresh(handoff)
    return await service.read(db, principal, handoff)


class ParkedRead(HandoffRead):
    handoff_id: uuid.UUID


@router.post("/sessions/{session_id}/park", status_code=201, response_model=ParkedRead)
async def park(principal: Engineer, db: DB, session_id: uuid.UUID, body: ParkIn) -> ParkedRead:
    """Hand the session to a person or a team without escalating (end of shift): exactly one of
    `target_user_id` and `target_team_id` (in this account: else 422 naming it), and a short
    `note` (stored redacted). The session's owner or a team admin parks; an ended, escalated or
    already parked session is 409. The session is paused until someone claims the handoff
    (`POST /handoffs/{id}/claim`); resuming it takes the park back. No AI assessment."""
    handoff = await service.park(db, principal, session_id, body)
    read = await service.read(db, principal, handoff)
    return ParkedRead(**read.model_dump(), handoff_id=handoff.id)


@router.get("/account/escalation-channels", response_model=channels.ChannelsRead)
async def read_channels(principal: TeamAdmin, db: DB) -> channels.ChannelsRead:
    """Slack and Teams incoming webhooks for escalation notices (never returned, only whether
    each is set)."""
    account = await db.get(Account, principal.account_id)
    assert account is not None
    return channels.read(account)


@router.put("/account/escalation-channels", response_model=channels.ChannelsRead)
async def save_channels(
    principal: TeamAdmin, db: DB, body: channels.ChannelsWrite
) -> channels.ChannelsRead:
    account = await db.get(Account, principal.account_id)
    assert account is not None
    channels.save(account, body)
    await db.flush()
    return channels.read(account)


class ChannelTest(ReadSchema):
    ok: bool
    sent_to: list[str]
    failed: list[str]


@router.post("/account/escalation-channels/test", response_model=ChannelTest)
async def test_channels(principal: TeamAdmin, db: DB) -> ChannelTest:
    """Sends a test notice to each configured webhook."""
    hooks = await channels.targets(db, principal.account_id)
    link = f"{get_settings().base_url.rstrip('/')}/handoffs"
    # A test is tried once, while the admin waits: its answer is the point.
    failed = await uow.while_released(
        db,
        channels.deliver(
            hooks,
            "ResolutionFlow test notice",
            f"Escalations from {principal.name}'s account will appear here.",
            link,
        ),
    )
    return ChannelTest(ok=not failed and bool(hooks), sent_to=[k for k, _ in hooks], failed=failed)


@router.get("/escalations/metrics", response_model=metrics.EscalationMetrics)
async def escalation_metrics(
    principal: TeamAdmin, db: DB, days: Annotated[int, Query(ge=1, le=365)] = 30
) -> metrics.EscalationMetrics:
    """Time to pickup, pickup to resolution, escalation rate per flow and per engineer, and the
    AI assessment's accuracy and calibration."""
    return await metrics.compute(db, principal.account_id, days)


@router.get("/handoffs", response_model=Page[HandoffRead])
async def list_handoffs(
    principal: AnyRole,
    db: DB,
    status: Literal["unclaimed", "claimed", "all"] = "unclaimed",
    team_id: uuid.UUID | None = None,
    target: Literal["me", "any"] = "any",
    kind: Annotated[
        Literal["escalation", "park", "all"],
        Query(description="Escalations, parked sessions, or both"),
    ] = "all",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Page[HandoffRead]:
    offset = decode_offset(cursor)
    rows, more = await service.listing(db, principal, status, team_id, target, limit, offset, kind)
    return Page(
        items=[await service.read(db, principal, h) for h in rows],
        next_cursor=encode_offset(offset + limit) if more else None,
    )


@router.get("/handoffs/{handoff_id}", response_model=HandoffRead)
async def read_handoff(principal: AnyRole, db: DB, handoff_id: uuid.UUID) -> HandoffRead:
    return await service.read(db, principal, await service.get(db, principal, handoff_id))


@router.post("/handoffs/{handoff_id}/claim", response_model=HandoffRead)
async def claim_handoff(
    principal: Engineer, db: DB, request: Request, handoff_id: uuid.UUID
) -> HandoffRead:
    """Atomic: of two people racing, exactly one gets 200 and the other a 409 naming who has it
    and since when. Claiming again is a no-op; the escalating engineer cannot claim. A handoff
    escalated to a person (or a team) is theirs: anyone else gets a 403 naming who it is for,
    except team admins, whose claim is recorded in the audit log (`handoff.claim_override`)."""
    handoff = await service.claim(db, principal, handoff_id, client_info(request))
    return await service.read(db, principal, handoff)


@router.post("/handoffs/{handoff_id}/outcome", response_model=HandoffRead)
async def handoff_outcome(
    principal: Engineer, db: DB, handoff_id: uuid.UUID, body: OutcomeIn
) -> HandoffRead:
    """After the claimed session is resolved: was the AI's likely cause right?"""
    return await service.read(
        db, principal, await service.record_outcome(db, principal, handoff_id, body)
    )


class NotificationRead(ReadSchema):
    id: uuid.UUID
    kind: str
    title: str
    body: str
    link: str
    handoff_id: uuid.UUID | None
    read_at: datetime | None
    created_at: datetime


class NotificationPage(Page[NotificationRead]):
    unread: int


@router.get("/notifications", response_model=NotificationPage)
async def list_notifications(
    principal: AnyRole,
    db: DB,
    unread_only: bool = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> NotificationPage:
    rows = await repository.my_notifications(db, principal, unread_only=unread_only, limit=limit)
    unread = await db.scalar(
        select(func.count()).where(
            Notification.user_id == principal.user_id, Notification.read_at.is_(None)
        )
    )
    return NotificationPage(
        items=[NotificationRead.model_validate(n) for n in rows], unread=int(unread or 0)
    )


class MarkRead(ReadSchema):
    ids: list[uuid.UUID] | None = None


@router.post("/notifications/read", response_model=NotificationPage)
async def mark_read(
    principal: AnyRole, db: DB, body: Annotated[MarkRead, Body(default_factory=MarkRead)]
) -> NotificationPage:
    """Mark the given notifications (or, without ids, all of yours) read."""
    stmt = update(Notification).where(
        Notification.user_id == principal.user_id, Notification.read_at.is_(None)
    )
    if body.ids is not None:
        stmt = stmt.where(Notification.id.in_(body.ids))
    await db.execute(
        stmt.values(read_at=datetime.now(UTC)).execution_options(synchronize_session=False)
    )
    return await list_notifications(principal, db)


@router.get(
    "/notifications/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def stream_notifications(
    principal: AnyRole,
    db: DB,
    request: Request,
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
    """Server-sent events: `unread` with the unread count when it changes, `changed` whenever
    something of yours changed (a new notification, an assessment landing on a handoff you were
    told about, a claim) so open screens refetch, heartbeats in between. Works across app
    instances on PostgreSQL (LISTEN/NOTIFY). The caller's sign-in is re-checked on every
    wake-up; the stream always ends with `event: end` and `{"reason": …}`: `expired` (its
    lifetime is over: reconnect) or `unauthorized` (the sign-in ended: reconnecting gets 401)."""
    user_id = principal.user_id
    await uow.end(db)  # nothing held open for the stream's life
    await request.app.state.live_listener.ensure()
    last: int | None = None

    async def tick(read_db: AsyncSession, current: Principal) -> list[str]:
        nonlocal last
        unread = await read_db.scalar(
            select(func.count()).where(
                Notification.user_id == user_id, Notification.read_at.is_(None)
            )
        )
        if unread == last:
            return []
        last = unread
        return [f'event: unread\ndata: {{"unread": {int(unread or 0)}}}\n\n']

    return streams.follow(
        request,
        channel=user_id,
        max_seconds=max_seconds,
        tick=tick,
        expired="Reconnect to keep hearing about notifications.",
        # Something of yours changed (a new notification, an assessment landing on a handoff
        # you were told about, a claim): open screens refetch.
        on_wake="event: changed\ndata: {}\n\n",
    )
