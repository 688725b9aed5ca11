"""The documentation download as HTTP: export options from the query, the format's media type
and file name, PDF included, and the redaction report of every outbound send."""

from __future__ import annotations

import re
import uuid
from typing import Annotated, Literal

from fastapi import Depends, Query, Response
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.db import uow
from resolutionflow.documentation import pdf
from resolutionflow.documentation.render import Detail
from resolutionflow.documentation.service import MEDIA_TYPES, ExportOptions, document, pdf_page
from resolutionflow.models import Session
from resolutionflow.outbound import reports
from resolutionflow.redaction.policy import RedactionMode
from resolutionflow.storage.base import Storage

ExportFormat = Literal["markdown", "text", "html", "pdf"]
Intent = Literal["export", "copy", "download", "preview"]
EXPORT_TYPES: dict[str, str] = {**MEDIA_TYPES, "pdf": pdf.MEDIA_TYPE}
EXTENSIONS = {"markdown": "md", "text": "txt", "html": "html", "pdf": "pdf"}


async def export_options(
    timestamps: Annotated[
        bool, Query(description="`false` leaves every time of day out of the note")
    ] = True,
    detail: Annotated[
        Detail,
        Query(
            description="`summary`: problem, outcome and summary only; `standard`: the ticket "
            "note; `full`: the note and every timeline entry"
        ),
    ] = "standard",
    redaction: Annotated[
        RedactionMode,
        Query(
            description="`strict` also masks IP addresses, email addresses and phone numbers, "
            "whatever the account's settings"
        ),
    ] = "standard",
) -> ExportOptions:
    return ExportOptions(timestamps=timestamps, detail=detail, redaction=redaction)


ExportQuery = Annotated[ExportOptions, Depends(export_options)]


def filename(title: str, fmt: str) -> str:
    """An ASCII file name from the title ("Printer offline on floor 2.pdf" -> printer-offline-
    on-floor-2.pdf), never empty."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80] or "documentation"
    return f"{slug}.{EXTENSIONS[fmt]}"


async def respond(
    db: AsyncSession,
    session: Session,
    fmt: ExportFormat,
    options: ExportOptions,
    intent: Intent,
    actor_id: uuid.UUID | None,
    storage: Storage | None,
) -> Response:
    headers: dict[str, str] = {}
    if fmt == "pdf":
        pdf.require()
        page, shown = await pdf_page(db, session, options, storage)
        body: str | bytes = await uow.while_released(db, pdf.render(page))
        headers["Content-Disposition"] = (
            f"{'inline' if intent == 'preview' else 'attachment'}; "
            f'filename="{filename(session.title, fmt)}"'
        )
    else:
        body = shown = await document(db, session, fmt, options)
    if intent != "preview":
        await reports.record(
            db,
            account_id=session.account_id,
            session_id=session.id,
            channel="export",
            detail=f"{intent} {fmt}",
            counts=reports.counts_in(shown),
            actor_id=actor_id,
        )
    return Response(body, media_type=EXPORT_TYPES[fmt], headers=headers)
