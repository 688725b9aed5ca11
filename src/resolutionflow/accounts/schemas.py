"""API shapes of accounts."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import EmailStr, Field

from resolutionflow.common.schemas import ReadSchema, WriteSchema
from resolutionflow.users.schemas import InviteIssued


class AccountRead(ReadSchema):
    id: uuid.UUID
    name: str
    slug: str
    created_at: datetime
    user_count: int


class AccountCreated(AccountRead):
    admin_user_id: uuid.UUID
    invite: InviteIssued | None = None


class AccountCreate(WriteSchema):
    name: str = Field(min_length=1, max_length=200)
    admin_email: EmailStr
    admin_name: str = Field(min_length=1, max_length=200)
    admin_password: str | None = Field(default=None, max_length=1024)


class AccountUpdate(WriteSchema):
    name: str = Field(min_length=1, max_length=200)
