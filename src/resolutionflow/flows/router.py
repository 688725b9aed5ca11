"""HTTP routes of the flow library, drafts, versions, import/export and folders."""

from __future__ import annotations

import asyncio
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Body, Path, Query, Request, Response

from resolutionflow.auth.principal import AnyRole, Engineer
from resolutionflow.common.schemas import Page, SearchText
from resolutionflow.db.session import DB
from resolutionflow.errors import BadRequest
from resolutionflow.flows import folders, io, service
from resolutionflow.flows.document import FlowDocument, FlowDocumentIn, FlowKind
from resolutionflow.flows.schemas import (
    DiffRead,
    Facets,
    FlowMove,
    FlowRead,
    FlowSummary,
    FolderCreate,
    FolderRead,
    FolderUpdate,
    ImportedLibrary,
    Published,
    PublishRequest,
    SortOrder,
    ValidationReport,
    VersionRead,
    VersionSummary,
)
from resolutionflow.flows.validation import errors_only
from resolutionflow.search import jobs as index_jobs

router = APIRouter(tags=["flows"])

_RAW_JSON_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FlowDocument"}}},
    }
}
_RAW_ZIP_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
    }
}


def _report(problems: list[Any]) -> ValidationReport:
    return ValidationReport(valid=not errors_only(problems), problems=problems)


@router.get("/flows", response_model=Page[FlowSummary])
async def list_flows(
    principal: AnyRole,
    db: DB,
    q: SearchText = None,
    kind: FlowKind | None = None,
    category: Annotated[str | None, Query(max_length=100)] = None,
    tag: Annotated[str | None, Query(max_length=50)] = None,
    folder_id: Annotated[
        str | None, Query(description="A folder id, or `root` for flows in no folder")
    ] = None,
    archived: bool = False,
    sort: SortOrder | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Page[FlowSummary]:
    folder: uuid.UUID | str | None = None
    if folder_id == "root":
        folder = "root"
    elif folder_id:
        try:
            folder = uuid.UUID(folder_id)
        except ValueError as exc:
            raise BadRequest(
                "folder_id must be a folder id or `root`.",
                errors=[{"loc": ["query", "folder_id"], "msg": "not a UUID", "type": "uuid"}],
            ) from exc
    items, next_cursor = await service.search_library(
        db,
        principal,
        q=q,
        kind=kind,
        category=category,
        tag=tag,
        folder=folder,
        archived=archived,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    return Page(items=items, next_cursor=next_cursor)


@router.get("/flows/facets", response_model=Facets)
async def flow_facets(principal: AnyRole, db: DB) -> Facets:
    return await service.facets(db, principal)


@router.post("/flows", status_code=201, response_model=FlowRead)
async def create_flow(principal: Engineer, db: DB, body: FlowDocumentIn) -> FlowRead:
    flow = await service.create_flow(db, principal, body.document(), body.folder_id)
    return await service.read(db, flow)


@router.post("/flows/validate", response_model=ValidationReport)
async def validate_graph(
    principal: Engineer,
    db: DB,
    body: FlowDocument,
    flow_id: Annotated[uuid.UUID | None, Query(description="The flow being edited")] = None,
) -> ValidationReport:
    return _report(await service.check(db, principal.account_id, body, flow_id))


@router.post(
    "/flows/import", status_code=201, response_model=FlowRead, openapi_extra=_RAW_JSON_BODY
)
async def import_flow(principal: Engineer, db: DB, request: Request) -> FlowRead:
    # No transaction has begun yet (the sign-in check reads apart): no lock waits on the body.
    doc = io.parse_document(await request.body())
    flow = await service.create_flow(db, principal, doc)
    return await service.read(db, flow)


@router.get(
    "/flows/export-library",
    response_class=Response,
    responses={200: {"content": {"application/zip": {}}}},
)
async def export_library(principal: AnyRole, db: DB) -> Response:
    archive = io.build_archive(await service.all_documents(db, principal))
    return Response(
        archive,
        media_type="application/zip",
        headers={"Content-Disposition": 'attachment; filename="resolutionflow-library.zip"'},
    )


@router.post(
    "/flows/import-library",
    status_code=201,
    response_model=ImportedLibrary,
    openapi_extra=_RAW_ZIP_BODY,
)
async def import_library(principal: Engineer, db: DB, request: Request) -> ImportedLibrary:
    # Parsed completely before anything is written: a bad file imports nothing.
    # Decompressing and validating is CPU work: off the event loop, so other requests go on.
    documents = await asyncio.to_thread(io.parse_archive, await request.body())
    flows = [await service.create_flow(db, principal, doc) for _, doc in documents]
    return ImportedLibrary(imported=await service.summaries(db, flows))


@router.get("/flows/{flow_id}", response_model=FlowRead)
async def get_flow(principal: AnyRole, db: DB, flow_id: uuid.UUID) -> FlowRead:
    return await service.read(db, await service.get_flow(db, principal, flow_id))


@router.patch("/flows/{flow_id}", response_model=FlowRead)
async def move_flow(principal: Engineer, db: DB, flow_id: uuid.UUID, body: FlowMove) -> FlowRead:
    return await service.read(db, await service.move(db, principal, flow_id, body.folder_id))


@router.put("/flows/{flow_id}/draft", response_model=FlowRead)
async def save_draft(
    principal: Engineer, db: DB, flow_id: uuid.UUID, body: FlowDocumentIn
) -> FlowRead:
    flow = await service.save_draft(db, principal, flow_id, body.document(), body.revision)
    if "folder_id" in body.model_fields_set:
        flow = await service.move(db, principal, flow_id, body.folder_id)
    return await service.read(db, flow)


@router.post("/flows/{flow_id}/validate", response_model=ValidationReport)
async def validate_draft(principal: Engineer, db: DB, flow_id: uuid.UUID) -> ValidationReport:
    flow = await service.get_flow(db, principal, flow_id)
    doc = FlowDocument.model_validate(flow.draft)
    return _report(await service.check(db, principal.account_id, doc, flow.id))


@router.post("/flows/{flow_id}/publish", response_model=Published)
async def publish_flow(
    principal: Engineer,
    db: DB,
    request: Request,
    background: BackgroundTasks,
    flow_id: uuid.UUID,
    body: Annotated[PublishRequest, Body(default_factory=PublishRequest)],
) -> Published:
    version = await service.publish(db, principal, flow_id, body.change_note)
    # The copilot's semantic index (when embeddings are on), after the publish is committed.
    await index_jobs.queue_fill(db, principal.account_id)
    background.add_task(request.app.state.jobs.after_response)
    return Published(version=version)


@router.post("/flows/{flow_id}/archive", response_model=FlowRead)
async def archive_flow(principal: Engineer, db: DB, flow_id: uuid.UUID) -> FlowRead:
    return await service.read(db, await service.set_archived(db, principal, flow_id, True))


@router.post("/flows/{flow_id}/unarchive", response_model=FlowRead)
async def unarchive_flow(principal: Engineer, db: DB, flow_id: uuid.UUID) -> FlowRead:
    return await service.read(db, await service.set_archived(db, principal, flow_id, False))


@router.post("/flows/{flow_id}/duplicate", status_code=201, response_model=FlowRead)
async def duplicate_flow(principal: Engineer, db: DB, flow_id: uuid.UUID) -> FlowRead:
    return await service.read(db, await service.duplicate(db, principal, flow_id))


@router.get(
    "/flows/{flow_id}/export",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}}},
)
async def export_flow(
    principal: AnyRole,
    db: DB,
    flow_id: uuid.UUID,
    version: Annotated[int | None, Query(ge=1, le=999_999_999)] = None,
) -> Response:
    flow = await service.get_flow(db, principal, flow_id)
    doc = await service.graph_at(db, flow, str(version) if version else "draft")
    filename = f"{io.slugify(doc.title)}.rfflow.json"
    return Response(
        io.dump_document(doc),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/flows/{flow_id}/versions", response_model=Page[VersionSummary])
async def list_versions(principal: AnyRole, db: DB, flow_id: uuid.UUID) -> Page[VersionSummary]:
    return Page(items=await service.list_versions(db, principal, flow_id))


@router.get("/flows/{flow_id}/versions/{number}", response_model=VersionRead)
async def get_version(
    principal: AnyRole,
    db: DB,
    flow_id: uuid.UUID,
    number: Annotated[int, Path(ge=1, le=999_999_999)],
) -> VersionRead:
    return await service.read_version(db, principal, flow_id, number)


@router.get("/flows/{flow_id}/diff", response_model=DiffRead)
async def diff_versions(
    principal: AnyRole,
    db: DB,
    flow_id: uuid.UUID,
    from_: Annotated[str, Query(alias="from", pattern=r"^(draft|[1-9][0-9]{0,8})$")],
    to: Annotated[str, Query(pattern=r"^(draft|[1-9][0-9]{0,8})$")] = "draft",
) -> DiffRead:
    result = await service.compare(db, principal, flow_id, from_, to)
    return DiffRead(**result.model_dump())


@router.post("/flows/{flow_id}/versions/{number}/restore", response_model=FlowRead)
async def restore_version(
    principal: Engineer,
    db: DB,
    flow_id: uuid.UUID,
    number: Annotated[int, Path(ge=1, le=999_999_999)],
) -> FlowRead:
    return await service.read(db, await service.restore(db, principal, flow_id, number))


@router.get("/folders", response_model=Page[FolderRead])
async def list_folders(principal: AnyRole, db: DB) -> Page[FolderRead]:
    return Page(items=await folders.list_folders(db, principal))


@router.post("/folders", status_code=201, response_model=FolderRead)
async def create_folder(principal: Engineer, db: DB, body: FolderCreate) -> FolderRead:
    return await folders.create(db, principal, body)


@router.patch("/folders/{folder_id}", response_model=FolderRead)
async def update_folder(
    principal: Engineer, db: DB, folder_id: uuid.UUID, body: FolderUpdate
) -> FolderRead:
    return await folders.update(db, principal, folder_id, body)


@router.delete("/folders/{folder_id}", status_code=204)
async def delete_folder(principal: Engineer, db: DB, folder_id: uuid.UUID) -> Response:
    await folders.delete(db, principal, folder_id)
    return Response(status_code=204)
