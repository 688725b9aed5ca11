"""Queries over the flow library, scoped in one place: the account's flows and folders.

Single flows and folders are read through db/scoping (another account's is a 404); this module
holds the queries that filter many rows by the account."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import TextualSelect, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer

from resolutionflow.flows.schemas import SortOrder
from resolutionflow.models import Flow, FlowVersion, Folder, User


async def published_graphs(
    db: AsyncSession, account_id: uuid.UUID, ids: Iterable[uuid.UUID]
) -> list[tuple[uuid.UUID, str, dict[str, Any]]]:
    """Id, title and latest published graph of the account's flows among `ids`; ids that are
    not published flows of the account are left out."""
    rows = await db.execute(
        select(Flow.id, Flow.title, FlowVersion.graph)
        .join(
            FlowVersion,
            (FlowVersion.flow_id == Flow.id) & (FlowVersion.number == Flow.latest_version),
        )
        .where(Flow.account_id == account_id, Flow.id.in_(ids))
    )
    return [(fid, title, graph) for fid, title, graph in rows]


def library_order(
    account_id: uuid.UUID,
    matching: TextualSelect | None,
    sort: SortOrder,
    kind: str | None,
    category: str | None,
    folder: uuid.UUID | str | None,
    archived: bool,
) -> Any:
    """The account's flow ids in library order. Ids only: the database sorts narrow rows, and
    whole flows are read for the page alone."""
    query: Any = select(Flow.id)
    matches = matching.subquery("matches") if matching is not None else None
    if matches is not None:
        query = query.join(matches, matches.c.flow_id == Flow.id)
    query = query.where(
        Flow.account_id == account_id,
        Flow.archived_at.is_not(None) if archived else Flow.archived_at.is_(None),
    )
    if kind:
        query = query.where(Flow.kind == kind)
    if category:
        query = query.where(Flow.category == category)
    if folder == "root":
        query = query.where(Flow.folder_id.is_(None))
    elif isinstance(folder, uuid.UUID):
        query = query.where(Flow.folder_id == folder)
    if sort == "relevance" and matches is not None:
        return query.order_by(matches.c.rank, Flow.updated_at.desc(), Flow.id)
    if sort == "used":
        return query.order_by(Flow.use_count.desc(), Flow.updated_at.desc(), Flow.id)
    return query.order_by(Flow.updated_at.desc(), Flow.id)


async def live_edited_at(
    db: AsyncSession, account_id: uuid.UUID, ids: Iterable[uuid.UUID]
) -> list[tuple[uuid.UUID, datetime]]:
    """The account's live (not archived) flows among `ids`, with their last edit."""
    wanted = list(ids)
    if not wanted:
        return []
    # Filtered here rather than in SQL, where SQLite (without statistics) would walk the
    # account's index instead of looking up the candidates' ids.
    rows = await db.execute(
        select(Flow.id, Flow.account_id, Flow.archived_at, Flow.updated_at).where(
            Flow.id.in_(wanted)
        )
    )
    return [
        (flow_id, updated_at)
        for flow_id, owner_account, archived_at, updated_at in rows
        if owner_account == account_id and archived_at is None
    ]


async def library_rows(
    db: AsyncSession, account_id: uuid.UUID, ids: list[uuid.UUID]
) -> list[tuple[Flow, str | None]]:
    """The account's flows of a library page in the order of `ids`, with their owners' names;
    drafts are not loaded (a summary never shows the graph)."""
    if not ids:
        return []
    rows = await db.execute(
        select(Flow, User.name)
        .outerjoin(User, User.id == Flow.owner_id)
        .where(Flow.id.in_(ids))
        .options(defer(Flow.draft, raiseload=True))
    )
    # The ids come from the account's own listing; the account is checked again here rather
    # than in SQL, where SQLite (without statistics) would walk the account's index instead of
    # looking up the page's ids.
    found = {flow.id: (flow, name) for flow, name in rows if flow.account_id == account_id}
    return [found[i] for i in ids if i in found]


async def live_categories_and_tags(
    db: AsyncSession, account_id: uuid.UUID
) -> list[tuple[str, list[str]]]:
    """Category and tags of each of the account's live flows."""
    rows = await db.execute(
        select(Flow.category, Flow.tags).where(
            Flow.account_id == account_id, Flow.archived_at.is_(None)
        )
    )
    return [(category, tags) for category, tags in rows]


async def count_by_folder(db: AsyncSession, account_id: uuid.UUID) -> dict[uuid.UUID, int]:
    """How many live flows each of the account's folders holds (empty folders are absent)."""
    rows = await db.execute(
        select(Flow.folder_id, func.count())
        .where(
            Flow.account_id == account_id, Flow.folder_id.is_not(None), Flow.archived_at.is_(None)
        )
        .group_by(Flow.folder_id)
    )
    return {fid: n for fid, n in rows if fid is not None}


async def folder_parents(
    db: AsyncSession, account_id: uuid.UUID
) -> dict[uuid.UUID, uuid.UUID | None]:
    """Each of the account's folders, and its parent (None at the top)."""
    rows = await db.execute(
        select(Folder.id, Folder.parent_id).where(Folder.account_id == account_id)
    )
    return {i: p for i, p in rows}


async def titles_in_account(db: AsyncSession, account_id: uuid.UUID) -> set[str]:
    """Every flow title of the account (demo seeding adds only what is missing)."""
    return set((await db.scalars(select(Flow.title).where(Flow.account_id == account_id))).all())


async def id_by_title(db: AsyncSession, account_id: uuid.UUID, title: str) -> uuid.UUID | None:
    found: uuid.UUID | None = await db.scalar(
        select(Flow.id).where(Flow.account_id == account_id, Flow.title == title)
    )
    return found
