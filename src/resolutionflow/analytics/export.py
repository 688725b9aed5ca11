"""CSV exports of the analytics tables, safe to open in a spreadsheet.

A text cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage return) would be read as
a formula by Excel, LibreOffice and Google Sheets; such cells are prefixed with `'` (flow titles,
categories and clients are typed by people, and a ticket's company comes from the PSA)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from resolutionflow.analytics import schemas as s

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def render(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([cell(h) for h in header])
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return out.getvalue()


def filename(kind: str, p: s.Period) -> str:
    return f"analytics-{kind}-{p.start.isoformat()}-to-{p.end.isoformat()}.csv"


HEADLINE = (
    "sessions",
    "resolved",
    "resolution_rate",
    "mttr_seconds",
    "mttr_mean_seconds",
    "escalated",
    "escalation_rate",
    "first_contact_resolved",
    "first_contact_resolution_rate",
    "unresolved",
    "unresolved_rate",
    "abandoned",
    "abandonment_rate",
)


def overview(o: s.Overview, table: str) -> str:
    if table == "series":
        return render(
            ("date", "sessions", "resolved", "escalated", "first_contact_resolved",
             "unresolved", "abandoned", "workaround", "mttr_seconds"),
            ((d.day.isoformat(), d.sessions, d.resolved, d.escalated, d.first_contact_resolved,
              d.unresolved, d.abandoned, d.workaround, d.mttr_seconds)
             for d in o.series),
        )  # fmt: skip
    rows: list[tuple[Any, ...]] = [
        (name, getattr(o, name), getattr(o.previous, name)) for name in HEADLINE
    ]
    rows += [(f"outcome_{k}", v, "") for k, v in o.by_outcome.model_dump().items()]
    rows += [(f"pilot_tier_{k}", v, "") for k, v in o.pilot.tiers.model_dump().items()]
    rows += [
        ("pilot_sessions", o.pilot.sessions, ""),
        ("pilot_flow_proposed", o.pilot.proposed, ""),
        ("pilot_flow_accepted", o.pilot.accepted, ""),
        ("pilot_accepted_rate", o.pilot.accepted_rate, ""),
        ("copilot_sessions", o.copilot_use.sessions, ""),
        ("copilot_accepted_sessions", o.copilot_use.accepted_sessions, ""),
        ("copilot_suggestions_accepted", o.copilot_use.suggestions_accepted, ""),
        ("copilot_rate", o.copilot_use.rate, ""),
    ]
    rows += [(f"psa_pushes_{k}", v, "") for k, v in o.psa_pushes.model_dump().items()]
    return render(("metric", "value", "previous_period"), rows)


def flow(f: s.FlowAnalytics) -> str:
    return render(
        ("node_id", "title", "type", "reached", "answered", "dropped", "still_open",
         "median_seconds", "in_current_version", "rating", "ratings"),
        ((n.node_id, n.title, n.type, n.reached, n.answered, n.dropped, n.still_open,
          n.median_seconds, n.in_graph, n.rating.average if n.rating else None,
          n.rating.count if n.rating else 0)
         for n in f.nodes),
    )  # fmt: skip


def flows(t: s.FlowTable) -> str:
    return render(
        ("flow_id", "title", "kind", "category", "version", "last_edited", "runs", "resolved",
         "workaround", "resolution_rate", "median_active_seconds", "abandoned", "abandonment_rate",
         "escalated", "escalation_rate", "rating", "ratings", "staleness_days", "quality_score"),
        ((str(r.flow_id), r.title, r.kind, r.category, r.version,
          r.last_edited.isoformat() if r.last_edited else None, r.runs, r.resolved,
          r.workaround, r.resolution_rate, r.median_active_seconds, r.abandoned, r.abandonment_rate,
          r.escalated, r.escalation_rate, r.rating.average if r.rating else None,
          r.rating.count if r.rating else 0, r.staleness_days, r.quality.score)
         for r in t.items),
    )  # fmt: skip


def coverage(c: s.Coverage) -> str:
    counts = {(cell.row, cell.col): cell.count for cell in c.cells}
    return render(
        (c.rows_by, *c.cols),
        ((row, *(counts.get((row, col), 0) for col in c.cols)) for row in c.rows),
    )


def sessions(items: Sequence[s.SessionRow]) -> str:
    return render(
        ("session_id", "title", "status", "outcome", "escalated", "owner_id", "owner",
         "flow_id", "flow", "category", "client", "active_seconds", "created_at", "ended_at"),
        ((str(r.id), r.title, r.status, r.outcome, r.escalated,
          str(r.owner_id) if r.owner_id else None, r.owner_name,
          str(r.flow_id) if r.flow_id else None, r.flow_title, r.category, r.client,
          r.active_seconds, r.created_at.isoformat(),
          r.ended_at.isoformat() if r.ended_at else None)
         for r in items),
    )  # fmt: skip
