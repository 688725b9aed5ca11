"""API shapes of users and invites."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import EmailStr, Field

from resolutionflow.common.schemas import Name, ReadSchema, WriteSchema
from resolutionflow.models import Role

UserStatus = Literal["active", "invited", "deactivated"]
InviteStatus = Literal["pending", "accepted", "expired", "revoked"]


class TeamRef(ReadSchema):
    id: uuid.UUID
    name: str


class UserRead(ReadSchema):
    id: uuid.UUID
    email: str
    name: str
    role: Role
    is_active: bool
    status: UserStatus
    created_at: datetime
    last_login_at: datetime | None
    teams: list[TeamRef] = []


class InviteIssued(ReadSchema):
    id: uuid.UUID
    expires_at: datetime
    emailed: bool
    # Present only when the invite was not emailed, so the admin can pass the link on.
    invite_url: str | None = None


class UserCreated(UserRead):
    invite: InviteIssued | None = None


class UserCreate(WriteSchema):
    email: EmailStr
    name: Name
    role: Role
    password: str | None = Field(default=None, max_length=1024)


class UserUpdate(WriteSchema):
    name: Name | None = None
    role: Role | None = None
    is_active: bool | None = None


class InviteRead(ReadSchema):
    id: uuid.UUID
    email: str
    name: str
    role: Role
    status: InviteStatus
    created_at: datetime
    expires_at: datetime
    invited_by_name: str | None


class SignOutEverywhere(WriteSchema):
    """No fields: signing a user out everywhere needs nothing but who."""
