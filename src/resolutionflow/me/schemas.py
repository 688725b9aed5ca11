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


# Every personal API token expires: a leaked one must not work for ever.
API_TOKEN_DEFAULT_DAYS = 90
API_TOKEN_MAX_DAYS = 365


class ApiTokenCreate(WriteSchema):
    name: Name
    # Not nullable: asking for no expiry (null) is refused like asking for too long a one.
    expires_in_days: int = Field(
        default=API_TOKEN_DEFAULT_DAYS,
        ge=1,
        le=API_TOKEN_MAX_DAYS,
        description=(
            f"Days until the token stops working, 1 to {API_TOKEN_MAX_DAYS} "
            f"({API_TOKEN_DEFAULT_DAYS} when left out). Tokens always expire."
        ),
    )


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


class SignInRead(ReadSchema):
    """One signed-in device or browser: a sign-in and every refresh that followed it."""

    id: uuid.UUID
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    user_agent: str | None
    ip: str | None
    current: bool


class SignInsRevoked(ReadSchema):
    revoked: int


class RevokeOtherSignIns(WriteSchema):
    """No fields: signing out every other device needs nothing but the caller's sign-in."""
