"""HTTP routes for the signed-in user's own profile, password and API tokens."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Body, Request, Response

from resolutionflow.auth import service as auth_service
from resolutionflow.auth.cookies import clear_refresh_cookie, set_refresh_cookie
from resolutionflow.auth.principal import CurrentUser
from resolutionflow.common.context import client_info
from resolutionflow.common.schemas import Page
from resolutionflow.config import get_settings
from resolutionflow.db.session import DB
from resolutionflow.me import service
from resolutionflow.me.schemas import (
    ApiTokenCreate,
    ApiTokenCreated,
    ApiTokenRead,
    MeRead,
    MeUpdate,
    PasswordChange,
    RevokeOtherSignIns,
    SignInRead,
    SignInsRevoked,
)

router = APIRouter(prefix="/me", tags=["me"])


@router.get("", response_model=MeRead)
async def read_me(principal: CurrentUser, db: DB) -> MeRead:
    return await service.read_me(db, principal)


@router.patch("", response_model=MeRead)
async def update_me(principal: CurrentUser, db: DB, body: MeUpdate) -> MeRead:
    await service.rename(db, principal, body.name)
    return await service.read_me(db, principal)


@router.post("/password", status_code=204)
async def change_password(
    principal: CurrentUser, db: DB, body: PasswordChange, request: Request
) -> Response:
    """Signs out every other device and revokes every personal API token of yours; this device
    gets a fresh refresh cookie."""
    client = client_info(request)
    user = await service.change_password(
        db, principal, body.current_password, body.new_password, client
    )
    # Other devices are signed out; this one gets a fresh refresh cookie so it stays signed in
    # (its next 401 refreshes into an access token of the new version).
    issued = await auth_service.start_family(db, get_settings(), user, client)
    response = Response(status_code=204)
    set_refresh_cookie(response, get_settings(), issued.refresh_token)
    return response


@router.get("/tokens", response_model=Page[ApiTokenRead])
async def list_tokens(principal: CurrentUser, db: DB) -> Page[ApiTokenRead]:
    rows = await service.list_tokens(db, principal)
    return Page(items=[ApiTokenRead.model_validate(r) for r in rows])


@router.post("/tokens", status_code=201, response_model=ApiTokenCreated)
async def create_token(
    principal: CurrentUser,
    db: DB,
    body: ApiTokenCreate,
    request: Request,
    background: BackgroundTasks,
) -> ApiTokenCreated:
    """Tokens always expire (90 days unless `expires_in_days` says otherwise, at most 365); the
    owner is told of each new one in the app, and by email when SMTP is configured. Changing
    the password revokes them all."""
    created = await service.create_token(db, principal, body, client_info(request))
    if created.emailed:
        # After the commit: the notice goes out now rather than at the worker's next poll.
        background.add_task(request.app.state.jobs.after_response)
    return ApiTokenCreated(
        **ApiTokenRead.model_validate(created.token).model_dump(), token=created.secret
    )


@router.delete("/tokens/{token_id}", status_code=204)
async def revoke_token(
    principal: CurrentUser, db: DB, token_id: uuid.UUID, request: Request
) -> Response:
    await service.revoke_token(db, principal, token_id, client_info(request))
    return Response(status_code=204)


@router.get("/sessions", response_model=Page[SignInRead])
async def list_sessions(principal: CurrentUser, db: DB) -> Page[SignInRead]:
    """Your signed-in devices and browsers (one per sign-in, kept alive by refreshing); the
    one making this request has `current: true`."""
    return Page(items=await service.list_sessions(db, principal))


@router.delete("/sessions/{sign_in_id}", status_code=204)
async def revoke_session(
    principal: CurrentUser, db: DB, sign_in_id: uuid.UUID, request: Request
) -> Response:
    """Signs that device out at once (its next request is refused). Revoking the current
    session signs this device out too, and clears its refresh cookie."""
    current = await service.revoke_session(db, principal, sign_in_id, client_info(request))
    response = Response(status_code=204)
    if current:
        clear_refresh_cookie(response, get_settings())
    return response


@router.post("/sessions/revoke-others", response_model=SignInsRevoked)
async def revoke_other_sessions(
    principal: CurrentUser,
    db: DB,
    request: Request,
    body: Annotated[RevokeOtherSignIns, Body(default_factory=RevokeOtherSignIns)],
) -> SignInsRevoked:
    """Signs out every device of yours except this one."""
    revoked = await service.revoke_other_sessions(db, principal, client_info(request))
    return SignInsRevoked(revoked=revoked)
