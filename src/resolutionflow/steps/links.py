"""Publish sync: the links from a published flow's nodes to the library steps they came from,
keyed by (flow, node). Kept apart from the service so the flow service can call it without
importing the library's ranking and retrieval."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.steps import repository as repo


async def sync_links(
    db: AsyncSession, account_id: uuid.UUID, flow_id: uuid.UUID, graph: dict[str, Any]
) -> None:
    """Publishing a flow makes its library links exactly the nodes that carry a `step_id` of
    one of the account's steps, keyed by (flow, node). A link to a deleted or foreign step is
    dropped (the node keeps its text)."""
    wanted: list[tuple[str, uuid.UUID, int]] = []
    for node in graph.get("nodes", []):
        raw = node.get("step_id")
        if not raw:
            continue
        try:
            sid = uuid.UUID(str(raw))
        except ValueError:
            continue
        wanted.append((str(node["id"]), sid, int(node.get("step_revision") or 1)))
    known = await repo.existing_steps(db, account_id, {sid for _, sid, _ in wanted})
    await repo.replace_links(
        db, account_id, flow_id, [(n, sid, r) for n, sid, r in wanted if sid in known]
    )
