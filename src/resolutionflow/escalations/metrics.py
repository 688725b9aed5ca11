"""Escalation metrics: time to pickup, pickup to resolution, escalation rate per flow and per
engineer, and how often the AI's likely cause was right (with its calibration)."""

from __future__ import annotations

import statistics
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.common.schemas import ReadSchema
from resolutionflow.escalations import repository
from resolutionflow.models import Session


class RateRow(ReadSchema):
    id: uuid.UUID
    name: str
    sessions: int
    escalated: int
    rate: float


class CalibrationBucket(ReadSchema):
    label: str  # "0.0-0.4", "0.4-0.7", "0.7-1.0"
    rated: int
    correct: int
    accuracy: float | None


class EscalationMetrics(ReadSchema):
    days: int
    escalations: int
    claimed: int
    median_time_to_pickup_s: float | None
    median_pickup_to_resolution_s: float | None
    per_flow: list[RateRow]
    per_engineer: list[RateRow]
    assessments_rated: int
    assessment_accuracy: float | None
    calibration: list[CalibrationBucket]


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None


async def compute(db: AsyncSession, account_id: uuid.UUID, days: int) -> EscalationMetrics:
    since = datetime.now(UTC) - timedelta(days=days)
    handoffs = await repository.handoffs_since(db, account_id, since)
    claimed = [h for h in handoffs if h.claimed_at is not None]
    ended = {
        sid: ended_at
        for sid, ended_at in await db.execute(
            select(Session.id, Session.ended_at).where(
                Session.id.in_([h.session_id for h in claimed]), Session.status == "resolved"
            )
        )
    }
    pickup = [(h.claimed_at - h.created_at).total_seconds() for h in claimed if h.claimed_at]
    to_resolution = []
    for h in claimed:
        end = ended.get(h.session_id)
        if h.claimed_at is not None and end is not None:
            to_resolution.append((end - h.claimed_at).total_seconds())
    escalated_sessions = {h.session_id for h in handoffs}

    flow_names = await repository.flow_titles(db, account_id)
    people = await repository.user_names(db, account_id)
    per_flow_totals: dict[uuid.UUID, list[int]] = {}
    for fid, sid in await repository.sessions_with_flow_since(db, account_id, since):
        if fid is None:
            continue
        t = per_flow_totals.setdefault(fid, [0, 0])
        t[0] += 1
        t[1] += sid in escalated_sessions
    per_flow = sorted(
        (
            RateRow(
                id=k, name=flow_names.get(k, "?"), sessions=n, escalated=e, rate=round(e / n, 3)
            )
            for k, (n, e) in per_flow_totals.items()
        ),
        key=lambda r: (-r.rate, -r.sessions),
    )[:20]
    # Per engineer: who escalated (the session's owner may have changed at the claim).
    by_engineer: dict[uuid.UUID, list[int]] = {}
    owned = await repository.sessions_per_owner_since(db, account_id, since)
    for owner, n in owned:
        if owner is not None:
            by_engineer[owner] = [int(n), 0]
    for h in handoffs:
        if h.escalated_by_id is not None:
            by_engineer.setdefault(h.escalated_by_id, [0, 0])[1] += 1
    per_engineer = sorted(
        (
            RateRow(
                id=k,
                name=people.get(k, "?"),
                sessions=max(n, e),
                escalated=e,
                rate=round(e / max(n, e), 3) if max(n, e) else 0.0,
            )
            for k, (n, e) in by_engineer.items()
        ),
        key=lambda r: (-r.rate, -r.sessions),
    )[:20]

    rated = [h for h in handoffs if h.cause_correct is not None and h.assessment]
    buckets = []
    for label, lo, hi in (("0.0-0.4", 0.0, 0.4), ("0.4-0.7", 0.4, 0.7), ("0.7-1.0", 0.7, 1.01)):
        inside = [h for h in rated if lo <= float((h.assessment or {}).get("confidence", 0)) < hi]
        good = sum(1 for h in inside if h.cause_correct)
        buckets.append(
            CalibrationBucket(
                label=label,
                rated=len(inside),
                correct=good,
                accuracy=round(good / len(inside), 3) if inside else None,
            )
        )
    correct = sum(1 for h in rated if h.cause_correct)
    return EscalationMetrics(
        days=days,
        escalations=len(handoffs),
        claimed=len(claimed),
        median_time_to_pickup_s=_median(pickup),
        median_pickup_to_resolution_s=_median(to_resolution),
        per_flow=per_flow,
        per_engineer=per_engineer,
        assessments_rated=len(rated),
        assessment_accuracy=round(correct / len(rated), 3) if rated else None,
        calibration=buckets,
    )
