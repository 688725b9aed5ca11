"""HTTP routes of knowledge documents: team admins upload, re-index and delete; everyone in the
account may list and read them (the copilot cites them)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Query, Request, Response

from resolutionflow.auth.principal import AnyRole, TeamAdmin
from resolutionflow.common.schemas import Page, SearchText, decode_offset, encode_offset
from resolutionflow.db.session import DB
from resolutionflow.knowledge import service
from resolutionflow.knowledge.service import KnowledgeDocumentDetail, KnowledgeDocumentRead
from resolutionflow.search import jobs as index_jobs

router = APIRouter(tags=["knowledge"])


@router.get("/knowledge/documents", response_model=Page[KnowledgeDocumentRead])
async def list_documents(
    principal: AnyRole,
    db: DB,
    q: SearchText = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Page[KnowledgeDocumentRead]:
    offset = decode_offset(cursor)
    items, more = await service.listing(db, principal, q, limit, offset)
    return Page(items=items, next_cursor=encode_offset(offset + limit) if more else None)


@router.post(
    "/knowledge/documents",
    status_code=201,
    response_model=KnowledgeDocumentDetail,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    },
)
async def upload_document(
    principal: TeamAdmin,
    db: DB,
    request: Request,
    background: BackgroundTasks,
    filename: Annotated[str, Query(min_length=1, max_length=255, pattern=r"^[^\x00-\x1f]+$")],
    title: Annotated[str | None, Query(max_length=300, pattern=r"^[^\x00-\x1f]*$")] = None,
) -> KnowledgeDocumentDetail:
    """The file's bytes are the body: Markdown, text, HTML, PDF or DOCX (sniffed by content).
    It is extracted, chunked and indexed before the response; an unreadable file is a 422
    that says why, and nothing is stored."""
    # No transaction has begun yet (the sign-in check reads apart): no lock waits on a slow
    # upload.
    data = await request.body()
    doc = await service.upload(
        db,
        principal,
        filename,
        request.headers.get("content-type"),
        data,
        request.app.state.storage,
        title=title.strip() if title else None,
    )
    # Embedded after the response is committed and sent (when embeddings are on).
    await index_jobs.queue_fill(db, principal.account_id)
    background.add_task(request.app.state.jobs.after_response)
    return await service.detail(db, doc)


@router.get("/knowledge/documents/{document_id}", response_model=KnowledgeDocumentDetail)
async def read_document(
    principal: AnyRole, db: DB, document_id: uuid.UUID
) -> KnowledgeDocumentDetail:
    return await service.detail(db, await service.get(db, principal, document_id))


@router.post("/knowledge/documents/{document_id}/reindex", response_model=KnowledgeDocumentRead)
async def reindex_document(
    principal: TeamAdmin,
    db: DB,
    request: Request,
    background: BackgroundTasks,
    document_id: uuid.UUID,
) -> KnowledgeDocumentRead:
    doc = await service.reindex(db, principal, document_id, request.app.state.storage)
    await index_jobs.queue_fill(db, principal.account_id)
    background.add_task(request.app.state.jobs.after_response)
    return await service.detail(db, doc)


@router.delete("/knowledge/documents/{document_id}", status_code=204)
async def delete_document(
    principal: TeamAdmin, db: DB, request: Request, document_id: uuid.UUID
) -> Response:
    await service.remove(db, principal, document_id, request.app.state.storage)
    return Response(status_code=204)
