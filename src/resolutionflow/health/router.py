"""`/api/health` (the process answers) and `/api/health/ready` (database reachable, schema current,
attachment storage reachable)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import text

from resolutionflow.db.migrate import current_revision, head_revision
from resolutionflow.errors import ServiceUnavailable
from resolutionflow.storage.base import StorageError

router = APIRouter(prefix="/api/health", tags=["health"])


@router.get("")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/ready")
async def ready(request: Request) -> dict[str, str]:
    engine = request.app.state.engine
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as exc:
        raise ServiceUnavailable("The database is not reachable.") from exc
    current = await current_revision(engine)
    head = head_revision(str(engine.url))
    if current != head:
        raise ServiceUnavailable(
            f"The database schema is at {current or 'nothing'}, not {head}; "
            "run `resolutionflow db upgrade`."
        )
    try:
        await request.app.state.storage.check()
    except StorageError as exc:
        # No traffic until uploads and downloads can work again. Which store and why went to
        # the log: this probe answers anyone, so it names no bucket or endpoint.
        problem = ServiceUnavailable("Attachment storage is not reachable.")
        problem.extra = {"storage": "unavailable"}
        raise problem from exc
    return {"status": "ok", "database": "ok", "migrations": "current", "storage": "ok"}
