"""HTTP routes of FlowPilot (its sessions start at POST /sessions with mode "pilot")."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Query, Request, Response

from resolutionflow.ai import gateway
from resolutionflow.auth.principal import AnyRole, Engineer, Principal
from resolutionflow.db import uow
from resolutionflow.db.session import DB, WriteDB
from resolutionflow.documentation import exports, pdf
from resolutionflow.documentation import service as documentation
from resolutionflow.pilot import cache, package, service, tiers, updates
from resolutionflow.pilot import schemas as ps
from resolutionflow.pilot.triage import TriagePatch
from resolutionflow.sessions import service as sessions

router = APIRouter(tags=["flowpilot"])


async def _advance(db: DB, principal: Principal, pending: service.Pending) -> ps.StepResult:
    """Propose and store the next step (the caller committed), as the API returns it."""
    session, step, facts, note = await service.advance(db, principal, pending)
    p = session.pilot or {}
    return ps.StepResult(
        pilot_step=service.step_read(step),
        confidence=p.get("confidence", step.confidence),
        tier=p.get("tier", tiers.tier(step.confidence)),
        facts=[service.fact_read(f) for f in facts],
        note=note,
    )


@router.get("/sessions/{session_id}/pilot", response_model=ps.PilotState)
async def read_pilot(principal: AnyRole, db: DB, session_id: uuid.UUID) -> ps.PilotState:
    session = await service._pilot_session(db, principal, session_id)
    return await service.state(db, session)


@router.post("/sessions/{session_id}/pilot/steps/{step_id}/answer", response_model=ps.StepResult)
async def answer_step(
    principal: Engineer,
    db: DB,
    request: Request,
    session_id: uuid.UUID,
    step_id: uuid.UUID,
    body: ps.StepAnswerIn,
) -> ps.StepResult:
    """Answer (or skip) the current step; returns the next one with the updated confidence
    and tier. The answer is committed before the next step is proposed, so a slow model never
    holds the session."""
    pending = await service.answer(
        db, principal, session_id, step_id, body, request.app.state.storage
    )
    return await uow.while_released(db, _advance(db, principal, pending))


@router.post("/sessions/{session_id}/pilot/steps/{step_id}/revisit", response_model=ps.StepResult)
async def revisit_step(
    principal: Engineer,
    db: DB,
    request: Request,
    session_id: uuid.UUID,
    step_id: uuid.UUID,
    body: Annotated[ps.RevisitIn, Body(default_factory=ps.RevisitIn)],
) -> ps.StepResult:
    """Go back to an answered question of the accepted flow — one FlowPilot skipped because
    the intake answered it, or any answered since: the answers from it on are undone the way
    "back" undoes them, and the question is asked again. 409 when the flow is not past it."""
    pending = await service.revisit(db, principal, session_id, step_id, request.app.state.storage)
    return await uow.while_released(db, _advance(db, principal, pending))


@router.post("/sessions/{session_id}/pilot/next", response_model=ps.StepResult)
async def next_step(
    principal: Engineer, db: DB, request: Request, session_id: uuid.UUID
) -> ps.StepResult:
    """Ask for a step when none is open (e.g. after a fix was marked applied by hand, or when
    proposing the last one failed). 409 while a step is open: answer or skip it."""
    pending = await service.resume(db, principal, session_id, request.app.state.storage)
    return await uow.while_released(db, _advance(db, principal, pending))


@router.patch("/sessions/{session_id}/pilot/triage", response_model=ps.PilotState)
async def edit_triage(
    principal: Engineer, db: DB, session_id: uuid.UUID, body: TriagePatch
) -> ps.PilotState:
    """The engineer's edits win: an edited field is never overwritten by FlowPilot again."""
    session = await service.edit_triage(db, principal, session_id, body)
    return await service.state(db, session)


@router.post("/sessions/{session_id}/pilot/facts", status_code=201, response_model=ps.FactRead)
async def add_fact(
    principal: Engineer, db: DB, session_id: uuid.UUID, body: ps.FactIn
) -> ps.FactRead:
    return service.fact_read(await service.add_fact(db, principal, session_id, body))


@router.patch("/sessions/{session_id}/pilot/facts/{fact_id}", response_model=ps.FactRead)
async def edit_fact(
    principal: Engineer, db: DB, session_id: uuid.UUID, fact_id: uuid.UUID, body: ps.FactPatch
) -> ps.FactRead:
    """Confirm, edit or delete (softly: the fact stays, marked deleted, and the deletion is on
    the timeline)."""
    return service.fact_read(await service.edit_fact(db, principal, session_id, fact_id, body))


@router.post("/sessions/{session_id}/pilot/fixes", status_code=201, response_model=ps.FixRead)
async def add_fix(principal: Engineer, db: DB, session_id: uuid.UUID, body: ps.FixIn) -> ps.FixRead:
    """Propose a fix by hand; one active fix at a time (409 while another is being tried)."""
    return service.fix_read(await service.add_fix(db, principal, session_id, body))


@router.patch("/sessions/{session_id}/pilot/fixes/{fix_id}", response_model=ps.FixRead)
async def edit_fix(
    principal: Engineer, db: DB, session_id: uuid.UUID, fix_id: uuid.UUID, body: ps.FixPatch
) -> ps.FixRead:
    """proposed → verifying → applied (with an outcome: success, failed, partial, pending) or
    dismissed."""
    return service.fix_read(await service.edit_fix(db, principal, session_id, fix_id, body))


@router.get(
    "/sessions/{session_id}/resolution-package",
    response_model=ps.ResolutionPackage,
    responses={200: {"content": {pdf.MEDIA_TYPE: {}}}},
)
async def resolution_package(
    principal: AnyRole,
    db: WriteDB,
    session_id: uuid.UUID,
    request: Request,
    format: Annotated[
        Literal["json", "pdf"], Query(description="`pdf`: the three parts as a branded PDF")
    ] = "json",
    refresh: Annotated[
        bool, Query(description="Write it anew even when nothing changed since the last one")
    ] = False,
) -> ps.ResolutionPackage | Response:
    """The PSA note (Problem / What we confirmed / Root cause / Resolution), a knowledge-base
    article draft and a plain-language client summary, redacted: written by the deep model
    when one is configured, from templates over the timeline otherwise. Kept per session state:
    reading it again with nothing changed does not ask the model again."""
    session = await sessions.get_session(db, principal, session_id)
    if format == "pdf":
        pdf.require()  # before the model is asked for anything
    prepared = await package.prepare(db, session)
    key = cache.key(session, prepared)
    result = None if refresh else await cache.lookup(db, session.id, key)
    if result is None:
        result = await uow.while_released(db, package.write(prepared))
        await package.save(db, prepared, result, principal.user_id)
        if package.cacheable(prepared):
            await cache.store(db, session, key, result)
    if format == "pdf":
        brand = await documentation.branding(db, session.account_id, request.app.state.storage)
        page = pdf.page(session.title, package.html(session.title, result), brand)
        content = await uow.while_released(db, pdf.render(page))
        name = exports.filename(f"{session.title} resolution package", "pdf")
        return Response(
            content,
            media_type=pdf.MEDIA_TYPE,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    return result


@router.post("/sessions/{session_id}/status-update", response_model=updates.StatusUpdate)
async def status_update(
    principal: AnyRole,
    db: DB,
    session_id: uuid.UUID,
    body: Annotated[updates.StatusUpdateIn, Body(default_factory=updates.StatusUpdateIn)],
) -> updates.StatusUpdate:
    """A status update for an audience (internal note, client update, email draft), short or
    detailed — for any session, redacted. Nothing is sent: the text is for the engineer to use."""
    session = await sessions.get_session(db, principal, session_id)
    material = await package.material(db, session)
    plan = await gateway.prepare(db, session.account_id, updates.ACTION)
    status = session.status
    result, served = await uow.while_released(
        db, updates.write(plan, material, body, status, plan.options)
    )
    await gateway.save(db, plan, served, session_id=session.id, user_id=principal.user_id)
    return result
