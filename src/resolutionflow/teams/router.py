"""HTTP routes for teams: everyone reads, team admins change."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response

from resolutionflow.auth.principal import AnyRole, TeamAdmin
from resolutionflow.common.context import client_info
from resolutionflow.common.schemas import Page
from resolutionflow.db.session import DB
from resolutionflow.teams import service
from resolutionflow.teams.schemas import TeamCreate, TeamDetail, TeamRead, TeamUpdate

router = APIRouter(prefix="/teams", tags=["teams"])


@router.get("", response_model=Page[TeamRead])
async def list_teams(principal: AnyRole, db: DB) -> Page[TeamRead]:
    return Page(items=await service.list_teams(db, principal))


@router.post("", status_code=201, response_model=TeamRead)
async def create_team(principal: TeamAdmin, db: DB, body: TeamCreate, request: Request) -> TeamRead:
    return await service.create(db, principal, body, client_info(request))


@router.get("/{team_id}", response_model=TeamDetail)
async def get_team(principal: AnyRole, db: DB, team_id: uuid.UUID) -> TeamDetail:
    return await service.detail(db, principal, team_id)


@router.patch("/{team_id}", response_model=TeamDetail)
async def update_team(
    principal: TeamAdmin, db: DB, team_id: uuid.UUID, body: TeamUpdate
) -> TeamDetail:
    return await service.update(db, principal, team_id, body)


@router.delete("/{team_id}", status_code=204)
async def delete_team(
    principal: TeamAdmin, db: DB, team_id: uuid.UUID, request: Request
) -> Response:
    await service.remove(db, principal, team_id, client_info(request))
    return Response(status_code=204)


@router.put("/{team_id}/members/{user_id}", status_code=204)
async def add_member(
    principal: TeamAdmin, db: DB, team_id: uuid.UUID, user_id: uuid.UUID
) -> Response:
    await service.add_member(db, principal, team_id, user_id)
    return Response(status_code=204)


@router.delete("/{team_id}/members/{user_id}", status_code=204)
async def remove_member(
    principal: TeamAdmin, db: DB, team_id: uuid.UUID, user_id: uuid.UUID
) -> Response:
    await service.remove_member(db, principal, team_id, user_id)
    return Response(status_code=204)
