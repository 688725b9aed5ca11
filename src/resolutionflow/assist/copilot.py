"""The in-session copilot: a question about the session, answered with what the session shows
(flow position, captured values, notes, output, ticket) and what the account knows.

Question and reply both land on the timeline (`copilot_question`, `copilot_reply`). Accepting
one of the reply's suggestions appends `suggestion_accepted`, a step the documentation shows.
The work is split in phases so no transaction stays open while a model answers (see
ai/gateway.py): `begin()` and `finish()` each run in a short transaction of their own.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.ai import gateway
from resolutionflow.ai.prompt import DataBlock
from resolutionflow.assist import answering, model_images, offline, reply
from resolutionflow.assist.retrieval import Retrieval, retrieve
from resolutionflow.auth.principal import Principal
from resolutionflow.errors import Conflict
from resolutionflow.models import Session
from resolutionflow.psa.tickets import context_text as ticket_context_text
from resolutionflow.sessions import service as sessions
from resolutionflow.sessions.schemas import SessionDetail
from resolutionflow.storage.base import Storage

ACTION = "copilot_chat"
MAX_NOTES = 12
MAX_OUTPUTS = 4
MAX_OUTPUT_CHARS = 4000
MAX_HISTORY = 6


@dataclass
class Prepared:
    session_id: uuid.UUID
    account_id: uuid.UUID
    question: str
    question_seq: int
    plan: gateway.Plan
    ask: gateway.Ask
    found: Retrieval
    position: offline.Position | None
    # The session's images this call sends (recorded on the reply when a model answered).
    image_ids: tuple[str, ...] = ()


def _context(detail: SessionDetail) -> tuple[list[DataBlock], list[tuple[str, str]]]:
    blocks = []
    head = [f"Session title: {detail.title}", f"Status: {detail.status}"]
    if detail.ticket_id:
        head.append(f"Ticket: {detail.ticket_id}")
    step = detail.current_step
    if step is not None:
        head.append(f"Flow: {step.flow_title}; current step: {step.title}")
        if step.body:
            head.append(f"Step text: {step.body[:1500]}")
        if step.answers:
            head.append("Possible answers: " + ", ".join(step.answers))
    if detail.variables:
        head.append(
            "Captured values: " + "; ".join(f"{k} = {v}" for k, v in detail.variables.items())
        )
    blocks.append(DataBlock("session", "\n".join(head)))
    linked = next((e for e in reversed(detail.timeline) if e.type == "ticket_linked"), None)
    if linked is not None:
        blocks.append(DataBlock("PSA ticket", ticket_context_text(linked.payload)))
    steps = [
        f"{e.payload.get('title') or e.payload.get('node_title') or e.type}: "
        f"{e.payload.get('answer') or e.payload.get('value') or e.payload.get('result') or ''}"
        for e in detail.timeline
        if e.type in ("answer", "item_checked", "suggestion_accepted")
    ][-10:]
    if steps:
        blocks.append(DataBlock("steps so far", "\n".join(steps)))
    notes = [e for e in detail.timeline if e.type == "note"][-MAX_NOTES:]
    for e in notes:
        blocks.append(DataBlock("engineer note", str(e.payload.get("text", ""))))
    outputs = [e for e in detail.timeline if e.type == "command_output"][-MAX_OUTPUTS:]
    for e in outputs:
        command = e.payload.get("command") or ""
        text = str(e.payload.get("text", ""))
        if len(text) > MAX_OUTPUT_CHARS:
            text = text[:MAX_OUTPUT_CHARS] + "\n… (truncated)"
        # The command goes in the text, redacted whole: a label is cut short, and a secret cut
        # in half is no longer recognisable as one.
        blocks.append(DataBlock("command output", (f"$ {command}\n" if command else "") + text))
    history: list[tuple[str, str]] = []
    for e in detail.timeline:
        if e.type == "copilot_question":
            history.append(("user", str(e.payload.get("content", ""))))
        elif e.type == "copilot_reply":
            history.append(("assistant", str(e.payload.get("content", ""))))
    return blocks, history[-MAX_HISTORY:]


async def _position(
    db: AsyncSession, session: Session, detail: SessionDetail
) -> offline.Position | None:
    """Where the session stands in its flow (the pinned version of the flow it is in now)."""
    step = detail.current_step
    stack = (session.state or {}).get("stack") or []
    if step is None or not stack:
        return None
    frame = stack[-1]
    _, document, title = await sessions.loader(db, session.account_id)(
        uuid.UUID(frame["flow_id"]), frame["version"]
    )
    graph = document.model_dump(mode="json")
    node = next((n for n in graph.get("nodes", []) if n.get("id") == step.node_id), None)
    return None if node is None else offline.Position(str(step.flow_id), title, node, graph)


async def begin(
    db: AsyncSession,
    principal: Principal,
    session_id: uuid.UUID,
    question: str,
    vector: list[float] | None = None,
    storage: Storage | None = None,
    *,
    resend_images: bool = False,
) -> Prepared:
    session = await sessions.get_session(db, principal, session_id, lock=True)
    sessions.may_work(principal, session)
    if session.status in sessions.ENDED:
        raise Conflict(f"This session is {session.status}; the copilot helps while it is open.")
    detail = await sessions.detail(db, session)
    step = detail.current_step
    query = " ".join(filter(None, [question, detail.title, step.title if step else ""]))
    found = await retrieve(db, session.account_id, query, vector=vector)
    position = await _position(db, session, detail)
    plan = await gateway.prepare(db, session.account_id, ACTION)
    blocks, history = _context(detail)
    sending = await model_images.outgoing(db, session, plan, storage, resend=resend_images)
    ask = gateway.Ask(
        action=ACTION,
        instructions=reply.INSTRUCTIONS,
        blocks=[*blocks, *answering.evidence_blocks(found)],
        question=question,
        history=tuple(history),
        images=sending.images,
    )
    (event,) = await sessions.append_entries(
        db, principal, session, [("copilot_question", {"content": question})]
    )
    return Prepared(
        session.id,
        session.account_id,
        question,
        event.seq,
        plan,
        ask,
        found,
        position,
        sending.ids,
    )


async def finish(
    db: AsyncSession, principal: Principal, prepared: Prepared, served: gateway.Served
) -> reply.CopilotReply:
    answer = answering.to_reply(prepared.found, served)
    answer.question_seq = prepared.question_seq
    session = await sessions.get_session(db, principal, prepared.session_id, lock=True)
    payload = answer.model_dump(mode="json", exclude={"question_seq", "reply_seq"})
    payload["question_seq"] = prepared.question_seq
    if prepared.image_ids and served.provider != "offline":
        payload["images_sent"] = list(prepared.image_ids)
    (event,) = await sessions.append_entries(db, principal, session, [("copilot_reply", payload)])
    await gateway.save(db, prepared.plan, served, session_id=session.id, user_id=principal.user_id)
    answer.reply_seq = event.seq
    return answer
