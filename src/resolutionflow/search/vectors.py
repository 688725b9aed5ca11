"""Optional semantic retrieval: embeddings of the searchable pieces the copilot retrieves from
(published flows, resolved sessions, knowledge chunks), filled after writes are committed and
queried by cosine similarity. Off unless RESOLUTIONFLOW_EMBEDDINGS_PROVIDER names a provider;
any failure leaves retrieval to full-text search, which always works."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import String, Uuid, and_, delete, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resolutionflow.config import get_settings
from resolutionflow.db import uow
from resolutionflow.models import TextVector
from resolutionflow.providers.embeddings import (
    Embedder,
    EmbeddingConfig,
    EmbeddingError,
    build_embedder,
    cosine,
)
from resolutionflow.redaction import RedactionOptions, redact
from resolutionflow.search import repository

log = logging.getLogger(__name__)

TEXT_KINDS = ("resolved_session", "knowledge_chunk")
BATCH = 64
MAX_CHARS = 4000


@lru_cache(maxsize=1)
def _cached(config: EmbeddingConfig) -> Embedder | None:
    try:
        return build_embedder(config)
    except EmbeddingError as exc:
        log.warning("embeddings are configured but unusable: %s", exc)
        return None


def embedder() -> Embedder | None:
    s = get_settings()
    return _cached(
        EmbeddingConfig(
            provider=s.embeddings_provider,
            model=s.embeddings_model,
            base_url=s.embeddings_base_url,
            api_key=s.embeddings_api_key.get_secret_value() if s.embeddings_api_key else None,
        )
    )


@dataclass(frozen=True)
class Piece:
    kind: str
    ref_id: uuid.UUID
    parent_id: uuid.UUID | None
    text: str


def _key(db: AsyncSession, value: uuid.UUID) -> Any:
    return value.hex if db.get_bind().dialect.name == "sqlite" else value


async def _missing(db: AsyncSession, account_id: uuid.UUID, model: str, limit: int) -> list[Piece]:
    known = await repository.vector_ref_ids(db, account_id, model)
    out: list[Piece] = []
    rows = await db.execute(
        text(
            "SELECT kind, ref_id, parent_id, title, body FROM text_search "
            "WHERE account_id = :account AND kind IN ('resolved_session', 'knowledge_chunk')"
        )
        .bindparams(account=_key(db, account_id))
        .columns(kind=String(), ref_id=Uuid(), parent_id=Uuid(), title=String(), body=String())
    )
    for kind, ref_id, parent_id, title, body in rows:
        if ref_id not in known:
            out.append(Piece(kind, ref_id, parent_id, f"{title}\n{body}"[:MAX_CHARS]))
            if len(out) >= limit:
                return out
    flows = await repository.published_flow_texts(db, account_id)
    for fid, title, description in flows:
        if fid not in known:
            out.append(Piece("flow", fid, fid, f"{title}\n{description}"[:MAX_CHARS]))
            if len(out) >= limit:
                break
    return out


async def fill(maker: async_sessionmaker[AsyncSession], account_id: uuid.UUID) -> int:
    """Embed what has no vector yet for the configured model: read in one short transaction,
    embed with none open, write in another. Returns how many were embedded."""
    emb = embedder()
    if emb is None:
        return 0
    done = 0
    while True:
        async with maker() as db:
            pieces = await _missing(db, account_id, emb.model, BATCH)
        if not pieces:
            return done
        try:
            vectors = await emb.embed([p.text for p in pieces])
        except EmbeddingError as exc:
            log.warning("embedding failed; full-text search still answers: %s", exc)
            return done
        async with uow.transaction(maker) as db:
            for p, v in zip(pieces, vectors, strict=True):
                await db.execute(
                    delete(TextVector).where(
                        and_(
                            TextVector.kind == p.kind,
                            TextVector.ref_id == p.ref_id,
                            TextVector.model == emb.model,
                        )
                    )
                )
                db.add(
                    TextVector(
                        account_id=account_id,
                        kind=p.kind,
                        ref_id=p.ref_id,
                        parent_id=p.parent_id,
                        model=emb.model,
                        dim=len(v),
                        vector=v,
                    )
                )
        done += len(pieces)


async def forget_parent(db: AsyncSession, kind: str, parent_id: uuid.UUID) -> None:
    """Drop the vectors of a document's chunks (re-indexed or deleted)."""
    await db.execute(
        delete(TextVector).where(TextVector.kind == kind, TextVector.parent_id == parent_id)
    )


async def query_vector(question: str, options: RedactionOptions) -> list[float] | None:
    """The question's embedding, or None (embeddings off or failing). Call with no
    transaction open: it may go over the network. The question is session content on its way
    to a provider, so it is redacted first (with the account's options)."""
    emb = embedder()
    if emb is None:
        return None
    try:
        return (await emb.embed([redact(question, options).redacted[:MAX_CHARS]]))[0]
    except EmbeddingError as exc:
        log.warning("query embedding failed; full-text search answers alone: %s", exc)
        return None
    except Exception as exc:  # a provider's odd reply (a missing field) must not fail the ask
        log.warning(
            "query embedding failed (%s); full-text search answers alone", type(exc).__name__
        )
        return None


@dataclass(frozen=True)
class Near:
    kind: str
    ref_id: uuid.UUID
    parent_id: uuid.UUID | None
    similarity: float


async def nearest(
    db: AsyncSession, account_id: uuid.UUID, vector: list[float], per_kind: int = 5
) -> list[Near]:
    emb = embedder()
    if emb is None:
        return []
    rows = await repository.vectors_of(db, account_id, emb.model)
    scored: dict[str, list[Near]] = {}
    for kind, ref_id, parent_id, v in rows:
        scored.setdefault(kind, []).append(Near(kind, ref_id, parent_id, cosine(vector, v)))
    out: list[Near] = []
    for items in scored.values():
        items.sort(key=lambda n: -n.similarity)
        out.extend(items[:per_kind])
    return out
