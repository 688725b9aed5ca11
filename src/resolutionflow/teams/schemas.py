"""API shapes of teams and their members."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import Field

from resolutionflow.common.schemas import Name, ReadSchema, WriteSchema
from resolutionflow.models import Role


class TeamCreate(WriteSchema):
    name: Name
    description: str = Field(default="", max_length=2000)


class TeamUpdate(WriteSchema):
    name: Name | None = None
    description: str | None = Field(default=None, max_length=2000)


class TeamRead(ReadSchema):
    id: uuid.UUID
    name: str
    description: str
    member_count: int
    created_at: datetime


class TeamMember(ReadSchema):
    id: uuid.UUID
    name: str
    email: str
    role: Role
    is_active: bool


class TeamDetail(TeamRead):
    members: list[TeamMember]
