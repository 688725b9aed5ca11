"""HTTP routes of target lists, maintenance batches and maintenance schedules."""

from __future__ import annotations

import hashlib
import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import AnyRole, Engineer, Principal
from resolutionflow.common.context import client_info
from resolutionflow.common.schemas import decode_offset, encode_offset
from resolutionflow.db import uow
from resolutionflow.db.session import DB, WriteDB
from resolutionflow.documentation import exports, pdf
from resolutionflow.documentation import service as documentation
from resolutionflow.maintenance import psa_import, report, service
from resolutionflow.maintenance import repository as repo
from resolutionflow.maintenance import schemas as s
from resolutionflow.sessions import streams

router = APIRouter(tags=["maintenance"])

Limit = Annotated[int, Query(ge=1, le=200)]
CursorParam = Annotated[str | None, Query(max_length=512)]


# --- target lists ------------------------------------------------------------------------------


@router.post("/target-lists", status_code=201, response_model=s.TargetListRead)
async def create_target_list(
    principal: Engineer, db: DB, body: s.TargetListCreate
) -> s.TargetListRead:
    """A named set of targets; labels are unique in a list (422 naming the repeated one)."""
    return await service.list_read(db, await service.create_list(db, principal, body))


@router.get("/target-lists", response_model=s.TargetListPage)
async def list_target_lists(
    principal: AnyRole, db: DB, limit: Limit = 50, cursor: CursorParam = None
) -> s.TargetListPage:
    offset = decode_offset(cursor)
    rows, more = await repo.list_lists(db, principal, limit, offset)
    return s.TargetListPage(
        items=await service.list_summaries(db, rows),
        next_cursor=encode_offset(offset + limit) if more else None,
    )


@router.post("/target-lists/csv-preview", response_model=s.CsvPreview)
async def preview_target_csv(principal: Engineer, body: s.CsvPreviewIn) -> s.CsvPreview:
    """Reads a CSV of targets and lists each row's problems; stores nothing. Save the valid
    `targets` with POST or PUT of a target list."""
    return service.preview_csv(body.csv)


@router.get("/target-lists/psa-configurations", response_model=s.PsaConfigurationImport)
async def psa_configurations(
    principal: Engineer,
    db: DB,
    company_id: Annotated[
        str,
        Query(min_length=1, max_length=100, description="The company's id in the PSA"),
    ],
) -> s.PsaConfigurationImport:
    """A company's active configurations in the connected PSA as candidate targets (label from
    the configuration's name, client from the company, fields ip/os/site/type where present);
    stores nothing. ConnectWise and Autotask; another PSA is a 409 saying it is unsupported."""
    return await psa_import.candidates(db, principal, company_id.strip())


@router.get("/target-lists/{target_list_id}", response_model=s.TargetListRead)
async def get_target_list(
    principal: AnyRole, db: DB, target_list_id: uuid.UUID
) -> s.TargetListRead:
    return await service.list_read(db, await repo.get_list(db, principal, target_list_id))


@router.put("/target-lists/{target_list_id}", response_model=s.TargetListRead)
async def replace_target_list(
    principal: Engineer, db: DB, target_list_id: uuid.UUID, body: s.TargetListUpdate
) -> s.TargetListRead:
    """The list as it should be; running batches keep the targets they were launched with."""
    target_list = await service.update_list(db, principal, target_list_id, body)
    return await service.list_read(db, target_list)


@router.delete("/target-lists/{target_list_id}", status_code=204, response_class=Response)
async def delete_target_list(principal: Engineer, db: DB, target_list_id: uuid.UUID) -> Response:
    """409 while a maintenance schedule uses the list."""
    await service.delete_list(db, principal, target_list_id)
    return Response(status_code=204)


# --- batches -----------------------------------------------------------------------------------


@router.post("/maintenance/batches", status_code=201, response_model=s.BatchRead)
async def launch_batch(
    principal: Engineer, db: DB, request: Request, body: s.BatchCreate
) -> s.BatchRead:
    """One session per target (from a target list, snapshotted now, or the targets given),
    titled with the target, with `{{target.<field>}}` filled in."""
    batch = await service.launch_from_request(db, principal, body, client_info(request))
    return await service.batch_read(db, batch)


@router.get("/maintenance/batches", response_model=s.BatchPage)
async def list_batches(
    principal: AnyRole,
    db: DB,
    status: s.BatchStatus | None = None,
    assigned_to_me: Annotated[
        bool, Query(description="Only batches with a target assigned to the caller")
    ] = False,
    schedule_id: uuid.UUID | None = None,
    limit: Limit = 50,
    cursor: CursorParam = None,
) -> s.BatchPage:
    """Running batches first, then the newest; each with its counts."""
    offset = decode_offset(cursor)
    rows, more = await repo.list_batches(
        db,
        principal.account_id,
        status=status,
        assignee_id=principal.user_id if assigned_to_me else None,
        schedule_id=schedule_id,
        limit=limit,
        offset=offset,
    )
    return s.BatchPage(
        items=await service.batch_summaries(db, rows),
        next_cursor=encode_offset(offset + limit) if more else None,
    )


@router.get("/maintenance/batches/{batch_id}", response_model=s.BatchRead)
async def get_batch(principal: AnyRole, db: DB, batch_id: uuid.UUID) -> s.BatchRead:
    return await service.batch_read(db, await repo.get_batch(db, principal.account_id, batch_id))


async def _close(
    principal: Engineer,
    db: DB,
    request: Request,
    batch_id: uuid.UUID,
    item_id: uuid.UUID,
    verdict: str,
    reason: str,
) -> s.BatchItemRead:
    batch, item = await service.close_item(
        db, principal, batch_id, item_id, verdict, reason, client_info(request)
    )
    return await service.item_read(db, batch, item.id)


@router.post("/maintenance/batches/{batch_id}/items/{item_id}/skip", response_model=s.BatchItemRead)
async def skip_item(
    principal: Engineer,
    db: DB,
    request: Request,
    batch_id: uuid.UUID,
    item_id: uuid.UUID,
    body: s.ItemReasonIn,
) -> s.BatchItemRead:
    """The target is skipped with the reason (its session ends as abandoned); 409 when it is
    already done, skipped or failed."""
    return await _close(principal, db, request, batch_id, item_id, "skipped", body.reason)


@router.post("/maintenance/batches/{batch_id}/items/{item_id}/fail", response_model=s.BatchItemRead)
async def fail_item(
    principal: Engineer,
    db: DB,
    request: Request,
    batch_id: uuid.UUID,
    item_id: uuid.UUID,
    body: s.ItemReasonIn,
) -> s.BatchItemRead:
    """The target failed, with the reason (its session ends as unresolved)."""
    return await _close(principal, db, request, batch_id, item_id, "failed", body.reason)


@router.post(
    "/maintenance/batches/{batch_id}/items/{item_id}/claim", response_model=s.BatchItemRead
)
async def claim_item(
    principal: Engineer, db: DB, batch_id: uuid.UUID, item_id: uuid.UUID
) -> s.BatchItemRead:
    """Take a target of a team pool (the batch's team members and team admins)."""
    batch, item = await service.claim_item(db, principal, batch_id, item_id)
    return await service.item_read(db, batch, item.id)


@router.post("/maintenance/batches/{batch_id}/cancel", response_model=s.BatchRead)
async def cancel_batch(
    principal: Engineer, db: DB, request: Request, batch_id: uuid.UUID, body: s.BatchCancelIn
) -> s.BatchRead:
    """Stop a running batch (its launcher or a team admin): pending and in-progress targets are
    skipped with the reason and their sessions end as abandoned; escalated ones stay with the
    senior; no PSA note goes out. 409 once the batch has finished."""
    batch = await service.cancel_batch(db, principal, batch_id, body.reason, client_info(request))
    return await service.batch_read(db, batch)


@router.put("/maintenance/batches/{batch_id}/client-tickets", response_model=s.BatchRead)
async def set_client_tickets(
    principal: Engineer, db: DB, batch_id: uuid.UUID, body: s.ClientTicketsIn
) -> s.BatchRead:
    """The PSA ticket each client's note goes to on completion (the whole map; 422 naming a
    client the batch does not have; 409 once the batch has finished)."""
    batch = await service.set_client_tickets(db, principal, batch_id, body.root)
    return await service.batch_read(db, batch)


REPORT_TYPES = {
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": pdf.MEDIA_TYPE,
}


@router.get(
    "/maintenance/batches/{batch_id}/report",
    response_class=Response,
    responses={200: {"content": {t: {} for t in REPORT_TYPES.values()}}},
)
async def batch_report(
    principal: AnyRole,
    db: WriteDB,
    batch_id: uuid.UUID,
    request: Request,
    options: exports.ExportQuery,
    format: Annotated[
        Literal["markdown", "html", "pdf"],
        Query(description="`pdf`: branded, 503 when the PDF renderer is not installed"),
    ] = "markdown",
    audience: Annotated[
        Literal["internal", "client"],
        Query(description="`client` leaves out internal notes, command output and names"),
    ] = "internal",
    intent: Annotated[
        Literal["download", "preview"],
        Query(
            description="Why it is fetched: `preview` (shown in the app) records nothing; a "
            "client report fetched to `download` leaves the server and records a redaction "
            "report per session."
        ),
    ] = "download",
) -> Response:
    """A summary table (target, outcome, engineer, duration), then each target's redacted
    documentation grouped by client. The client variant leaves the server: unless it is only
    previewed, each session's part of it is recorded as a redaction report."""
    batch = await repo.get_batch(db, principal.account_id, batch_id)
    if format == "pdf":
        pdf.require()  # before a client download records anything
    if audience == "client" and intent == "download":
        body = await report.for_client(db, batch, principal.user_id, format, options)
    else:
        body = await report.markdown(db, batch, audience, options=options)
    if format == "pdf":
        brand = await documentation.branding(db, batch.account_id, request.app.state.storage)
        page = pdf.page(batch.title, report.html_body(body), brand)
        content = await uow.while_released(db, pdf.render(page))
        name = exports.filename(f"{batch.title} report", "pdf")
        disposition = "inline" if intent == "preview" else "attachment"
        return Response(
            content,
            media_type=pdf.MEDIA_TYPE,
            headers={"Content-Disposition": f'{disposition}; filename="{name}"'},
        )
    if format == "html":
        body = report.html(body)
    return Response(body, media_type=REPORT_TYPES[format])


@router.get(
    "/maintenance/batches/{batch_id}/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def stream_batch(
    principal: AnyRole,
    db: DB,
    batch_id: uuid.UUID,
    request: Request,
    max_seconds: Annotated[
        float,
        Query(
            ge=0,
            le=3600,
            description="Close after this many seconds (at most RESOLUTIONFLOW_SSE_MAX_STREAM_S); "
            "clients reconnect",
        ),
    ] = 300,
) -> StreamingResponse:
    """Server-sent events: `event: batch` with the whole batch (as GET returns it) now and
    whenever it changes — any event on one of its sessions, a skip, a claim, completion.
    Holds no database session between wake-ups, re-checks the sign-in on each, and ends with
    `event: end` {reason: expired|unauthorized|forbidden} like the session stream."""
    await repo.get_batch(db, principal.account_id, batch_id)
    await request.app.state.live_listener.ensure()
    last = ""

    async def tick(read_db: AsyncSession, current: Principal) -> list[str]:
        nonlocal last
        batch = await repo.get_batch(read_db, current.account_id, batch_id)
        data = (await service.batch_read(read_db, batch)).model_dump_json()
        digest = hashlib.sha256(data.encode()).hexdigest()
        if digest == last:
            return []
        last = digest
        return [f"event: batch\ndata: {data}\n\n"]

    return streams.follow(
        request,
        channel=batch_id,
        max_seconds=max_seconds,
        tick=tick,
        gone="This batch is no longer visible to you.",
        expired="Reconnect to keep following the batch.",
    )


# --- schedules ---------------------------------------------------------------------------------


async def _schedule_read(
    db: DB, account_id: uuid.UUID, schedule_id: uuid.UUID
) -> s.MaintenanceScheduleRead:
    row = await repo.get_schedule(db, account_id, schedule_id)
    return (await service.schedule_reads(db, [row]))[0]


@router.post("/maintenance/schedules", status_code=201, response_model=s.MaintenanceScheduleRead)
async def create_schedule(
    principal: Engineer, db: DB, request: Request, body: s.MaintenanceScheduleCreate
) -> s.MaintenanceScheduleRead:
    """Run this flow against this target list on this cron (in this IANA time zone); 422
    names the field (cron, timezone, flow_id, target_list_id, ...)."""
    row, _ = await service.create_schedule(db, principal, body, client_info(request))
    return await _schedule_read(db, principal.account_id, row.id)


@router.get("/maintenance/schedules", response_model=s.MaintenanceScheduleList)
async def list_schedules(principal: AnyRole, db: DB) -> s.MaintenanceScheduleList:
    rows = await repo.list_schedules(db, principal.account_id)
    return s.MaintenanceScheduleList(items=await service.schedule_reads(db, rows))


@router.get("/maintenance/schedules/agenda", response_model=s.MaintenanceAgenda)
async def schedule_agenda(
    principal: AnyRole, db: DB, days: Annotated[int, Query(ge=1, le=92)] = 30
) -> s.MaintenanceAgenda:
    """Every slot of the active schedules in the next `days` days, in time order."""
    return service.agenda(await repo.list_schedules(db, principal.account_id), days)


@router.get("/maintenance/schedules/{schedule_id}", response_model=s.MaintenanceScheduleRead)
async def get_schedule(
    principal: AnyRole, db: DB, schedule_id: uuid.UUID
) -> s.MaintenanceScheduleRead:
    return await _schedule_read(db, principal.account_id, schedule_id)


@router.patch("/maintenance/schedules/{schedule_id}", response_model=s.MaintenanceScheduleRead)
async def update_schedule(
    principal: Engineer, db: DB, schedule_id: uuid.UUID, body: s.MaintenanceScheduleUpdate
) -> s.MaintenanceScheduleRead:
    """Change any part; `{"active": false}` pauses, `{"active": true}` resumes (from the next
    slot: slots passed while paused are not owed)."""
    row, _ = await service.update_schedule(db, principal, schedule_id, body)
    return await _schedule_read(db, principal.account_id, row.id)


@router.delete("/maintenance/schedules/{schedule_id}", status_code=204, response_class=Response)
async def delete_schedule(
    principal: Engineer, db: DB, request: Request, schedule_id: uuid.UUID
) -> Response:
    """The schedule stops; the batches it launched stay."""
    await service.delete_schedule(db, principal, schedule_id, client_info(request))
    return Response(status_code=204)


@router.post(
    "/maintenance/schedules/{schedule_id}/run", status_code=201, response_model=s.BatchRead
)
async def run_schedule_now(
    principal: Engineer, db: DB, request: Request, schedule_id: uuid.UUID
) -> s.BatchRead:
    """Launch a batch now, outside the schedule's slots."""
    batch = await service.run_now(db, principal, schedule_id, client_info(request))
    return await service.batch_read(db, batch)
