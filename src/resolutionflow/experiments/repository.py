"""The queries of A/B tests: experiments by flow and by id, the sessions each variant ran, and
candidate versions. Every query is scoped to one account."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.db.scoping import get_in_account, readable
from resolutionflow.models import Experiment, FlowVersion, Handoff, Session, User


async def get(
    db: AsyncSession, account_id: uuid.UUID, experiment_id: uuid.UUID, *, lock: bool = False
) -> Experiment:
    if not lock:
        return await get_in_account(db, account_id, Experiment, experiment_id, what="A/B test")
    row = await db.scalar(
        readable(account_id, Experiment).where(Experiment.id == experiment_id).with_for_update()
    )
    if row is None:
        # The same answer as an unlocked lookup's (tenancy: indistinguishable from missing).
        return await get_in_account(db, account_id, Experiment, experiment_id, what="A/B test")
    return row


async def running_for_flow(
    db: AsyncSession, account_id: uuid.UUID, flow_id: uuid.UUID
) -> Experiment | None:
    return await db.scalar(
        readable(account_id, Experiment).where(
            Experiment.flow_id == flow_id, Experiment.status == "running"
        )
    )


async def for_flow(db: AsyncSession, account_id: uuid.UUID, flow_id: uuid.UUID) -> list[Experiment]:
    """Newest first."""
    rows = await db.scalars(
        readable(account_id, Experiment)
        .where(Experiment.flow_id == flow_id)
        .order_by(Experiment.started_at.desc(), Experiment.id)
    )
    return list(rows.all())


async def version_graph(
    db: AsyncSession, account_id: uuid.UUID, flow_id: uuid.UUID, number: int
) -> FlowVersion | None:
    return await db.scalar(
        select(FlowVersion).where(
            FlowVersion.account_id == account_id,
            FlowVersion.flow_id == flow_id,
            FlowVersion.number == number,
        )
    )


@dataclass(frozen=True)
class Run:
    """One session of a test, as much as the results need."""

    experiment_id: uuid.UUID
    variant: str
    status: str
    active_seconds: int
    escalated: bool


async def runs(
    db: AsyncSession, account_id: uuid.UUID, experiment_ids: list[uuid.UUID]
) -> list[Run]:
    if not experiment_ids:
        return []
    escalated = exists().where(Handoff.session_id == Session.id, Handoff.kind == "escalation")
    rows = await db.execute(
        select(
            Session.experiment_id,
            Session.variant,
            Session.status,
            Session.active_seconds,
            escalated.label("escalated"),
        ).where(Session.account_id == account_id, Session.experiment_id.in_(experiment_ids))
    )
    return [
        Run(eid, variant, status, int(seconds or 0), bool(esc))
        for eid, variant, status, seconds, esc in rows
        if eid is not None and variant is not None
    ]


async def names(
    db: AsyncSession, account_id: uuid.UUID, ids: set[uuid.UUID | None]
) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = await db.execute(
        select(User.id, User.name).where(User.account_id == account_id, User.id.in_(wanted))
    )
    return {i: n for i, n in rows}
