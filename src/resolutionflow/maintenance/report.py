"""The batch report: a summary table (target, outcome, engineer, duration), then each target's
redacted documentation grouped by client. The client-facing variant leaves out internal notes
(notes, command output, copilot traffic) and the engineers' names.

Every piece of session content passes through the redaction module on its way in, as the
session documentation does."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Literal

import nh3
from markdown_it import MarkdownIt
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.documentation import templates
from resolutionflow.documentation.render import Event, Meta, Options, Template, duration, render
from resolutionflow.documentation.service import STANDARD, ExportOptions
from resolutionflow.maintenance import repository as repo
from resolutionflow.maintenance.service import item_status
from resolutionflow.models import Account, MaintenanceBatch, MaintenanceBatchItem, Session
from resolutionflow.outbound import reports
from resolutionflow.redaction import redact
from resolutionflow.redaction.inputs import shown_payload
from resolutionflow.redaction.policy import for_mode, options_for
from resolutionflow.sessions import service as sessions

Audience = Literal["internal", "client"]
# What an engineer wrote for colleagues, never for the client.
INTERNAL_EVENTS = frozenset(
    {"note", "command_output", "copilot_reply", "copilot_message", "suggestion_accepted"}
)
OUTCOMES = {
    "pending": "Not started",
    "in_progress": "In progress",
    "done": "Done",
    "skipped": "Skipped",
    "failed": "Failed",
    "escalated": "Escalated",
}
_HEADING = re.compile(r"^(#{1,6}) ", re.MULTILINE)
_MD = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "strong", "em", "code", "pre",
    "br", "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split()) or "—"


def _nest(markdown: str, levels: int) -> str:
    """Pushes a document's headings down under the report's own."""
    return _HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + levels) + " ", markdown)


# How a skipped, failed or cancelled target's session ended, told to the client without the
# engineer's reason (which was written for colleagues: "server owner on holiday", "skipped,
# broken backup agent again").
_CLIENT_ENDINGS = {
    "skipped": "Skipped in this maintenance run.",
    "failed": "Could not be completed in this maintenance run.",
    "cancelled": "The maintenance run was cancelled before this target was done.",
}


def _for_audience(payload: dict[str, Any], audience: Audience) -> dict[str, Any]:
    ending = payload.get("batch_item")
    if audience != "client" or ending not in _CLIENT_ENDINGS:
        return payload
    shown = {k: v for k, v in payload.items() if k not in ("reason", "summary")}
    shown["summary"] = _CLIENT_ENDINGS[str(ending)]
    return shown


async def _documentation(
    db: AsyncSession,
    session: Session,
    clean: Callable[[str], str],
    template: Template,
    audience: Audience,
    options: Options,
) -> str:
    events = await sessions.events_of(db, session)
    if audience == "client":
        events = [e for e in events if e.type not in INTERNAL_EVENTS]
    names = await sessions._names(db, {session.owner_id, *(e.actor_id for e in events)})
    meta = Meta(
        title=session.title,
        status=session.status,
        ticket_id=session.ticket_id,
        owner_name=(names.get(session.owner_id) if session.owner_id else None)
        if audience == "internal"
        else None,
        flow_title=None,
        flow_version=None,
        started_at=session.created_at,
        ended_at=session.ended_at,
        active_seconds=sessions.active_seconds(session),
    )
    timeline = [
        Event(
            seq=e.seq,
            type=e.type,
            created_at=e.created_at,
            payload=_for_audience(shown_payload(e.type, e.payload), audience),
            actor_name=(names.get(e.actor_id) if e.actor_id else None)
            if audience == "internal"
            else None,
        )
        for e in events
    ]
    return render(meta, timeline, "markdown", clean=clean, template=template, options=options)


async def markdown(
    db: AsyncSession,
    batch: MaintenanceBatch,
    audience: Audience = "internal",
    *,
    only_client: str | None = None,
    options: ExportOptions = STANDARD,
) -> str:
    text, _ = await build(db, batch, audience, only_client=only_client, options=options)
    return text


async def build(
    db: AsyncSession,
    batch: MaintenanceBatch,
    audience: Audience = "internal",
    *,
    only_client: str | None = None,
    options: ExportOptions = STANDARD,
) -> tuple[str, dict[uuid.UUID, str]]:
    """The report, and per session what of it is that session's (its summary row and its
    section), so what leaves can be recorded against each session."""
    rows: list[tuple[MaintenanceBatchItem, Session | None]] = await repo.items_of(db, [batch.id])
    if only_client is not None:
        rows = [(i, x) for i, x in rows if i.client == only_client]
    redaction = for_mode(await options_for(db, batch.account_id), options.redaction)
    account = await db.get(Account, batch.account_id)
    template = templates.load(account.note_template if account else None).to_template()
    if audience == "client":
        template = replace(template, sections=[k for k in template.sections if k != "notes"])
    template = replace(template, header="", footer="")

    def clean(value: str) -> str:
        return redact(value, redaction).redacted

    names: dict[uuid.UUID, str] = (
        await repo.names(db, {i.assignee_id for i, _ in rows}) if audience == "internal" else {}
    )
    statuses = [item_status(i, x) for i, x in rows]
    title = batch.title if only_client is None else f"{batch.title} — {only_client}"
    parts = [f"# {clean(title)}"]
    stamp = "%Y-%m-%d %H:%M UTC" if options.timestamps else "%Y-%m-%d"
    started = f"{batch.created_at:{stamp}}"
    ended = "cancelled" if batch.status == "cancelled" else "completed"
    finished = f", {ended} {batch.completed_at:{stamp}}" if batch.completed_at else ""
    parts.append(
        f"{clean(batch.flow_title)} (v{batch.flow_version}) across {len(rows)} "
        f"target{'s' if len(rows) != 1 else ''}; started {started}{finished}."
    )
    if batch.status == "cancelled":
        found = await repo.cancellation(db, batch)
        line = "**This batch was cancelled**"
        if found is not None and audience == "internal":
            event, name = found
            reason = str((event.detail or {}).get("reason", ""))
            line += f" by {clean(name or 'a former user')}: {clean(reason)}"
        parts.append(line + ".")
    tally = {k: statuses.count(k) for k in OUTCOMES if statuses.count(k)}
    parts.append(", ".join(f"{OUTCOMES[k]}: {n}" for k, n in tally.items()) + ".")
    header = "| Target | Client | Outcome | Engineer | Duration |\n|---|---|---|---|---|"
    if audience == "client":
        header = "| Target | Client | Outcome | Duration |\n|---|---|---|---|"
    lines = [header]
    own: dict[uuid.UUID, list[str]] = {}
    for (item, session), status in zip(rows, statuses, strict=True):
        seconds = sessions.active_seconds(session) if session else 0
        outcome = OUTCOMES[status]
        if status in ("skipped", "failed") and item.reason and audience == "internal":
            outcome += f" ({item.reason})"
        cells = [clean(item.label), clean(item.client), clean(outcome)]
        if audience == "internal":
            cells.append(names.get(item.assignee_id, "Unassigned") if item.assignee_id else "—")
        cells.append(duration(seconds) if seconds else "—")
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        if session is not None:
            own.setdefault(session.id, []).append(lines[-1])
    parts.append("## Summary\n\n" + "\n".join(lines))

    by_client: dict[str, list[tuple[MaintenanceBatchItem, Session | None, str]]] = {}
    for (item, session), status in zip(rows, statuses, strict=True):
        by_client.setdefault(item.client, []).append((item, session, status))
    for client in sorted(by_client, key=lambda c: (c == "", c.casefold())):
        parts.append(f"## {clean(client) if client else 'No client'}")
        for item, session, status in by_client[client]:
            first = len(parts)
            parts.append(f"### {clean(item.label)} — {OUTCOMES[status]}")
            if item.reason and status in ("skipped", "failed") and audience == "internal":
                parts.append(f"{OUTCOMES[status]}: {clean(item.reason)}")
            if session is None:
                parts.append("Its session was deleted.")
                continue
            doc = await _documentation(db, session, clean, template, audience, options.render)
            # The document's own title repeats the target; drop it, keep its sections.
            body = doc.split("\n", 1)[1].strip() if doc.startswith("# ") else doc.strip()
            parts.append(_nest(body, 2))
            own.setdefault(session.id, []).extend(parts[first:])
    return "\n\n".join(parts) + "\n", {k: "\n".join(v) for k, v in own.items()}


async def for_client(
    db: AsyncSession,
    batch: MaintenanceBatch,
    actor_id: uuid.UUID | None,
    format: str,
    options: ExportOptions = STANDARD,
) -> str:
    """The client-facing report (Markdown), which leaves the server: each session's part of it
    is recorded as a redaction report (channel `export`), in the caller's unit of work."""
    text, own = await build(db, batch, "client", options=options)
    for session_id, part in own.items():
        await reports.record(
            db,
            account_id=batch.account_id,
            session_id=session_id,
            channel="export",
            detail=f"maintenance report {format} (client)",
            counts=reports.counts_in(part),
            actor_id=actor_id,
        )
    return text


def html_body(markdown_text: str) -> str:
    """The report's HTML, sanitised: what the HTML download and the PDF are made of."""
    return nh3.clean(_MD.render(markdown_text), tags=_TAGS, link_rel="noopener noreferrer")


def html(markdown_text: str) -> str:
    body = html_body(markdown_text)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>Maintenance report</title></head><body>\n" + body + "</body></html>\n"
    )


async def text(db: AsyncSession, batch: MaintenanceBatch, client: str, audience: Audience) -> str:
    """One client's part of the report as plain text (the PSA note)."""
    md = await markdown(db, batch, audience, only_client=client)
    plain = re.sub(r"^#{1,6} ", "", md, flags=re.MULTILINE)
    plain = re.sub(r"\*\*(.+?)\*\*", r"\1", plain)
    plain = re.sub(r"`([^`]*)`", r"\1", plain)
    return plain
