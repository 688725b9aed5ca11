"""FlowPilot sessions: start from intake, propose one structured step at a time, take answers,
keep "what we know" and the suggested fixes, and record every change on the timeline.

A step is proposed in three phases, so no transaction is open while a model thinks (see
ai/gateway.py): `_context()` gathers what is known inside the caller's transaction, the caller
commits, `_propose()` asks the model (or the offline stepper) with no database, and `_store()`
writes the step in the next transaction.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.ai import gateway
from resolutionflow.ai import images as model_image_limits
from resolutionflow.ai.prompt import DataBlock
from resolutionflow.assist import answering, model_images
from resolutionflow.assist.retrieval import outgoing, retrieve
from resolutionflow.auth.principal import Principal
from resolutionflow.errors import Conflict, NotFound, ValidationFailed
from resolutionflow.models import PilotFact, PilotFix, PilotStep, Session
from resolutionflow.pilot import intake_facts, matching, model_step, stepper, tiers, triage
from resolutionflow.pilot import repository as repo
from resolutionflow.pilot import schemas as ps
from resolutionflow.psa import tickets as psa_tickets
from resolutionflow.redaction.inputs import SECRET_CAPTURED, captured_value
from resolutionflow.sessions import attachments
from resolutionflow.sessions import schemas as ss
from resolutionflow.sessions import service as sessions
from resolutionflow.storage.base import Storage

ACTION = "pilot_step"
ACTIVE_FIX = ("proposed", "verifying")


def _now() -> datetime:
    return datetime.now(UTC)


# --- reading -------------------------------------------------------------------------------


def step_read(step: PilotStep) -> ps.PilotStepRead:
    body = dict(step.body)
    ref = body.pop("source_ref", None)
    hypotheses = [
        ps.Hypothesis(id=h["id"], title=h["title"], why=h.get("why", ""))
        for h in body.pop("hypotheses", []) or []
    ]
    fix = body.pop("fix", None)
    known = set(ps.PilotStepRead.model_fields)
    return ps.PilotStepRead(
        id=step.id,
        ordinal=step.ordinal,
        type=step.type,
        confidence=step.confidence,
        source=step.source,
        status=step.status,
        source_ref=ps.SourceRef(**ref) if ref and ref.get("id") else None,
        hypotheses=hypotheses,
        fix=ps.FixDraft(**fix) if fix else None,
        answer=step.answer,
        **{k: v for k, v in body.items() if k in known and v is not None},
    )


def fact_read(f: PilotFact) -> ps.FactRead:
    return ps.FactRead.model_validate(f)


def fix_read(f: PilotFix) -> ps.FixRead:
    return ps.FixRead.model_validate(f)


async def _pilot_session(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID, *, work: bool = False
) -> Session:
    session = await sessions.get_session(db, principal, session_id, lock=work)
    if session.mode != "pilot" or session.pilot is None:
        raise NotFound("This session is not a FlowPilot session.")
    if work:
        sessions.may_work(principal, session)
        if session.status in sessions.ENDED:
            raise Conflict(f"This session is {session.status}.")
    return session


async def _steps(db: AsyncSession, session: Session) -> list[PilotStep]:
    return list(
        await db.scalars(
            select(PilotStep).where(PilotStep.session_id == session.id).order_by(PilotStep.ordinal)
        )
    )


async def _facts(db: AsyncSession, session: Session) -> list[PilotFact]:
    return list(
        await db.scalars(
            select(PilotFact)
            .where(PilotFact.session_id == session.id)
            .order_by(PilotFact.created_at, PilotFact.id)
        )
    )


async def _fixes(db: AsyncSession, session: Session) -> list[PilotFix]:
    return list(
        await db.scalars(
            select(PilotFix)
            .where(PilotFix.session_id == session.id)
            .order_by(PilotFix.created_at, PilotFix.id)
        )
    )


async def state(db: AsyncSession, session: Session) -> ps.PilotState:
    p = session.pilot or {}
    steps = await _steps(db, session)
    current = next((s for s in reversed(steps) if s.status == "open"), None)
    return ps.PilotState(
        session_id=session.id,
        intake=p.get("intake", {}),
        triage=triage.Triage(**p.get("triage", {})),
        triage_edited=p.get("triage_edited", []),
        confidence=p.get("confidence") or 0.0,
        tier=p.get("tier", "discovery"),
        matched_flow=ps.MatchedFlow(**p["matched_flow"]) if p.get("matched_flow") else None,
        flow_decision=p.get("flow_decision"),
        pilot_step=step_read(current) if current else None,
        steps=[step_read(s) for s in steps],
        facts=[fact_read(f) for f in await _facts(db, session)],
        fixes=[fix_read(f) for f in await _fixes(db, session)],
        model=p.get("model", "offline"),
        note=p.get("note"),
    )


# --- proposing the next step -----------------------------------------------------------------


@dataclass
class Pending:
    """What is needed to propose the next step, carried out of the transaction."""

    session_id: uuid.UUID
    plan: gateway.Plan
    ask: gateway.Ask
    ctx: stepper.Context
    # The session's images this step's model call sends (listed on the step's event).
    image_ids: tuple[str, ...] = ()


def _update(session: Session, **values: Any) -> dict[str, Any]:
    # A new dict: JSON columns are saved when the attribute is assigned, not when mutated.
    pilot = {**(session.pilot or {}), **values}
    session.pilot = pilot
    return pilot


async def _position(
    db: AsyncSession, session: Session
) -> tuple[dict[str, Any] | None, dict[str, Any] | None, str | None]:
    stack = (session.state or {}).get("stack") or []
    if not stack or session.current_node is None:
        return None, None, None
    frame = stack[-1]
    _, document, title = await sessions.loader(db, session.account_id)(
        uuid.UUID(frame["flow_id"]), frame["version"]
    )
    graph = document.model_dump(mode="json")
    node = next((n for n in graph["nodes"] if n["id"] == session.current_node), None)
    return node, graph, title


async def _context(db: AsyncSession, session: Session, storage: Storage | None) -> Pending:
    p = session.pilot or {}
    steps = await _steps(db, session)
    facts = [f for f in await _facts(db, session) if f.status != "deleted"]
    fixes = await _fixes(db, session)
    asked: set[str] = set()
    for s in steps:
        for key in ("key", "ref_id"):
            if s.body.get(key):
                asked.add(str(s.body[key]))
        ref = s.body.get("source_ref")
        if s.type in ("resolution_suggestion", "fork") and ref:
            asked.add(str(ref.get("id")))
        for h in s.body.get("hypotheses") or []:
            if h.get("ref"):
                asked.add(str(h["ref"]["id"]))
    tri = triage.Triage(**p.get("triage", {}))
    answered = [
        f"{s.body.get('text') or s.body.get('title') or s.body.get('summary')}: "
        f"{(s.answer or {}).get('option') or ''} {(s.answer or {}).get('text') or ''}".strip()
        for s in steps
        if s.status == "answered"
    ]
    query = " ".join(
        [p.get("intake", {}).get("text", ""), tri.summary, tri.hypothesis, *[f.text for f in facts]]
    )
    found = await retrieve(db, session.account_id, query)
    active = next((f for f in fixes if f.status in ACTIVE_FIX), None)
    last_applied = next((f for f in reversed(fixes) if f.status == "applied"), None)
    # "Keep working" after a fix worked: don't suggest resolving again until another fix lands.
    declined = any(
        st.body.get("purpose") == "resolve"
        and (st.answer or {}).get("option") == "Keep working"
        and last_applied is not None
        and st.answered_at is not None
        and st.answered_at >= last_applied.updated_at
        for st in steps
    )
    node = graph = flow_title = None
    if p.get("flow_decision") == "accepted":
        node, graph, flow_title = await _position(db, session)
    ctx = stepper.Context(
        intake=p.get("intake", {}).get("text", ""),
        category=tri.category or None,
        found=found,
        asked=asked,
        flow_decision=p.get("flow_decision"),
        matched_flow=p.get("matched_flow"),
        node=node,
        graph=graph,
        flow_title=flow_title,
        active_fix={"id": str(active.id), "title": active.title, "status": active.status}
        if active
        else None,
        last_fix_outcome=last_applied.outcome if last_applied and not declined else None,
        forked=any(s.type == "fork" for s in steps),
    )
    ticket, _ = await psa_tickets.latest(db, session)
    blocks = [
        DataBlock("intake", p.get("intake", {}).get("text", "")),
        *([DataBlock("PSA ticket", psa_tickets.context_text(ticket))] if ticket else []),
        DataBlock("triage", json.dumps(tri.model_dump(), ensure_ascii=False)),
        DataBlock("what we know", "\n".join(f"- {f.text} ({f.status})" for f in facts)),
        DataBlock("steps so far", "\n".join(answered[-12:])),
        DataBlock(
            "fixes tried",
            "\n".join(f"- {f.title}: {f.status} {f.outcome or ''}".strip() for f in fixes),
        ),
        *answering.evidence_blocks(found),
    ]
    plan = await gateway.prepare(db, session.account_id, ACTION)
    # Screenshots (the intake's, or attached since) go to a vision model once each; offline
    # they stay attachments on the timeline (nothing here reads pixels).
    sending = await model_images.outgoing(db, session, plan, storage)
    ask = gateway.Ask(
        action=ACTION,
        instructions=model_step.INSTRUCTIONS,
        blocks=blocks,
        question="Propose the next step.",
        images=sending.images,
        json_schema=model_step.SCHEMA,
    )
    return Pending(session.id, plan, ask, ctx, sending.ids)


@dataclass
class Proposal:
    draft: stepper.Draft
    facts: list[str]
    hypothesis: str | None
    served: gateway.Served | None
    note: str | None


async def _propose(pending: Pending) -> Proposal:
    """No database here. Following an accepted flow needs no model: its nodes are the steps."""
    offline_draft = stepper.next_step(pending.ctx)
    if pending.ctx.flow_decision == "accepted" and pending.ctx.node is not None:
        return Proposal(offline_draft, [], None, None, None)

    async def offline() -> tuple[str, dict[str, Any] | None]:
        return "", {"offline": True}

    def confidence(_text: str, data: dict[str, Any] | None) -> float | None:
        value = (data or {}).get("confidence")
        return float(value) if isinstance(value, int | float) else None

    ask = pending.ask
    for attempt in range(2):
        served = await gateway.run(pending.plan, ask, offline, confidence)
        if served.provider == "offline":
            return Proposal(offline_draft, [], None, served, served.note)
        try:
            draft, facts, hypothesis = model_step.read(served.data)
        except model_step.InvalidStep as exc:
            if attempt == 0:
                # Once more, told what was wrong; then the offline stepper answers.
                ask = gateway.Ask(
                    **{
                        **ask.__dict__,
                        "question": f"Propose the next step. Your previous proposal was invalid "
                        f"({exc}); follow the schema exactly.",
                    }
                )
                continue
            return Proposal(
                offline_draft,
                [],
                None,
                served,
                "The model's proposal was malformed twice; this step comes from the offline engine.",
            )
        draft = model_step.link_library_step(draft, pending.ctx.found)
        return Proposal(draft, facts, hypothesis, served, None)
    raise AssertionError("unreachable")


async def _store(
    db: AsyncSession,
    principal: Principal,
    session_id: uuid.UUID,
    proposal: Proposal,
    plan: gateway.Plan,
    image_ids: tuple[str, ...] = (),
) -> tuple[Session, PilotStep, list[PilotFact]]:
    session = await _pilot_session(db, principal, session_id, work=True)
    steps = await _steps(db, session)
    for s in steps:
        if s.status == "open":
            s.status = "superseded"
    draft = proposal.draft
    step = PilotStep(
        account_id=session.account_id,
        session_id=session.id,
        ordinal=len(steps) + 1,
        type=draft.type,
        body=draft.body,
        confidence=draft.confidence,
        source=draft.source,
        status="open",
    )
    db.add(step)
    await db.flush()
    new_facts = []
    for text in proposal.facts:
        fact = PilotFact(
            account_id=session.account_id,
            session_id=session.id,
            text=text,
            origin="ai",
            status="proposed",
            step_id=step.id,
        )
        db.add(fact)
        new_facts.append(fact)
    await db.flush()
    p = session.pilot or {}
    values: dict[str, Any] = {"model": proposal.served.model if proposal.served else "flow"}
    values["note"] = proposal.note
    if proposal.hypothesis and "hypothesis" not in p.get("triage_edited", []):
        values["triage"] = {**p.get("triage", {}), "hypothesis": proposal.hypothesis[:500]}
    old = p.get("confidence")
    conf = max(draft.confidence, stepper.confidence_floor(p))
    values["confidence"], values["tier"] = conf, tiers.tier(conf)
    _update(session, **values)
    shown: dict[str, Any] = {"step_id": str(step.id), "type": step.type, **_summary(step)}
    if image_ids and proposal.served is not None and proposal.served.provider != "offline":
        shown["images_sent"] = list(image_ids)
    entries: list[tuple[str, dict[str, Any]]] = [("pilot_step_shown", shown)]
    for f in new_facts:
        entries.append(("fact_proposed", {"fact_id": str(f.id), "text": f.text}))
    if old != conf:
        entries.append(("pilot_confidence", {"confidence": conf, "tier": tiers.tier(conf)}))
    await sessions.append_entries(db, principal, session, entries)
    if proposal.served is not None:
        await gateway.save(
            db, plan, proposal.served, session_id=session.id, user_id=principal.user_id
        )
    return session, step, new_facts


def _summary(step: PilotStep) -> dict[str, Any]:
    b = step.body
    return {
        "text": b.get("text") or b.get("title") or b.get("summary") or "",
        "source": step.source,
        "confidence": step.confidence,
    }


# --- starting ------------------------------------------------------------------------------


_LOG_CHARS = 4000
# How far back "recent success" looks, and how much it can add to a match.
_SUCCESS_DAYS = 90
_SUCCESS_BONUS = 0.1


def _with_success(score: float, successes: int) -> float:
    """A flow that has been resolving this kind of problem lately ranks a little higher."""
    return round(min(1.0, score + _SUCCESS_BONUS * min(1.0, successes / 5)), 3)


def _decode(files: list[ss.IntakeFile]) -> list[tuple[str, bytes]]:
    out = []
    for i, f in enumerate(files):
        try:
            out.append((f.filename, base64.b64decode(f.data_base64, validate=True)))
        except (binascii.Error, ValueError):
            raise ValidationFailed(
                f"“{f.filename}” is not valid base64.",
                errors=[
                    {
                        "loc": ["body", "intake", "files", i, "data_base64"],
                        "msg": "not base64",
                        "type": "value_error",
                    }
                ],
            ) from None
    return out


async def start(
    db: AsyncSession, principal: Principal, data: ss.SessionCreate, storage: Storage
) -> tuple[Session, Pending]:
    """Creates the session with its intake (files kept as attachments), triage and matched
    flow; the caller commits and then calls `advance()` for the first step."""
    assert data.intake is not None
    intake = data.intake
    files = _decode(intake.files)
    ticket = data.ticket_id or intake.ticket_id
    session, _ = await sessions.create_session(
        db, principal, ss.SessionCreate(title=data.title, ticket_id=ticket)
    )
    session.mode = "pilot"
    logs: list[str] = []
    for name, raw in files:
        kept = await attachments.upload(db, principal, session.id, name, raw, storage)
        if kept.content_type in model_image_limits.VISION_TYPES:
            continue  # sent with the first step (see _context)
        if kept.content_type.startswith("text/"):
            # The end of a log is where the failure is.
            logs.append(raw.decode("utf-8", errors="replace")[-_LOG_CHARS:])
    text = "\n\n".join([intake.text, *logs])
    tri = triage.parse(text)
    found = await retrieve(db, session.account_id, text)
    successes = await repo.recent_successes(
        db, session.account_id, _now() - timedelta(days=_SUCCESS_DAYS)
    )
    library = await matching.matcher(db, session.account_id)
    # With the encoder, ranking encodes the intake: CPU work, off the event loop.
    ranked = await asyncio.to_thread(library.rank, text)
    best = matching.decide(
        sorted(
            (replace(m, score=_with_success(m.score, successes.get(m.id, 0))) for m in ranked),
            key=lambda m: (-m.score, m.title),
        )
    )
    matched = {"id": str(best.id), "title": best.title, "score": best.score} if best else None
    relevance = max((e.relevance for e in found.evidence), default=0.0)
    conf = round(min(relevance, tiers.GUIDED_FROM - 0.01), 3)
    session.pilot = {
        "intake": {"text": intake.text, "ticket_id": ticket},
        "triage": tri.model_dump(),
        "triage_edited": [],
        "confidence": None,
        "tier": tiers.tier(conf),
        "matched_flow": matched,
        "flow_decision": "proposed" if matched else None,
    }
    # The confidence is recorded with the first step (its own confidence may differ).
    entries: list[tuple[str, dict[str, Any]]] = [
        ("pilot_intake", {"text": intake.text, "triage": tri.model_dump()}),
    ]
    if matched:
        entries.append(
            (
                "flow_proposed",
                {"flow_id": matched["id"], "title": matched["title"], "score": matched["score"]},
            )
        )
    await sessions.append_entries(db, principal, session, entries)
    return session, await _context(db, session, storage)


async def advance(
    db: AsyncSession, principal: Principal, pending: Pending
) -> tuple[Session, PilotStep, list[PilotFact], str | None]:
    """Propose (no transaction open: the caller committed) and store the next step."""
    proposal = await _propose(pending)
    session, step, facts = await _store(
        db, principal, pending.session_id, proposal, pending.plan, pending.image_ids
    )
    return session, step, facts, proposal.note


# --- answering -----------------------------------------------------------------------------


async def answer(
    db: AsyncSession,
    principal: Principal,
    session_id: uuid.UUID,
    step_id: uuid.UUID,
    body: ps.StepAnswerIn,
    storage: Storage | None = None,
) -> Pending:
    """Applies the answer and returns what proposing the next step needs; the caller commits
    and calls `advance()`."""
    session = await _pilot_session(db, principal, session_id, work=True)
    if session.status == "paused":
        raise Conflict("This session is paused; resume it first.")
    step = await db.scalar(
        select(PilotStep).where(PilotStep.id == step_id, PilotStep.session_id == session.id)
    )
    if step is None:
        raise NotFound("No such step in this session.")
    if step.status != "open":
        raise Conflict(f"This step was already {step.status}; answer the current step.")
    b = step.body
    options = b.get("options") or []
    if (
        body.option is not None
        and options
        and body.option not in options
        and b.get("purpose") != "hypotheses"
    ):
        raise ValidationFailed(
            f"“{body.option}” is not one of this step's options: {', '.join(options)}.",
            errors=[{"loc": ["body", "option"], "msg": "unknown option", "type": "value_error"}],
        )
    # A flow's input step captures a value: kept (on the step, the timeline, a proposed fact)
    # only as it may be shown — redacted with its prompt, and a secret not at all.
    said = _captured(b, body.text) if not body.skip else body.text
    step.status = "skipped" if body.skip else "answered"
    step.answer = {**body.model_dump(exclude_none=True), **({"text": said} if said else {})}
    step.answered_at = _now()
    entries: list[tuple[str, dict[str, Any]]] = [
        (
            "pilot_step_answered",
            {
                "step_id": str(step.id),
                "type": step.type,
                "purpose": b.get("purpose"),
                "text": _summary(step)["text"],
                "option": body.option,
                "answer_text": said,
                "skipped": body.skip or None,
            },
        )
    ]
    if not body.skip:
        entries += await _apply(db, principal, session, step, body)
    await sessions.append_entries(db, principal, session, entries)
    session = await _pilot_session(db, principal, session_id, work=True)
    return await _context(db, session, storage)


async def resume(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID, storage: Storage | None = None
) -> Pending:
    session = await _pilot_session(db, principal, session_id, work=True)
    if session.status == "paused":
        raise Conflict("This session is paused; resume it first.")
    if any(s.status == "open" for s in await _steps(db, session)):
        raise Conflict("A step is open: answer or skip it.")
    return await _context(db, session, storage)


async def _apply(
    db: AsyncSession, principal: Principal, session: Session, step: PilotStep, body: ps.StepAnswerIn
) -> list[tuple[str, dict[str, Any]]]:
    b = step.body
    purpose = b.get("purpose")
    entries: list[tuple[str, dict[str, Any]]] = []
    answer_text = body.option or body.text or ""
    if purpose == "follow_flow":
        matched = (session.pilot or {}).get("matched_flow") or {}
        if body.option == "Follow this flow":
            _update(session, flow_decision="accepted")
            await sessions.append_event(
                db,
                principal,
                session.id,
                ss.SwitchFlowIn(type="switch_flow", flow_id=uuid.UUID(matched["id"])),
            )
            entries.append(
                ("flow_accepted", {"flow_id": matched.get("id"), "title": matched.get("title")})
            )
            entries += await _start_where_intake_leaves_off(db, principal, session, step)
        else:
            _update(session, flow_decision="declined")
            entries.append(
                ("flow_declined", {"flow_id": matched.get("id"), "title": matched.get("title")})
            )
        return entries
    if purpose in ("flow_node", "flow_end"):
        node_id = b.get("node_id")
        if purpose == "flow_end" or node_id is None:
            return entries
        if step.type == "question" and b.get("allow_text"):
            event: Any = ss.AnswerIn(
                type="answer", node_id=node_id, value=body.text or body.option or ""
            )
        elif step.type == "question":
            event = ss.AnswerIn(type="answer", node_id=node_id, answer=body.option or "")
        elif b.get("items"):
            event = ss.AnswerIn(
                type="answer", node_id=node_id, items=list(range(len(b["items"]))), result=body.text
            )
        else:
            event = ss.AnswerIn(type="answer", node_id=node_id, result=body.text)
        await sessions.append_event(db, principal, session.id, event)
        # What the engineer found at a flow step is a fact worth keeping (and confirming); a
        # captured value as it may be shown, and a secret never.
        found = (
            body.text
            if step.type == "action"
            else (_captured(b, body.text) if b.get("allow_text") else None)
        )
        if b.get("input_type") == "secret":
            found = None
        if found:
            title = str(b.get("title") or b.get("text") or "Result").splitlines()[0]
            entries += await _propose_fact(db, session, step, f"{title}: {found}"[:2000])
        return entries
    if purpose == "discovery":
        fact_text = str(b.get("fact", "{answer}")).replace("{answer}", answer_text)[:2000]
        entries += await _propose_fact(db, session, step, fact_text)
        return entries
    if purpose == "fix" and body.option == "Try this fix":
        draft = b.get("fix") or {}
        created = await _new_fix(
            db,
            session,
            draft.get("title") or "Suggested fix",
            draft.get("instructions", ""),
            draft.get("command"),
            step.id,
        )
        created.status = "verifying"
        entries.append(("fix_proposed", {"fix_id": str(created.id), "title": created.title}))
        entries.append(
            (
                "fix_status",
                {"fix_id": str(created.id), "title": created.title, "status": "verifying"},
            )
        )
        return entries
    if purpose == "fix_outcome":
        tried = await db.get(PilotFix, uuid.UUID(b["fix_id"])) if b.get("fix_id") else None
        if tried is not None and tried.session_id == session.id and body.option:
            tried.status, tried.outcome = "applied", body.option.lower()
            if body.text:
                tried.note = body.text
            entries.append(
                (
                    "fix_status",
                    {
                        "fix_id": str(tried.id),
                        "title": tried.title,
                        "status": "applied",
                        "outcome": tried.outcome,
                    },
                )
            )
        return entries
    if purpose == "hypotheses":
        chosen = next(
            (
                h
                for h in b.get("hypotheses", [])
                if h["id"] == body.option or h["title"] == body.option
            ),
            None,
        )
        if chosen is not None:
            p = session.pilot or {}
            if "hypothesis" not in p.get("triage_edited", []):
                _update(
                    session,
                    triage={**p.get("triage", {}), "hypothesis": chosen["title"]},
                    hypothesis_confirmed=True,
                )
            entries += await _propose_fact(
                db, session, step, f"Working hypothesis: {chosen['title']}"
            )
        return entries
    if purpose == "resolve":
        return entries
    if purpose == "library_step" and step.type == "question":
        # What a library question found is a fact, as a discovery question's answer is.
        asked = str(b.get("text") or "").split("\n")[0]
        return entries + await _propose_fact(db, session, step, f"{asked}: {answer_text}"[:2000])
    if step.type == "action" and body.text:
        entries += await _propose_fact(
            db, session, step, f"{b.get('title', 'Result')}: {body.text}"[:2000]
        )
    return entries


async def _start_where_intake_leaves_off(
    db: AsyncSession, principal: Principal, session: Session, accepted: PilotStep
) -> list[tuple[str, dict[str, Any]]]:
    """The accepted flow's first questions that the intake already answers are answered from
    it (see intake_facts): each is a real answer on the timeline, marked as inferred from the
    intake with the sentence that says it, and a step FlowPilot shows as skipped, so the
    engineer can go back to it."""
    node, graph, title = await _position(db, session)
    if node is None or graph is None:
        return []
    intake = str((session.pilot or {}).get("intake", {}).get("text", ""))
    inferred = intake_facts.walk(graph, node["id"], intake)
    matched = (session.pilot or {}).get("matched_flow") or {}
    entries: list[tuple[str, dict[str, Any]]] = []
    for i, got in enumerate(inferred):
        at = next(n for n in graph["nodes"] if n["id"] == got.node_id)
        options = [label for label, _ in outgoing(graph, got.node_id) if label]
        body = at.get("body") or ""
        why = {"evidence": got.evidence, "confidence": got.confidence, "via": got.via}
        step = PilotStep(
            account_id=session.account_id,
            session_id=session.id,
            ordinal=accepted.ordinal + 1 + i,
            type="question",
            body={
                "purpose": "flow_node",
                "node_id": got.node_id,
                "text": (at.get("title") or "") + (f"\n\n{body}" if body else ""),
                "options": options,
                "allow_text": False,
                "source_ref": {"kind": "flow", "id": matched.get("id"), "title": title or ""},
                "inferred": why,
            },
            confidence=got.confidence,
            source="flow",
            status="answered",
            answer={"option": got.answer, "inferred": True},
            answered_at=_now(),
        )
        db.add(step)
        await db.flush()
        await sessions.append_event(
            db,
            principal,
            session.id,
            ss.AnswerIn(type="answer", node_id=got.node_id, answer=got.answer),
            mark={"inferred_from_intake": True, "evidence": got.evidence},
        )
        entries.append(
            (
                "pilot_step_answered",
                {
                    "step_id": str(step.id),
                    "type": step.type,
                    "purpose": "flow_node",
                    "text": got.question,
                    "option": got.answer,
                    "inferred_from_intake": True,
                    "evidence": got.evidence,
                    "confidence": got.confidence,
                    "via": got.via,
                },
            )
        )
    return entries


async def revisit(
    db: AsyncSession,
    principal: Principal,
    session_id: uuid.UUID,
    step_id: uuid.UUID,
    storage: Storage | None = None,
) -> Pending:
    """Go back to an answered question of the accepted flow (one FlowPilot skipped from the
    intake, or any answered since): the flow goes back the way "back" does, one answer at a
    time, the answers from that question on are undone, and the question is asked again."""
    session = await _pilot_session(db, principal, session_id, work=True)
    if session.status == "paused":
        raise Conflict("This session is paused; resume it first.")
    steps = await _steps(db, session)
    target = next((s for s in steps if s.id == step_id), None)
    if target is None:
        raise NotFound("No such step in this session.")
    node_id = target.body.get("node_id")
    if (
        target.status != "answered"
        or target.body.get("purpose") != "flow_node"
        or not node_id
        or (session.pilot or {}).get("flow_decision") != "accepted"
    ):
        raise Conflict("Only an answered step of the flow being followed can be gone back to.")
    trail = (session.state or {}).get("trail") or []
    if not any(t["stack"] and t["stack"][-1].get("node") == node_id for t in trail):
        raise Conflict("The flow is no longer past this step; answer the current step.")
    while session.current_node != node_id:
        session, _ = await sessions.append_event(db, principal, session.id, ss.BackIn(type="back"))
    undone = [
        s
        for s in steps
        if s.ordinal >= target.ordinal
        and s.status in ("answered", "open")
        and s.body.get("purpose") in ("flow_node", "flow_end")
    ]
    for s in undone:
        s.status = "undone" if s.status == "answered" else "superseded"
    session = await _pilot_session(db, principal, session_id, work=True)
    await sessions.append_entries(
        db,
        principal,
        session,
        [
            (
                "pilot_went_back",
                {
                    "step_id": str(target.id),
                    "text": _summary(target)["text"],
                    "undone": [str(s.id) for s in undone if s.status == "undone"],
                    "was_inferred": bool((target.answer or {}).get("inferred")),
                },
            )
        ],
    )
    return await _context(db, session, storage)


def _captured(b: dict[str, Any], text: str | None) -> str | None:
    """What an answer to a flow's input step may keep of the value typed (other steps' text
    stays as written)."""
    if not text or b.get("purpose") != "flow_node" or not b.get("allow_text"):
        return text
    if b.get("input_type") == "secret":
        return SECRET_CAPTURED
    title = str(b.get("text") or "").strip().split("\n")[0]
    return captured_value(title, b.get("variable"), text.strip())


async def _propose_fact(
    db: AsyncSession, session: Session, step: PilotStep | None, text: str
) -> list[tuple[str, dict[str, Any]]]:
    fact = PilotFact(
        account_id=session.account_id,
        session_id=session.id,
        text=text,
        origin="ai",
        status="proposed",
        step_id=step.id if step else None,
    )
    db.add(fact)
    await db.flush()
    return [("fact_proposed", {"fact_id": str(fact.id), "text": text})]


async def _new_fix(
    db: AsyncSession,
    session: Session,
    title: str,
    instructions: str,
    command: str | None,
    step_id: uuid.UUID | None,
) -> PilotFix:
    active = [f for f in await _fixes(db, session) if f.status in ACTIVE_FIX]
    if active:
        raise Conflict(
            f"“{active[0].title}” is still being tried; record its outcome or dismiss it first."
        )
    fix = PilotFix(
        account_id=session.account_id,
        session_id=session.id,
        title=title[:300],
        instructions=instructions or "",
        command=command,
        status="proposed",
        step_id=step_id,
    )
    db.add(fix)
    await db.flush()
    return fix


# --- triage, facts and fixes by hand -------------------------------------------------------


async def edit_triage(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID, patch: triage.TriagePatch
) -> Session:
    session = await _pilot_session(db, principal, session_id, work=True)
    p = session.pilot or {}
    changes = patch.model_dump(exclude_unset=True, exclude_none=True)
    if not changes:
        return session
    edited = sorted(set(p.get("triage_edited", [])) | set(changes))
    _update(session, triage={**p.get("triage", {}), **changes}, triage_edited=edited)
    await sessions.append_entries(db, principal, session, [("triage_edited", {"fields": changes})])
    return session


async def add_fact(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID, body: ps.FactIn
) -> PilotFact:
    session = await _pilot_session(db, principal, session_id, work=True)
    fact = PilotFact(
        account_id=session.account_id,
        session_id=session.id,
        text=body.text,
        origin="engineer",
        status="confirmed",
    )
    db.add(fact)
    await db.flush()
    await sessions.append_entries(
        db,
        principal,
        session,
        [("fact_confirmed", {"fact_id": str(fact.id), "text": fact.text, "origin": "engineer"})],
    )
    return fact


async def edit_fact(
    db: AsyncSession,
    principal: Principal,
    session_id: uuid.UUID,
    fact_id: uuid.UUID,
    body: ps.FactPatch,
) -> PilotFact:
    session = await _pilot_session(db, principal, session_id, work=True)
    fact = await db.scalar(
        select(PilotFact).where(PilotFact.id == fact_id, PilotFact.session_id == session.id)
    )
    if fact is None:
        raise NotFound("No such fact in this session.")
    if fact.status == "deleted":
        raise Conflict("This fact was deleted; add it again instead.")
    entries: list[tuple[str, dict[str, Any]]] = []
    if body.text is not None and body.text != fact.text:
        entries.append(
            ("fact_edited", {"fact_id": str(fact.id), "from": fact.text, "text": body.text})
        )
        fact.text = body.text
        if body.status is None:
            fact.status = "confirmed"  # editing a fact is vouching for it
    if body.status is not None and body.status != fact.status:
        fact.status = body.status
        kind = "fact_deleted" if body.status == "deleted" else "fact_confirmed"
        entries.append((kind, {"fact_id": str(fact.id), "text": fact.text}))
    if entries:
        await sessions.append_entries(db, principal, session, entries)
    await db.flush()
    return fact


async def add_fix(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID, body: ps.FixIn
) -> PilotFix:
    session = await _pilot_session(db, principal, session_id, work=True)
    fix = await _new_fix(db, session, body.title, body.instructions, body.command, None)
    await sessions.append_entries(
        db, principal, session, [("fix_proposed", {"fix_id": str(fix.id), "title": fix.title})]
    )
    return fix


# Allowed moves of the fix lifecycle.
_FIX_MOVES = {
    "proposed": {"verifying", "applied", "dismissed"},
    "verifying": {"applied", "dismissed"},
    "applied": {"applied"},  # the outcome may be updated (pending -> success)
    "dismissed": set(),
}


async def edit_fix(
    db: AsyncSession,
    principal: Principal,
    session_id: uuid.UUID,
    fix_id: uuid.UUID,
    body: ps.FixPatch,
) -> PilotFix:
    session = await _pilot_session(db, principal, session_id, work=True)
    fix = await db.scalar(
        select(PilotFix).where(PilotFix.id == fix_id, PilotFix.session_id == session.id)
    )
    if fix is None:
        raise NotFound("No such fix in this session.")
    target = body.status or fix.status
    if target != fix.status and target not in _FIX_MOVES[fix.status]:
        raise Conflict(f"A {fix.status} fix cannot become {target}.")
    if target == "applied" and not (body.outcome or fix.outcome):
        raise ValidationFailed(
            "Say how the fix went: success, failed, partial or pending.",
            errors=[
                {"loc": ["body", "outcome"], "msg": "required when applied", "type": "value_error"}
            ],
        )
    if body.outcome and target != "applied":
        raise ValidationFailed(
            "An outcome is recorded when the fix is applied.",
            errors=[
                {"loc": ["body", "outcome"], "msg": "only with applied", "type": "value_error"}
            ],
        )
    fix.status = target
    if body.outcome:
        fix.outcome = body.outcome
    if body.note is not None:
        fix.note = body.note
    await db.flush()
    await sessions.append_entries(
        db,
        principal,
        session,
        [
            (
                "fix_status",
                {
                    "fix_id": str(fix.id),
                    "title": fix.title,
                    "status": fix.status,
                    "outcome": fix.outcome,
                },
            )
        ],
    )
    return fix
