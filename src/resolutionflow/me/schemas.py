"""API shapes of the profile, password change and personal API tokens."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field

from resolutionflow.common.schemas import Name, ReadSchema, WriteSchema
from resolutionflow.models import Role
from resolutionflow.users.schemas import TeamRef


class MeRead(ReadSchema):
    id: uuid.UUID
    email: str
    name: str
    role: Role
    account_id: uuid.UUID
    account_name: str
    is_active: bool
    created_at: datetime
    last_login_at: datetime | None
    teams: list[TeamRef]


class MeUpdate(WriteSchema):
    name: Name


class PasswordChange(WriteSchema):
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(max_length=1024)


class ApiTokenCreate(WriteSchema):
    name: Name
    expires_in_days: int | None = Field(default=90, ge=1, le=365)


class ApiTokenRead(ReadSchema):
    id: uuid.UUID
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None


class ApiTokenCreated(ApiTokenRead):
    token: str = Field(description="The secret. Shown once; store it now.")
