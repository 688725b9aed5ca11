"""API shapes of the audit log."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from resolutionflow.common.schemas import ReadSchema


class AuditEventRead(ReadSchema):
    id: uuid.UUID
    action: str
    actor_id: uuid.UUID | None
    actor_email: str | None
    target_type: str | None
    target_id: str | None
    ip: str | None
    user_agent: str | None
    detail: dict[str, Any]
    created_at: datetime
