"""HTTP routes of the AI flow builder and the KB accelerator. Both create draft flows."""

from __future__ import annotations

import asyncio
import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from pydantic import StringConstraints

from resolutionflow.ai import gateway
from resolutionflow.ai.prompt import DataBlock
from resolutionflow.auth.principal import Engineer, Principal
from resolutionflow.common.schemas import ReadSchema, WriteSchema
from resolutionflow.db import uow
from resolutionflow.db.session import DB
from resolutionflow.errors import AppError, ValidationFailed
from resolutionflow.flowgen import article, builder
from resolutionflow.flows import service as flows
from resolutionflow.flows.document import FlowDocument
from resolutionflow.knowledge.extract import ExtractionError, extract

router = APIRouter(tags=["flows"])

NO_MODEL = (
    "Building flows with AI needs a model: a team admin can configure one in AI settings "
    "(Anthropic, OpenAI, or a local OpenAI-compatible server such as Ollama). Without one, "
    "the KB accelerator still turns an article's numbered steps into a procedure."
)


class ModelRequired(AppError):
    """Distinct from other 422s so a UI can offer the way to AI settings."""

    status = 422
    slug = "model-required"
    title = "An AI model is needed"


class ModelUnavailable(AppError):
    status = 502
    slug = "model-unavailable"
    title = "The model could not answer"


class GenerateIn(WriteSchema):
    description: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=10, max_length=5000)
    ]
    kind: Literal["troubleshooting", "procedural"] = "troubleshooting"


class ProblemOut(ReadSchema):
    code: str
    message: str
    node_id: str | None = None


class GeneratedFlow(ReadSchema):
    flow_id: uuid.UUID
    title: str
    node_count: int
    # Problems left after the repair rounds; the draft opens in the editor with them shown.
    problems: list[ProblemOut]
    rounds: int
    model: str
    source: Literal["model", "article"]


async def _save(
    db: DB,
    principal: Principal,
    doc: FlowDocument,
    built: builder.Built | None,
    plan: gateway.Plan | None,
    source: Literal["model", "article"],
) -> GeneratedFlow:
    flow = await flows.create_flow(db, principal, doc)
    model = "offline"
    if built is not None and plan is not None:
        for served in built.served:
            await gateway.save(db, plan, served, user_id=principal.user_id)
        model = built.served[-1].model if built.served else "offline"
    return GeneratedFlow(
        flow_id=flow.id,
        title=doc.title,
        node_count=len(doc.nodes),
        problems=[
            ProblemOut(code=p.code, message=p.message, node_id=p.node_id)
            for p in (built.problems if built else [])
        ],
        rounds=built.rounds if built else 0,
        model=model,
        source=source,
    )


async def _generate(
    db: DB, principal: Principal, request: str, material: list[DataBlock]
) -> GeneratedFlow:
    plan = await gateway.prepare(db, principal.account_id, builder.ACTION)
    if plan.offline_reason is not None:
        raise ModelRequired(plan.offline_note or NO_MODEL)
    built = await uow.while_released(db, builder.build(plan, request, material))
    if built.document is None:
        # The calls were made (and paid for) all the same: their records are kept (`persist`)
        # so usage and the monthly budget see them.
        for served in built.served:
            await gateway.save(db, plan, served, user_id=principal.user_id)
        if built.note:
            raise ModelUnavailable(built.note, persist=True)
        err = ValidationFailed(
            "The model's flow could not be read, even after repairs.", persist=True
        )
        err.extra["problems"] = [p.model_dump() for p in built.problems]
        raise err
    return await _save(db, principal, built.document, built, plan, "model")


@router.post("/flows/generate", status_code=201, response_model=GeneratedFlow)
async def generate_flow(principal: Engineer, db: DB, body: GenerateIn) -> GeneratedFlow:
    """Describe a problem → a complete draft flow, validated; the model repairs its own
    problems up to twice. Needs a configured model (422 saying what to configure)."""
    request = f"Design a {body.kind} flow for this problem:\n{body.description}"
    return await _generate(
        db, principal, request, [DataBlock("problem description", body.description)]
    )


@router.post(
    "/flows/from-article",
    status_code=201,
    response_model=GeneratedFlow,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    },
)
async def flow_from_article(
    principal: Engineer,
    db: DB,
    request: Request,
    filename: Annotated[str, Query(min_length=1, max_length=255, pattern=r"^[^\x00-\x1f]+$")],
    mode: Literal["procedure", "tree"] = "procedure",
) -> GeneratedFlow:
    """A KB article (text, Markdown, HTML, DOCX, PDF) → a draft flow. `procedure` (offline):
    headings and numbered steps become a procedural flow. `tree`: the model turns the prose into
    a troubleshooting tree (needs a configured model)."""
    # No transaction has begun yet (the sign-in check reads apart): no lock waits on a slow
    # upload or the extraction.
    data = await request.body()
    try:
        doc = await asyncio.to_thread(extract, filename, request.headers.get("content-type"), data)
    except ExtractionError as exc:
        raise ValidationFailed(str(exc)) from exc
    if mode == "procedure":
        try:
            flow_doc = article.to_flow(doc)
        except ValueError as exc:
            raise ValidationFailed(str(exc)) from exc
        return await _save(db, principal, flow_doc, None, None, "article")
    text = "\n\n".join((f"## {s.heading}\n" if s.heading else "") + s.text for s in doc.sections)[
        :60_000
    ]
    return await _generate(
        db,
        principal,
        f"Turn this knowledge-base article (“{doc.title}”) into a troubleshooting flow.",
        [DataBlock(f"article: {doc.title}", text)],
    )
