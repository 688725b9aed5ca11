"""HTTP routes of analytics: the overview, per-flow figures, the flow table, coverage, and the
sessions behind a figure. Each table also comes as CSV (`?format=csv`)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from resolutionflow.analytics import export, service
from resolutionflow.analytics import schemas as s
from resolutionflow.auth.principal import Engineer
from resolutionflow.common.schemas import Page, decode_offset, encode_offset
from resolutionflow.db.session import DB

router = APIRouter(tags=["analytics"])

Format = Annotated[
    Literal["json", "csv"], Query(description="csv: the table as text/csv, as a download")
]
Label = Annotated[str | None, Query(min_length=1, max_length=200, pattern=r"^[^\x00]*$")]
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}}
}


async def analytics_params(
    start: Annotated[
        date | None,
        Query(alias="from", description="First day, UTC (default: 29 days before `to`)"),
    ] = None,
    end: Annotated[
        date | None, Query(alias="to", description="Last day, UTC, included (default: today)")
    ] = None,
    team_id: Annotated[
        uuid.UUID | None, Query(description="Sessions owned by this team's members")
    ] = None,
    user_id: Annotated[
        uuid.UUID | None, Query(description="Sessions owned by this user (engineers: themselves)")
    ] = None,
    flow_id: uuid.UUID | None = None,
    category: Label = None,
    client: Label = None,
    experiment_id: uuid.UUID | None = None,
    variant: s.Variant | None = None,
) -> service.Params:
    return service.Params(
        start=start,
        end=end,
        team_id=team_id,
        user_id=user_id,
        flow_id=flow_id,
        category=category,
        client=client,
        experiment_id=experiment_id,
        variant=variant,
    )


Params = Annotated[service.Params, Depends(analytics_params)]


def _csv(text: str, name: str) -> Response:
    return Response(
        text.encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/analytics/overview", response_model=s.Overview, responses=CSV_RESPONSE)
async def overview(
    principal: Engineer,
    db: DB,
    params: Params,
    format: Format = "json",
    table: Annotated[
        Literal["headline", "series"], Query(description="Which table the CSV holds")
    ] = "headline",
) -> Any:
    """Headline figures of the period with the previous period's, outcomes, FlowPilot, copilot
    use, the PSA push funnel and one row per day. Engineers get their own figures."""
    result = await service.overview(db, principal, params)
    if format == "csv":
        return _csv(export.overview(result, table), export.filename(f"overview-{table}", result))
    return result


@router.get("/analytics/flows", response_model=s.FlowTable, responses=CSV_RESPONSE)
async def flow_table(principal: Engineer, db: DB, params: Params, format: Format = "json") -> Any:
    """Every live flow's runs and rates with its quality score (and the formula), worst first."""
    result = await service.flow_table(db, principal, params)
    if format == "csv":
        return _csv(export.flows(result), export.filename("flows", result))
    return result


@router.get("/analytics/flows/{flow_id}", response_model=s.FlowAnalytics, responses=CSV_RESPONSE)
async def flow_detail(
    principal: Engineer, db: DB, flow_id: uuid.UUID, params: Params, format: Format = "json"
) -> Any:
    """One flow's figures and its path view: per node reached, dropped and median time; per
    edge how often it was taken. The CSV holds the nodes."""
    result = await service.flow_detail(db, principal, flow_id, params)
    if format == "csv":
        return _csv(export.flow(result), export.filename(f"flow-{flow_id}", result))
    return result


@router.get("/analytics/coverage", response_model=s.Coverage, responses=CSV_RESPONSE)
async def coverage(
    principal: Engineer,
    db: DB,
    params: Params,
    rows: Annotated[s.RowsBy, Query(description="What the rows are")] = "category",
    cols: Annotated[s.ColsBy, Query(description="What the columns are")] = "outcome",
    format: Format = "json",
) -> Any:
    """Sessions per category (or client) and outcome (or category): where problems come from and
    where they end. Each cell carries the query that lists its sessions."""
    result = await service.coverage(db, principal, params, rows, cols)
    if format == "csv":
        return _csv(export.coverage(result), export.filename(f"coverage-{rows}-{cols}", result))
    return result


@router.get("/analytics/sessions", response_model=Page[s.SessionRow], responses=CSV_RESPONSE)
async def analytics_sessions(
    principal: Engineer,
    db: DB,
    params: Params,
    outcome: s.Outcome | None = None,
    limit: Annotated[int, Query(ge=1, le=service.SESSIONS_PAGE_MAX)] = 50,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
    format: Annotated[
        Literal["json", "csv"],
        Query(
            description="csv: every page at once (newest first, at most "
            f"{service.SESSIONS_CSV_MAX:,} rows; `limit` and `cursor` are ignored; the header "
            "X-Rows-Truncated: true says there were more)"
        ),
    ] = "json",
) -> Any:
    """The sessions a figure or a coverage cell counts (same filters, plus `outcome`), newest
    first."""
    if format == "csv":
        period, rows, more = await service.sessions_export(db, principal, params, outcome)
        response = _csv(export.sessions(rows), export.filename("sessions", period))
        if more:
            response.headers["X-Rows-Truncated"] = "true"
        return response
    offset = decode_offset(cursor)
    items, more = await service.sessions(db, principal, params, outcome, limit, offset)
    return Page(items=items, next_cursor=encode_offset(offset + limit) if more else None)
