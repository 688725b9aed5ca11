"""Known sessions with known timelines for the analytics tests: rows written as the app would
have written them (sessions, timeline entries with chosen timestamps, handoffs, PSA pushes),
then caught up the way the `analytics.catch_up` job does."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from sqlalchemy import select

from resolutionflow.analytics import recorder
from resolutionflow.db import uow
from resolutionflow.models import (
    Flow,
    FlowVersion,
    Handoff,
    PsaPush,
    Session,
    SessionEvent,
    Step,
    StepLink,
    StepRating,
)


def day(text: str, seconds: float = 0) -> datetime:
    """'2026-03-01' (UTC midnight) plus seconds."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC) + timedelta(seconds=seconds)


@dataclass
class Story:
    """A timeline told in seconds from the session's start."""

    flow_id: uuid.UUID | None = None
    version: int = 1
    t: float = 0.0
    entries: list[tuple[float, str, dict[str, Any]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.add("started")

    def wait(self, seconds: float) -> Story:
        self.t += seconds
        return self

    def add(self, kind: str, **payload: Any) -> Story:
        self.entries.append((self.t, kind, payload))
        return self

    def show(self, node: str) -> Story:
        return self.add("step_shown", node_id=node, flow_id=str(self.flow_id), version=self.version)

    def answer(self, node: str, then: str | None = None) -> Story:
        self.add("answer", node_id=node, answer="")
        return self.show(then) if then else self


@dataclass
class Built:
    id: uuid.UUID
    account_id: uuid.UUID


class Builder:
    def __init__(self, app: FastAPI) -> None:
        self.app = app

    async def flow(
        self,
        account_id: uuid.UUID,
        graph: dict[str, Any],
        *,
        category: str = "",
        title: str = "Flow",
        edited: datetime | None = None,
    ) -> uuid.UUID:
        """A flow with version 1 published (its graph as given)."""
        now = datetime.now(UTC)
        async with uow.transaction(self.app.state.sessionmaker) as db:
            flow = Flow(
                account_id=account_id,
                kind="troubleshooting",
                title=title,
                description="",
                category=category,
                tags=[],
                draft={**graph, "title": title, "category": category},
                draft_revision=1,
                draft_updated_at=edited or now,
                published_revision=1,
                latest_version=1,
            )
            db.add(flow)
            await db.flush()
            db.add(
                FlowVersion(
                    account_id=account_id,
                    flow_id=flow.id,
                    number=1,
                    graph={**graph, "title": title, "category": category},
                    published_at=now,
                )
            )
            return flow.id

    async def session(
        self,
        account_id: uuid.UUID,
        owner_id: uuid.UUID | None,
        created_at: datetime,
        *,
        status: str = "active",
        active_seconds: int = 0,
        story: Story | None = None,
        flow_id: uuid.UUID | None = None,
        mode: str = "guided",
        pilot: dict[str, Any] | None = None,
        handoff: str | None = None,  # "unclaimed" | "claimed"
        pushes: tuple[str, ...] = (),
        catch_up: bool = True,
        outcome: str | None = None,  # e.g. "workaround" for a resolved session; default: status
    ) -> Built:
        story = story or Story(flow_id=flow_id)
        flow_id = flow_id or story.flow_id
        ended = status in ("resolved", "unresolved", "abandoned")
        async with uow.transaction(self.app.state.sessionmaker) as db:
            session = Session(
                account_id=account_id,
                owner_id=owner_id,
                title=f"Session {secrets.token_hex(3)}",
                status=status,
                flow_id=flow_id,
                flow_version=1 if flow_id else None,
                state={},
                outcome=outcome or (status if ended else None),
                summary="",
                active_seconds=active_seconds,
                active_since=None,
                ended_at=created_at + timedelta(seconds=story.t) if ended else None,
                last_seq=len(story.entries),
                mode=mode,
                pilot=pilot,
                created_at=created_at,
                updated_at=created_at + timedelta(seconds=story.t),
            )
            db.add(session)
            await db.flush()
            for seq, (offset, kind, payload) in enumerate(story.entries, 1):
                db.add(
                    SessionEvent(
                        account_id=account_id,
                        session_id=session.id,
                        seq=seq,
                        type=kind,
                        actor_id=owner_id,
                        created_at=created_at + timedelta(seconds=offset),
                        payload=payload,
                    )
                )
            if handoff is not None:
                db.add(
                    Handoff(
                        account_id=account_id,
                        session_id=session.id,
                        escalated_by_id=owner_id,
                        reason="Need a senior",
                        priority="medium",
                        snapshot={},
                        assessment_status="ready",
                        status=handoff,
                    )
                )
            for state in pushes:
                db.add(
                    PsaPush(
                        account_id=account_id,
                        session_id=session.id,
                        provider="connectwise",
                        ticket_id="1001",
                        note_type="internal",
                        body="note",
                        marker=secrets.token_hex(8),
                        state=state,
                        next_attempt_at=created_at,
                    )
                )
            await db.flush()
            if catch_up:
                await recorder.catch_up(db, account_id, {session.id: session.last_seq})
            return Built(session.id, account_id)

    async def rate(
        self,
        account_id: uuid.UUID,
        flow_id: uuid.UUID,
        node_id: str,
        stars: dict[uuid.UUID, int],
    ) -> None:
        """A library step linked to the flow's node, rated by each user with their stars."""
        async with uow.transaction(self.app.state.sessionmaker) as db:
            step = Step(account_id=account_id, title=f"Step {secrets.token_hex(3)}", kind="action")
            db.add(step)
            await db.flush()
            db.add(
                StepLink(account_id=account_id, step_id=step.id, flow_id=flow_id, node_id=node_id)
            )
            for user_id, n in stars.items():
                db.add(StepRating(account_id=account_id, step_id=step.id, user_id=user_id, stars=n))

    async def archive(self, flow_id: uuid.UUID) -> None:
        async with uow.transaction(self.app.state.sessionmaker) as db:
            flow = await db.get(Flow, flow_id)
            assert flow is not None
            flow.archived_at = datetime.now(UTC)

    async def visits(self, session_id: uuid.UUID) -> list[tuple[Any, ...]]:
        from resolutionflow.models import StepVisit

        async with uow.transaction(self.app.state.sessionmaker) as db:
            rows = await db.execute(
                select(
                    StepVisit.seq,
                    StepVisit.node_id,
                    StepVisit.answered,
                    StepVisit.active_seconds,
                    StepVisit.flow_id,
                )
                .where(StepVisit.session_id == session_id)
                .order_by(StepVisit.seq)
            )
            return [tuple(r) for r in rows]
