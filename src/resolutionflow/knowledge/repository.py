"""Queries over the account's knowledge documents, scoped in one place. Another account's
document is a 404."""

from __future__ import annotations

import uuid

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.errors import NotFound
from resolutionflow.models import KnowledgeDocument, User


async def get_document(
    db: AsyncSession, principal: Principal, doc_id: uuid.UUID
) -> KnowledgeDocument:
    doc = await db.scalar(
        select(KnowledgeDocument).where(
            KnowledgeDocument.id == doc_id, KnowledgeDocument.account_id == principal.account_id
        )
    )
    if doc is None:
        raise NotFound("No such knowledge document.")
    return doc


async def documents_page(
    db: AsyncSession, principal: Principal, q: str | None, limit: int, offset: int
) -> list[tuple[KnowledgeDocument, str | None]]:
    """The account's documents (title or file name containing `q`, case-insensitively), newest
    first, with their uploaders' names; one more than `limit`, so the caller knows whether
    there is more."""
    query = select(KnowledgeDocument, User.name).outerjoin(
        User, User.id == KnowledgeDocument.uploaded_by_id
    )
    query = query.where(KnowledgeDocument.account_id == principal.account_id)
    if q:
        like = f"%{q.lower()}%"
        query = query.where(
            or_(
                func.lower(KnowledgeDocument.title).like(like),
                func.lower(KnowledgeDocument.filename).like(like),
            )
        )
    rows = await db.execute(
        query.order_by(KnowledgeDocument.created_at.desc(), KnowledgeDocument.id)
        .offset(offset)
        .limit(limit + 1)
    )
    return [(doc, name) for doc, name in rows]


async def document_id_by_title(
    db: AsyncSession, account_id: uuid.UUID, title: str
) -> uuid.UUID | None:
    found: uuid.UUID | None = await db.scalar(
        select(KnowledgeDocument.id).where(
            KnowledgeDocument.account_id == account_id, KnowledgeDocument.title == title
        )
    )
    return found
