"""Nested folders of the flow library."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.db.scoping import get_in_account, readable
from resolutionflow.errors import Conflict
from resolutionflow.flows import repository
from resolutionflow.flows.schemas import FolderCreate, FolderRead, FolderUpdate
from resolutionflow.models import Flow, Folder

MAX_DEPTH = 12


async def list_folders(db: AsyncSession, principal: Principal) -> list[FolderRead]:
    folders = (await db.scalars(readable(principal.account_id, Folder).order_by(Folder.name))).all()
    counts = await repository.count_by_folder(db, principal.account_id)
    return [
        FolderRead(id=f.id, name=f.name, parent_id=f.parent_id, flow_count=counts.get(f.id, 0))
        for f in folders
    ]


async def _get(db: AsyncSession, principal: Principal, folder_id: uuid.UUID) -> Folder:
    return await get_in_account(db, principal.account_id, Folder, folder_id, what="folder")


async def _parents(db: AsyncSession, principal: Principal) -> dict[uuid.UUID, uuid.UUID | None]:
    return await repository.folder_parents(db, principal.account_id)


def _depth(parents: dict[uuid.UUID, uuid.UUID | None], folder_id: uuid.UUID | None) -> int:
    depth = 0
    while folder_id is not None and depth <= MAX_DEPTH + 1:
        folder_id = parents.get(folder_id)
        depth += 1
    return depth


def _height(parents: dict[uuid.UUID, uuid.UUID | None], folder_id: uuid.UUID) -> int:
    """Levels in the subtree rooted at `folder_id`, itself included."""
    children: dict[uuid.UUID, list[uuid.UUID]] = {}
    for child, parent in parents.items():
        if parent is not None:
            children.setdefault(parent, []).append(child)
    level, height = [folder_id], 0
    while level and height <= MAX_DEPTH + 1:
        height += 1
        level = [c for f in level for c in children.get(f, [])]
    return height


async def _check_name_free(
    db: AsyncSession,
    principal: Principal,
    name: str,
    parent_id: uuid.UUID | None,
    except_id: uuid.UUID | None = None,
) -> None:
    siblings = (
        await db.scalars(
            readable(principal.account_id, Folder).where(
                Folder.parent_id.is_(None) if parent_id is None else Folder.parent_id == parent_id
            )
        )
    ).all()
    if any(f.name.casefold() == name.casefold() and f.id != except_id for f in siblings):
        raise Conflict(
            f"This folder already has a folder named “{name}”.",
            errors=[{"loc": ["body", "name"], "msg": "already in use", "type": "conflict"}],
        )


async def create(db: AsyncSession, principal: Principal, data: FolderCreate) -> FolderRead:
    if data.parent_id is not None:
        await _get(db, principal, data.parent_id)
        if _depth(await _parents(db, principal), data.parent_id) >= MAX_DEPTH:
            raise Conflict(f"Folders nest at most {MAX_DEPTH} deep.")
    await _check_name_free(db, principal, data.name, data.parent_id)
    folder = Folder(account_id=principal.account_id, name=data.name, parent_id=data.parent_id)
    db.add(folder)
    await db.flush()
    return FolderRead(id=folder.id, name=folder.name, parent_id=folder.parent_id, flow_count=0)


async def update(
    db: AsyncSession, principal: Principal, folder_id: uuid.UUID, data: FolderUpdate
) -> FolderRead:
    folder = await _get(db, principal, folder_id)
    parent_id = folder.parent_id
    if "parent_id" in data.model_fields_set:
        parent_id = data.parent_id
        if parent_id is not None:
            await _get(db, principal, parent_id)
            parents = await _parents(db, principal)
            # Walk up from the new parent: meeting this folder means a move into itself.
            cursor: uuid.UUID | None = parent_id
            while cursor is not None:
                if cursor == folder.id:
                    raise Conflict("A folder can't move into itself or one of its subfolders.")
                cursor = parents.get(cursor)
            if _depth(parents, parent_id) + _height(parents, folder.id) > MAX_DEPTH:
                raise Conflict(f"Folders nest at most {MAX_DEPTH} deep.")
    name = data.name if data.name is not None else folder.name
    if name != folder.name or parent_id != folder.parent_id:
        await _check_name_free(db, principal, name, parent_id, except_id=folder.id)
    folder.name, folder.parent_id = name, parent_id
    await db.flush()
    counts = await repository.count_by_folder(db, principal.account_id)
    return FolderRead(
        id=folder.id,
        name=folder.name,
        parent_id=folder.parent_id,
        flow_count=counts.get(folder.id, 0),
    )


async def delete(db: AsyncSession, principal: Principal, folder_id: uuid.UUID) -> None:
    folder = await _get(db, principal, folder_id)
    has_child = await db.scalar(select(Folder.id).where(Folder.parent_id == folder.id).limit(1))
    has_flow = await db.scalar(select(Flow.id).where(Flow.folder_id == folder.id).limit(1))
    if has_child is not None or has_flow is not None:
        raise Conflict("Only an empty folder can be deleted; move its flows and folders out first.")
    await db.delete(folder)
