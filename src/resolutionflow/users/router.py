"""HTTP routes for managing the account's people and their invites."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, BackgroundTasks, Body, Depends, Request, Response

from resolutionflow.auth.principal import TeamAdmin
from resolutionflow.common.context import client_info
from resolutionflow.common.schemas import (
    Page,
    PageParams,
    SearchText,
    next_cursor,
    page_params,
)
from resolutionflow.config import get_settings
from resolutionflow.db.session import DB
from resolutionflow.models import Account, Role
from resolutionflow.users import invites, service
from resolutionflow.users.notify import deliver_invite
from resolutionflow.users.schemas import (
    InviteIssued,
    InviteRead,
    SignOutEverywhere,
    UserCreate,
    UserCreated,
    UserRead,
    UserUpdate,
)

router = APIRouter(tags=["users"])


@router.get("/users", response_model=Page[UserRead])
async def list_users(
    principal: TeamAdmin,
    db: DB,
    page: Annotated[PageParams, Depends(page_params)],
    q: SearchText = None,
    role: Role | None = None,
    include_inactive: bool = False,
) -> Page[UserRead]:
    rows = await service.list_users(
        db, principal, page, q=q, role=role, include_inactive=include_inactive
    )
    items = await service.read_users(db, rows[: page.limit])
    return Page(items=items, next_cursor=next_cursor(rows, page.limit))


@router.post("/users", status_code=201, response_model=UserCreated)
async def create_user(
    principal: TeamAdmin, db: DB, body: UserCreate, request: Request, background: BackgroundTasks
) -> UserCreated:
    created = await service.create_user(db, principal, body, client_info(request))
    (read,) = await service.read_users(db, [created.user])
    issued = None
    if created.invite is not None and created.invite_token is not None:
        account = await db.get(Account, principal.account_id)
        issued = await deliver_invite(
            get_settings(),
            db,
            created.invite,
            created.invite_token,
            account_name=account.name if account else "",
            inviter_name=principal.name,
        )
    if issued is not None and issued.emailed:
        # After the commit: the email goes out now rather than at the worker's next poll.
        background.add_task(request.app.state.jobs.after_response)
    return UserCreated(**read.model_dump(), invite=issued)


@router.get("/users/{user_id}", response_model=UserRead)
async def get_user(principal: TeamAdmin, db: DB, user_id: uuid.UUID) -> UserRead:
    user = await service.get_user(db, principal, user_id)
    (read,) = await service.read_users(db, [user])
    return read


@router.patch("/users/{user_id}", response_model=UserRead)
async def update_user(
    principal: TeamAdmin, db: DB, user_id: uuid.UUID, body: UserUpdate, request: Request
) -> UserRead:
    user = await service.update_user(db, principal, user_id, body, client_info(request))
    (read,) = await service.read_users(db, [user])
    return read


@router.post("/users/{user_id}/sign-out-everywhere", status_code=204)
async def sign_out_everywhere(
    principal: TeamAdmin,
    db: DB,
    user_id: uuid.UUID,
    request: Request,
    body: Annotated[SignOutEverywhere, Body(default_factory=SignOutEverywhere)],
) -> Response:
    """Signs the user out on every device at once (their personal API tokens stay)."""
    await service.sign_out_everywhere(db, principal, user_id, client_info(request))
    return Response(status_code=204)


@router.get("/invites", response_model=Page[InviteRead])
async def list_invites(
    principal: TeamAdmin, db: DB, status: Literal["pending", "all"] = "pending"
) -> Page[InviteRead]:
    items = await invites.list_invites(db, principal, pending_only=status == "pending")
    return Page(items=items)


@router.post("/invites/{invite_id}/resend", response_model=InviteIssued)
async def resend_invite(
    principal: TeamAdmin,
    db: DB,
    invite_id: uuid.UUID,
    request: Request,
    background: BackgroundTasks,
) -> InviteIssued:
    invite, token = await invites.resend(db, principal, invite_id, client_info(request))
    account = await db.get(Account, principal.account_id)
    issued = await deliver_invite(
        get_settings(),
        db,
        invite,
        token,
        account_name=account.name if account else "",
        inviter_name=principal.name,
    )
    if issued.emailed:
        background.add_task(request.app.state.jobs.after_response)
    return issued


@router.delete("/invites/{invite_id}", status_code=204)
async def revoke_invite(
    principal: TeamAdmin, db: DB, invite_id: uuid.UUID, request: Request
) -> Response:
    await invites.revoke(db, principal, invite_id, client_info(request))
    return Response(status_code=204)
