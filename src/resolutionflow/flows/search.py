"""Full-text search over flows: SQLite FTS5 on the embedded default, PostgreSQL tsvector + GIN
in production. This module owns the `flow_search` rows; the flow service calls `index()` on
every write that changes searchable text."""

from __future__ import annotations

import html
import re
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, String, Subquery, Uuid, text
from sqlalchemy.ext.asyncio import AsyncSession

_OPEN, _CLOSE = "\x02", "\x03"
_TERM = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12


@dataclass(frozen=True)
class SearchText:
    title: str
    tags: str
    description: str
    body: str


def searchable(doc: dict[str, Any]) -> SearchText:
    """What of a flow document is searched: titles, tags, description and every node's text."""
    parts: list[str] = []
    for node in doc.get("nodes", []):
        parts.extend([node.get("title", ""), node.get("body", "")])
        parts.extend(node.get("items") or [])
    parts.extend(e.get("label", "") for e in doc.get("edges", []))
    return SearchText(
        title=doc.get("title", ""),
        tags=" ".join(doc.get("tags", [])),
        description=doc.get("description", ""),
        body="\n".join(p for p in parts if p),
    )


def _dialect(db: AsyncSession) -> str:
    return db.get_bind().dialect.name


def _key(db: AsyncSession, value: uuid.UUID) -> Any:
    # FTS5 columns are untyped text: store ids the way SQLAlchemy's Uuid stores them on SQLite.
    return value.hex if _dialect(db) == "sqlite" else value


async def index(
    db: AsyncSession, flow_id: uuid.UUID, account_id: uuid.UUID, doc: dict[str, Any]
) -> None:
    """Replace the flow's search row with the text of `doc`."""
    content = searchable(doc)
    params = {
        "flow_id": _key(db, flow_id),
        "account_id": _key(db, account_id),
        "title": content.title,
        "tags": content.tags,
        "description": content.description,
        "body": content.body,
    }
    await db.execute(
        text("DELETE FROM flow_search WHERE flow_id = :flow_id"), {"flow_id": params["flow_id"]}
    )
    await db.execute(
        text(
            "INSERT INTO flow_search (flow_id, account_id, title, tags, description, body) "
            "VALUES (:flow_id, :account_id, :title, :tags, :description, :body)"
        ),
        params,
    )


def terms(query: str) -> list[str]:
    return [t.lower() for t in _TERM.findall(query)][:MAX_TERMS]


def matches(db: AsyncSession, account_id: uuid.UUID, query: str) -> Subquery | None:
    """A subquery of (flow_id, rank, snippet) for the account's flows matching every term
    (as a prefix, so results come while typing); None when the query has no terms."""
    words = terms(query)
    if not words:
        return None
    if _dialect(db) == "sqlite":
        # Each term quoted: user input never reaches FTS5's query syntax.
        match = " ".join('"' + w.replace('"', "") + '"*' for w in words)
        stmt = text(
            "SELECT flow_id, bm25(flow_search, 10.0, 5.0, 3.0, 1.0) AS rank, "
            "snippet(flow_search, -1, :open, :close, '…', 16) AS snippet "
            "FROM flow_search WHERE flow_search MATCH :match AND account_id = :account"
        ).bindparams(open=_OPEN, close=_CLOSE, match=match, account=account_id.hex)
    else:
        tsquery = " & ".join(f"{w}:*" for w in words)
        stmt = text(
            "SELECT s.flow_id, -ts_rank_cd(s.document, q) AS rank, "
            "ts_headline('english', s.title || ' — ' || s.description || ' ' || s.body, q, "
            "'StartSel=' || :open || ',StopSel=' || :close || "
            "',MaxFragments=1,MaxWords=24,MinWords=8') AS snippet "
            "FROM flow_search s, to_tsquery('english', :tsquery) q "
            "WHERE s.document @@ q AND s.account_id = :account"
        ).bindparams(open=_OPEN, close=_CLOSE, tsquery=tsquery, account=account_id)
    # `rank`: lower is better on both engines (bm25 is negative-better; ts_rank is negated).
    return stmt.columns(flow_id=Uuid(), rank=Float(), snippet=String()).subquery("matches")


def render_snippet(raw: str | None) -> str | None:
    """HTML-escaped text in which only the matches are marked up."""
    if raw is None:
        return None
    return html.escape(raw).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")
