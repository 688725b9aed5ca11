"""API shapes of accounts."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import EmailStr, Field

from resolutionflow.common.schemas import Name, ReadSchema, WriteSchema
from resolutionflow.users.schemas import InviteIssued


class AccountRead(ReadSchema):
    id: uuid.UUID
    name: str
    slug: str
    engineers_can_publish: bool
    redact_emails: bool
    redact_phones: bool
    redact_ip_addresses: bool
    created_at: datetime
    user_count: int


class AccountCreated(AccountRead):
    admin_user_id: uuid.UUID
    invite: InviteIssued | None = None


class AccountCreate(WriteSchema):
    name: Name
    admin_email: EmailStr
    admin_name: Name
    admin_password: str | None = Field(default=None, max_length=1024)


class AccountUpdate(WriteSchema):
    name: Name | None = None
    engineers_can_publish: bool | None = None
    redact_emails: bool | None = None
    redact_phones: bool | None = None
    redact_ip_addresses: bool | None = None
