"""HTTP routes: the own account (everyone reads, team admins rename) and all accounts (super admin)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, BackgroundTasks, Request, Response

from resolutionflow.accounts import branding, security, service
from resolutionflow.accounts.schemas import (
    AccountCreate,
    AccountCreated,
    AccountRead,
    AccountUpdate,
    BrandingRead,
    BrandingUpdate,
    SecurityRead,
    SecurityUpdate,
)
from resolutionflow.auth.principal import AnyRole, SuperAdmin, TeamAdmin
from resolutionflow.common.context import client_info
from resolutionflow.common.schemas import Page
from resolutionflow.config import get_settings
from resolutionflow.db.session import DB
from resolutionflow.models import Account
from resolutionflow.users.notify import deliver_invite

router = APIRouter(tags=["accounts"])


async def _read(db: DB, account: Account) -> AccountRead:
    return AccountRead(
        id=account.id,
        name=account.name,
        slug=account.slug,
        engineers_can_publish=account.engineers_can_publish,
        redact_emails=account.redact_emails,
        redact_phones=account.redact_phones,
        redact_ip_addresses=account.redact_ip_addresses,
        created_at=account.created_at,
        user_count=await service.user_count(db, account.id),
    )


@router.get("/account", response_model=AccountRead)
async def read_own_account(principal: AnyRole, db: DB) -> AccountRead:
    return await _read(db, await service.get_account(db, principal.account_id))


@router.patch("/account", response_model=AccountRead)
async def rename_own_account(principal: TeamAdmin, db: DB, body: AccountUpdate) -> AccountRead:
    return await _read(
        db, await service.update(db, principal.account_id, **body.model_dump(exclude_unset=True))
    )


@router.get("/account/security", response_model=SecurityRead)
async def read_security(principal: TeamAdmin, db: DB) -> SecurityRead:
    """Sign-in timeouts: `idle_minutes` and `absolute_hours` (null: the defaults)."""
    return await security.get(db, principal.account_id)


@router.put("/account/security", response_model=SecurityRead)
async def save_security(
    principal: TeamAdmin, db: DB, body: SecurityUpdate, request: Request
) -> SecurityRead:
    """Sets the sign-in timeouts, enforced at each device's next refresh. 422 naming the field
    when out of range, or when the idle timeout is not shorter than the absolute lifetime."""
    return await security.save(db, principal, body, client_info(request))


@router.get("/account/branding", response_model=BrandingRead)
async def read_branding(principal: AnyRole, db: DB) -> BrandingRead:
    """The branding of exported PDFs: heading colour, footer line, logo (its URL, if any)."""
    return await branding.get(db, principal.account_id)


@router.put("/account/branding", response_model=BrandingRead)
async def save_branding(
    principal: TeamAdmin, db: DB, body: BrandingUpdate, request: Request
) -> BrandingRead:
    """Sets the heading colour ("#RRGGBB" or null) and the footer line (up to 200 characters,
    one line); 422 naming the field otherwise. Audited (account.branding_changed)."""
    return await branding.update(db, principal, body, client_info(request))


@router.put(
    "/account/branding/logo",
    response_model=BrandingRead,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "image/png": {"schema": {"type": "string", "format": "binary"}},
                "image/jpeg": {"schema": {"type": "string", "format": "binary"}},
            },
        }
    },
)
async def upload_logo(principal: TeamAdmin, db: DB, request: Request) -> BrandingRead:
    """The image is the body: PNG or JPEG (checked by content, 415 otherwise), at most 512 KB
    and 2000 x 2000 pixels (422). Stored re-encoded, without metadata; replaces the old one."""
    data = await request.body()
    storage = request.app.state.storage
    return await branding.set_logo(db, principal, data, storage, client_info(request))


@router.delete("/account/branding/logo", response_model=BrandingRead)
async def remove_logo(principal: TeamAdmin, db: DB, request: Request) -> BrandingRead:
    storage = request.app.state.storage
    return await branding.remove_logo(db, principal, storage, client_info(request))


@router.get(
    "/account/branding/logo",
    response_class=Response,
    responses={200: {"content": {"image/png": {}, "image/jpeg": {}}}},
)
async def read_logo(principal: AnyRole, db: DB, request: Request) -> Response:
    """The stored (re-encoded) logo; 404 when there is none."""
    logo = await branding.logo(db, principal.account_id, request.app.state.storage)
    return Response(
        logo.data,
        media_type=logo.content_type,
        headers={
            "Cache-Control": "private, max-age=3600",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "X-Content-Type-Options": "nosniff",
        },
    )


# Super admins manage every account: these routes are deliberately not tenant-scoped.
@router.get("/accounts", response_model=Page[AccountRead])
async def list_accounts(principal: SuperAdmin, db: DB) -> Page[AccountRead]:
    return Page(items=[await _read(db, a) for a in await service.list_accounts(db)])


@router.post("/accounts", status_code=201, response_model=AccountCreated)
async def create_account(
    principal: SuperAdmin,
    db: DB,
    body: AccountCreate,
    request: Request,
    background: BackgroundTasks,
) -> AccountCreated:
    created = await service.create_account(
        db,
        name=body.name,
        admin_email=str(body.admin_email),
        admin_name=body.admin_name,
        admin_password=body.admin_password,
        actor=principal,
        client=client_info(request),
    )
    issued = None
    if created.admin.invite is not None and created.admin.invite_token is not None:
        issued = await deliver_invite(
            get_settings(),
            db,
            created.admin.invite,
            created.admin.invite_token,
            account_name=created.account.name,
            inviter_name=principal.name,
        )
    if issued is not None and issued.emailed:
        # After the commit: the email goes out now rather than at the worker's next poll.
        background.add_task(request.app.state.jobs.after_response)
    read = await _read(db, created.account)
    return AccountCreated(**read.model_dump(), admin_user_id=created.admin.user.id, invite=issued)


@router.get("/accounts/{account_id}", response_model=AccountRead)
async def get_account(principal: SuperAdmin, db: DB, account_id: uuid.UUID) -> AccountRead:
    return await _read(db, await service.get_account(db, account_id))


@router.patch("/accounts/{account_id}", response_model=AccountRead)
async def rename_account(
    principal: SuperAdmin, db: DB, account_id: uuid.UUID, body: AccountUpdate
) -> AccountRead:
    return await _read(
        db, await service.update(db, account_id, **body.model_dump(exclude_unset=True))
    )
