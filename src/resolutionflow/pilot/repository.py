"""Queries of FlowPilot's flow matching, scoped to the account in one place: its published,
unarchived flows (the library a session may be proposed) and the openings of its sessions that
were resolved on a flow (the words engineers use for each flow)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.models import Flow, FlowVersion, Session

# The newest resolved sessions whose openings teach the matcher the account's words.
HISTORY_SESSIONS = 500


async def library_signature(
    db: AsyncSession, account_id: uuid.UUID
) -> tuple[tuple[tuple[uuid.UUID, int], ...], tuple[int, Any]]:
    """What the matcher is built from, cheaply: (flow id, version) of every published flow and
    (count, newest end) of the resolved sessions run from a flow. Equal signatures: the same
    matcher."""
    flows = await db.execute(
        select(Flow.id, Flow.latest_version)
        .where(
            Flow.account_id == account_id,
            Flow.archived_at.is_(None),
            Flow.latest_version.is_not(None),
        )
        .order_by(Flow.id)
    )
    resolved = (
        await db.execute(
            select(func.count(), func.max(Session.ended_at)).where(
                Session.account_id == account_id,
                Session.status == "resolved",
                Session.flow_id.is_not(None),
            )
        )
    ).one()
    return (
        tuple((fid, int(v)) for fid, v in flows if v is not None),
        (int(resolved[0]), resolved[1]),
    )


async def library(db: AsyncSession, account_id: uuid.UUID) -> list[tuple[Flow, dict[str, Any]]]:
    """The account's published, unarchived flows, each with its latest version's graph."""
    rows = await db.execute(
        select(Flow, FlowVersion.graph)
        .join(
            FlowVersion,
            and_(FlowVersion.flow_id == Flow.id, FlowVersion.number == Flow.latest_version),
        )
        .where(Flow.account_id == account_id, Flow.archived_at.is_(None))
        .order_by(Flow.id)
    )
    return [(flow, graph) for flow, graph in rows]


async def resolved_openings(db: AsyncSession, account_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """(flow id, opening) of the newest resolved sessions that ran a flow: the session's title
    and its FlowPilot intake when it had one."""
    rows = await db.execute(
        select(Session.flow_id, Session.title, Session.pilot)
        .where(
            Session.account_id == account_id,
            Session.status == "resolved",
            Session.flow_id.is_not(None),
        )
        .order_by(Session.ended_at.desc())
        .limit(HISTORY_SESSIONS)
    )
    out = []
    for flow_id, title, pilot in rows:
        intake = ((pilot or {}).get("intake") or {}).get("text") or ""
        if flow_id is not None:
            out.append((flow_id, f"{title}\n{intake}"))
    return out


async def recent_successes(
    db: AsyncSession, account_id: uuid.UUID, since: datetime
) -> dict[uuid.UUID, int]:
    """Per flow: sessions run from it and resolved since `since`."""
    rows = await db.execute(
        select(Session.flow_id, func.count())
        .where(
            Session.account_id == account_id,
            Session.status == "resolved",
            Session.flow_id.is_not(None),
            Session.ended_at >= since,
        )
        .group_by(Session.flow_id)
    )
    return {fid: int(n) for fid, n in rows if fid is not None}
