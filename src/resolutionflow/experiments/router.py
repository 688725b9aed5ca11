"""HTTP routes of A/B tests of flow versions."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, Request

from resolutionflow.auth.principal import AnyRole, TeamAdmin
from resolutionflow.common.context import client_info
from resolutionflow.db.session import DB
from resolutionflow.experiments import schemas as s
from resolutionflow.experiments import service

router = APIRouter(tags=["experiments"])


@router.post("/flows/{flow_id}/experiments", status_code=201, response_model=s.ExperimentRead)
async def start_experiment(
    principal: TeamAdmin,
    db: DB,
    flow_id: uuid.UUID,
    request: Request,
    # Optional as a whole so an empty body gets the 422 that names the fields it needs.
    body: Annotated[s.ExperimentCreate, Body(default_factory=s.ExperimentCreate)],
) -> s.ExperimentRead:
    """Runs the published version (A) against a candidate (B) for new sessions of the flow."""
    experiment = await service.start(db, principal, flow_id, body, client_info(request))
    return (await service.reads(db, principal, [experiment]))[0]


@router.get("/flows/{flow_id}/experiments/current", response_model=s.ExperimentRead | None)
async def current_experiment(
    principal: AnyRole, db: DB, flow_id: uuid.UUID
) -> s.ExperimentRead | None:
    """The running test with its results, or null when none runs (404: no such flow)."""
    experiment = await service.current(db, principal, flow_id)
    if experiment is None:
        return None
    return (await service.reads(db, principal, [experiment]))[0]


@router.get("/flows/{flow_id}/experiments", response_model=s.ExperimentPage)
async def list_experiments(principal: AnyRole, db: DB, flow_id: uuid.UUID) -> s.ExperimentPage:
    """Every test of the flow, newest first, with results."""
    rows = await service.history(db, principal, flow_id)
    return s.ExperimentPage(items=await service.reads(db, principal, rows))


@router.get("/experiments/{experiment_id}", response_model=s.ExperimentRead)
async def get_experiment(principal: AnyRole, db: DB, experiment_id: uuid.UUID) -> s.ExperimentRead:
    experiment = await service.get(db, principal, experiment_id)
    return (await service.reads(db, principal, [experiment]))[0]


@router.post("/experiments/{experiment_id}/stop", response_model=s.ExperimentRead)
async def stop_experiment(
    principal: TeamAdmin,
    db: DB,
    experiment_id: uuid.UUID,
    request: Request,
    body: Annotated[s.ExperimentStop, Body(default_factory=s.ExperimentStop)],
) -> s.ExperimentRead:
    """Ends the test. `promote: "b"` publishes B as the flow's new version; `a` or null
    changes nothing. Sessions keep the variant they ran."""
    experiment = await service.stop(
        db, principal, experiment_id, body.promote, client_info(request)
    )
    return (await service.reads(db, principal, [experiment]))[0]
