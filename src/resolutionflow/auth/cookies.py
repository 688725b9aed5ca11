"""The refresh-token cookie: httpOnly, SameSite=Strict, scoped to the auth routes."""

from __future__ import annotations

from fastapi import Request, Response

from resolutionflow.config import Settings

REFRESH_COOKIE = "rf_refresh"
COOKIE_PATH = "/api/v1/auth"


def set_refresh_cookie(response: Response, settings: Settings, secret: str) -> None:
    response.set_cookie(
        REFRESH_COOKIE,
        secret,
        max_age=settings.refresh_token_ttl_s,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=settings.secure_cookies,
    )


def clear_refresh_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(
        REFRESH_COOKIE,
        path=COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=settings.secure_cookies,
    )


def read_refresh_cookie(request: Request) -> str | None:
    return request.cookies.get(REFRESH_COOKIE)
