"""Escalating a session, listing handoffs, claiming one atomically, and the outcome loop."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit import service as audit
from resolutionflow.auth.principal import Principal
from resolutionflow.common.context import ClientInfo
from resolutionflow.common.schemas import ReadSchema, WriteSchema
from resolutionflow.config import get_settings
from resolutionflow.documentation import service as documentation
from resolutionflow.errors import Conflict, Forbidden, ValidationFailed
from resolutionflow.escalations import channels, jobs, repository
from resolutionflow.escalations import snapshot as snapshots
from resolutionflow.jobs import queue
from resolutionflow.models import (
    Handoff,
    Job,
    Notification,
    Role,
    Session,
    Team,
    TeamMembership,
    User,
)
from resolutionflow.outbound import notices, reports
from resolutionflow.providers.notify.email import smtp_configured
from resolutionflow.redaction import redact
from resolutionflow.redaction.policy import options_for
from resolutionflow.sessions import live
from resolutionflow.sessions import service as sessions

Priority = Literal["low", "medium", "high", "urgent"]

# Called in the escalating transaction with (db, session, handoff): where integrations (the PSA
# note on a linked ticket) join in. Empty until one registers.
ON_ESCALATE: list[Callable[[AsyncSession, Session, Handoff], Awaitable[None]]] = []


class EscalateIn(WriteSchema):
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=5000)]
    priority: Priority = "medium"
    target_user_id: uuid.UUID | None = None
    target_team_id: uuid.UUID | None = None


PARK_NOTE_MAX = 1000


class ParkIn(WriteSchema):
    """Hand the session to a person or a team without escalating (end of shift): exactly one
    target, and a short note for them."""

    target_user_id: uuid.UUID | None = None
    target_team_id: uuid.UUID | None = None
    note: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=PARK_NOTE_MAX)
    ]


class OutcomeIn(WriteSchema):
    cause_correct: bool


class ClaimRight(StrEnum):
    """Whether the viewer may pick a handoff up, so the screen offers only what will work."""

    yes = "yes"  # open, or meant for them (or their team)
    as_admin = "as_admin"  # meant for someone else; a team admin may step in (audited)
    not_theirs = "not_theirs"  # meant for someone else
    no = "no"  # they escalated it, or their role only reads


class HandoffRead(ReadSchema):
    id: uuid.UUID
    kind: Literal["escalation", "park"] = Field(
        default="escalation",
        description="`park`: handed on without escalating (a short note in `reason`, no AI "
        "assessment; the session is paused until claimed)",
    )
    session_id: uuid.UUID
    problem_summary: str
    domain: str
    step_count: int
    escalated_at: datetime
    escalated_by_id: uuid.UUID | None
    escalated_by_name: str | None
    priority: Priority
    reason: str
    tried: list[str]
    recent_steps: list[str]
    snapshot: dict[str, Any]
    ai_assessment: dict[str, Any] | None
    assessment_status: Literal["pending", "ready", "failed"]
    status: Literal["unclaimed", "claimed", "cancelled"]
    claimed_by: uuid.UUID | None
    claimed_by_name: str | None
    claimed_at: datetime | None
    target_user_id: uuid.UUID | None
    target_team_id: uuid.UUID | None
    # Who it is meant for (a person's name, or "the <name> team"); None when open to anyone.
    target_name: str | None
    you_may_claim: ClaimRight
    cause_correct: bool | None
    notified_count: int


def _now() -> datetime:
    return datetime.now(UTC)


async def _names(db: AsyncSession, ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {
        i: n for i, n in await db.execute(select(User.id, User.name).where(User.id.in_(wanted)))
    }


async def read(db: AsyncSession, principal: Principal, h: Handoff) -> HandoffRead:
    """The handoff as `principal` sees it (`you_may_claim` is theirs)."""
    names = await _names(db, {h.escalated_by_id, h.claimed_by_id})
    claimability = await _claimability(db, principal, h)
    notified = await db.scalar(
        select(func.count()).select_from(Notification).where(Notification.handoff_id == h.id)
    )
    snap = h.snapshot
    return HandoffRead(
        id=h.id,
        kind="park" if h.kind == "park" else "escalation",
        session_id=h.session_id,
        problem_summary=snap.get("problem_summary", ""),
        domain=snap.get("domain", ""),
        step_count=snap.get("step_count", 0),
        escalated_at=h.created_at,
        escalated_by_id=h.escalated_by_id,
        escalated_by_name=names.get(h.escalated_by_id) if h.escalated_by_id else None,
        priority=h.priority,
        reason=h.reason,
        tried=snap.get("tried", []),
        recent_steps=snap.get("recent_steps", []),
        snapshot=snap,
        ai_assessment=h.assessment,
        assessment_status=h.assessment_status,
        status=h.status,
        claimed_by=h.claimed_by_id,
        claimed_by_name=names.get(h.claimed_by_id) if h.claimed_by_id else None,
        claimed_at=h.claimed_at,
        target_user_id=h.target_user_id,
        target_team_id=h.target_team_id,
        target_name=claimability.target_name,
        you_may_claim=claimability.right,
        cause_correct=h.cause_correct,
        notified_count=int(notified or 0),
    )


async def get(db: AsyncSession, principal: Principal, handoff_id: uuid.UUID) -> Handoff:
    return await repository.get_handoff(db, principal, handoff_id)


async def _recipients(db: AsyncSession, principal: Principal, body: EscalateIn) -> list[User]:
    return await repository.recipients(db, principal, body.target_user_id, body.target_team_id)


async def _check_targets(db: AsyncSession, principal: Principal, body: EscalateIn | ParkIn) -> None:
    if body.target_user_id is not None:
        user = await repository.user_in_account(db, principal, body.target_user_id)
        if user is None or not user.is_active:
            raise ValidationFailed(
                "No such person in this account.",
                errors=[
                    {"loc": ["body", "target_user_id"], "msg": "not found", "type": "value_error"}
                ],
            )
        if user.role == "viewer":
            raise ValidationFailed(
                f"{user.name} is a viewer and cannot pick up sessions.",
                errors=[
                    {"loc": ["body", "target_user_id"], "msg": "viewer", "type": "value_error"}
                ],
            )
        if user.id == principal.user_id:
            raise ValidationFailed(
                "Hand it to someone else.",
                errors=[
                    {"loc": ["body", "target_user_id"], "msg": "yourself", "type": "value_error"}
                ],
            )
    if body.target_team_id is not None:
        team = await repository.team_in_account(db, principal, body.target_team_id)
        if team is None:
            raise ValidationFailed(
                "No such team in this account.",
                errors=[
                    {"loc": ["body", "target_team_id"], "msg": "not found", "type": "value_error"}
                ],
            )


@dataclass(frozen=True)
class Escalated:
    handoff: Handoff
    assessment_job: uuid.UUID
    notice_jobs: list[uuid.UUID]


async def escalate(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID, body: EscalateIn
) -> Escalated:
    """Records the escalation with its snapshot and the assessment pending, and queues the
    assessment and the notices that leave the server (as jobs, whose ids are returned)."""
    session = await sessions.get_session(db, principal, session_id, lock=True)
    sessions.may_work(principal, session)
    if session.status in sessions.ENDED:
        raise Conflict(f"This session is {session.status}; reopen work in a new session.")
    if session.status == "escalated":
        raise Conflict("This session is already escalated and waiting for pickup.")
    await _check_targets(db, principal, body)
    options = await options_for(db, session.account_id)
    # The reason is typed in a hurry and often carries what was tried, passwords included. Only
    # the escalator's own timeline (the `escalated` event) keeps it as written; the handoff every
    # role reads, the bells and every notice get it redacted.
    reason = redact(body.reason, options).redacted
    snap = await snapshots.build(db, session, options)
    # The documentation so far travels with the handoff (redacted, as every note is); the PSA
    # integration pushes it to a linked ticket through the escalation hooks.
    snap["documentation"] = await documentation.document(db, session, "text")
    handoff = Handoff(
        account_id=session.account_id,
        session_id=session.id,
        escalated_by_id=principal.user_id,
        reason=reason,
        priority=body.priority,
        target_user_id=body.target_user_id,
        target_team_id=body.target_team_id,
        snapshot=snap,
        assessment=None,
        assessment_status="pending",
        status="unclaimed",
    )
    db.add(handoff)
    sessions.stop_clock(session, _now())
    session.status = "escalated"
    await db.flush()
    await sessions.append_entries(
        db,
        principal,
        session,
        [
            (
                "escalated",
                {
                    "handoff_id": str(handoff.id),
                    "reason": body.reason,
                    "priority": body.priority,
                    "target_user_id": str(body.target_user_id) if body.target_user_id else None,
                    "target_team_id": str(body.target_team_id) if body.target_team_id else None,
                },
            )
        ],
    )
    # What the snapshot carries leaves the session (to the senior, and to a model): recorded.
    await reports.record(
        db,
        account_id=session.account_id,
        session_id=session.id,
        channel="escalation",
        detail=body.priority,
        counts=reports.counts_in(reason, *snap.get("tried", []), *snap.get("recent_steps", [])),
        actor_id=principal.user_id,
    )
    people = await _recipients(db, principal, body)
    for person in people:
        db.add(
            Notification(
                account_id=session.account_id,
                user_id=person.id,
                kind="handoff",
                title=f"{principal.name} escalated “{snap['problem_summary'][:120]}” ({body.priority})",
                body=reason[:500],
                link=f"/handoffs/{handoff.id}",
                handoff_id=handoff.id,
            )
        )
        await live.announce(db, person.id)
    await db.flush()
    for hook in ON_ESCALATE:
        await hook(db, session, handoff)
    job = await queue.enqueue(
        db, jobs.ASSESS, jobs.AssessPayload(handoff_id=handoff.id), account_id=session.account_id
    )
    notices_queued = await _notify_outside(db, principal, handoff, body, reason, snap, people)
    return Escalated(handoff, job.id, [j.id for j in notices_queued])


async def park(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID, body: ParkIn
) -> Handoff:
    """Hands the session to a person or a team without escalating: a handoff of kind `park`
    with the redacted note and the snapshot, the session paused (its clock stopped) until
    someone claims it as any handoff is claimed. No AI assessment is queued, and nothing
    leaves the server but the in-app notices (no PSA note, no email or chat notice)."""
    session = await sessions.get_session(db, principal, session_id, lock=True)
    sessions.may_work(principal, session)
    if session.status in sessions.ENDED:
        raise Conflict(f"This session is {session.status}; there is nothing to hand on.")
    if session.status == "escalated":
        raise Conflict("This session is escalated and waiting for pickup.")
    if await repository.open_park(db, session) is not None:
        raise Conflict("This session is already parked and waiting for pickup.")
    if (body.target_user_id is None) == (body.target_team_id is None):
        field = "target_team_id" if body.target_user_id is not None else "target_user_id"
        raise ValidationFailed(
            "Park with a person or a team: exactly one of target_user_id and target_team_id.",
            errors=[{"loc": ["body", field], "msg": "exactly one target", "type": "value_error"}],
        )
    await _check_targets(db, principal, body)
    options = await options_for(db, session.account_id)
    # Stored and shown redacted like an escalation's reason; the parker's own timeline keeps it
    # as written.
    note = redact(body.note, options).redacted
    snap = await snapshots.build(db, session, options)
    snap["documentation"] = await documentation.document(db, session, "text")
    handoff = Handoff(
        account_id=session.account_id,
        session_id=session.id,
        kind="park",
        escalated_by_id=principal.user_id,
        reason=note,
        priority="medium",
        target_user_id=body.target_user_id,
        target_team_id=body.target_team_id,
        snapshot=snap,
        assessment=None,
        # Nothing to wait for: a parked session has no assessment.
        assessment_status="ready",
        status="unclaimed",
    )
    db.add(handoff)
    now = _now()
    was_paused = session.status == "paused"
    sessions.stop_clock(session, now)
    session.status = "paused"
    await db.flush()
    await sessions.append_entries(
        db,
        principal,
        session,
        [
            *([] if was_paused else [("paused", {})]),
            (
                "parked",
                {
                    "handoff_id": str(handoff.id),
                    "note": body.note,
                    "target_user_id": str(body.target_user_id) if body.target_user_id else None,
                    "target_team_id": str(body.target_team_id) if body.target_team_id else None,
                },
            ),
        ],
    )
    await reports.record(
        db,
        account_id=session.account_id,
        session_id=session.id,
        channel="escalation",
        detail="park",
        counts=reports.counts_in(note, *snap.get("tried", []), *snap.get("recent_steps", [])),
        actor_id=principal.user_id,
    )
    for person in await repository.recipients(
        db, principal, body.target_user_id, body.target_team_id
    ):
        db.add(
            Notification(
                account_id=session.account_id,
                user_id=person.id,
                kind="parked",
                title=f"{principal.name} parked “{snap['problem_summary'][:120]}” with you",
                body=note[:500],
                link=f"/handoffs/{handoff.id}",
                handoff_id=handoff.id,
            )
        )
        await live.announce(db, person.id)
    await db.flush()
    return handoff


async def _notify_outside(
    db: AsyncSession,
    principal: Principal,
    handoff: Handoff,
    body: EscalateIn,
    reason: str,
    snap: dict[str, Any],
    people: list[User],
) -> list[Job]:
    """Email and Slack/Teams notices, queued as jobs in the escalating transaction (sent once
    it commits, retried until delivered). They leave the server with the redacted reason."""
    link = f"{get_settings().base_url.rstrip('/')}/handoffs/{handoff.id}"
    queued: list[Job] = []
    if people and smtp_configured(get_settings()):
        await reports.record(
            db,
            account_id=principal.account_id,
            session_id=handoff.session_id,
            channel="email",
            detail=f"{len(people)} recipients",
            counts=reports.counts_in(reason, snap["problem_summary"]),
            actor_id=principal.user_id,
        )
        for person in people:
            email = await notices.queue_email(
                db,
                principal.account_id,
                to=person.email,
                subject=f"[{body.priority}] Escalation: {snap['problem_summary'][:120]}",
                text=f"{principal.name} escalated a session.\n\nReason: {reason}\n\n"
                f"Pick it up: {link}\n",
            )
            queued.append(email)
    hooks = await channels.targets(db, principal.account_id)
    if hooks:
        title = f"[{body.priority}] {principal.name} escalated: {snap['problem_summary'][:150]}"
        text = (
            f"Reason: {reason[:500]}\nDomain: {snap.get('domain') or 'unknown'} · "
            f"{snap['step_count']} steps"
        )
        await reports.record(
            db,
            account_id=principal.account_id,
            session_id=handoff.session_id,
            channel="webhook",
            detail=", ".join(k for k, _ in hooks),
            counts=reports.counts_in(title, text),
            actor_id=principal.user_id,
        )
        queued += await notices.queue_webhooks(
            db, principal.account_id, [k for k, _ in hooks], title=title, text=text, link=link
        )
    return queued


async def listing(
    db: AsyncSession,
    principal: Principal,
    status: str,
    team_id: uuid.UUID | None,
    target: Literal["me", "any"],
    limit: int,
    offset: int,
    kind: str = "all",
) -> tuple[list[Handoff], bool]:
    return await repository.list_handoffs(
        db, principal, status, team_id, target, limit, offset, kind
    )


@dataclass(frozen=True)
class _Claimability:
    right: ClaimRight
    target_name: str | None  # the person or team it is meant for


async def _claimability(db: AsyncSession, principal: Principal, h: Handoff) -> _Claimability:
    if h.target_user_id is not None:
        target_name = (await _names(db, {h.target_user_id})).get(h.target_user_id)
        meant_for_them = h.target_user_id == principal.user_id
    elif h.target_team_id is not None:
        team = await db.scalar(select(Team.name).where(Team.id == h.target_team_id))
        target_name = f"the {team} team" if team else None
        meant_for_them = (
            await db.scalar(
                select(TeamMembership.user_id).where(
                    TeamMembership.team_id == h.target_team_id,
                    TeamMembership.user_id == principal.user_id,
                )
            )
            is not None
        )
    else:
        target_name, meant_for_them = None, True
    if h.escalated_by_id == principal.user_id or not principal.role.at_least(Role.engineer):
        right = ClaimRight.no
    elif meant_for_them:
        right = ClaimRight.yes
    elif principal.role.at_least(Role.team_admin):
        right = ClaimRight.as_admin
    else:
        right = ClaimRight.not_theirs
    return _Claimability(right, target_name)


async def _claim_override(db: AsyncSession, principal: Principal, h: Handoff) -> bool:
    """Whether `principal` claims a handoff meant for someone else: True for a team admin
    stepping in (audited), False for the person or team it names (or an open handoff); anyone
    else is refused, told who it is for."""
    found = await _claimability(db, principal, h)
    if found.right is ClaimRight.not_theirs:
        target = found.target_name or (
            "someone else" if h.target_user_id is not None else "another team"
        )
        who = "only they" if h.target_user_id is not None else "only its members"
        err = Forbidden(f"This handoff is for {target}; {who} or a team admin can claim it.")
        err.extra.update(
            {
                "target_user_id": str(h.target_user_id) if h.target_user_id else None,
                "target_team_id": str(h.target_team_id) if h.target_team_id else None,
                "target_name": target,
            }
        )
        raise err
    return found.right is ClaimRight.as_admin


async def claim(
    db: AsyncSession, principal: Principal, handoff_id: uuid.UUID, client: ClientInfo | None
) -> Handoff:
    """One conditional UPDATE decides: of two seniors racing, exactly one changes the row. A
    handoff that names a person (or a team) is theirs to claim; a team admin may step in, and
    that is audited."""
    h = await get(db, principal, handoff_id)
    if h.escalated_by_id == principal.user_id:
        if h.kind == "park":
            raise Forbidden("You parked this session; resume it to take it back.")
        raise Forbidden("You escalated this session; someone else picks it up.")
    if h.status == "claimed" and h.claimed_by_id == principal.user_id:
        return h  # claiming again is a no-op
    if h.status == "cancelled":
        raise Conflict("This handoff was taken back; there is nothing to claim.")
    override = await _claim_override(db, principal, h)
    now = _now()
    result = await db.execute(
        update(Handoff)
        .where(Handoff.id == h.id, Handoff.status == "unclaimed")
        .values(status="claimed", claimed_by_id=principal.user_id, claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        await db.refresh(h)
        if h.status == "claimed" and h.claimed_by_id == principal.user_id:
            return h
        holder = (
            (await _names(db, {h.claimed_by_id})).get(h.claimed_by_id) if h.claimed_by_id else None
        )
        since = h.claimed_at.isoformat(timespec="seconds") if h.claimed_at else "earlier"
        err = Conflict(f"{holder or 'Someone'} has already claimed this since {since}.")
        err.extra.update(
            {"claimed_by": str(h.claimed_by_id), "claimed_by_name": holder, "claimed_at": since}
        )
        raise err
    await db.refresh(h)
    if override:
        audit.record_by(
            db,
            principal,
            "handoff.claim_override",
            client=client,
            target_type="handoff",
            target_id=h.id,
            detail={
                "session_id": str(h.session_id),
                "target_user_id": str(h.target_user_id) if h.target_user_id else None,
                "target_team_id": str(h.target_team_id) if h.target_team_id else None,
            },
        )
    session = await db.get(Session, h.session_id, with_for_update=True)
    assert session is not None
    previous = session.owner_id
    # The claimer becomes the working owner; the session is active again, its clock running.
    session.owner_id = principal.user_id
    session.status = "active"
    session.active_since = now
    await sessions.append_entries(
        db,
        principal,
        session,
        [
            (
                "claimed",
                {
                    "handoff_id": str(h.id),
                    "claimed_by": principal.name,
                    "previous_owner_id": str(previous) if previous else None,
                },
            ),
        ],
    )
    await db.execute(
        update(Notification)
        .where(Notification.handoff_id == h.id, Notification.read_at.is_(None))
        .values(read_at=now)
        .execution_options(synchronize_session=False)
    )
    # The other recipients' bells drop now, not at their stream's next re-read.
    for (user_id,) in await db.execute(
        select(Notification.user_id).where(Notification.handoff_id == h.id)
    ):
        await live.announce(db, user_id)
    return h


async def record_outcome(
    db: AsyncSession, principal: Principal, handoff_id: uuid.UUID, body: OutcomeIn
) -> Handoff:
    h = await get(db, principal, handoff_id)
    if h.claimed_by_id != principal.user_id and principal.role not in ("team_admin", "super_admin"):
        raise Forbidden("The person who picked it up says whether the likely cause was right.")
    session = await db.get(Session, h.session_id)
    if session is None or session.status != "resolved":
        raise Conflict("Say whether the likely cause was right once the session is resolved.")
    h.cause_correct = body.cause_correct
    await db.flush()
    return h
