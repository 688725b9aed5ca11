"""Tenant scoping, in one place: every read of tenant-owned rows starts here.

Another account's row is indistinguishable from a missing one (404), so ids cannot be probed.
"""

from __future__ import annotations

import uuid
from typing import TypeVar

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from resolutionflow.errors import NotFound

M = TypeVar("M")


def readable(account_id: uuid.UUID, model: type[M]) -> Select[M]:
    column: InstrumentedAttribute[uuid.UUID] = model.account_id  # type: ignore[attr-defined]
    return select(model).where(column == account_id)


async def get_in_account(
    db: AsyncSession, account_id: uuid.UUID, model: type[M], id_: uuid.UUID, *, what: str
) -> M:
    id_column = model.id  # type: ignore[attr-defined]
    row = await db.scalar(readable(account_id, model).where(id_column == id_))
    if row is None:
        raise NotFound(f"No {what} with id {id_}.")
    return row
