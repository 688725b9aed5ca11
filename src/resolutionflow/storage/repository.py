"""What the database recorded about stored blobs (for `storage migrate`): every key with the
sha256 taken at upload, across all accounts (an operator command, not a tenant's query)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.models import KnowledgeDocument, SessionAttachment


async def recorded_checksums(db: AsyncSession) -> dict[str, str]:
    recorded: dict[str, str] = {}
    for model in (SessionAttachment, KnowledgeDocument):
        rows = await db.execute(select(model.storage_key, model.sha256))
        recorded.update({key: sha for key, sha in rows.all()})
    return recorded
