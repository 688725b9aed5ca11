"""Documentation of a stored session: load its timeline, render it, redact on the way out."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.documentation import templates
from resolutionflow.documentation.render import Event, Format, Meta, render
from resolutionflow.models import Account, Session
from resolutionflow.redaction import redact
from resolutionflow.redaction.inputs import shown_payload
from resolutionflow.redaction.policy import options_for
from resolutionflow.sessions import service as sessions

MEDIA_TYPES: dict[str, str] = {
    "markdown": "text/markdown; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "html": "text/html; charset=utf-8",
}


async def document(db: AsyncSession, session: Session, fmt: Format) -> str:
    events = await sessions.events_of(db, session)
    names = await sessions._names(db, {session.owner_id, *(e.actor_id for e in events)})
    titles = await sessions._flow_titles(db, {session.flow_id})
    meta = Meta(
        title=session.title,
        status=session.status,
        ticket_id=session.ticket_id,
        owner_name=names.get(session.owner_id) if session.owner_id else None,
        flow_title=titles.get(session.flow_id) if session.flow_id else None,
        flow_version=session.flow_version,
        started_at=session.created_at,
        ended_at=session.ended_at,
        active_seconds=sessions.active_seconds(session),
    )
    timeline = [
        Event(
            seq=e.seq,
            type=e.type,
            created_at=e.created_at,
            # Captured values as the timeline shows them (redacted with their prompt, secrets
            # never): each field alone would reach `clean` without the prompt that explains it.
            payload=shown_payload(e.type, e.payload),
            actor_name=names.get(e.actor_id) if e.actor_id else None,
        )
        for e in events
    ]
    options = await options_for(db, session.account_id)
    account = await db.get(Account, session.account_id)
    template = templates.load(account.note_template if account else None).to_template()

    def clean(value: str) -> str:
        # Every piece of free text is redacted before it is written into the note.
        return redact(value, options).redacted

    return render(meta, timeline, fmt, clean=clean, template=template)
