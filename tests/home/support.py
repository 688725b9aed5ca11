"""Helpers for Home's tests: read Home as someone, and rows written straight to the database
where a test needs a past the API cannot make (sessions started days ago, failed jobs)."""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from resolutionflow.models import Handoff, Job, Proposal, Session
from resolutionflow.models.psa import PsaPush
from tests.fixtures.factories import Person

SECTIONS = (
    "sessions",
    "handoffs",
    "maintenance",
    "my_week",
    "team_health",
    "proposals",
    "step_flags",
    "failed_pushes",
    "failed_jobs",
    "flows",
)


async def home(client: AsyncClient, who: Person) -> dict[str, Any]:
    r = await client.get("/api/v1/home", headers=who.headers)
    assert r.status_code == 200, r.text
    return dict(r.json())


def ago(days: float) -> datetime:
    return datetime.now(UTC) - timedelta(days=days)


async def past_session(
    app: FastAPI,
    owner: Person | None,
    account_id: uuid.UUID,
    *,
    days_ago: float,
    status: str,
    active_seconds: int,
) -> uuid.UUID:
    at = ago(days_ago)
    async with app.state.sessionmaker() as db:
        session = Session(
            account_id=account_id,
            title=f"Past {status}",
            status=status,
            owner_id=owner.id if owner else None,
            active_seconds=active_seconds,
            created_at=at,
            updated_at=at,
            ended_at=at if status in ("resolved", "unresolved", "abandoned") else None,
            state={},
        )
        db.add(session)
        await db.commit()
        return session.id


async def past_handoff(
    app: FastAPI, session_id: uuid.UUID, account_id: uuid.UUID, by: Person, *, days_ago: float
) -> uuid.UUID:
    async with app.state.sessionmaker() as db:
        handoff = Handoff(
            account_id=account_id,
            session_id=session_id,
            escalated_by_id=by.id,
            reason="Needs a senior",
            priority="medium",
            snapshot={"problem_summary": "Past escalation"},
            assessment_status="ready",
            status="claimed",
            created_at=ago(days_ago),
        )
        db.add(handoff)
        await db.commit()
        return handoff.id


async def failed_job(app: FastAPI, account_id: uuid.UUID, state: str) -> uuid.UUID:
    async with app.state.sessionmaker() as db:
        job = Job(
            account_id=account_id,
            kind="home.test",
            payload={},
            state=state,
            attempts=3,
            max_attempts=3,
            # A failed job runs again at run_at: far away, so no worker picks it up here.
            run_at=datetime.now(UTC) + timedelta(days=365),
            last_error=f"boom {state}",
        )
        db.add(job)
        await db.commit()
        return job.id


async def failed_push(app: FastAPI, session_id: uuid.UUID, account_id: uuid.UUID) -> uuid.UUID:
    async with app.state.sessionmaker() as db:
        push = PsaPush(
            account_id=account_id,
            session_id=session_id,
            provider="connectwise",
            ticket_id="1001",
            note_type="internal",
            body="note",
            marker=f"RF-{secrets.token_hex(6)}",
            state="failed",
            attempts=5,
            next_attempt_at=datetime.now(UTC),
            last_error="The ticket is closed",
            outcome={},
        )
        db.add(push)
        await db.commit()
        return push.id


async def open_proposal(app: FastAPI, account_id: uuid.UUID, title: str) -> uuid.UUID:
    async with app.state.sessionmaker() as db:
        proposal = Proposal(
            account_id=account_id,
            kind="new_flow",
            status="open",
            title=title,
            rationale="Seen five times",
            confidence=0.7,
            fingerprint=secrets.token_hex(16),
            evidence=[],
            evidence_count=5,
        )
        db.add(proposal)
        await db.commit()
        return proposal.id
