"""The handoff snapshot: what the senior reads before touching the session, redacted."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.models import Flow, PilotFix, Session
from resolutionflow.redaction import RedactionOptions, redact
from resolutionflow.redaction.inputs import shown_payload
from resolutionflow.sessions import service as sessions

RECENT_STEPS = 8
TRIED_NOTES = 10
STEP_EVENTS = ("answer", "pilot_step_answered", "suggestion_accepted", "fix_status")


def _step_line(type_: str, p: dict[str, Any]) -> str:
    if type_ == "answer":
        value = p.get("answer") or p.get("value") or "done"
        result = f" ({p['result']})" if p.get("result") else ""
        return f"{p.get('title', 'Step')}: {value}{result}"
    if type_ == "pilot_step_answered":
        said = p.get("option") or p.get("answer_text") or ("skipped" if p.get("skipped") else "")
        return f"{str(p.get('text', '')).splitlines()[0] if p.get('text') else 'Step'}: {said}"
    if type_ == "suggestion_accepted":
        return f"Followed the copilot's suggestion: {p.get('title', '')}"
    return f"Fix “{p.get('title', '')}”: {p.get('status', '')} {p.get('outcome') or ''}".strip()


async def build(db: AsyncSession, session: Session, options: RedactionOptions) -> dict[str, Any]:
    def clean(text: str) -> str:
        return redact(text, options).redacted

    events = await sessions.events_of(db, session)
    pilot = session.pilot or {}
    triage = pilot.get("triage", {})
    steps = [e for e in events if e.type in STEP_EVENTS]
    notes = [str(e.payload.get("text", "")) for e in events if e.type == "note"]
    domain = triage.get("category") or ""
    if not domain and session.flow_id is not None:
        domain = await db.scalar(select(Flow.category).where(Flow.id == session.flow_id)) or ""
    fixes = list(await db.scalars(select(PilotFix).where(PilotFix.session_id == session.id)))
    unverified = [
        f
        for f in fixes
        if f.status == "verifying" or (f.status == "applied" and f.outcome == "pending")
    ]
    read = await sessions.read(db, session)
    return {
        "problem_summary": clean(triage.get("summary") or session.title),
        "title": clean(session.title),
        "domain": domain,
        "step_count": len(steps),
        "recent_steps": [
            clean(_step_line(e.type, shown_payload(e.type, e.payload)))
            for e in steps[-RECENT_STEPS:]
        ],
        "variables": {k: clean(v) for k, v in read.variables.items()},
        "tried": [clean(n) for n in notes[-TRIED_NOTES:]],
        "note_count": len(notes),
        "ticket_id": session.ticket_id,
        "flow_title": read.flow_title,
        "current_step": read.current_step.title if read.current_step else None,
        "time_spent_seconds": sessions.active_seconds(session),
        "unverified_fix": clean(unverified[-1].title) if unverified else None,
        "hypothesis": clean(triage.get("hypothesis") or ""),
    }
