"""Full-text search over flows: SQLite FTS5 on the embedded default, PostgreSQL tsvector + GIN
in production. This module owns the `flow_search` rows (and, on SQLite, `flow_search_key`); the
flow service calls `index()` on every write that changes searchable text."""

from __future__ import annotations

import html
import re
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, String, Subquery, TextualSelect, Uuid, bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.search.index import terms as text_terms

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
    if _dialect(db) == "sqlite":
        # FTS5 finds rows by rowid only; `flow_search_key` maps the rowid to the flow and its
        # account, so neither a write nor a search reads whole text rows to find a flow.
        # Deleting the key row deletes the text row (trigger).
        await db.execute(
            text("DELETE FROM flow_search_key WHERE flow_id = :flow_id"),
            {"flow_id": params["flow_id"]},
        )
        await db.execute(
            text(
                "INSERT INTO flow_search_key (flow_id, account_id) VALUES (:flow_id, :account_id)"
            ),
            params,
        )
        await db.execute(
            text(
                "INSERT INTO flow_search "
                "(rowid, flow_id, account_id, title, tags, description, body) "
                "SELECT id, :flow_id, :account_id, :title, :tags, :description, :body "
                "FROM flow_search_key WHERE flow_id = :flow_id"
            ),
            params,
        )
        return
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


def _match_expression(words: list[str], any_term: bool = False) -> str:
    # Each term quoted and prefix-matched: user input never reaches FTS5's query syntax.
    return (" OR " if any_term else " ").join('"' + w.replace('"', "") + '"*' for w in words)


def _tsquery(words: list[str], any_term: bool = False) -> str:
    return (" | " if any_term else " & ").join(f"{w}:*" for w in words)


def matching(
    db: AsyncSession, account_id: uuid.UUID, query: str, *, any_term: bool = False
) -> TextualSelect | None:
    """A statement of (flow_id, rank) for the account's flows matching every term (as a
    prefix, so results come while typing) — or, with `any_term`, any of its words that are
    not stopwords (questions in prose, ranked by how much matches); None when the query has
    no terms. Lower rank is better on both engines."""
    words = text_terms(query, "any") if any_term else terms(query)
    if not words:
        return None
    if _dialect(db) == "sqlite":
        # CROSS JOIN keeps the FTS5 scan outside: each match then costs one integer-key
        # lookup, where reading the text row's own account_id column costs the whole row.
        stmt = text(
            "SELECT k.flow_id AS flow_id, bm25(flow_search, 10.0, 5.0, 3.0, 1.0) AS rank "
            "FROM flow_search CROSS JOIN flow_search_key AS k ON k.id = flow_search.rowid "
            "WHERE flow_search MATCH :match AND k.account_id = :account"
        ).bindparams(match=_match_expression(words, any_term), account=account_id.hex)
    else:
        # ts_rank, not ts_rank_cd: both weigh a title hit above a tag or description hit
        # above a body hit (A/B/C), but cover density walks every term's positions to find the
        # covers, which costs more than the match itself when a common word matches most of
        # the library (bench_flows.py, 10,000 flows: about half of the query's time).
        stmt = text(
            "SELECT s.flow_id, -ts_rank(s.document, q) AS rank "
            "FROM flow_search s, to_tsquery('simple', :tsquery) q "
            "WHERE s.document @@ q AND s.account_id = :account"
        ).bindparams(tsquery=_tsquery(words, any_term), account=account_id)
    return stmt.columns(flow_id=Uuid(), rank=Float())


def matches(
    db: AsyncSession, account_id: uuid.UUID, query: str, *, any_term: bool = False
) -> Subquery | None:
    """`matching()` as a subquery named `matches`."""
    stmt = matching(db, account_id, query, any_term=any_term)
    return None if stmt is None else stmt.subquery("matches")


async def snippets(
    db: AsyncSession, account_id: uuid.UUID, query: str, flow_ids: list[uuid.UUID]
) -> dict[uuid.UUID, str]:
    """Highlighted snippets for the page being shown. Made here rather than by the database so
    both engines agree, and text that looks like HTML is kept and escaped, never parsed."""
    words = terms(query)
    if not words or not flow_ids:
        return {}
    if _dialect(db) == "sqlite":
        sql = (
            "SELECT k.flow_id, s.title, s.description, s.body "
            "FROM flow_search_key AS k CROSS JOIN flow_search AS s ON s.rowid = k.id "
            "WHERE k.account_id = :account AND k.flow_id IN :ids"
        )
    else:
        sql = (
            "SELECT flow_id, title, description, body FROM flow_search "
            "WHERE account_id = :account AND flow_id IN :ids"
        )
    stmt = text(sql).bindparams(
        bindparam("ids", expanding=True),
        account=_key(db, account_id),
        ids=[_key(db, f) for f in flow_ids],
    )
    rows = await db.execute(
        stmt.columns(flow_id=Uuid(), title=String(), description=String(), body=String())
    )
    return {
        fid: make_snippet(" — ".join(p for p in (title, description, body) if p), words)
        for fid, title, description, body in rows
    }


def make_snippet(content: str, words: list[str], width: int = 160) -> str:
    """A window of `content` around the first match, every word-prefix match marked."""
    pattern = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        + r")\w*",
        re.IGNORECASE,
    )
    text_ = " ".join(content.split())
    first = pattern.search(text_)
    begin = 0 if first is None else max(0, first.start() - width // 4)
    if begin:
        space = text_.find(" ", begin)
        begin = space + 1 if 0 <= space < first.start() else begin  # type: ignore[union-attr]
    window = text_[begin : begin + width]
    out, last = [], 0
    for m in pattern.finditer(window):
        out += [html.escape(window[last : m.start()]), "<mark>", html.escape(m.group(0)), "</mark>"]
        last = m.end()
    out.append(html.escape(window[last:]))
    prefix = "…" if begin else ""
    suffix = "…" if begin + width < len(text_) else ""
    return prefix + "".join(out) + suffix
