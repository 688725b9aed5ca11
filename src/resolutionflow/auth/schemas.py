"""API shapes of sign-in, refresh and invite acceptance."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import EmailStr, Field

from resolutionflow.common.schemas import Name, ReadSchema, WriteSchema


class LoginRequest(WriteSchema):
    email: EmailStr
    password: str = Field(min_length=1, max_length=1024)


class TokenResponse(ReadSchema):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105
    expires_in: int


class InvitePreview(ReadSchema):
    email: str
    name: str
    role: str
    account_name: str
    expires_at: datetime


class InviteAccept(WriteSchema):
    password: str = Field(max_length=1024)
    name: Name | None = None
