"""Queries over the step library, scoped in one place.

Every step of the account is readable by everyone in it (the library is shared); the owner
team only decides who may change a step (service.may_edit). Another account's step, rating or
flag is a 404."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.errors import NotFound
from resolutionflow.models import (
    Session,
    SessionEvent,
    Step,
    StepFlag,
    StepLink,
    StepRating,
    Team,
    User,
)
from resolutionflow.search import index as text_index
from resolutionflow.steps.ranking import StepStats

SEARCH_KIND = "library_step"
TAG_SCAN_LIMIT = 5000


def readable(account_id: uuid.UUID) -> Select[Step]:
    return select(Step).where(Step.account_id == account_id)


async def get_step(
    db: AsyncSession, principal: Principal, step_id: uuid.UUID, *, lock: bool = False
) -> Step:
    query = readable(principal.account_id).where(Step.id == step_id)
    if lock:
        query = query.with_for_update()
    found = await db.scalar(query)
    if found is None:
        raise NotFound(f"No step with id {step_id}.")
    return found


def _ratings() -> Any:
    return (
        select(
            StepRating.step_id.label("step_id"),
            func.avg(StepRating.stars).label("avg"),
            func.count().label("n"),
        )
        .group_by(StepRating.step_id)
        .subquery("ratings")
    )


async def search(
    db: AsyncSession,
    principal: Principal,
    *,
    q: str | None,
    kind: str | None,
    tag: str | None,
    category: str | None,
    team_id: uuid.UUID | None,
    sort: str,
    limit: int,
    offset: int,
) -> tuple[list[Step], bool]:
    """One page of the account's steps: matching every word of `q` (as prefixes) over title,
    body, answers, tags and category, filtered, best first."""
    query: Any = readable(principal.account_id)
    matched = text_index.parents_matching(db, principal.account_id, q or "", [SEARCH_KIND])
    if q and q.strip() and matched is None:
        return [], False
    if matched is not None:
        query = query.join(matched, matched.c.ref_id == Step.id)
    if kind:
        query = query.where(Step.kind == kind)
    if category:
        query = query.where(Step.category == category)
    if team_id:
        query = query.where(Step.team_id == team_id)
    if sort == "rating":
        ratings = _ratings()
        query = query.outerjoin(ratings, ratings.c.step_id == Step.id).order_by(
            func.coalesce(ratings.c.avg, 0).desc(), func.coalesce(ratings.c.n, 0).desc()
        )
    elif sort == "title":
        query = query.order_by(Step.title)
    elif sort == "relevance" and matched is not None:
        query = query.order_by(matched.c.score.desc())
    query = query.order_by(Step.updated_at.desc(), Step.id)
    if not tag:
        rows = list(await db.scalars(query.offset(offset).limit(limit + 1)))
        return rows[:limit], len(rows) > limit
    # Tags live in a JSON list; filtered here, in order, as the flow library does.
    folded = tag.casefold()
    kept: list[Step] = []
    skipped = 0
    for step in await db.scalars(query.limit(TAG_SCAN_LIMIT)):
        if folded not in {t.casefold() for t in step.tags or []}:
            continue
        if skipped < offset:
            skipped += 1
            continue
        kept.append(step)
        if len(kept) > limit:
            break
    return kept[:limit], len(kept) > limit


async def candidates(db: AsyncSession, account_id: uuid.UUID, query: str, limit: int) -> list[Step]:
    """Steps matching any (non-stop) word of `query`, for suggestions; the engine's order."""
    _, hits = await text_index.search(db, account_id, query, [SEARCH_KIND], mode="any", limit=limit)
    if not hits:
        return []
    order = [h.ref_id for h in hits]
    found = {s.id: s for s in await db.scalars(readable(account_id).where(Step.id.in_(order)))}
    return [found[i] for i in order if i in found]


async def stats(
    db: AsyncSession, account_id: uuid.UUID, step_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, StepStats]:
    """Ratings, open flags, linked nodes and verified uses of these steps."""
    ids = list(step_ids)
    if not ids:
        return {}
    ratings = {
        sid: (int(total or 0), int(n))
        for sid, total, n in await db.execute(
            select(StepRating.step_id, func.sum(StepRating.stars), func.count())
            .where(StepRating.account_id == account_id, StepRating.step_id.in_(ids))
            .group_by(StepRating.step_id)
        )
    }
    flags = dict(
        (sid, int(n))
        for sid, n in await db.execute(
            select(StepFlag.step_id, func.count())
            .where(
                StepFlag.account_id == account_id,
                StepFlag.step_id.in_(ids),
                StepFlag.status == "open",
            )
            .group_by(StepFlag.step_id)
        )
    )
    links = list(
        await db.execute(
            select(StepLink.step_id, StepLink.flow_id, StepLink.node_id).where(
                StepLink.account_id == account_id, StepLink.step_id.in_(ids)
            )
        )
    )
    uses = await _verified_uses(db, account_id, [(s, f, n) for s, f, n in links])
    linked: dict[uuid.UUID, int] = {}
    for sid, _, _ in links:
        linked[sid] = linked.get(sid, 0) + 1
    out = {}
    for sid in ids:
        total, n = ratings.get(sid, (0, 0))
        out[sid] = StepStats(
            rating_sum=total,
            rating_count=n,
            verified_uses=uses.get(sid, 0),
            open_flags=flags.get(sid, 0),
            linked_nodes=linked.get(sid, 0),
        )
    return out


async def _verified_uses(
    db: AsyncSession, account_id: uuid.UUID, links: list[tuple[uuid.UUID, uuid.UUID, str]]
) -> dict[uuid.UUID, int]:
    """Per step: resolved sessions with an answer event at a linked (flow, node). Answer events
    name the flow they ran in, so a node reached inside a subflow counts too."""
    if not links:
        return {}
    node = SessionEvent.payload["node_id"].as_string()
    flow = SessionEvent.payload["flow_id"].as_string()
    by_node: dict[tuple[str, str], list[uuid.UUID]] = {}
    for sid, fid, nid in links:
        by_node.setdefault((str(fid), nid), []).append(sid)
    rows = await db.execute(
        select(SessionEvent.session_id, flow, node)
        .join(Session, Session.id == SessionEvent.session_id)
        .where(
            SessionEvent.account_id == account_id,
            Session.account_id == account_id,
            Session.status == "resolved",
            SessionEvent.type == "answer",
            node.in_({n for _, n in by_node}),
            flow.in_({f for f, _ in by_node}),
        )
        .distinct()
    )
    sessions: dict[uuid.UUID, set[uuid.UUID]] = {}
    for session_id, fid, nid in rows:
        for sid in by_node.get((fid, nid), []):
            sessions.setdefault(sid, set()).add(session_id)
    return {sid: len(s) for sid, s in sessions.items()}


async def names(
    db: AsyncSession, account_id: uuid.UUID, user_ids: set[uuid.UUID | None]
) -> dict[uuid.UUID, str]:
    ids = [u for u in user_ids if u is not None]
    if not ids:
        return {}
    rows = await db.execute(
        select(User.id, User.name).where(User.account_id == account_id, User.id.in_(ids))
    )
    return {uid: name for uid, name in rows}


async def team_names(
    db: AsyncSession, account_id: uuid.UUID, team_ids: set[uuid.UUID | None]
) -> dict[uuid.UUID, str]:
    ids = [t for t in team_ids if t is not None]
    if not ids:
        return {}
    rows = await db.execute(
        select(Team.id, Team.name).where(Team.account_id == account_id, Team.id.in_(ids))
    )
    return {tid: name for tid, name in rows}


async def my_ratings(
    db: AsyncSession, principal: Principal, step_ids: list[uuid.UUID]
) -> dict[uuid.UUID, StepRating]:
    if not step_ids:
        return {}
    rows = await db.scalars(
        select(StepRating).where(
            StepRating.account_id == principal.account_id,
            StepRating.user_id == principal.user_id,
            StepRating.step_id.in_(step_ids),
        )
    )
    return {r.step_id: r for r in rows}


async def ratings_of(
    db: AsyncSession, account_id: uuid.UUID, step_id: uuid.UUID
) -> list[tuple[StepRating, str]]:
    rows = await db.execute(
        select(StepRating, User.name)
        .join(User, User.id == StepRating.user_id)
        .where(StepRating.account_id == account_id, StepRating.step_id == step_id)
        .order_by(StepRating.updated_at.desc(), StepRating.id)
    )
    return [(r, n) for r, n in rows]


async def facets(db: AsyncSession, account_id: uuid.UUID) -> tuple[list[str], list[str]]:
    tags: dict[str, str] = {}
    categories: set[str] = set()
    for category, step_tags in await db.execute(
        select(Step.category, Step.tags).where(Step.account_id == account_id)
    ):
        if category:
            categories.add(category)
        for t in step_tags or []:
            tags.setdefault(t.casefold(), t)
    return sorted(tags.values(), key=str.casefold), sorted(categories, key=str.casefold)


# --- flags ------------------------------------------------------------------------------------


def readable_flags(account_id: uuid.UUID) -> Select[StepFlag, Step]:
    return (
        select(StepFlag, Step)
        .join(Step, Step.id == StepFlag.step_id)
        .where(StepFlag.account_id == account_id, Step.account_id == account_id)
    )


async def open_flag_count(db: AsyncSession, account_id: uuid.UUID) -> int:
    flags = readable_flags(account_id).where(StepFlag.status == "open").subquery()
    return int(await db.scalar(select(func.count()).select_from(flags)) or 0)


async def list_flags(
    db: AsyncSession,
    account_id: uuid.UUID,
    *,
    status: str | None,
    step_id: uuid.UUID | None,
    limit: int,
    offset: int,
) -> tuple[list[tuple[StepFlag, Step]], bool]:
    query = readable_flags(account_id)
    if status:
        query = query.where(StepFlag.status == status)
    if step_id:
        query = query.where(StepFlag.step_id == step_id)
    query = query.order_by(StepFlag.created_at.desc(), StepFlag.id).offset(offset).limit(limit + 1)
    rows = [(f, s) for f, s in await db.execute(query)]
    return rows[:limit], len(rows) > limit


async def get_flag(
    db: AsyncSession, account_id: uuid.UUID, flag_id: uuid.UUID, *, lock: bool = False
) -> tuple[StepFlag, Step]:
    query = readable_flags(account_id).where(StepFlag.id == flag_id)
    if lock:
        query = query.with_for_update(of=StepFlag)
    row = (await db.execute(query)).first()
    if row is None:
        raise NotFound(f"No step flag with id {flag_id}.")
    return row[0], row[1]


# --- links from published flows -------------------------------------------------------------


async def existing_steps(
    db: AsyncSession, account_id: uuid.UUID, step_ids: set[uuid.UUID]
) -> set[uuid.UUID]:
    if not step_ids:
        return set()
    return set(
        await db.scalars(
            select(Step.id).where(Step.account_id == account_id, Step.id.in_(step_ids))
        )
    )


async def replace_links(
    db: AsyncSession,
    account_id: uuid.UUID,
    flow_id: uuid.UUID,
    links: list[tuple[str, uuid.UUID, int]],
) -> None:
    """The flow's links become exactly `links` (node id, step id, step revision)."""
    await db.execute(
        delete(StepLink).where(StepLink.account_id == account_id, StepLink.flow_id == flow_id)
    )
    for node_id, step_id, revision in links:
        db.add(
            StepLink(
                account_id=account_id,
                flow_id=flow_id,
                node_id=node_id,
                step_id=step_id,
                step_revision=revision,
            )
        )
    await db.flush()
