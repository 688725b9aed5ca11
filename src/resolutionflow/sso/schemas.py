"""API shapes of single sign-on: an account's provider settings and what the sign-in page
learns about an email."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from resolutionflow.common.schemas import ReadSchema, WriteSchema

SsoRole = Literal["viewer", "engineer", "team_admin"]

# A host name with at least two labels (letters, digits, hyphens; no leading/trailing hyphen).
_DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
MAX_DOMAINS = 20


class SsoConfigUpdate(WriteSchema):
    """The account's OpenID Provider. `issuer` is the provider's issuer URL (its discovery
    document is fetched and checked when saving); `client_secret` may be left out to keep the
    stored one; `domains` are the email domains that sign in through it (each belongs to one
    account only)."""

    issuer: Annotated[str, StringConstraints(min_length=8, max_length=500)]
    client_id: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    client_secret: Annotated[str, StringConstraints(min_length=1, max_length=1000)] | None = None
    domains: list[str] = Field(min_length=1, max_length=MAX_DOMAINS)
    default_role: SsoRole = "engineer"
    display_name: Annotated[
        str, StringConstraints(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f\x7f]*$")
    ] = "single sign-on"

    @field_validator("domains")
    @classmethod
    def _domains(cls, value: list[str]) -> list[str]:
        cleaned: list[str] = []
        for raw in value:
            domain = raw.strip().lower().lstrip("@").rstrip(".")
            if not _DOMAIN.match(domain):
                raise ValueError(f"{raw!r} is not an email domain (like example.com)")
            if domain in cleaned:
                raise ValueError(f"{domain} is listed twice")
            cleaned.append(domain)
        return cleaned


class SsoConfigRead(ReadSchema):
    """`configured` false: passwords only, the other fields empty. The secret is never
    returned: `has_secret` says whether one is stored. `redirect_uri` is what to register at the
    provider."""

    configured: bool
    issuer: str | None
    client_id: str | None
    has_secret: bool
    domains: list[str]
    default_role: SsoRole | None
    display_name: str | None
    required: bool
    redirect_uri: str


class SsoDiscovery(ReadSchema):
    """What the sign-in page shows for an email: a "Sign in with <display_name>" button when
    `sso` is true (go to `start_url`), and no password field when `password_allowed` is false."""

    sso: bool
    display_name: str | None = None
    start_url: str | None = None
    password_allowed: bool = True
