"""Flows: create, save drafts (optimistic concurrency), validate, publish numbered immutable
versions, history, diff, restore, archive, duplicate, and the library listing."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import TextualSelect, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.common.schemas import decode_offset, encode_offset
from resolutionflow.db.scoping import get_in_account, readable
from resolutionflow.errors import BadRequest, Conflict, Forbidden, NotFound, ValidationFailed
from resolutionflow.experiments import repository as experiments
from resolutionflow.flows import repository, search
from resolutionflow.flows.diff import FlowDiff, diff
from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.schemas import (
    Facet,
    Facets,
    FlowRead,
    FlowSummary,
    SortOrder,
    VersionRead,
    VersionSummary,
)
from resolutionflow.flows.validation import Problem, PublishedFlows, errors_only, validate
from resolutionflow.models import Account, Flow, FlowVersion, Folder, Role, User
from resolutionflow.scripts import repository as scripts_repo
from resolutionflow.steps import links as step_links


def _now() -> datetime:
    return datetime.now(UTC)


# --- reading -------------------------------------------------------------------------------


async def get_flow(db: AsyncSession, principal: Principal, flow_id: uuid.UUID) -> Flow:
    return await get_in_account(db, principal.account_id, Flow, flow_id, what="flow")


async def _names(db: AsyncSession, ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    rows = await db.execute(select(User.id, User.name).where(User.id.in_(wanted)))
    return {i: n for i, n in rows}


def _summary(flow: Flow, names: dict[uuid.UUID, str], snippet: str | None = None) -> FlowSummary:
    return FlowSummary(
        id=flow.id,
        title=flow.title,
        kind=flow.kind,
        description=flow.description,
        category=flow.category,
        tags=list(flow.tags or []),
        folder_id=flow.folder_id,
        owner_id=flow.owner_id,
        owner_name=names.get(flow.owner_id) if flow.owner_id else None,
        archived=flow.archived_at is not None,
        latest_version=flow.latest_version,
        draft_revision=flow.draft_revision,
        has_unpublished_changes=flow.published_revision != flow.draft_revision,
        use_count=flow.use_count,
        created_at=flow.created_at,
        updated_at=flow.updated_at,
        snippet=snippet,
    )


async def summaries(db: AsyncSession, flows: list[Flow]) -> list[FlowSummary]:
    names = await _names(db, {f.owner_id for f in flows})
    return [_summary(f, names) for f in flows]


async def read(db: AsyncSession, flow: Flow) -> FlowRead:
    names = await _names(db, {flow.owner_id, flow.draft_updated_by_id})
    return FlowRead(
        **_summary(flow, names).model_dump(),
        draft=flow.draft,
        draft_updated_at=flow.draft_updated_at,
        draft_updated_by_name=names.get(flow.draft_updated_by_id)
        if flow.draft_updated_by_id
        else None,
    )


# --- writing -------------------------------------------------------------------------------


def _apply_document(flow: Flow, doc: FlowDocument) -> None:
    flow.kind = doc.kind
    flow.title = doc.title
    flow.description = doc.description
    flow.category = doc.category
    flow.tags = list(doc.tags)
    flow.draft = doc.export()


async def _check_folder(
    db: AsyncSession, principal: Principal, folder_id: uuid.UUID | None
) -> None:
    if folder_id is not None:
        await get_in_account(db, principal.account_id, Folder, folder_id, what="folder")


async def create_flow(
    db: AsyncSession, principal: Principal, doc: FlowDocument, folder_id: uuid.UUID | None = None
) -> Flow:
    await _check_folder(db, principal, folder_id)
    flow = Flow(
        account_id=principal.account_id,
        owner_id=principal.user_id,
        folder_id=folder_id,
        draft_revision=1,
        draft_updated_at=_now(),
        draft_updated_by_id=principal.user_id,
        use_count=0,
    )
    _apply_document(flow, doc)
    db.add(flow)
    await db.flush()
    await search.index(db, flow.id, flow.account_id, flow.draft)
    return flow


async def save_draft(
    db: AsyncSession,
    principal: Principal,
    flow_id: uuid.UUID,
    doc: FlowDocument,
    revision: int | None,
) -> Flow:
    flow = await get_flow(db, principal, flow_id)
    if revision is not None:
        # The compare-and-set is one UPDATE, so two saves from the same revision cannot both win.
        claimed = await db.execute(
            update(Flow)
            .where(Flow.id == flow.id, Flow.draft_revision == revision)
            .values(draft_revision=revision + 1)
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            await db.refresh(flow)
            raise _stale(flow, await _names(db, {flow.draft_updated_by_id}))
        await db.refresh(flow)
    else:
        flow.draft_revision += 1
    _apply_document(flow, doc)
    flow.draft_updated_at = _now()
    flow.draft_updated_by_id = principal.user_id
    await db.flush()
    await search.index(db, flow.id, flow.account_id, flow.draft)
    return flow


def _stale(flow: Flow, names: dict[uuid.UUID, str]) -> Conflict:
    who = names.get(flow.draft_updated_by_id) if flow.draft_updated_by_id else None
    when = f" at {flow.draft_updated_at:%H:%M} UTC" if flow.draft_updated_at else ""
    error = Conflict(
        f"{who or 'Someone else'} saved this draft{when}; reload to see their changes "
        "before saving yours.",
    )
    error.extra = {"current_revision": flow.draft_revision}
    return error


async def move(
    db: AsyncSession, principal: Principal, flow_id: uuid.UUID, folder_id: uuid.UUID | None
) -> Flow:
    flow = await get_flow(db, principal, flow_id)
    await _check_folder(db, principal, folder_id)
    flow.folder_id = folder_id
    await db.flush()
    return flow


async def set_archived(
    db: AsyncSession, principal: Principal, flow_id: uuid.UUID, archived: bool
) -> Flow:
    flow = await get_flow(db, principal, flow_id)
    flow.archived_at = (flow.archived_at or _now()) if archived else None
    await db.flush()
    return flow


async def duplicate(db: AsyncSession, principal: Principal, flow_id: uuid.UUID) -> Flow:
    source = await get_flow(db, principal, flow_id)
    doc = FlowDocument.model_validate(source.draft)
    doc.title = f"{doc.title[:190]} (copy)"
    return await create_flow(db, principal, doc, source.folder_id)


# --- validation and publishing ---------------------------------------------------------------


async def published_context(
    db: AsyncSession, account_id: uuid.UUID, doc: FlowDocument
) -> PublishedFlows:
    """The published flows the document's subflows reach, following subflows transitively.

    Loaded lazily from the references, so validating a flow without subflows costs nothing."""
    frontier = {n.flow_id for n in doc.nodes if n.type == "subflow" and n.flow_id is not None}
    subflows: dict[uuid.UUID, frozenset[uuid.UUID]] = {}
    titles: dict[uuid.UUID, str] = {}
    visited: set[uuid.UUID] = set()
    while frontier:
        visited |= frontier
        nxt: set[uuid.UUID] = set()
        for fid, title, graph in await repository.published_graphs(db, account_id, frontier):
            refs = frozenset(
                uuid.UUID(n["flow_id"])
                for n in graph.get("nodes", [])
                if n.get("type") == "subflow" and n.get("flow_id")
            )
            subflows[fid], titles[fid] = refs, title
            nxt |= refs
        # Ids that are not published flows of the account stay out of `subflows`: that is
        # how the validator knows to report them.
        frontier = nxt - visited
    referenced = {n.script_id for n in doc.nodes if n.script_id is not None}
    scripts = await scripts_repo.existing_ids(db, account_id, referenced)
    return PublishedFlows(subflows=subflows, titles=titles, scripts=frozenset(scripts))


async def check(
    db: AsyncSession, account_id: uuid.UUID, doc: FlowDocument, flow_id: uuid.UUID | None
) -> list[Problem]:
    return validate(doc, await published_context(db, account_id, doc), flow_id)


async def may_publish(db: AsyncSession, principal: Principal) -> bool:
    if principal.role.at_least(Role.team_admin):
        return True
    if not principal.role.at_least(Role.engineer):
        return False
    account = await db.get(Account, principal.account_id)
    return bool(account and account.engineers_can_publish)


async def publish(
    db: AsyncSession, principal: Principal, flow_id: uuid.UUID, change_note: str
) -> int:
    if not await may_publish(db, principal):
        raise Forbidden(
            "Publishing needs a team admin (or the account setting that lets engineers publish)."
        )
    flow = await get_flow(db, principal, flow_id)
    doc = FlowDocument.model_validate(flow.draft)
    errors = errors_only(await check(db, principal.account_id, doc, flow.id))
    if errors:
        problem = ValidationFailed(
            f"The draft has {len(errors)} problem{'s' if len(errors) != 1 else ''} to fix "
            "before it can be published.",
        )
        problem.extra = {"problems": [p.model_dump(mode="json") for p in errors]}
        raise problem
    number = await add_version(db, principal, flow, flow.draft, change_note)
    flow.published_revision = flow.draft_revision
    return number


async def refuse_during_experiment(db: AsyncSession, flow: Flow) -> None:
    running = await experiments.running_for_flow(db, flow.account_id, flow.id)
    if running is not None:
        raise Conflict(
            f"An A/B test is running on “{flow.title}” (version {running.version_a} against "
            f"version {running.version_b}); stop it before publishing another version."
        )


async def add_version(
    db: AsyncSession,
    principal: Principal,
    flow: Flow,
    graph: dict[str, Any],
    change_note: str,
    *,
    candidate: bool = False,
) -> int:
    """Publish `graph` as the flow's next version number; a `candidate` (an A/B test's variant
    B) is stored, immutable, without becoming the flow's current version. Numbers count
    candidates too, so a number is never reused."""
    if not candidate:
        await refuse_during_experiment(db, flow)
    top = await db.scalar(
        select(func.max(FlowVersion.number)).where(FlowVersion.flow_id == flow.id)
    )
    number = max(int(top or 0), flow.latest_version or 0) + 1
    # The unique (flow_id, number) constraint makes a concurrent second publish a 409.
    db.add(
        FlowVersion(
            account_id=flow.account_id,
            flow_id=flow.id,
            number=number,
            graph=graph,
            change_note=change_note,
            published_by_id=principal.user_id,
            published_at=_now(),
            candidate=candidate,
        )
    )
    await db.flush()
    if not candidate:
        flow.latest_version = number
        await step_links.sync_links(db, flow.account_id, flow.id, graph)
    return number


# --- versions ------------------------------------------------------------------------------


async def _version(db: AsyncSession, flow: Flow, number: int) -> FlowVersion:
    version = await db.scalar(
        select(FlowVersion).where(FlowVersion.flow_id == flow.id, FlowVersion.number == number)
    )
    if version is None:
        raise NotFound(f"Flow “{flow.title}” has no version {number}.")
    return version


async def list_versions(
    db: AsyncSession, principal: Principal, flow_id: uuid.UUID
) -> list[VersionSummary]:
    flow = await get_flow(db, principal, flow_id)
    versions = list(
        (
            await db.scalars(
                select(FlowVersion)
                .where(FlowVersion.flow_id == flow.id)
                .order_by(FlowVersion.number.desc())
            )
        ).all()
    )
    names = await _names(db, {v.published_by_id for v in versions})
    return [
        VersionSummary(
            number=v.number,
            change_note=v.change_note,
            published_at=v.published_at,
            published_by_name=names.get(v.published_by_id) if v.published_by_id else None,
            node_count=len(v.graph.get("nodes", [])),
            candidate=v.candidate,
        )
        for v in versions
    ]


async def read_version(
    db: AsyncSession, principal: Principal, flow_id: uuid.UUID, number: int
) -> VersionRead:
    flow = await get_flow(db, principal, flow_id)
    v = await _version(db, flow, number)
    names = await _names(db, {v.published_by_id})
    return VersionRead(
        number=v.number,
        change_note=v.change_note,
        published_at=v.published_at,
        published_by_name=names.get(v.published_by_id) if v.published_by_id else None,
        graph=v.graph,
    )


async def graph_at(db: AsyncSession, flow: Flow, which: str) -> FlowDocument:
    """`draft` or a version number."""
    if which == "draft":
        return FlowDocument.model_validate(flow.draft)
    try:
        number = int(which)
    except ValueError as exc:
        raise BadRequest(f"“{which}” is neither a version number nor “draft”.") from exc
    return FlowDocument.model_validate((await _version(db, flow, number)).graph)


async def compare(
    db: AsyncSession, principal: Principal, flow_id: uuid.UUID, old: str, new: str
) -> FlowDiff:
    flow = await get_flow(db, principal, flow_id)
    return diff(await graph_at(db, flow, old), await graph_at(db, flow, new))


async def restore(db: AsyncSession, principal: Principal, flow_id: uuid.UUID, number: int) -> Flow:
    flow = await get_flow(db, principal, flow_id)
    version = await _version(db, flow, number)
    return await save_draft(
        db, principal, flow.id, FlowDocument.model_validate(version.graph), None
    )


# --- the library ---------------------------------------------------------------------------


async def search_library(
    db: AsyncSession,
    principal: Principal,
    *,
    q: str | None,
    kind: str | None,
    category: str | None,
    tag: str | None,
    folder: uuid.UUID | str | None,
    archived: bool,
    sort: SortOrder | None,
    limit: int,
    cursor: str | None,
) -> tuple[list[FlowSummary], str | None]:
    offset = decode_offset(cursor)
    matching = search.matching(db, principal.account_id, q) if q else None
    if q and matching is None:
        return [], None  # a query of punctuation only matches nothing
    sort = sort or ("relevance" if matching is not None else "updated")
    if sort == "relevance" and matching is None:
        sort = "updated"
    wanted = offset + limit + 1

    # `first`: the order's first `wanted` ids, when found without paging in SQL (the ranking
    # shortcut, which pays off when the filters keep most flows; the tag filter).
    first: list[uuid.UUID] | None = None
    shortcut = not (kind or category or folder or tag or archived)
    if matching is not None and sort == "relevance" and shortcut:
        first = await _best_ranked(db, principal, matching, wanted)
    query = repository.library_order(
        principal.account_id, matching, sort, kind, category, folder, archived
    )
    if first is None and tag:
        first = await _tagged(db, query.add_columns(Flow.tags), tag, wanted)
    if first is not None:
        ids = first[offset:]
    else:
        ids = list((await db.scalars(query.offset(offset).limit(limit + 1))).all())
    page = ids[:limit]
    flows = await repository.library_rows(db, principal.account_id, page)
    marked = (
        await search.snippets(db, principal.account_id, q or "", page)
        if matching is not None
        else {}
    )
    names = {f.owner_id: name for f, name in flows if f.owner_id is not None and name is not None}
    items = [_summary(f, names, marked.get(f.id)) for f, _ in flows]
    next_cursor = encode_offset(offset + limit) if len(ids) > limit else None
    return items, next_cursor


# A relevance search ranks every match (the engine's work), then reads flows only for the
# best-ranked few: this many times the rows the page needs, at least the minimum; more than the
# maximum (a run of ties) and the full query is cheaper.
_CANDIDATES_FACTOR = 2
_MIN_CANDIDATES = 100
_MAX_CANDIDATES = 2000


async def _best_ranked(
    db: AsyncSession,
    principal: Principal,
    matching: TextualSelect,
    wanted: int,
) -> list[uuid.UUID] | None:
    """The first `wanted` ids of the relevance order (rank, newest edit, id), found among the
    candidates: every match ranked no worse than the n-th best. Whatever is left out ranks
    below all of them, so when enough candidates are live (not archived), they are exactly the
    first of the full order. None when too few are (the full query decides then).

    Two plain statements, neither joining the ranking to the flow table: a planner without
    statistics (a library just imported) misjudges that join badly on PostgreSQL."""
    n = max(_MIN_CANDIDATES, _CANDIDATES_FACTOR * wanted)
    if n > _MAX_CANDIDATES:
        return None
    matches = matching.cte("matches").prefix_with("MATERIALIZED")  # ranked once
    nth = select(matches.c.rank).order_by(matches.c.rank).offset(n - 1).limit(1)
    candidates: dict[uuid.UUID, float] = {
        flow_id: rank
        for flow_id, rank in await db.execute(
            select(matches.c.flow_id, matches.c.rank).where(
                matches.c.rank <= func.coalesce(nth.scalar_subquery(), matches.c.rank)
            )
        )
    }
    if len(candidates) > _MAX_CANDIDATES:
        return None
    every_match = len(candidates) < n  # fewer matches than n: nothing was left out
    kept = await repository.live_edited_at(db, principal.account_id, candidates)
    if len(kept) < wanted and not every_match:
        return None
    # The order of the SQL, one key at a time (stable sorts): rank, newest edit, id.
    kept.sort(key=lambda r: r[0])
    kept.sort(key=lambda r: r[1], reverse=True)
    kept.sort(key=lambda r: candidates[r[0]])
    return [flow_id for flow_id, _ in kept[:wanted]]


async def _tagged(db: AsyncSession, query: Any, tag: str, wanted: int) -> list[uuid.UUID]:
    """Ids of the ordered `query` (id, tags) whose tags hold `tag`, up to `wanted` of them.

    Tags are a JSON list, compared case-insensitively the way Python folds case (which neither
    engine's SQL does): read narrow rows in order and stop once the page is full."""
    folded = tag.casefold()
    found: list[uuid.UUID] = []
    result = await db.stream(query.execution_options(yield_per=500))
    try:
        async for flow_id, tags in result:
            if folded in {t.casefold() for t in tags or []}:
                found.append(flow_id)
                if len(found) >= wanted:
                    break
    finally:
        await result.close()
    return found


async def facets(db: AsyncSession, principal: Principal) -> Facets:
    categories: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    for category, flow_tags in await repository.live_categories_and_tags(db, principal.account_id):
        if category:
            categories[category] += 1
        for t in flow_tags or []:
            tags[t] += 1
    return Facets(
        categories=[Facet(name=n, count=c) for n, c in sorted(categories.items())],
        tags=[Facet(name=n, count=c) for n, c in sorted(tags.items(), key=lambda x: (-x[1], x[0]))],
    )


async def all_documents(db: AsyncSession, principal: Principal) -> list[FlowDocument]:
    flows = (
        await db.scalars(
            readable(principal.account_id, Flow)
            .where(Flow.archived_at.is_(None))
            .order_by(Flow.title)
        )
    ).all()
    return [FlowDocument.model_validate(f.draft) for f in flows]
