"""API shapes of share links."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import Path
from pydantic import Field

from resolutionflow.common.schemas import ReadSchema, WriteSchema

# The secret part of a share URL; anything else cannot be a token and is refused before lookup.
ShareToken = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{20,128}$")]


class ShareCreate(WriteSchema):
    public: bool = Field(
        description="True: anyone with the link sees the redacted note. False: only people "
        "signed in to this account."
    )
    expires_in_days: int | None = Field(
        default=7, ge=1, le=90, description="Days until the link stops working; null: never."
    )


class ShareRead(ReadSchema):
    id: uuid.UUID
    public: bool
    expires_at: datetime | None
    revoked_at: datetime | None
    view_count: int
    last_viewed_at: datetime | None
    created_at: datetime


class ShareCreated(ShareRead):
    url: str = Field(description="The link, with its secret token. Shown once; copy it now.")


class PublicShareView(ReadSchema):
    """The redacted ticket note, the only thing a public link reveals."""

    title: str
    note_html: str
    note_markdown: str
    note_text: str
    expires_at: datetime | None
    shared_at: datetime
