"""HTTP routes of the step library: steps, ratings and reviews, flags, suggestions."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, Query, Request, Response

from resolutionflow.auth.principal import AnyRole, Engineer, TeamAdmin
from resolutionflow.common.context import client_info
from resolutionflow.common.schemas import SearchText, decode_offset, encode_offset
from resolutionflow.db.session import DB
from resolutionflow.steps import repository as repo
from resolutionflow.steps import schemas as s
from resolutionflow.steps import service

router = APIRouter(tags=["steps"])

Limit = Annotated[int, Query(ge=1, le=200)]
CursorParam = Annotated[str | None, Query(max_length=512)]
Filter = Annotated[str | None, Query(max_length=100, pattern=r"^[^\x00]*$")]


@router.post("/steps", status_code=201, response_model=s.StepRead)
async def create_step(
    principal: Engineer, db: DB, request: Request, body: s.StepCreate
) -> s.StepRead:
    """A new library step (by hand, or "save to library" from an editor node)."""
    step = await service.create(db, principal, body, client_info(request))
    return await service.read(db, principal, step)


@router.get("/steps", response_model=s.StepPage)
async def list_steps(
    principal: AnyRole,
    db: DB,
    q: SearchText = None,
    kind: s.StepKind | None = None,
    tag: Filter = None,
    category: Filter = None,
    team_id: uuid.UUID | None = None,
    sort: s.StepSort = "relevance",
    limit: Limit = 50,
    cursor: CursorParam = None,
) -> s.StepPage:
    """Full text over titles, bodies, answers, tags and category (every word, as a prefix),
    with filters; best match first when searching, else the most recently updated."""
    offset = decode_offset(cursor)
    rows, more = await repo.search(
        db,
        principal,
        q=q,
        kind=kind,
        tag=tag,
        category=category,
        team_id=team_id,
        sort=sort,
        limit=limit,
        offset=offset,
    )
    return s.StepPage(
        items=await service.reads(db, principal, rows, query=q),
        next_cursor=encode_offset(offset + limit) if more else None,
    )


@router.get("/steps/facets", response_model=s.StepFacets)
async def step_facets(principal: AnyRole, db: DB) -> s.StepFacets:
    return await service.facets(db, principal)


@router.get("/steps/suggestions", response_model=s.StepSuggestionPage)
async def suggest_steps(
    principal: AnyRole,
    db: DB,
    q: Annotated[str, Query(min_length=1, max_length=2000, pattern=r"^[^\x00]*$")],
    limit: Annotated[int, Query(ge=1, le=20)] = 5,
) -> s.StepSuggestionPage:
    """Library steps for a problem, ranked as FlowPilot and the copilot rank them: text
    relevance with the bounded quality boost (ratings, verified uses, open flags)."""
    return await service.suggestions(db, principal, q, limit)


@router.get("/steps/flags", response_model=s.FlagPage)
async def list_step_flags(
    principal: AnyRole,
    db: DB,
    status: s.FlagStatus | None = None,
    step_id: uuid.UUID | None = None,
    limit: Limit = 50,
    cursor: CursorParam = None,
) -> s.FlagPage:
    """ "This step is wrong" flags, newest first (the review queue reads `status=open`)."""
    offset = decode_offset(cursor)
    items, more = await service.flags(
        db, principal, status=status, step_id=step_id, limit=limit, offset=offset
    )
    return s.FlagPage(items=items, next_cursor=encode_offset(offset + limit) if more else None)


# The note is optional: an empty body (or none) closes the flag without one.
FlagCloseBody = Annotated[s.FlagClose, Body(default_factory=s.FlagClose)]


@router.post("/steps/flags/{flag_id}/resolve", response_model=s.FlagRead)
async def resolve_step_flag(
    principal: TeamAdmin, db: DB, request: Request, flag_id: uuid.UUID, body: FlagCloseBody
) -> s.FlagRead:
    """The step was wrong and has been fixed. Team admins of the step's owner team."""
    return await service.close_flag(db, principal, flag_id, "resolved", body, client_info(request))


@router.post("/steps/flags/{flag_id}/dismiss", response_model=s.FlagRead)
async def dismiss_step_flag(
    principal: TeamAdmin, db: DB, request: Request, flag_id: uuid.UUID, body: FlagCloseBody
) -> s.FlagRead:
    """The step was right. Team admins of the step's owner team."""
    return await service.close_flag(db, principal, flag_id, "dismissed", body, client_info(request))


@router.get("/steps/{library_step_id}", response_model=s.StepRead)
async def get_step(principal: AnyRole, db: DB, library_step_id: uuid.UUID) -> s.StepRead:
    return await service.read(db, principal, await repo.get_step(db, principal, library_step_id))


@router.put("/steps/{library_step_id}", response_model=s.StepRead)
async def replace_step(
    principal: Engineer,
    db: DB,
    request: Request,
    library_step_id: uuid.UUID,
    body: s.StepUpdate,
) -> s.StepRead:
    """The step as it should be; its revision goes up, so linked flow nodes offer "update from
    library". The author, a team admin of the owner team, or a super admin."""
    step = await service.update(db, principal, library_step_id, body, client_info(request))
    return await service.read(db, principal, step)


@router.delete("/steps/{library_step_id}", status_code=204, response_class=Response)
async def delete_step(
    principal: Engineer, db: DB, request: Request, library_step_id: uuid.UUID
) -> Response:
    """Removes the step, its ratings, flags and links; flow nodes keep their text."""
    await service.delete(db, principal, library_step_id, client_info(request))
    return Response(status_code=204)


@router.put("/steps/{library_step_id}/rating", response_model=s.StepRead)
async def rate_step(
    principal: Engineer, db: DB, library_step_id: uuid.UUID, body: s.RatingIn
) -> s.StepRead:
    """Your 1 to 5 stars and optional review; rating again replaces them."""
    step = await service.rate(db, principal, library_step_id, body)
    return await service.read(db, principal, step)


@router.get("/steps/{library_step_id}/ratings", response_model=s.RatingPage)
async def list_step_ratings(principal: AnyRole, db: DB, library_step_id: uuid.UUID) -> s.RatingPage:
    """Every rating and review of the step, newest first."""
    return await service.ratings(db, principal, library_step_id)


@router.post("/steps/{library_step_id}/flags", status_code=201, response_model=s.FlagRead)
async def flag_step(
    principal: Engineer, db: DB, request: Request, library_step_id: uuid.UUID, body: s.FlagCreate
) -> s.FlagRead:
    """ "This step is wrong", with a reason; open until a team admin resolves or dismisses it."""
    return await service.flag(db, principal, library_step_id, body, client_info(request))
