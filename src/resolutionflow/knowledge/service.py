"""Knowledge documents of an account: upload (extract, chunk, index), list, re-index, delete.

The original file is kept in storage so a document can be re-indexed when extraction or
chunking improves; its chunks live in `knowledge_chunk` and in the shared text index
(kind `knowledge_chunk`, parent = the document) where the copilot's retrieval finds them.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import uuid
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow import search
from resolutionflow.auth.principal import Principal
from resolutionflow.common.schemas import ReadSchema
from resolutionflow.config import get_settings
from resolutionflow.errors import ValidationFailed
from resolutionflow.knowledge import repository
from resolutionflow.knowledge.chunk import chunk
from resolutionflow.knowledge.extract import ExtractedDocument, ExtractionError, extract
from resolutionflow.models import KnowledgeChunk, KnowledgeDocument, User
from resolutionflow.search import vectors
from resolutionflow.sessions.attachments import clean_filename
from resolutionflow.storage.base import Storage, StorageError

CHUNK_KIND = "knowledge_chunk"


class KnowledgeDocumentRead(ReadSchema):
    id: uuid.UUID
    title: str
    filename: str
    format: str
    size: int
    status: str
    error: str | None
    chunk_count: int
    char_count: int
    uploaded_by_name: str | None
    created_at: datetime
    indexed_at: datetime | None


class ChunkRead(ReadSchema):
    ordinal: int
    heading: str | None
    page: int | None
    text: str


class KnowledgeDocumentDetail(KnowledgeDocumentRead):
    chunks: list[ChunkRead]


def _unreadable(exc: ExtractionError) -> ValidationFailed:
    return ValidationFailed(
        str(exc), errors=[{"loc": ["body"], "msg": str(exc), "type": "value_error"}]
    )


async def _extract(filename: str, content_type: str | None, data: bytes) -> ExtractedDocument:
    # PDF and DOCX parsing is CPU work: off the event loop so other requests keep moving.
    try:
        return await asyncio.to_thread(extract, filename, content_type, data)
    except ExtractionError as exc:
        raise _unreadable(exc) from exc


async def _index(db: AsyncSession, doc: KnowledgeDocument, extracted: ExtractedDocument) -> None:
    await db.execute(delete(KnowledgeChunk).where(KnowledgeChunk.document_id == doc.id))
    await search.delete_parent(db, CHUNK_KIND, doc.id)
    await vectors.forget_parent(db, CHUNK_KIND, doc.id)
    pieces = chunk(extracted)
    for piece in pieces:
        row = KnowledgeChunk(
            account_id=doc.account_id,
            document_id=doc.id,
            ordinal=piece.ordinal,
            heading=piece.heading[:500] if piece.heading else None,
            page=piece.page,
            text=piece.text,
        )
        db.add(row)
        await db.flush()
        title = doc.title + (f" > {piece.heading}" if piece.heading else "")
        await search.put(
            db,
            kind=CHUNK_KIND,
            ref_id=row.id,
            parent_id=doc.id,
            account_id=doc.account_id,
            title=title,
            body=piece.text,
        )
    doc.chunk_count = len(pieces)
    doc.char_count = extracted.char_count
    doc.status, doc.error = "indexed", None
    doc.indexed_at = datetime.now(UTC)


async def upload(
    db: AsyncSession,
    principal: Principal,
    filename: str,
    content_type: str | None,
    data: bytes,
    storage: Storage,
    title: str | None = None,
) -> KnowledgeDocument:
    limit = get_settings().max_upload_bytes
    if not data:
        raise ValidationFailed(
            "The file is empty.",
            errors=[{"loc": ["body"], "msg": "empty file", "type": "value_error"}],
        )
    if len(data) > limit:
        raise ValidationFailed(f"Knowledge documents can be at most {limit // 1_048_576} MiB.")
    name = clean_filename(filename)
    # Extract before storing anything: an unreadable file changes nothing.
    extracted = await _extract(name, content_type, data)
    doc_id = uuid.uuid4()
    key = f"{principal.account_id.hex}/knowledge/{doc_id.hex}"
    doc = KnowledgeDocument(
        id=doc_id,
        account_id=principal.account_id,
        title=(title or extracted.title or name)[:300],
        filename=name,
        content_type=(content_type or "application/octet-stream")[:100],
        format=extracted.format,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        storage_key=key,
        uploaded_by_id=principal.user_id,
    )
    db.add(doc)
    await db.flush()
    await _index(db, doc, extracted)
    await storage.put(key, data)
    return doc


async def get(db: AsyncSession, principal: Principal, doc_id: uuid.UUID) -> KnowledgeDocument:
    return await repository.get_document(db, principal, doc_id)


async def reindex(
    db: AsyncSession, principal: Principal, doc_id: uuid.UUID, storage: Storage
) -> KnowledgeDocument:
    doc = await get(db, principal, doc_id)
    data = await storage.get(doc.storage_key)
    try:
        extracted = await asyncio.to_thread(extract, doc.filename, doc.content_type, data)
    except ExtractionError as exc:
        # Kept, marked failed with the reason: the admin sees why and can delete or replace it.
        await db.execute(delete(KnowledgeChunk).where(KnowledgeChunk.document_id == doc.id))
        await search.delete_parent(db, CHUNK_KIND, doc.id)
        doc.status, doc.error, doc.chunk_count = "failed", str(exc)[:500], 0
        return doc
    await _index(db, doc, extracted)
    return doc


async def remove(
    db: AsyncSession, principal: Principal, doc_id: uuid.UUID, storage: Storage
) -> None:
    doc = await get(db, principal, doc_id)
    await search.delete_parent(db, CHUNK_KIND, doc.id)
    await vectors.forget_parent(db, CHUNK_KIND, doc.id)
    await db.delete(doc)
    await db.flush()
    # The rows are gone; a blob left behind by a storage hiccup is harmless.
    with contextlib.suppress(StorageError, OSError):
        await storage.delete(doc.storage_key)


async def listing(
    db: AsyncSession, principal: Principal, q: str | None, limit: int, offset: int
) -> tuple[list[KnowledgeDocumentRead], bool]:
    rows = await repository.documents_page(db, principal, q, limit, offset)
    return [read(d, name) for d, name in rows[:limit]], len(rows) > limit


def read(doc: KnowledgeDocument, uploader: str | None) -> KnowledgeDocumentRead:
    return KnowledgeDocumentRead(
        id=doc.id,
        title=doc.title,
        filename=doc.filename,
        format=doc.format,
        size=doc.size,
        status=doc.status,
        error=doc.error,
        chunk_count=doc.chunk_count,
        char_count=doc.char_count,
        uploaded_by_name=uploader,
        created_at=doc.created_at,
        indexed_at=doc.indexed_at,
    )


async def detail(db: AsyncSession, doc: KnowledgeDocument) -> KnowledgeDocumentDetail:
    uploader = await db.scalar(select(User.name).where(User.id == doc.uploaded_by_id))
    chunks = await db.scalars(
        select(KnowledgeChunk)
        .where(KnowledgeChunk.document_id == doc.id)
        .order_by(KnowledgeChunk.ordinal)
    )
    return KnowledgeDocumentDetail(
        **read(doc, uploader).model_dump(),
        chunks=[
            ChunkRead(ordinal=c.ordinal, heading=c.heading, page=c.page, text=c.text)
            for c in chunks
        ],
    )
