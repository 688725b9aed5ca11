"""HTTP routes of single sign-on: the account's provider settings (team admins) and the public
sign-in routes (discover, start, callback)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import RedirectResponse

from resolutionflow.auth.cookies import set_refresh_cookie
from resolutionflow.auth.principal import TeamAdmin
from resolutionflow.common.context import client_info
from resolutionflow.config import get_settings
from resolutionflow.db.session import DB, WriteDB
from resolutionflow.sso import service
from resolutionflow.sso.schemas import SsoConfigRead, SsoConfigUpdate, SsoDiscovery

router = APIRouter(tags=["sso"])

# Binds a sign-in under way to the browser that started it. SameSite=Lax: it must come back on
# the provider's top-level redirect to the callback, which Strict would withhold.
STATE_COOKIE = "rf_sso_state"
STATE_COOKIE_PATH = "/api/v1/auth/sso"

Email = Annotated[str, Query(min_length=3, max_length=320)]


@router.get("/account/sso", response_model=SsoConfigRead)
async def read_sso(principal: TeamAdmin, db: DB) -> SsoConfigRead:
    """The account's OpenID Provider. Never the client secret: `has_secret` says one is set."""
    return await service.read(db, principal.account_id)


@router.put("/account/sso", response_model=SsoConfigRead)
async def save_sso(
    principal: TeamAdmin, db: DB, body: SsoConfigUpdate, request: Request
) -> SsoConfigRead:
    """Sets up (or changes) single sign-on. The issuer's discovery document is fetched and
    checked now (422 on `issuer` when it cannot be used); a domain another account signs in with
    is 422 on `domains`; leaving out `client_secret` keeps the stored one."""
    return await service.save(db, principal, body, client_info(request))


@router.delete("/account/sso", status_code=204)
async def delete_sso(principal: TeamAdmin, db: DB, request: Request) -> Response:
    """Turns single sign-on off (and with it `sso_required`): passwords work again."""
    await service.remove(db, principal, client_info(request))
    return Response(status_code=204)


@router.get("/auth/sso/discover", response_model=SsoDiscovery)
async def discover_sso(email: Email, db: DB) -> SsoDiscovery:
    """Whether this email's domain signs in with single sign-on, the button's name, and whether
    a password is refused."""
    return await service.discover(db, email)


@router.get(
    "/auth/sso/start",
    status_code=302,
    response_class=RedirectResponse,
    responses={302: {"description": "To the provider, or back to the sign-in page"}},
)
async def start_sso(email: Email, db: WriteDB) -> RedirectResponse:
    """Sends the browser to the provider of the email's domain (authorization code flow with
    PKCE, state and nonce). An email whose domain has no single sign-on goes back to the
    sign-in page with `?sso_error=not_configured`, never to a provider."""
    settings = get_settings()
    started = await service.start(db, settings, email)
    response = RedirectResponse(started.location, status_code=302)
    response.headers["Cache-Control"] = "no-store"
    if started.state is not None:
        response.set_cookie(
            STATE_COOKIE,
            started.state,
            max_age=int(service.STATE_TTL.total_seconds()),
            path=STATE_COOKIE_PATH,
            httponly=True,
            samesite="lax",
            secure=settings.secure_cookies,
        )
    return response


@router.get(
    "/auth/sso/callback",
    status_code=302,
    response_class=RedirectResponse,
    responses={302: {"description": "Into the app, or to the sign-in page with sso_error"}},
)
async def sso_callback(
    request: Request,
    db: WriteDB,
    code: Annotated[str | None, Query(max_length=4096)] = None,
    state: Annotated[str | None, Query(max_length=200)] = None,
    error: Annotated[str | None, Query(max_length=200)] = None,
) -> RedirectResponse:
    """Where the provider sends the browser back. Success: the same refresh cookie as a password
    sign-in, and a redirect into the app (which then calls POST /auth/refresh). Failure: a
    redirect to `/sign-in?sso_error=<code>`."""
    settings = get_settings()
    finished = await service.callback(
        db,
        settings,
        code=code,
        state=state,
        error=error,
        browser_state=request.cookies.get(STATE_COOKIE),
        client=client_info(request),
    )
    response = RedirectResponse(finished.location, status_code=302)
    response.headers["Cache-Control"] = "no-store"
    response.delete_cookie(
        STATE_COOKIE,
        path=STATE_COOKIE_PATH,
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
    )
    if finished.issued is not None:
        set_refresh_cookie(response, settings, finished.issued.refresh_token)
    return response
