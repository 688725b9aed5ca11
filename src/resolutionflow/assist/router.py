"""HTTP routes of the copilot: in-session chat and ResolutionAssist conversations."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, Query, Request, Response
from fastapi.responses import StreamingResponse

from resolutionflow.ai import gateway
from resolutionflow.assist import answering, conversations, copilot, model_images, streaming
from resolutionflow.assist.reply import CopilotReply
from resolutionflow.auth.principal import AnyRole, Engineer
from resolutionflow.common.schemas import (
    Page,
    SearchText,
    WriteSchema,
    decode_offset,
    encode_offset,
)
from resolutionflow.db import uow
from resolutionflow.db.session import DB
from resolutionflow.redaction.policy import options_for
from resolutionflow.search import vectors
from resolutionflow.sessions import service as sessions
from resolutionflow.sessions.schemas import SessionDetail

router = APIRouter(tags=["copilot"])

_STREAMABLE = {
    200: {
        "description": "The reply; with `Accept: text/event-stream`, the same reply streamed as "
        "server-sent events (`delta`, `reset`, then `reply`).",
        "content": {"text/event-stream": {}},
    }
}


class CopilotMessageIn(WriteSchema):
    content: conversations.Content
    # Send the session's images again although the model has seen them (within the limits).
    resend_images: bool = False


@router.get("/sessions/{session_id}/model-images", response_model=model_images.ModelImagesRead)
async def read_model_images(
    principal: AnyRole,
    db: DB,
    session_id: uuid.UUID,
    resend_images: Annotated[bool, Query()] = False,
) -> model_images.ModelImagesRead:
    """The session's images and whether the next copilot question or FlowPilot step sends
    them (with the reason when not). Images are not redacted: this is what the model sees.
    `resend_images`: as for a copilot message that asks to send seen images again."""
    return await model_images.listing(db, principal, session_id, resend=resend_images)


@router.post(
    "/sessions/{session_id}/copilot/messages",
    response_model=CopilotReply,
    responses=_STREAMABLE,  # type: ignore[arg-type]
)
async def ask_copilot(
    principal: Engineer, db: DB, request: Request, session_id: uuid.UUID, body: CopilotMessageIn
) -> CopilotReply | StreamingResponse:
    """Ask about this session. The question and the reply land on the timeline; the copilot
    sees the flow position, captured values, notes, output and ticket — redacted — and cites
    the flows, past sessions and documents it used."""
    # Embedding the question (when embeddings are on) may go over the network: nothing waits.
    options = await options_for(db, principal.account_id)
    vector = await uow.while_released(db, vectors.query_vector(body.content, options))
    prepared = await copilot.begin(
        db,
        principal,
        session_id,
        body.content,
        vector,
        request.app.state.storage,
        resend_images=body.resend_images,
    )
    # Stored before the model is asked: no transaction (on SQLite, no write lock) stays open
    # while it thinks; the reply is recorded in a unit of work of its own.
    await uow.end(db)
    maker = request.app.state.sessionmaker

    async def finish(served: gateway.Served) -> CopilotReply:
        async with uow.transaction(maker) as db:
            return await copilot.finish(db, principal, prepared, served)

    return await streaming.answer(
        request,
        prepared.plan,
        prepared.ask,
        answering.offline_answer(prepared.question, prepared.found, prepared.position),
        finish,
    )


@router.get("/assist/conversations", response_model=Page[conversations.ConversationSummary])
async def list_conversations(
    principal: Engineer,
    db: DB,
    q: SearchText = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Page[conversations.ConversationSummary]:
    """Your own ResolutionAssist conversations, newest first; `q` searches titles and messages."""
    offset = decode_offset(cursor)
    items, more = await conversations.listing(db, principal, q, limit, offset)
    return Page(items=items, next_cursor=encode_offset(offset + limit) if more else None)


@router.post(
    "/assist/conversations", status_code=201, response_model=conversations.ConversationDetail
)
async def create_conversation(
    principal: Engineer,
    db: DB,
    body: Annotated[
        conversations.ConversationCreate, Body(default_factory=conversations.ConversationCreate)
    ],
) -> conversations.ConversationDetail:
    c = await conversations.create(db, principal, body.title)
    return await conversations.detail(db, c)


@router.get(
    "/assist/conversations/{conversation_id}", response_model=conversations.ConversationDetail
)
async def read_conversation(
    principal: Engineer, db: DB, conversation_id: uuid.UUID
) -> conversations.ConversationDetail:
    return await conversations.detail(db, await conversations.get(db, principal, conversation_id))


@router.delete("/assist/conversations/{conversation_id}", status_code=204)
async def delete_conversation(principal: Engineer, db: DB, conversation_id: uuid.UUID) -> Response:
    await conversations.remove(db, principal, conversation_id)
    return Response(status_code=204)


@router.post(
    "/assist/conversations/{conversation_id}/messages",
    response_model=CopilotReply,
    responses=_STREAMABLE,  # type: ignore[arg-type]
)
async def send_assist_message(
    principal: Engineer,
    db: DB,
    request: Request,
    conversation_id: uuid.UUID,
    body: conversations.MessageIn,
) -> CopilotReply | StreamingResponse:
    """A turn of the conversation; screenshots (vision models) and text logs may be attached."""
    options = await options_for(db, principal.account_id)
    vector = await uow.while_released(db, vectors.query_vector(body.content, options))
    prepared = await conversations.begin(db, principal, conversation_id, body, vector)
    await uow.end(db)  # as for the session copilot: nothing held open during the model call
    maker = request.app.state.sessionmaker

    async def finish(served: gateway.Served) -> CopilotReply:
        async with uow.transaction(maker) as db:
            return await conversations.finish(db, principal, prepared, served)

    return await streaming.answer(
        request,
        prepared.plan,
        prepared.ask,
        answering.offline_answer(prepared.question, prepared.found),
        finish,
    )


@router.post(
    "/assist/conversations/{conversation_id}/session",
    status_code=201,
    response_model=SessionDetail,
)
async def conversation_to_session(
    principal: Engineer,
    db: DB,
    conversation_id: uuid.UUID,
    body: Annotated[conversations.ToSessionIn, Body(default_factory=conversations.ToSessionIn)],
) -> SessionDetail:
    """Turn the conversation into a session; the exchange is carried onto its timeline. Doing it
    again returns the same session."""
    session = await conversations.to_session(db, principal, conversation_id, body)
    return await sessions.detail(db, session)
