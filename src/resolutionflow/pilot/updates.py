"""Status updates mid-session for an audience — an internal ticket note, a client update, an
email draft — short or detailed: from the fast model when configured, from templates over the
session otherwise. Redacted both ways."""

from __future__ import annotations

from typing import Any, Literal

from resolutionflow.ai import gateway
from resolutionflow.ai.prompt import DataBlock
from resolutionflow.common.schemas import ReadSchema, WriteSchema
from resolutionflow.pilot.package import Material, _lines
from resolutionflow.redaction import RedactionOptions, redact

ACTION = "status_update"
Audience = Literal["internal", "client", "email"]
Detail = Literal["short", "detailed"]

INSTRUCTIONS = """Write a status update on an IT support case that is still being worked, from the material given as data.
Audience "internal": a ticket note for colleagues — what is known, what was tried, what is next; terse.
Audience "client": plain language for the affected user or their manager — no jargon, no internal details, what we're doing and when they'll hear back.
Audience "email": an email to the client contact with a subject line first ("Subject: ..."), then a short greeting, the update and a sign-off placeholder [Your name].
"short": two to four sentences. "detailed": a few short paragraphs or a list. Never promise times you were not given."""


class StatusUpdateIn(WriteSchema):
    audience: Audience = "internal"
    detail: Detail = "short"


class StatusUpdate(ReadSchema):
    audience: Audience
    detail: Detail
    text: str
    model: str
    note: str | None = None


def offline(m: Material, audience: Audience, detail: Detail, status: str) -> str:
    tried = m.steps[-6:] if detail == "detailed" else m.steps[-2:]
    known = m.confirmed[-6:] if detail == "detailed" else m.confirmed[-2:]
    if audience == "internal":
        parts = [f"Status: {status}. Problem: {m.problem}"]
        if known:
            parts.append("Known:\n" + _lines(known, ""))
        if tried:
            parts.append("Tried:\n" + _lines(tried, ""))
        if m.root_cause:
            parts.append(f"Working hypothesis: {m.root_cause}")
        parts.append("Next: " + (m.resolution or "continue diagnosis."))
        return "\n\n".join(parts)
    body = (
        f"We are working on the issue you reported ({m.problem.rstrip('.')}). "
        + (
            f"So far we have checked {len(m.steps)} things and narrowed it down. "
            if m.steps
            else "We have started looking into it. "
        )
        + (
            f"It has been fixed: {m.resolution.rstrip('.')}. "
            if m.resolution
            else "We will update you as soon as we know more. "
        )
    )
    if audience == "client":
        return body.strip()
    return f"Subject: Update on your support request: {m.title}\n\nHello,\n\n{body.strip()}\n\nKind regards,\n[Your name]"


async def write(
    plan: gateway.Plan,
    material: Material,
    body: StatusUpdateIn,
    status: str,
    options: RedactionOptions,
) -> tuple[StatusUpdate, gateway.Served]:
    base = offline(material, body.audience, body.detail, status)

    async def fallback() -> tuple[str, dict[str, Any] | None]:
        return base, None

    served = await gateway.run(
        plan,
        gateway.Ask(
            action=ACTION,
            instructions=INSTRUCTIONS,
            blocks=[
                DataBlock("problem", material.problem),
                DataBlock("status", status),
                DataBlock("what we know", _lines(material.confirmed, "")),
                DataBlock("steps performed", _lines(material.steps, "")),
                DataBlock("working hypothesis", material.root_cause),
                DataBlock("resolution so far", material.resolution),
            ],
            question=f"Write a {body.detail} status update for audience: {body.audience}.",
            max_tokens=900,
        ),
        fallback,
        lambda _t, _d: None,
    )
    text = redact(served.text.strip() or base, options).redacted
    return (
        StatusUpdate(
            audience=body.audience,
            detail=body.detail,
            text=text,
            model=served.model,
            note=served.note,
        ),
        served,
    )
