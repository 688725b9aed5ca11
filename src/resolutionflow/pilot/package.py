"""The resolution package: a PSA note (Problem / What we confirmed / Root cause / Resolution), a
knowledge-base article draft and a client-facing summary in plain language — from the deep model
when configured, from templates over the session otherwise; always redacted."""

from __future__ import annotations

import html as html_lib
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.ai import gateway
from resolutionflow.ai.prompt import DataBlock
from resolutionflow.documentation.render import markdown_html
from resolutionflow.models import PilotFact, PilotFix, Session
from resolutionflow.pilot.schemas import ResolutionPackage
from resolutionflow.redaction import RedactionOptions, redact
from resolutionflow.redaction.inputs import shown_payload
from resolutionflow.sessions import service as sessions

ACTION = "resolution_note"
_NOT_STEPS = ("follow_flow", "flow_node", "flow_end", "resolve")

INSTRUCTIONS = """Write the resolution package of an IT support session for an MSP, from the material given as data:
- psa_note: plain text for the PSA ticket with the headings "Problem", "What we confirmed", "Root cause", "Resolution" (and "Follow-ups" if any); factual, past tense, no markup;
- kb_article: Markdown for the internal knowledge base: title, symptoms, cause, resolution steps with exact commands, how to verify;
- client_summary: two to four plain sentences for the client's end user, no jargon, no internal details.
Use only what the material says; where the root cause is not established, say so. Keep values shown as [REDACTED:kind] as they are."""

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "psa_note": {"type": "string"},
        "kb_article": {"type": "string"},
        "client_summary": {"type": "string"},
    },
    "required": ["psa_note", "kb_article", "client_summary"],
}


@dataclass
class Material:
    title: str
    problem: str
    confirmed: list[str]
    notes: list[str]
    steps: list[str]
    root_cause: str
    resolution: str
    fix_commands: list[str]
    follow_ups: list[str]
    outcome: str | None


@dataclass
class Prepared:
    session_id: uuid.UUID
    account_id: uuid.UUID
    material: Material
    plan: gateway.Plan
    options: RedactionOptions
    blocks: list[DataBlock] = field(default_factory=list)


async def material(db: AsyncSession, session: Session) -> Material:
    events = await sessions.events_of(db, session)
    p = session.pilot or {}
    tri = p.get("triage", {})
    facts = list(
        await db.scalars(
            select(PilotFact).where(
                PilotFact.session_id == session.id, PilotFact.status == "confirmed"
            )
        )
    )
    fixes = list(await db.scalars(select(PilotFix).where(PilotFix.session_id == session.id)))
    worked = [f for f in fixes if f.status == "applied" and f.outcome in ("success", "partial")]
    steps: list[str] = []
    follow_ups: list[str] = []
    notes: list[str] = []
    for e in events:
        pl = shown_payload(e.type, e.payload)
        if e.type == "answer":
            value = pl.get("answer") or pl.get("value") or "done"
            if pl.get("inferred_from_intake"):
                value = f"{value} (from the intake)"
            steps.append(f"{pl.get('title', 'Step')}: {value}")
        elif (
            e.type == "pilot_step_answered"
            and not pl.get("skipped")
            and pl.get("purpose") not in _NOT_STEPS
        ):
            # Flow steps are already counted by their `answer` events; the flow proposal and
            # the "resolve now?" prompt are decisions, not diagnostic steps.
            question = str(pl.get("text", "")).strip().splitlines()[0] if pl.get("text") else ""
            said = " ".join(str(x) for x in (pl.get("option"), pl.get("answer_text")) if x)
            steps.append(f"{question}: {said}")
        elif e.type == "suggestion_accepted":
            steps.append(f"{pl.get('title', '')}")
        elif e.type == "fix_status" and pl.get("outcome"):
            steps.append(f"Tried “{pl.get('title')}”: {pl.get('outcome')}")
        elif e.type == "note":
            notes.append(str(pl.get("text", "")))
        elif e.type in ("resolved", "unresolved"):
            follow_ups = list(pl.get("follow_ups") or [])
    problem = tri.get("summary") or p.get("intake", {}).get("text", "") or session.title
    resolution = session.summary or (
        "; ".join(f"{f.title} ({f.outcome})" for f in worked) if worked else ""
    )
    # A hypothesis is a root cause only once someone stood behind it: the engineer wrote it,
    # chose it at a fork, or a fix built on it worked.
    root = (
        tri.get("hypothesis") or ""
        if ("hypothesis" in p.get("triage_edited", []) or p.get("hypothesis_confirmed") or worked)
        else ""
    )
    return Material(
        title=session.title,
        problem=problem,
        confirmed=[f.text for f in facts],
        notes=notes[-3:],
        steps=[s for s in steps if s.strip(": ")][-20:],
        root_cause=root,
        resolution=resolution,
        fix_commands=[f.command for f in worked if f.command],
        follow_ups=follow_ups,
        outcome=session.outcome,
    )


def _lines(items: list[str], empty: str) -> str:
    return "\n".join(f"- {i}" for i in items) if items else empty


def offline(m: Material) -> dict[str, str]:
    root = m.root_cause or "Not established."
    resolution = m.resolution or "Not resolved yet."
    psa = "\n\n".join(
        [
            f"Problem\n{m.problem}",
            "What we confirmed\n" + _lines(m.confirmed, "- Nothing confirmed yet."),
            *(["Steps performed\n" + _lines(m.steps, "")] if m.steps else []),
            *(["Notes\n" + _lines(m.notes, "")] if m.notes else []),
            f"Root cause\n{root}",
            f"Resolution\n{resolution}",
            *(["Follow-ups\n" + _lines(m.follow_ups, "")] if m.follow_ups else []),
        ]
    )
    commands = "\n".join(f"```\n{c}\n```" for c in m.fix_commands)
    kb = "\n\n".join(
        part
        for part in [
            f"# {m.title}",
            f"## Symptoms\n{m.problem}",
            f"## Cause\n{root}",
            "## Resolution\n" + resolution + (f"\n\n{commands}" if commands else ""),
            "## Checks that helped\n" + _lines(m.steps, "- None recorded."),
            "## How to verify\nConfirm with the user that the original symptom no longer occurs.",
        ]
        if part
    )
    if m.outcome == "resolved" or m.resolution:
        client = (
            f"We looked into the issue you reported ({m.problem.rstrip('.')}). "
            f"It has been fixed: {resolution.rstrip('.')}. "
            "If it happens again, reply to this ticket and we will pick it up."
        )
    else:
        client = (
            f"We are working on the issue you reported ({m.problem.rstrip('.')}). "
            "We will update you as soon as we have more."
        )
    return {"psa_note": psa, "kb_article": kb, "client_summary": client}


async def prepare(db: AsyncSession, session: Session) -> Prepared:
    material_ = await material(db, session)
    plan = await gateway.prepare(db, session.account_id, ACTION)
    blocks = [
        DataBlock("problem", material_.problem),
        DataBlock("what we confirmed", _lines(material_.confirmed, "")),
        DataBlock("steps performed", _lines(material_.steps, "")),
        DataBlock("root cause (working hypothesis)", material_.root_cause),
        DataBlock("resolution", material_.resolution),
        DataBlock("fix commands", "\n".join(material_.fix_commands)),
        DataBlock("follow-ups", _lines(material_.follow_ups, "")),
    ]
    return Prepared(session.id, session.account_id, material_, plan, plan.options, blocks)


async def write(prepared: Prepared) -> ResolutionPackage:
    """No database here: the deep model, or the templates."""
    base = offline(prepared.material)

    async def fallback() -> tuple[str, dict[str, Any] | None]:
        return "", dict(base)

    served = await gateway.run(
        prepared.plan,
        gateway.Ask(
            action=ACTION,
            instructions=INSTRUCTIONS,
            blocks=prepared.blocks,
            question="Write the resolution package.",
            json_schema=SCHEMA,
            max_tokens=2500,
        ),
        fallback,
        lambda _t, _d: None,
    )
    data = served.data or base
    texts = {k: str(data.get(k) or base[k]) for k in ("psa_note", "kb_article", "client_summary")}
    # Redacted on the way out too: a model may echo what it was given in a new shape.
    clean = {k: redact(v, prepared.options).redacted for k, v in texts.items()}
    prepared.served = served  # type: ignore[attr-defined]
    return ResolutionPackage(**clean, model=served.model, note=served.note)


def cacheable(prepared: Prepared) -> bool:
    """A package the configured path wrote (model or offline engine by choice); one that fell
    back after a failure is not kept, so the next read asks the model again."""
    served = getattr(prepared, "served", None)
    return served is not None and served.note is None


def html(title: str, result: ResolutionPackage) -> str:
    """The three parts as sanitised HTML, for the PDF."""
    kb = re.sub(
        r"^(#{1,4}) ", lambda m: "#" * (len(m.group(1)) + 2) + " ", result.kb_article, flags=re.M
    )
    return (
        f"<h1>{html_lib.escape(title)}</h1>\n"
        "<h2>PSA note</h2>\n"
        f"<pre>{html_lib.escape(result.psa_note)}</pre>\n"
        "<h2>Knowledge base article (draft)</h2>\n"
        f"{markdown_html(kb)}\n"
        "<h2>Client summary</h2>\n"
        f"<p>{html_lib.escape(result.client_summary)}</p>\n"
    )


async def save(
    db: AsyncSession, prepared: Prepared, result: ResolutionPackage, user_id: uuid.UUID | None
) -> None:
    served = getattr(prepared, "served", None)
    if served is not None:
        await gateway.save(
            db, prepared.plan, served, session_id=prepared.session_id, user_id=user_id
        )
