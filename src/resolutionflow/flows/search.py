"""Full-text search over flows: SQLite FTS5 on the embedded default, PostgreSQL tsvector + GIN
in production. This module owns the `flow_search` rows; the flow service calls `index()` on
every write that changes searchable text."""

from __future__ import annotations

import html
import re
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, String, Subquery, Uuid, bindparam, text
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


def _match_expression(words: list[str]) -> str:
    # Each term quoted and prefix-matched: user input never reaches FTS5's query syntax.
    return " ".join('"' + w.replace('"', "") + '"*' for w in words)


def _tsquery(words: list[str]) -> str:
    return " & ".join(f"{w}:*" for w in words)


def matches(db: AsyncSession, account_id: uuid.UUID, query: str) -> Subquery | None:
    """A subquery of (flow_id, rank) for the account's flows matching every term (as a
    prefix, so results come while typing); None when the query has no terms. Lower rank is
    better on both engines."""
    words = terms(query)
    if not words:
        return None
    if _dialect(db) == "sqlite":
        stmt = text(
            "SELECT flow_id, bm25(flow_search, 10.0, 5.0, 3.0, 1.0) AS rank "
            "FROM flow_search WHERE flow_search MATCH :match AND account_id = :account"
        ).bindparams(match=_match_expression(words), account=account_id.hex)
    else:
        stmt = text(
            "SELECT s.flow_id, -ts_rank_cd(s.document, q) AS rank "
            "FROM flow_search s, to_tsquery('english', :tsquery) q "
            "WHERE s.document @@ q AND s.account_id = :account"
        ).bindparams(tsquery=_tsquery(words), account=account_id)
    return stmt.columns(flow_id=Uuid(), rank=Float()).subquery("matches")


async def snippets(
    db: AsyncSession, account_id: uuid.UUID, query: str, flow_ids: list[uuid.UUID]
) -> dict[uuid.UUID, str]:
    """Highlighted snippets, computed only for the page being shown (they are the costly part)."""
    words = terms(query)
    if not words or not flow_ids:
        return {}
    if _dialect(db) == "sqlite":
        stmt = text(
            "SELECT flow_id, snippet(flow_search, -1, :open, :close, '…', 16) AS snippet "
            "FROM flow_search WHERE flow_search MATCH :match AND account_id = :account "
            "AND flow_id IN :ids"
        ).bindparams(
            bindparam("ids", expanding=True),
            open=_OPEN,
            close=_CLOSE,
            match=_match_expression(words),
            account=account_id.hex,
            ids=[f.hex for f in flow_ids],
        )
    else:
        stmt = text(
            "SELECT s.flow_id, ts_headline('english', "
            "s.title || ' — ' || s.description || ' ' || s.body, q, "
            "'StartSel=' || :open || ',StopSel=' || :close || "
            "',MaxFragments=1,MaxWords=24,MinWords=8') AS snippet "
            "FROM flow_search s, to_tsquery('english', :tsquery) q "
            "WHERE s.account_id = :account AND s.flow_id IN :ids"
        ).bindparams(
            bindparam("ids", expanding=True),
            open=_OPEN,
            close=_CLOSE,
            tsquery=_tsquery(words),
            account=account_id,
            ids=flow_ids,
        )
    rows = await db.execute(stmt.columns(flow_id=Uuid(), snippet=String()))
    return {fid: render_snippet(raw) or "" for fid, raw in rows}


def render_snippet(raw: str | None) -> str | None:
    """HTML-escaped text in which only the matches are marked up."""
    if raw is None:
        return None
    return html.escape(raw).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")
