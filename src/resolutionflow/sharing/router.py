"""HTTP routes of share links: managing a session's links, and opening one."""

from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Request, Response

from resolutionflow.auth.principal import AnyRole, Engineer
from resolutionflow.common.context import client_info
from resolutionflow.common.schemas import Page
from resolutionflow.db.session import DB, WriteDB
from resolutionflow.documentation.service import MEDIA_TYPES
from resolutionflow.sessions.schemas import SessionDetail
from resolutionflow.sharing import service
from resolutionflow.sharing.schemas import (
    PublicShareView,
    ShareCreate,
    ShareCreated,
    ShareRead,
    ShareToken,
)

router = APIRouter(tags=["sharing"])

# The public page must not be cached by proxies, indexed, or leak its URL in a Referer.
PUBLIC_HEADERS = {
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
}


@router.post("/sessions/{session_id}/shares", status_code=201, response_model=ShareCreated)
async def create_share(
    principal: Engineer, db: DB, session_id: uuid.UUID, body: ShareCreate, request: Request
) -> ShareCreated:
    share, token = await service.create_share(db, principal, session_id, body, client_info(request))
    return ShareCreated(
        **ShareRead.model_validate(share).model_dump(),
        url=service.share_url(request.app.state.settings, share, token),
    )


@router.get("/sessions/{session_id}/shares", response_model=Page[ShareRead])
async def list_shares(principal: AnyRole, db: DB, session_id: uuid.UUID) -> Page[ShareRead]:
    rows = await service.list_shares(db, principal, session_id)
    return Page(items=[ShareRead.model_validate(r) for r in rows])


@router.delete("/sessions/{session_id}/shares/{share_id}", status_code=204)
async def revoke_share(
    principal: Engineer, db: DB, session_id: uuid.UUID, share_id: uuid.UUID, request: Request
) -> Response:
    await service.revoke_share(db, principal, session_id, share_id, client_info(request))
    return Response(status_code=204)


@router.get("/public/shares/{token}", response_model=PublicShareView)
async def public_share(db: WriteDB, token: ShareToken, response: Response) -> PublicShareView:
    response.headers.update(PUBLIC_HEADERS)
    return await service.public_view(db, token)


@router.get("/shares/{token}", response_model=SessionDetail)
async def account_share(principal: AnyRole, db: WriteDB, token: ShareToken) -> SessionDetail:
    return await service.account_view(db, principal, token)


@router.get(
    "/shares/{token}/documentation",
    response_class=Response,
    responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}},
)
async def account_share_documentation(
    principal: AnyRole,
    db: WriteDB,
    token: ShareToken,
    format: Literal["markdown", "text", "html"] = "markdown",
) -> Response:
    body = await service.account_documentation(db, principal, token, format)
    return Response(body, media_type=MEDIA_TYPES[format])
