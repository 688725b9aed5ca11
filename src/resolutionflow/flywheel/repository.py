"""The flywheel's queries: the sessions it learns from with their timelines, proposals, and
its per-account state. Every query is scoped to one account."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.db.scoping import readable
from resolutionflow.models import (
    Flow,
    FlowVersion,
    FlywheelState,
    Proposal,
    ProposalComment,
    Session,
    SessionEvent,
    TeamMembership,
    User,
)

# The timeline entries the flywheel reads; the rest (deltas, facts, triage) say nothing new.
EVENT_TYPES = (
    "step_shown",
    "answer",
    "went_back",
    "flow_completed",
    "escalated",
    "pilot_intake",
    "note",
    "command_output",
    "suggestion_accepted",
    "pilot_step_answered",
    "fix_status",
    "copilot_question",
    "copilot_reply",
    "resolved",
    "unresolved",
)
# The most sessions one run reads (the newest); clustering is quadratic in them.
MAX_SESSIONS = 600


async def sessions_since(
    db: AsyncSession,
    account_id: uuid.UUID,
    since: datetime,
    *,
    ids: Sequence[uuid.UUID] | None = None,
) -> list[Session]:
    """Ended or escalated sessions of the account updated since `since` (or exactly `ids`)."""
    query = readable(account_id, Session)
    if ids is not None:
        query = query.where(Session.id.in_(list(ids)))
    else:
        query = query.where(
            Session.status.in_(("resolved", "unresolved", "escalated", "abandoned", "active")),
            Session.updated_at >= since,
        )
    query = query.order_by(Session.updated_at.desc()).limit(MAX_SESSIONS)
    return list((await db.scalars(query)).all())


async def timelines(
    db: AsyncSession, account_id: uuid.UUID, session_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[str, dict[str, Any]]]]:
    out: dict[uuid.UUID, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    ids = list(session_ids)
    for start in range(0, len(ids), 200):
        rows = await db.execute(
            select(SessionEvent.session_id, SessionEvent.type, SessionEvent.payload)
            .where(
                SessionEvent.account_id == account_id,
                SessionEvent.session_id.in_(ids[start : start + 200]),
                SessionEvent.type.in_(EVENT_TYPES),
            )
            .order_by(SessionEvent.session_id, SessionEvent.seq)
        )
        for session_id, kind, payload in rows:
            out[session_id].append((kind, dict(payload or {})))
    return out


async def newest_change(db: AsyncSession, account_id: uuid.UUID) -> datetime | None:
    return await db.scalar(
        select(func.max(Session.updated_at)).where(Session.account_id == account_id)
    )


async def published_flows(
    db: AsyncSession, account_id: uuid.UUID
) -> list[tuple[Flow, dict[str, Any] | None]]:
    """Every flow of the account that is not archived, with its latest published graph."""
    flows = list(
        (await db.scalars(readable(account_id, Flow).where(Flow.archived_at.is_(None)))).all()
    )
    graphs: dict[tuple[uuid.UUID, int], dict[str, Any]] = {}
    wanted = [(f.id, f.latest_version) for f in flows if f.latest_version]
    if wanted:
        rows = await db.execute(
            select(FlowVersion.flow_id, FlowVersion.number, FlowVersion.graph).where(
                FlowVersion.account_id == account_id,
                FlowVersion.flow_id.in_([w[0] for w in wanted]),
            )
        )
        for flow_id, number, graph in rows:
            graphs[(flow_id, number)] = graph
    return [(f, graphs.get((f.id, f.latest_version or 0))) for f in flows]


async def proposals(
    db: AsyncSession, account_id: uuid.UUID, status: str | None = None, limit: int | None = None
) -> list[Proposal]:
    query = readable(account_id, Proposal)
    if status is not None:
        query = query.where(Proposal.status == status)
    query = query.order_by(Proposal.updated_at.desc(), Proposal.id)
    if limit is not None:
        query = query.limit(limit)
    return list((await db.scalars(query)).all())


async def proposal(
    db: AsyncSession, account_id: uuid.UUID, proposal_id: uuid.UUID, *, lock: bool = False
) -> Proposal | None:
    query = readable(account_id, Proposal).where(Proposal.id == proposal_id)
    if lock:
        query = query.with_for_update()
    return await db.scalar(query)


async def counts(db: AsyncSession, account_id: uuid.UUID) -> dict[str, int]:
    rows = await db.execute(
        select(Proposal.status, func.count())
        .where(Proposal.account_id == account_id)
        .group_by(Proposal.status)
    )
    return {status: int(n) for status, n in rows}


async def comments(
    db: AsyncSession, account_id: uuid.UUID, proposal_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[ProposalComment, str | None]]]:
    out: dict[uuid.UUID, list[tuple[ProposalComment, str | None]]] = defaultdict(list)
    if not proposal_ids:
        return out
    rows = await db.execute(
        select(ProposalComment, User.name)
        .outerjoin(User, User.id == ProposalComment.author_id)
        .where(
            ProposalComment.account_id == account_id,
            ProposalComment.proposal_id.in_(list(proposal_ids)),
        )
        .order_by(ProposalComment.created_at, ProposalComment.id)
    )
    for comment, name in rows:
        out[comment.proposal_id].append((comment, name))
    return out


async def state(db: AsyncSession, account_id: uuid.UUID) -> FlywheelState:
    row = await db.scalar(readable(account_id, FlywheelState).with_for_update())
    if row is None:
        row = FlywheelState(account_id=account_id)
        db.add(row)
        await db.flush()
    return row


async def teams_of(
    db: AsyncSession, account_id: uuid.UUID, user_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID]:
    """One team per user (the first by id) for the users that have one."""
    if not user_ids:
        return {}
    rows = await db.execute(
        select(TeamMembership.user_id, TeamMembership.team_id)
        .where(
            TeamMembership.account_id == account_id,
            TeamMembership.user_id.in_(list(user_ids)),
        )
        .order_by(TeamMembership.team_id)
    )
    out: dict[uuid.UUID, uuid.UUID] = {}
    for user_id, team_id in rows:
        out.setdefault(user_id, team_id)
    return out


async def my_teams(db: AsyncSession, account_id: uuid.UUID, user_id: uuid.UUID) -> set[uuid.UUID]:
    rows = await db.scalars(
        select(TeamMembership.team_id).where(
            TeamMembership.account_id == account_id, TeamMembership.user_id == user_id
        )
    )
    return set(rows.all())


async def names(
    db: AsyncSession, account_id: uuid.UUID, user_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, str]:
    if not user_ids:
        return {}
    rows = await db.execute(
        select(User.id, User.name).where(User.account_id == account_id, User.id.in_(list(user_ids)))
    )
    return {i: n for i, n in rows}


async def admins(db: AsyncSession, account_id: uuid.UUID) -> list[User]:
    rows = await db.scalars(
        select(User).where(
            User.account_id == account_id,
            or_(User.role == "team_admin", User.role == "super_admin"),
        )
    )
    return list(rows.all())
