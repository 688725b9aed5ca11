"""Documentation of a stored session: load its timeline, render it, redact on the way out."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.documentation import pdf, templates
from resolutionflow.documentation.render import Detail, Event, Format, Meta, Options, render
from resolutionflow.models import Account, Session
from resolutionflow.redaction import redact
from resolutionflow.redaction.inputs import shown_payload
from resolutionflow.redaction.policy import RedactionMode, for_mode, options_for
from resolutionflow.sessions import repository as sessions_repo
from resolutionflow.sessions import service as sessions
from resolutionflow.storage.base import Storage, StorageError

log = logging.getLogger("resolutionflow.documentation")

MEDIA_TYPES: dict[str, str] = {
    "markdown": "text/markdown; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "html": "text/html; charset=utf-8",
}


@dataclass(frozen=True)
class ExportOptions:
    """How a note is exported. The defaults are the standard note that share links and PSA
    pushes use."""

    timestamps: bool = True
    detail: Detail = "standard"
    redaction: RedactionMode = "standard"

    @property
    def render(self) -> Options:
        return Options(timestamps=self.timestamps, detail=self.detail)


STANDARD = ExportOptions()


async def branding(
    db: AsyncSession, account_id: uuid.UUID, storage: Storage | None
) -> pdf.Branding:
    """The account's PDF branding; a logo the storage cannot give back is left out."""
    account = await db.get(Account, account_id)
    if account is None:
        return pdf.Branding()
    logo: bytes | None = None
    if account.brand_logo_key and storage is not None:
        try:
            logo = await storage.get(account.brand_logo_key)
        except (StorageError, OSError):
            log.warning("brand logo of account %s could not be read", account_id)
    return pdf.Branding(
        logo=logo,
        logo_type=account.brand_logo_type,
        color=account.brand_color,
        footer=account.brand_footer or "",
    )


async def pdf_page(
    db: AsyncSession,
    session: Session,
    options: ExportOptions = STANDARD,
    storage: Storage | None = None,
) -> tuple[str, str]:
    """The branded HTML page the PDF is printed from, and the note's HTML in it (what the
    redaction report counts)."""
    body = await document(db, session, "html", options)
    brand = await branding(db, session.account_id, storage)
    return pdf.page(session.title, body, brand), body


async def document(
    db: AsyncSession, session: Session, fmt: Format, options: ExportOptions = STANDARD
) -> str:
    events = await sessions_repo.timeline_rows(db, session)
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
    redaction = for_mode(await options_for(db, session.account_id), options.redaction)
    account = await db.get(Account, session.account_id)
    template = templates.load(account.note_template if account else None).to_template()

    def clean(value: str) -> str:
        # Every piece of free text is redacted before it is written into the note.
        return redact(value, redaction).redacted

    return render(meta, timeline, fmt, clean=clean, template=template, options=options.render)
