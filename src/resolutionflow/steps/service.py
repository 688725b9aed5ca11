"""The step library's logic: creating and editing steps, ratings and reviews, "this step is
wrong" flags, suggestions ranked with the quality signal, and the links publishing a flow keeps
from its nodes to the steps they came from.

Who may do what: everyone in the account reads the library; engineers (and above) create,
rate and flag steps; a step is edited or deleted by its author, by a team admin of its owner
team (any team admin when it has no owner team) and by a super admin. The same team admins
resolve or dismiss its flags."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow import search
from resolutionflow.assist.retrieval import relevance
from resolutionflow.audit.service import record_by
from resolutionflow.auth import library_rights
from resolutionflow.auth.principal import Principal
from resolutionflow.common.context import ClientInfo
from resolutionflow.errors import Conflict, Forbidden
from resolutionflow.flows.search import make_snippet
from resolutionflow.flows.search import terms as search_terms
from resolutionflow.models import Step, StepFlag, StepRating
from resolutionflow.search.index import terms as any_terms
from resolutionflow.steps import ranking
from resolutionflow.steps import repository as repo
from resolutionflow.steps import schemas as s
from resolutionflow.teams import repository as teams_repo

_VARIABLE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}")


def _now() -> datetime:
    return datetime.now(UTC)


def variables(*texts: str) -> list[str]:
    """The `{{variable}}` names used, in order of first use."""
    seen: dict[str, None] = {}
    for text in texts:
        for m in _VARIABLE.finditer(text):
            seen.setdefault(m.group(1), None)
    return list(seen)


def searchable_body(step: Step) -> str:
    return "\n".join(
        [step.body, " ".join(step.answers or []), " ".join(step.tags or []), step.category]
    )


async def _index(db: AsyncSession, step: Step) -> None:
    await search.put(
        db,
        kind=repo.SEARCH_KIND,
        ref_id=step.id,
        account_id=step.account_id,
        title=step.title,
        body=searchable_body(step),
    )


def _apply(step: Step, body: s.StepCreate) -> None:
    step.title = body.title
    step.body = body.body
    step.kind = body.kind
    step.answers = list(body.answers)
    step.tags = list(body.tags)
    step.category = body.category
    step.team_id = body.team_id
    step.script_ref = body.script_ref


# --- reading ------------------------------------------------------------------------------------


async def reads(
    db: AsyncSession,
    principal: Principal,
    steps: list[Step],
    *,
    query: str | None = None,
    with_mine: bool = True,
) -> list[s.StepRead]:
    ids = [st.id for st in steps]
    stats = await repo.stats(db, principal.account_id, ids)
    mine = await repo.my_ratings(db, principal, ids) if with_mine else {}
    users = await repo.names(
        db,
        principal.account_id,
        {st.created_by_id for st in steps} | ({principal.user_id} if mine else set()),
    )
    teams = await repo.team_names(db, principal.account_id, {st.team_id for st in steps})
    my_teams = await teams_repo.member_team_ids(db, principal)
    words = search_terms(query or "")
    out = []
    for st in steps:
        stat = stats.get(st.id, ranking.StepStats())
        rating = mine.get(st.id)
        out.append(
            s.StepRead(
                id=st.id,
                title=st.title,
                body=st.body,
                kind=st.kind,
                answers=list(st.answers or []),
                tags=list(st.tags or []),
                category=st.category,
                team_id=st.team_id,
                team_name=teams.get(st.team_id) if st.team_id else None,
                script_ref=st.script_ref,
                variables=variables(st.title, st.body),
                revision=st.revision,
                created_by_id=st.created_by_id,
                created_by_name=users.get(st.created_by_id) if st.created_by_id else None,
                created_at=st.created_at,
                updated_at=st.updated_at,
                rating_avg=stat.rating_avg,
                rating_count=stat.rating_count,
                verified_uses=stat.verified_uses,
                open_flags=stat.open_flags,
                linked_nodes=stat.linked_nodes,
                my_rating=s.RatingRead(
                    user_id=rating.user_id,
                    user_name=users.get(rating.user_id, ""),
                    stars=rating.stars,
                    review=rating.review,
                    updated_at=rating.updated_at,
                )
                if rating
                else None,
                can_edit=library_rights.may_edit(principal, st, my_teams),
                snippet=make_snippet(f"{st.title} — {st.body}", words) if words else None,
            )
        )
    return out


async def read(db: AsyncSession, principal: Principal, step: Step) -> s.StepRead:
    return (await reads(db, principal, [step]))[0]


async def ratings(db: AsyncSession, principal: Principal, step_id: uuid.UUID) -> s.RatingPage:
    step = await repo.get_step(db, principal, step_id)
    rows = await repo.ratings_of(db, principal.account_id, step.id)
    return s.RatingPage(
        items=[
            s.RatingRead(
                user_id=r.user_id,
                user_name=name,
                stars=r.stars,
                review=r.review,
                updated_at=r.updated_at,
            )
            for r, name in rows
        ]
    )


async def facets(db: AsyncSession, principal: Principal) -> s.StepFacets:
    tags, categories = await repo.facets(db, principal.account_id)
    return s.StepFacets(tags=tags, categories=categories)


# --- writing ------------------------------------------------------------------------------------


async def create(
    db: AsyncSession, principal: Principal, body: s.StepCreate, client: ClientInfo | None
) -> Step:
    teams = await teams_repo.member_team_ids(db, principal)
    await library_rights.check_team_choice(db, principal, body.team_id, teams, what="step")
    step = Step(account_id=principal.account_id, created_by_id=principal.user_id, revision=1)
    _apply(step, body)
    db.add(step)
    await db.flush()
    await _index(db, step)
    record_by(db, principal, "step.created", client=client, target_type="step", target_id=step.id)
    return step


async def _editable(db: AsyncSession, principal: Principal, step_id: uuid.UUID) -> Step:
    step = await repo.get_step(db, principal, step_id, lock=True)
    if not library_rights.may_edit(
        principal, step, await teams_repo.member_team_ids(db, principal)
    ):
        raise Forbidden(
            "Only the step's author, a team admin of its owner team or a super admin may change it."
        )
    return step


async def update(
    db: AsyncSession,
    principal: Principal,
    step_id: uuid.UUID,
    body: s.StepUpdate,
    client: ClientInfo | None,
) -> Step:
    step = await _editable(db, principal, step_id)
    if body.revision is not None and body.revision != step.revision:
        raise Conflict(
            f"The step was changed since you opened it (revision {step.revision}, yours "
            f"{body.revision}). Reload it and apply your change again."
        )
    if body.team_id != step.team_id:
        await library_rights.check_team_choice(
            db,
            principal,
            body.team_id,
            await teams_repo.member_team_ids(db, principal),
            what="step",
        )
    _apply(step, body)
    step.revision += 1
    step.updated_at = _now()
    await db.flush()
    await _index(db, step)
    record_by(db, principal, "step.updated", client=client, target_type="step", target_id=step.id)
    return step


async def delete(
    db: AsyncSession, principal: Principal, step_id: uuid.UUID, client: ClientInfo | None
) -> None:
    """Deleting a step removes its ratings, flags and links; flow nodes keep their text."""
    step = await _editable(db, principal, step_id)
    await search.delete(db, repo.SEARCH_KIND, step.id)
    record_by(
        db,
        principal,
        "step.deleted",
        client=client,
        target_type="step",
        target_id=step.id,
        detail={"title": step.title},
    )
    await db.delete(step)
    await db.flush()


async def rate(
    db: AsyncSession, principal: Principal, step_id: uuid.UUID, body: s.RatingIn
) -> Step:
    """One rating per user per step: rating again replaces the stars and the review."""
    step = await repo.get_step(db, principal, step_id)
    mine = (await repo.my_ratings(db, principal, [step.id])).get(step.id)
    if mine is None:
        db.add(
            StepRating(
                account_id=principal.account_id,
                step_id=step.id,
                user_id=principal.user_id,
                stars=body.stars,
                review=body.review,
            )
        )
    else:
        mine.stars = body.stars
        mine.review = body.review
        mine.updated_at = _now()
    await db.flush()
    return step


# --- flags --------------------------------------------------------------------------------------


async def _flag_reads(
    db: AsyncSession, principal: Principal, rows: list[tuple[StepFlag, Step]]
) -> list[s.FlagRead]:
    users = await repo.names(db, principal.account_id, {f.reporter_id for f, _ in rows})
    teams = await teams_repo.member_team_ids(db, principal)
    return [
        s.FlagRead(
            id=f.id,
            step_id=st.id,
            step_title=st.title,
            team_id=st.team_id,
            reason=f.reason,
            status=f.status,
            reporter_id=f.reporter_id,
            reporter_name=users.get(f.reporter_id) if f.reporter_id else None,
            created_at=f.created_at,
            closed_at=f.closed_at,
            closed_by_id=f.closed_by_id,
            note=f.note,
            may_close=library_rights.is_admin_of(principal, st.team_id, teams),
        )
        for f, st in rows
    ]


async def flag(
    db: AsyncSession,
    principal: Principal,
    step_id: uuid.UUID,
    body: s.FlagCreate,
    client: ClientInfo | None,
) -> s.FlagRead:
    step = await repo.get_step(db, principal, step_id)
    row = StepFlag(
        account_id=principal.account_id,
        step_id=step.id,
        reporter_id=principal.user_id,
        reason=body.reason,
        status="open",
    )
    db.add(row)
    await db.flush()
    record_by(db, principal, "step.flagged", client=client, target_type="step", target_id=step.id)
    return (await _flag_reads(db, principal, [(row, step)]))[0]


async def flags(
    db: AsyncSession,
    principal: Principal,
    *,
    status: str | None,
    step_id: uuid.UUID | None,
    limit: int,
    offset: int,
) -> tuple[list[s.FlagRead], bool]:
    rows, more = await repo.list_flags(
        db, principal.account_id, status=status, step_id=step_id, limit=limit, offset=offset
    )
    return await _flag_reads(db, principal, rows), more


async def close_flag(
    db: AsyncSession,
    principal: Principal,
    flag_id: uuid.UUID,
    status: str,
    body: s.FlagClose,
    client: ClientInfo | None,
) -> s.FlagRead:
    """Resolve (the step was fixed) or dismiss (the step was right) an open flag."""
    row, step = await repo.get_flag(db, principal.account_id, flag_id, lock=True)
    if not library_rights.is_admin_of(
        principal, step.team_id, await teams_repo.member_team_ids(db, principal)
    ):
        raise Forbidden("Only a team admin of the step's owner team may close its flags.")
    if row.status != "open":
        raise Conflict(f"This flag is already {row.status}.")
    row.status = status
    row.note = body.note
    row.closed_by_id = principal.user_id
    row.closed_at = _now()
    await db.flush()
    record_by(
        db,
        principal,
        "step.flag_resolved" if status == "resolved" else "step.flag_dismissed",
        client=client,
        target_type="step",
        target_id=step.id,
        detail={"flag_id": str(row.id)},
    )
    return (await _flag_reads(db, principal, [(row, step)]))[0]


# --- suggestions (the ranking signal) -------------------------------------------------------


def rank(
    query: str,
    steps: list[tuple[uuid.UUID, str, str]],
    stats: dict[uuid.UUID, ranking.StepStats],
    *,
    with_quality: bool = True,
) -> list[tuple[uuid.UUID, float, float, float]]:
    """(id, relevance, quality, score) best first, for (id, title, searchable text) candidates.
    Without quality the score is the relevance alone (the baseline bench/step_ranking.py
    compares against). Ties keep the order given."""
    words = any_terms(query, "any")
    out = []
    for order, (sid, title, text) in enumerate(steps):
        rel = relevance(words, title, text)
        q = ranking.quality(stats.get(sid, ranking.StepStats()))
        score = ranking.boosted(rel, q) if with_quality else rel
        out.append((order, sid, rel, q, score))
    out.sort(key=lambda t: (-t[4], t[0]))
    return [(sid, rel, q, score) for _, sid, rel, q, score in out]


@dataclass(frozen=True)
class RankedStep:
    """A library step ranked for a problem: its text relevance, quality signal and the boosted
    score it is ordered by, with the stats the quality came from (shown beside a suggestion)."""

    step: Step
    relevance: float
    quality: float
    score: float
    stats: ranking.StepStats


async def ranked_steps(
    db: AsyncSession, account_id: uuid.UUID, query: str, limit: int = 5
) -> list[RankedStep]:
    """The library steps that fit `query`, ranked by relevance with the quality boost: what
    FlowPilot and the copilot suggest from the library (through assist.retrieval)."""
    found = await repo.candidates(db, account_id, query, limit=max(20, limit * 4))
    if not found:
        return []
    # Equal scores go to the older step: the engine's order among equal ranks is not stable
    # on PostgreSQL, and suggestions must not reshuffle between two identical requests.
    found.sort(key=lambda st: (st.created_at, st.id))
    stats = await repo.stats(db, account_id, [st.id for st in found])
    by_id = {st.id: st for st in found}
    ranked = rank(query, [(st.id, st.title, searchable_body(st)) for st in found], stats)
    return [
        RankedStep(by_id[sid], rel, q, score, stats.get(sid, ranking.StepStats()))
        for sid, rel, q, score in ranked
        if rel > 0
    ][:limit]


async def suggestions(
    db: AsyncSession, principal: Principal, query: str, limit: int
) -> s.StepSuggestionPage:
    ranked = await ranked_steps(db, principal.account_id, query, limit)
    reads_ = await reads(db, principal, [r.step for r in ranked], with_mine=False)
    return s.StepSuggestionPage(
        items=[
            s.StepSuggestion(step=read_, relevance=r.relevance, quality=r.quality, score=r.score)
            for read_, r in zip(reads_, ranked, strict=True)
        ]
    )
