"""What of a session is searchable, kept in the shared `text_search` index: the title and ticket
(one row per session) and the free text of its timeline (one row per event: notes, command
output with its command, resolution summaries and follow-ups). Rows are per event so appending
costs one insert, whatever the length of the timeline."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow import search
from resolutionflow.models import Session, SessionEvent

TEXT_EVENTS = ("note", "command_output", "resolved", "unresolved", "abandoned")
KINDS = ("session", "session_event")


def event_text(type_: str, payload: dict[str, Any]) -> str:
    if type_ not in TEXT_EVENTS:
        return ""
    parts = [payload.get(k) for k in ("command", "text", "summary")]
    parts.extend(payload.get("follow_ups") or [])
    return "\n".join(str(p) for p in parts if p)


async def index_session(db: AsyncSession, session: Session) -> None:
    await search.put(
        db,
        kind="session",
        ref_id=session.id,
        parent_id=session.id,
        account_id=session.account_id,
        title=session.title,
        body=session.ticket_id or "",
    )


def event_rows(events: list[SessionEvent]) -> list[search.Row]:
    """Rows for just-appended events (new ids: nothing to replace)."""
    return [
        search.Row(
            kind="session_event",
            ref_id=event.id,
            parent_id=event.session_id,
            account_id=event.account_id,
            title="",
            body=body,
        )
        for event in events
        if (body := event_text(event.type, event.payload))
    ]
