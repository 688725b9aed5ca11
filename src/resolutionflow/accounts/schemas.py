"""API shapes of accounts."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import EmailStr, Field, StringConstraints

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


HexColor = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^#[0-9a-fA-F]{6}$"),
    Field(description='A colour as "#RRGGBB"', examples=["#1d4ed8"]),
]


class BrandingUpdate(WriteSchema):
    """The colour of headings and the footer line of exported PDFs (the logo has its own
    route). Both are replaced: null / "" clears them."""

    primary_color: HexColor | None = None
    footer_text: Annotated[
        str, StringConstraints(max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")
    ] = ""


class BrandingLogo(ReadSchema):
    content_type: str
    url: str


class BrandingRead(ReadSchema):
    primary_color: str | None
    footer_text: str
    logo: BrandingLogo | None


# Sign-in timeouts. Idle: 5 minutes to 14 days (the refresh-token lifetime, today's default);
# absolute: 1 hour to a year.
IDLE_MINUTES_MIN = 5
IDLE_MINUTES_MAX = 14 * 24 * 60
ABSOLUTE_HOURS_MIN = 1
ABSOLUTE_HOURS_MAX = 365 * 24


class SecurityUpdate(WriteSchema):
    """How long a sign-in lives. `idle_minutes`: signed out after this long without use (null:
    the default, the refresh-token lifetime of 14 days). `absolute_hours`: signed out this long
    after signing in, used or not (null: no limit). Both are replaced. `sso_required`: passwords
    are refused for the account's users (a super admin keeps theirs, the break-glass way in);
    true only once single sign-on is set up (422 otherwise); null or left out keeps it."""

    idle_minutes: int | None = Field(default=None, ge=IDLE_MINUTES_MIN, le=IDLE_MINUTES_MAX)
    absolute_hours: int | None = Field(default=None, ge=ABSOLUTE_HOURS_MIN, le=ABSOLUTE_HOURS_MAX)
    sso_required: bool | None = None


class SecurityRead(ReadSchema):
    idle_minutes: int | None
    absolute_hours: int | None
    # What null idle_minutes means (the refresh-token lifetime), for showing the default.
    default_idle_minutes: int
    sso_required: bool = False
