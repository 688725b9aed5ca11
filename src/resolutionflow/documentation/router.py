"""HTTP routes for the account's ticket-note template, with a preview on a sample session."""

from __future__ import annotations

from fastapi import APIRouter

from resolutionflow.auth.principal import AnyRole, TeamAdmin
from resolutionflow.db.session import DB
from resolutionflow.documentation import templates
from resolutionflow.documentation.render import render
from resolutionflow.models import Account
from resolutionflow.redaction import redact
from resolutionflow.redaction.policy import options_for

router = APIRouter(tags=["documentation"])


@router.get("/account/note-template", response_model=templates.NoteTemplateRead)
async def read_note_template(principal: AnyRole, db: DB) -> templates.NoteTemplate:
    account = await db.get(Account, principal.account_id)
    return templates.load(account.note_template if account else None)


@router.put("/account/note-template", response_model=templates.NoteTemplateRead)
async def save_note_template(
    principal: TeamAdmin, db: DB, body: templates.NoteTemplate
) -> templates.NoteTemplate:
    account = await db.get(Account, principal.account_id)
    assert account is not None
    account.note_template = body.model_dump(mode="json")
    await db.flush()
    return body


@router.post("/account/note-template/preview", response_model=templates.PreviewRead)
async def preview_note_template(
    principal: TeamAdmin, db: DB, body: templates.NoteTemplate
) -> templates.PreviewRead:
    meta, events = templates.sample()
    options = await options_for(db, principal.account_id)
    markdown = render(
        meta,
        events,
        "markdown",
        template=body.to_template(),
        clean=lambda text: redact(text, options).redacted,
    )
    return templates.PreviewRead(markdown=markdown)
