"""HTTP route of Home."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter

from resolutionflow.auth.principal import AnyRole
from resolutionflow.db.session import DB
from resolutionflow.home import service
from resolutionflow.home.schemas import HomeRead

router = APIRouter(tags=["home"])


@router.get("/home", response_model=HomeRead)
async def read_home(principal: AnyRole, db: DB) -> HomeRead:
    """What needs you now, by role (a section your role does not get is `null`). Engineers:
    your open sessions, handoffs waiting for you or your teams, maintenance due for you, your
    last 7 days. Team admins also: team health (last 7 days against the 7 before), open
    proposals and step flags, failed PSA pushes and failed or dead jobs. Viewers: the newest
    published flows. Each list is the newest 10 with its total."""
    return await service.home(db, principal, datetime.now(UTC))
