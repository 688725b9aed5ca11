"""ResolutionAssist: standalone troubleshooting conversations, kept per person, searchable, and
turned into a session with one click (the exchange carried onto the session's timeline).

Like the session copilot, a turn is two short transactions around the model call: `begin()`
stores the question, `finish()` stores the answer."""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow import search
from resolutionflow.ai import gateway
from resolutionflow.ai import images as image_limits
from resolutionflow.ai.prompt import DataBlock
from resolutionflow.assist import answering, reply, repository
from resolutionflow.assist.retrieval import Retrieval, retrieve
from resolutionflow.auth.principal import Principal
from resolutionflow.common.schemas import ReadSchema, WriteSchema
from resolutionflow.errors import ValidationFailed
from resolutionflow.models import AssistConversation, AssistMessage, Session
from resolutionflow.providers.llm import ImageInput
from resolutionflow.search import index as text_index
from resolutionflow.sessions import service as sessions
from resolutionflow.sessions.schemas import SessionCreate

ACTION = "assist_chat"
KINDS = ("assist_conversation", "assist_message")
MAX_HISTORY = 8
IMAGE_TYPES = image_limits.VISION_TYPES
MAX_ATTACHMENT_BYTES = image_limits.MAX_IMAGE_BYTES
MAX_LOG_CHARS = 20_000

INSTRUCTIONS = (
    reply.INSTRUCTIONS
    + "\n\nThis is an open-ended troubleshooting chat, not tied to a session: the engineer may "
    "paste logs or screenshots; read them closely and quote the lines that matter."
)

Content = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]


class AttachmentIn(WriteSchema):
    filename: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    content_type: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    data_base64: Annotated[str, StringConstraints(min_length=1, max_length=7_000_000)]


class MessageIn(WriteSchema):
    content: Content
    attachments: list[AttachmentIn] = Field(
        default_factory=list, max_length=image_limits.MAX_IMAGES
    )


class ConversationCreate(WriteSchema):
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""


class ToSessionIn(WriteSchema):
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    ticket_id: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None = (
        None
    )


class MessageRead(ReadSchema):
    seq: int
    role: Literal["user", "assistant"]
    content: str
    payload: dict[str, Any]
    created_at: datetime


class ConversationSummary(ReadSchema):
    id: uuid.UUID
    title: str
    message_count: int
    session_id: uuid.UUID | None
    created_at: datetime
    updated_at: datetime


class ConversationDetail(ConversationSummary):
    messages: list[MessageRead]


@dataclass
class Prepared:
    conversation_id: uuid.UUID
    question_seq: int
    plan: gateway.Plan
    ask: gateway.Ask
    found: Retrieval
    question: str


async def get(
    db: AsyncSession, principal: Principal, conversation_id: uuid.UUID, *, lock: bool = False
) -> AssistConversation:
    return await repository.get_conversation(db, principal, conversation_id, lock=lock)


async def create(db: AsyncSession, principal: Principal, title: str) -> AssistConversation:
    conversation = AssistConversation(
        account_id=principal.account_id,
        user_id=principal.user_id,
        title=title or "New conversation",
        last_seq=0,
    )
    db.add(conversation)
    await db.flush()
    await _index_title(db, conversation)
    return conversation


async def _index_title(db: AsyncSession, c: AssistConversation) -> None:
    await search.put(
        db,
        kind="assist_conversation",
        ref_id=c.id,
        parent_id=c.id,
        account_id=c.account_id,
        title=c.title,
        body="",
    )


async def _add(
    db: AsyncSession,
    c: AssistConversation,
    role: str,
    content: str,
    payload: dict[str, Any],
) -> AssistMessage:
    c.last_seq += 1
    message = AssistMessage(
        account_id=c.account_id,
        conversation_id=c.id,
        seq=c.last_seq,
        role=role,
        content=content,
        payload=payload,
    )
    db.add(message)
    c.updated_at = datetime.now(UTC)
    await db.flush()
    await search.put(
        db,
        kind="assist_message",
        ref_id=message.id,
        parent_id=c.id,
        account_id=c.account_id,
        title="",
        body=content,
    )
    return message


def _attachments(
    items: list[AttachmentIn],
) -> tuple[list[ImageInput], list[DataBlock], list[dict[str, Any]]]:
    images, logs, meta = [], [], []
    for i, a in enumerate(items):
        try:
            data = base64.b64decode(a.data_base64, validate=True)
        except (binascii.Error, ValueError):
            raise ValidationFailed(
                f"Attachment “{a.filename}” is not valid base64.",
                errors=[
                    {
                        "loc": ["body", "attachments", i, "data_base64"],
                        "msg": "not base64",
                        "type": "value_error",
                    }
                ],
            ) from None
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise ValidationFailed(f"Attachment “{a.filename}” is larger than 5 MiB.")
        kind = a.content_type.split(";")[0].strip().lower()
        if kind in IMAGE_TYPES:
            images.append(ImageInput(kind, data))
        elif kind.startswith("text/") or kind in ("application/json", "application/xml"):
            text = data.decode("utf-8", errors="replace")
            if len(text) > MAX_LOG_CHARS:
                text = text[-MAX_LOG_CHARS:]  # the end of a log is where the failure is
            logs.append(DataBlock(f"attached {a.filename}"[:80], text))
        else:
            raise ValidationFailed(
                f"Attach screenshots (PNG, JPEG, GIF, WebP) or text logs; “{a.filename}” is {kind}.",
                errors=[
                    {
                        "loc": ["body", "attachments", i, "content_type"],
                        "msg": "unsupported type",
                        "type": "value_error",
                    }
                ],
            )
        meta.append({"filename": a.filename, "content_type": kind, "size": len(data)})
    return images, logs, meta


async def begin(
    db: AsyncSession,
    principal: Principal,
    conversation_id: uuid.UUID,
    body: MessageIn,
    vector: list[float] | None = None,
) -> Prepared:
    c = await get(db, principal, conversation_id, lock=True)
    images, logs, meta = _attachments(body.attachments)
    earlier = list(
        await db.scalars(
            select(AssistMessage)
            .where(AssistMessage.conversation_id == c.id)
            .order_by(AssistMessage.seq.desc())
            .limit(MAX_HISTORY)
        )
    )
    history = tuple((m.role, m.content) for m in reversed(earlier))
    # Retrieval reads the question and the start of any pasted log (error codes live there).
    query = " ".join([body.content, *(b.text[:400] for b in logs)])
    found = await retrieve(db, principal.account_id, query, vector=vector)
    plan = await gateway.prepare(db, principal.account_id, ACTION)
    ask = gateway.Ask(
        action=ACTION,
        instructions=INSTRUCTIONS,
        blocks=[*logs, *answering.evidence_blocks(found)],
        question=body.content,
        history=history,
        images=tuple(images),
    )
    if c.last_seq == 0 and c.title == "New conversation":
        c.title = body.content.splitlines()[0][:120]
        await _index_title(db, c)
    message = await _add(db, c, "user", body.content, {"attachments": meta} if meta else {})
    return Prepared(c.id, message.seq, plan, ask, found, body.content)


async def finish(
    db: AsyncSession, principal: Principal, prepared: Prepared, served: gateway.Served
) -> reply.CopilotReply:
    answer = answering.to_reply(prepared.found, served)
    answer.question_seq = prepared.question_seq
    c = await get(db, principal, prepared.conversation_id, lock=True)
    payload = answer.model_dump(mode="json", exclude={"content", "question_seq", "reply_seq"})
    message = await _add(db, c, "assistant", answer.content, payload)
    await gateway.save(db, prepared.plan, served, user_id=principal.user_id)
    answer.reply_seq = message.seq
    return answer


async def listing(
    db: AsyncSession, principal: Principal, q: str | None, limit: int, offset: int
) -> tuple[list[ConversationSummary], bool]:
    query = repository.own_conversations_with_counts(principal)
    if q:
        found = text_index.parents_matching(db, principal.account_id, q, KINDS)
        if found is None:
            return [], False
        query = query.where(AssistConversation.id.in_(select(found.c.parent_id)))
    rows = list(
        await db.execute(
            query.order_by(AssistConversation.updated_at.desc(), AssistConversation.id)
            .offset(offset)
            .limit(limit + 1)
        )
    )
    return [_summary(c, int(n)) for c, n in rows[:limit]], len(rows) > limit


def _summary(c: AssistConversation, n: int) -> ConversationSummary:
    return ConversationSummary(
        id=c.id,
        title=c.title,
        message_count=n,
        session_id=c.session_id,
        created_at=c.created_at,
        updated_at=c.updated_at,
    )


async def _messages(db: AsyncSession, c: AssistConversation) -> list[AssistMessage]:
    return list(
        await db.scalars(
            select(AssistMessage)
            .where(AssistMessage.conversation_id == c.id)
            .order_by(AssistMessage.seq)
        )
    )


async def detail(db: AsyncSession, c: AssistConversation) -> ConversationDetail:
    messages = await _messages(db, c)
    return ConversationDetail(
        **_summary(c, len(messages)).model_dump(),
        messages=[
            MessageRead(
                seq=m.seq,
                role=m.role,
                content=m.content,
                payload=m.payload,
                created_at=m.created_at,
            )
            for m in messages
        ],
    )


async def remove(db: AsyncSession, principal: Principal, conversation_id: uuid.UUID) -> None:
    c = await get(db, principal, conversation_id, lock=True)
    for kind in KINDS:
        await search.delete_parent(db, kind, c.id)
    await db.delete(c)
    await db.flush()


async def to_session(
    db: AsyncSession, principal: Principal, conversation_id: uuid.UUID, body: ToSessionIn
) -> Session:
    """A freeform session whose timeline starts with the exchange (question and answer events,
    as if asked of the session's copilot), so the documentation shows what was already tried."""
    c = await get(db, principal, conversation_id, lock=True)
    if c.session_id is not None:
        existing = await db.get(Session, c.session_id)
        if existing is not None:
            return existing
    session, _ = await sessions.create_session(
        db,
        principal,
        SessionCreate(title=(body.title or c.title)[:200], ticket_id=body.ticket_id),
    )
    entries: list[tuple[str, dict[str, Any]]] = []
    # append_entries numbers events in order after the last one: replies can name their question.
    seq = session.last_seq
    question_seq: int | None = None
    for m in await _messages(db, c):
        seq += 1
        if m.role == "user":
            question_seq = seq
            entries.append(("copilot_question", {"content": m.content, "via": "assist"}))
        else:
            entries.append(
                (
                    "copilot_reply",
                    {
                        **m.payload,
                        "content": m.content,
                        "question_seq": question_seq,
                        "via": "assist",
                    },
                )
            )
    if entries:
        await sessions.append_entries(db, principal, session, entries)
    c.session_id = session.id
    return session
