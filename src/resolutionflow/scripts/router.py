"""HTTP routes of the script library: scripts, rendering, and the script builder's drafts."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, Query, Request, Response

from resolutionflow.ai import gateway
from resolutionflow.auth.principal import AnyRole, Engineer
from resolutionflow.common.context import client_info
from resolutionflow.common.schemas import SearchText
from resolutionflow.db import uow
from resolutionflow.db.session import DB
from resolutionflow.scripts import builder, service
from resolutionflow.scripts import repository as repo
from resolutionflow.scripts import schemas as s

router = APIRouter(tags=["scripts"])

# A script without parameters renders with no body at all.
RenderBody = Annotated[s.RenderIn, Body(default_factory=s.RenderIn)]


@router.post("/scripts", status_code=201, response_model=s.ScriptRead)
async def create_script(
    principal: Engineer, db: DB, request: Request, body: s.ScriptCreate
) -> s.ScriptRead:
    """A new script template; its `{{placeholders}}` and declared parameters must agree."""
    script = await service.create(db, principal, body, client_info(request))
    return await service.read(db, principal, script)


@router.get("/scripts", response_model=s.ScriptPage)
async def list_scripts(
    principal: AnyRole,
    db: DB,
    q: SearchText = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 100,
) -> s.ScriptPage:
    """Every word of `q` as a prefix over title, description, tags, parameters and body, best
    match first; without `q`, the most recently updated."""
    rows = await repo.search(db, principal, q=q, limit=limit)
    return s.ScriptPage(items=await service.reads(db, principal, rows))


@router.post("/scripts/draft", response_model=s.DraftOut)
async def draft_script(principal: Engineer, db: DB, body: s.DraftIn) -> s.DraftOut:
    """Describe what a script should do: with a model configured, a drafted script with typed
    parameters (validated, repaired once, linted); without one, or when the model cannot draft
    a usable script, the closest scripts of the library. Nothing is saved; every draft is to be
    reviewed before running."""
    plan = await gateway.prepare(db, principal.account_id, builder.ACTION)
    if plan.offline_reason is not None:
        matches = await service.closest(db, principal, body.description, body.language)
        message = service.NO_MODEL + ("" if matches else service.NOTHING_CLOSE)
        return s.DraftOut(source="library", message=message, matches=matches)
    built = await uow.while_released(db, builder.build(plan, body.description, body.language))
    for served in built.served:
        await gateway.save(db, plan, served, user_id=principal.user_id)
    if built.draft is None:
        matches = await service.closest(db, principal, body.description, body.language)
        why = built.note or (
            "The model's script could not be used even after a repair ("
            + "; ".join(built.problems[:3])
            + ")."
        )
        return s.DraftOut(
            source="library",
            message=f"{why} Here are the closest scripts in your library instead."
            + ("" if matches else service.NOTHING_CLOSE),
            matches=matches,
        )
    findings, note = await service.with_lint(built.draft)
    return s.DraftOut(
        source="model",
        message=f"Drafted by {built.served[-1].model}. Review before running.",
        draft=built.draft,
        lint=findings,
        lint_note=note,
    )


@router.get("/scripts/{script_id}", response_model=s.ScriptRead)
async def get_script(principal: AnyRole, db: DB, script_id: uuid.UUID) -> s.ScriptRead:
    return await service.read(db, principal, await repo.get_script(db, principal, script_id))


@router.put("/scripts/{script_id}", response_model=s.ScriptRead)
async def replace_script(
    principal: Engineer, db: DB, request: Request, script_id: uuid.UUID, body: s.ScriptUpdate
) -> s.ScriptRead:
    """The script as it should be. Its author, a team admin of its owner team, a super admin."""
    script = await service.update(db, principal, script_id, body, client_info(request))
    return await service.read(db, principal, script)


@router.delete("/scripts/{script_id}", status_code=204, response_class=Response)
async def delete_script(
    principal: Engineer, db: DB, request: Request, script_id: uuid.UUID
) -> Response:
    await service.delete(db, principal, script_id, client_info(request))
    return Response(status_code=204)


@router.post("/scripts/{script_id}/render", response_model=s.RenderOut)
async def render_script(
    principal: AnyRole, db: DB, script_id: uuid.UUID, body: RenderBody
) -> s.RenderOut:
    """The script with every value checked and quoted for its language, or a 422 naming each
    bad parameter. With `session_id`, "ran script" is recorded on that session's timeline
    (secret values masked; they are never stored)."""
    return await service.render(db, principal, script_id, body)
