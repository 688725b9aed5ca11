"""HTTP routes of the audit log."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from resolutionflow.audit import service
from resolutionflow.audit.schemas import AuditEventRead
from resolutionflow.auth.principal import TeamAdmin
from resolutionflow.common.schemas import Page, PageParams, next_cursor, page_params
from resolutionflow.db.session import DB

router = APIRouter(prefix="/audit-events", tags=["audit"])

ActionFilter = Literal[service.ACTIONS]  # type: ignore[valid-type]


@router.get("", response_model=Page[AuditEventRead])
async def list_audit_events(
    principal: TeamAdmin,
    db: DB,
    page: Annotated[PageParams, Depends(page_params)],
    action: Annotated[ActionFilter | None, Query(description="Only this action")] = None,
) -> Page[AuditEventRead]:
    rows = await service.list_events(db, principal, page, action)
    return Page(
        items=[AuditEventRead.model_validate(r) for r in rows[: page.limit]],
        next_cursor=next_cursor(rows, page.limit),
    )
