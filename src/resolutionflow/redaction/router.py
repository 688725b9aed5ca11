"""`POST /redaction/preview`: the very function every outbound path uses, for the UI to show
what will be hidden before anything leaves."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import StringConstraints

from resolutionflow.auth.principal import AnyRole
from resolutionflow.common.schemas import ReadSchema, WriteSchema
from resolutionflow.db.session import DB
from resolutionflow.redaction import redact
from resolutionflow.redaction.policy import options_for

router = APIRouter(tags=["redaction"])


class PreviewRequest(WriteSchema):
    # Not stripped: offsets must point into exactly the text the client holds.
    text: Annotated[str, StringConstraints(max_length=200_000, strip_whitespace=False)]


class FindingRead(ReadSchema):
    kind: str
    start: int
    end: int


class PreviewResponse(ReadSchema):
    redacted: str
    findings: list[FindingRead]


@router.post("/redaction/preview", response_model=PreviewResponse)
async def preview(principal: AnyRole, db: DB, body: PreviewRequest) -> PreviewResponse:
    result = redact(body.text, await options_for(db, principal.account_id))
    return PreviewResponse(
        redacted=result.redacted,
        findings=[FindingRead(kind=f.kind, start=f.start, end=f.end) for f in result.findings],
    )
