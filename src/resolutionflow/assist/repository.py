"""Queries of ResolutionAssist, scoped in one place: conversations are their owner's, inside
their account (anyone else's is a 404), and retrieval reads the account's published flows."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.errors import NotFound
from resolutionflow.models import (
    AssistConversation,
    AssistMessage,
    Flow,
    FlowVersion,
    Session,
    SessionAttachment,
    SessionEvent,
)


async def get_conversation(
    db: AsyncSession, principal: Principal, conversation_id: uuid.UUID, *, lock: bool = False
) -> AssistConversation:
    query = select(AssistConversation).where(
        AssistConversation.id == conversation_id,
        AssistConversation.account_id == principal.account_id,
        AssistConversation.user_id == principal.user_id,
    )
    conversation = await db.scalar(query.with_for_update() if lock else query)
    if conversation is None:
        raise NotFound("No such conversation.")
    return conversation


def own_conversations_with_counts(principal: Principal) -> Select[AssistConversation, Any]:
    """(conversation, message count) of the caller's own conversations."""
    counts = (
        select(AssistMessage.conversation_id, func.count().label("n"))
        .group_by(AssistMessage.conversation_id)
        .subquery()
    )
    return (
        select(AssistConversation, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.conversation_id == AssistConversation.id)
        .where(
            AssistConversation.account_id == principal.account_id,
            AssistConversation.user_id == principal.user_id,
        )
    )


async def published_flows_with_graph(
    db: AsyncSession, account_id: uuid.UUID, flow_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[Flow, dict[str, Any]]]:
    """The account's unarchived flows among `flow_ids`, each with its latest version's graph."""
    rows = await db.execute(
        select(Flow, FlowVersion.graph)
        .join(
            FlowVersion,
            and_(FlowVersion.flow_id == Flow.id, FlowVersion.number == Flow.latest_version),
        )
        .where(Flow.account_id == account_id, Flow.archived_at.is_(None), Flow.id.in_(flow_ids))
    )
    return {flow.id: (flow, graph) for flow, graph in rows}


async def session_images(db: AsyncSession, session: Session) -> list[SessionAttachment]:
    """The session's image attachments, oldest first (only its own account's, only its own)."""
    rows = await db.scalars(
        select(SessionAttachment)
        .where(
            SessionAttachment.account_id == session.account_id,
            SessionAttachment.session_id == session.id,
            SessionAttachment.content_type.like("image/%"),
        )
        .order_by(SessionAttachment.created_at, SessionAttachment.id)
    )
    return list(rows)


async def images_sent_payloads(
    db: AsyncSession, session: Session, types: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Payloads of the session's model-answer events (they list the images a model saw)."""
    rows = await db.scalars(
        select(SessionEvent.payload).where(
            SessionEvent.account_id == session.account_id,
            SessionEvent.session_id == session.id,
            SessionEvent.type.in_(types),
        )
    )
    return [p for p in rows if p]
