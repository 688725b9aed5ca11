"""Queries of semantic retrieval over the ORM tables, scoped in one place: an account's vectors
and the published flows they are made from."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.models import Flow, TextVector


async def vector_ref_ids(db: AsyncSession, account_id: uuid.UUID, model: str) -> set[uuid.UUID]:
    """What already has a vector for `model` in the account."""
    return set(
        (
            await db.scalars(
                select(TextVector.ref_id).where(
                    TextVector.account_id == account_id, TextVector.model == model
                )
            )
        ).all()
    )


async def published_flow_texts(db: AsyncSession, account_id: uuid.UUID) -> list[Any]:
    """(id, title, description) of the account's published, unarchived flows."""
    return list(
        await db.execute(
            select(Flow.id, Flow.title, Flow.description).where(
                Flow.account_id == account_id,
                Flow.latest_version.is_not(None),
                Flow.archived_at.is_(None),
            )
        )
    )


async def vectors_of(db: AsyncSession, account_id: uuid.UUID, model: str) -> list[Any]:
    """(kind, ref id, parent id, vector) of the account's vectors for `model`."""
    return list(
        await db.execute(
            select(
                TextVector.kind, TextVector.ref_id, TextVector.parent_id, TextVector.vector
            ).where(TextVector.account_id == account_id, TextVector.model == model)
        )
    )
