"""Filling the semantic index (embeddings) as a durable job: queued by whatever added text
(a published flow, a resolved session, a knowledge document), run after that commit."""

from __future__ import annotations

import uuid

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.jobs import kinds, queue, repository
from resolutionflow.jobs.context import JobContext
from resolutionflow.search import vectors


class FillPayload(BaseModel):
    pass


async def _fill(ctx: JobContext, _p: FillPayload) -> None:
    # Reads, embeds with nothing open, writes in units of work of its own; a rerun embeds only
    # what still has no vector, so an interrupted fill repeats nothing.
    await vectors.fill(ctx.sessionmaker, ctx.account_id)


FILL = kinds.register(
    kinds.JobKind(
        name="search.embed",
        payload=FillPayload,
        run=_fill,
        title="Semantic index fill",
        max_attempts=5,
        delays=(30, 300, 1800),
        timeout_s=600,
        concurrency=1,
        describe=lambda _p: "Embed new flows, sessions and documents",
    )
)


async def queue_fill(db: AsyncSession, account_id: uuid.UUID) -> None:
    """Queues a fill unless one is already waiting for this account (embeddings on only)."""
    if vectors.embedder() is None:
        return
    if await repository.queued_of_kind(db, account_id, FILL.name) is None:
        await queue.enqueue(db, FILL, FillPayload(), account_id=account_id)
