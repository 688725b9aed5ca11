"""Queries over the script library, scoped in one place.

Every script of the account is readable by everyone in it; the owner team only decides who may
change a script (service.may_edit). Another account's script is a 404."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.errors import NotFound
from resolutionflow.models import Script
from resolutionflow.search import index as text_index

SEARCH_KIND = "script"


def readable(account_id: uuid.UUID) -> Select[Script]:
    return select(Script).where(Script.account_id == account_id)


async def get_script(
    db: AsyncSession, principal: Principal, script_id: uuid.UUID, *, lock: bool = False
) -> Script:
    query = readable(principal.account_id).where(Script.id == script_id)
    if lock:
        query = query.with_for_update()
    found = await db.scalar(query)
    if found is None:
        raise NotFound(f"No script with id {script_id}.")
    return found


async def existing_ids(
    db: AsyncSession, account_id: uuid.UUID, ids: set[uuid.UUID]
) -> set[uuid.UUID]:
    if not ids:
        return set()
    rows = await db.scalars(
        select(Script.id).where(Script.account_id == account_id, Script.id.in_(ids))
    )
    return set(rows)


async def search(
    db: AsyncSession, principal: Principal, *, q: str | None, limit: int, mode: str = "all"
) -> list[Script]:
    """The account's scripts matching every word of `q` as prefixes (`mode="any"`: any word,
    for the builder's "closest templates"), best match first; without `q`, the most recently
    updated."""
    query: Any = readable(principal.account_id)
    if q and q.strip():
        if mode == "any":
            _, hits = await text_index.search(
                db, principal.account_id, q, [SEARCH_KIND], mode="any", limit=limit
            )
            order = [h.ref_id for h in hits]
            rows = {s.id: s for s in await db.scalars(query.where(Script.id.in_(order)))}
            return [rows[i] for i in order if i in rows]
        matched = text_index.parents_matching(db, principal.account_id, q, [SEARCH_KIND])
        if matched is None:
            return []
        query = query.join(matched, matched.c.ref_id == Script.id).order_by(matched.c.score.desc())
    query = query.order_by(Script.updated_at.desc(), Script.id).limit(limit)
    return list(await db.scalars(query))
