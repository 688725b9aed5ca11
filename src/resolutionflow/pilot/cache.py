"""The resolution package cache: one row per session holding the last package written and the
key of everything it was written from. A read whose key matches is served without asking the
model again; any change (a timeline entry, a fact, a fix, the triage, the redaction options, the
model settings, the prompt) gives a new key, so nothing is ever invalidated by hand."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.models import Session
from resolutionflow.models.pilot import ResolutionPackageCache
from resolutionflow.pilot import package
from resolutionflow.pilot.schemas import ResolutionPackage


def key(session: Session, prepared: package.Prepared) -> str:
    plan = prepared.plan
    parts: dict[str, Any] = {
        "session": str(session.id),
        "last_seq": session.last_seq,
        "material": asdict(prepared.material),
        "blocks": [(b.label, b.text) for b in prepared.blocks],
        "redaction": asdict(prepared.options),
        "model": {
            "provider": plan.ai.provider,
            "base_url": plan.ai.base_url,
            "model": plan.ai.model_for(plan.tier),
            # The key itself is never stored in the clear: only its digest enters the hash.
            "api_key": hashlib.sha256((plan.ai.api_key or "").encode()).hexdigest(),
            "offline_reason": plan.offline_reason,
        },
        "prompt": package.INSTRUCTIONS,
        "schema": package.SCHEMA,
    }
    raw = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(raw).hexdigest()


async def lookup(
    db: AsyncSession, session_id: uuid.UUID, cache_key: str
) -> ResolutionPackage | None:
    row = await db.get(ResolutionPackageCache, session_id, populate_existing=True)
    if row is None or row.cache_key != cache_key:
        return None
    try:
        return ResolutionPackage.model_validate(row.body)
    except ValueError:
        return None


async def store(
    db: AsyncSession, session: Session, cache_key: str, result: ResolutionPackage
) -> None:
    """Replaces the session's row; concurrent writers of the same session do not collide."""
    values = {
        "session_id": session.id,
        "account_id": session.account_id,
        "cache_key": cache_key,
        "body": result.model_dump(mode="json"),
        "created_at": datetime.now(UTC),
    }
    insert = pg_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(ResolutionPackageCache).values(**values)
    await db.execute(
        statement.on_conflict_do_update(
            index_elements=["session_id"],
            set_={k: statement.excluded[k] for k in ("cache_key", "body", "created_at")},
        )
    )
