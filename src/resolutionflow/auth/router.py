"""HTTP routes for signing in and out, refreshing, and accepting invites (all public)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from resolutionflow.auth import service
from resolutionflow.auth.cookies import (
    clear_refresh_cookie,
    read_refresh_cookie,
    set_refresh_cookie,
)
from resolutionflow.auth.schemas import InviteAccept, InvitePreview, LoginRequest, TokenResponse
from resolutionflow.common.context import client_info
from resolutionflow.config import get_settings
from resolutionflow.db.session import DB
from resolutionflow.users import invites

router = APIRouter(prefix="/auth", tags=["auth"])

InviteToken = Annotated[str, Path(min_length=16, max_length=128, pattern=r"^[A-Za-z0-9_-]+$")]


def _respond(response: Response, issued: service.IssuedTokens) -> TokenResponse:
    set_refresh_cookie(response, get_settings(), issued.refresh_token)
    response.headers["Cache-Control"] = "no-store"
    return TokenResponse(access_token=issued.access_token, expires_in=issued.expires_in)


@router.post("/login", response_model=TokenResponse)
async def login(body: LoginRequest, request: Request, response: Response, db: DB) -> TokenResponse:
    issued = await service.login(
        db, get_settings(), str(body.email), body.password, client_info(request)
    )
    return _respond(response, issued)


@router.post("/refresh", response_model=TokenResponse)
async def refresh(request: Request, response: Response, db: DB) -> TokenResponse:
    issued = await service.refresh(
        db, get_settings(), read_refresh_cookie(request), client_info(request)
    )
    return _respond(response, issued)


@router.post("/logout", status_code=204)
async def logout(request: Request, db: DB) -> Response:
    await service.logout(db, read_refresh_cookie(request), client_info(request))
    response = Response(status_code=204)
    clear_refresh_cookie(response, get_settings())
    return response


@router.get("/invites/{token}", response_model=InvitePreview)
async def preview_invite(token: InviteToken, db: DB) -> InvitePreview:
    invite, account_name = await invites.preview(db, token)
    return InvitePreview(
        email=invite.email,
        name=invite.name,
        role=invite.role,
        account_name=account_name,
        expires_at=invite.expires_at,
    )


@router.post("/invites/{token}/accept", response_model=TokenResponse)
async def accept_invite(
    token: InviteToken, body: InviteAccept, request: Request, response: Response, db: DB
) -> TokenResponse:
    client = client_info(request)
    invite, _ = await invites.preview(db, token)
    required = await service.sso_required_for(db, invite.account_id, invite.role)
    if required is not None:
        # No password to set: the invited person signs in with SSO, linked by their email.
        raise service.sso_required_error(required.display_name)
    user = await invites.accept(db, token, body.password, body.name, client)
    issued = await service.start_family(db, get_settings(), user, client)
    return _respond(response, issued)
