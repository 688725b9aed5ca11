"""The `text_search` table: writing rows and querying them on SQLite FTS5 or PostgreSQL."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import (
    CTE,
    Float,
    Insert,
    String,
    Subquery,
    TextClause,
    Uuid,
    bindparam,
    column,
    insert,
    select,
    table,
    text,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import TypeEngine

from resolutionflow.search import ranking
from resolutionflow.search.ranking import CorpusStats
from resolutionflow.search.stopwords import STOPWORDS

__all__ = ["STOPWORDS", "CorpusStats"]

_TERM = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 24

Mode = Literal["all", "any"]


@dataclass(frozen=True)
class Hit:
    kind: str
    ref_id: uuid.UUID
    parent_id: uuid.UUID | None
    title: str
    body: str
    # Larger is better on both engines (FTS5's bm25 is negated, PostgreSQL's ts_rank_cd as is).
    # Scales differ between engines; callers that need a comparable figure use `coverage`.
    score: float


def _dialect(db: AsyncSession) -> str:
    return db.get_bind().dialect.name


def _key(db: AsyncSession, value: uuid.UUID | None) -> Any:
    # FTS5 columns are untyped text: store ids the way SQLAlchemy's Uuid stores them on SQLite.
    if value is None:
        return None
    return value.hex if _dialect(db) == "sqlite" else value


def terms(query: str, mode: Mode = "all", limit: int | None = MAX_TERMS) -> list[str]:
    """The query's distinct words in order (the first `limit`); for "any word" queries without
    stopwords. search() takes them all and keeps the most informative (`informative()`)."""
    words = [t.lower() for t in _TERM.findall(query)]
    if mode == "any":
        words = [w for w in words if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    seen: dict[str, None] = dict.fromkeys(words)
    return list(seen)[:limit]


def informative(words: list[str], stats: CorpusStats) -> list[str]:
    """The words of `words` to search, in their original order: the rarest in the account's
    rows (ranking.searched), not the first few."""
    by_stem: dict[str, list[str]] = {}
    for w in words:
        by_stem.setdefault(ranking.stem(w), []).append(w)
    order = sorted(by_stem, key=lambda t: ranking.informativeness(stats, t), reverse=True)
    keep = {w for t in ranking.searched(order, stats) for w in by_stem[t]}
    return [w for w in words if w in keep]


async def corpus_stats(db: AsyncSession, account_id: uuid.UUID, kind: str) -> CorpusStats:
    """The account's statistics for `kind` (cached per process, rebuilt every few minutes)."""
    found = ranking.cached(account_id, kind)
    if found is None:
        found = ranking.build(await texts(db, account_id, kind))
        ranking.remember(account_id, kind, found)
    return found


def coverage(query_terms: list[str], content: str) -> float:
    """Share of the query's terms that occur (as a word prefix) in `content`: an engine-neutral
    measure of how well a hit answers the query, used for confidences."""
    if not query_terms:
        return 0.0
    words = {w.lower() for w in _TERM.findall(content)}
    found = sum(1 for t in query_terms if t in words or any(w.startswith(t) for w in words))
    return found / len(query_terms)


# The columns rows are written with (on SQLite an FTS5 table, whose columns are untyped).
_TABLE = table(
    "text_search",
    column("kind"),
    column("ref_id"),
    column("parent_id"),
    column("account_id"),
    column("title"),
    column("body"),
)
_INSERT = insert(_TABLE)


async def put(
    db: AsyncSession,
    *,
    kind: str,
    ref_id: uuid.UUID,
    account_id: uuid.UUID,
    title: str,
    body: str,
    parent_id: uuid.UUID | None = None,
) -> None:
    """Insert or replace the row for (kind, ref_id)."""
    await delete(db, kind, ref_id)
    await add(db, [Row(kind, ref_id, account_id, title, body, parent_id)])


@dataclass(frozen=True)
class Row:
    kind: str
    ref_id: uuid.UUID
    account_id: uuid.UUID
    title: str
    body: str
    parent_id: uuid.UUID | None = None


def _params(db: AsyncSession, rows: list[Row]) -> list[dict[str, Any]]:
    for r in rows:
        ranking.note(r.account_id, r.kind, r.title, r.body)
    return [
        {
            "kind": r.kind,
            "ref_id": _key(db, r.ref_id),
            "parent_id": _key(db, r.parent_id),
            "account_id": _key(db, r.account_id),
            "title": r.title,
            "body": r.body,
        }
        for r in rows
    ]


async def add(db: AsyncSession, rows: list[Row]) -> None:
    """Insert rows for pieces that have none yet (just created), in one statement. `put()` is
    for pieces that may already have a row."""
    if not rows:
        return
    params = _params(db, rows)
    # One row as a plain execute: a list goes through the driver's executemany, which costs
    # more for a single row.
    await db.execute(_INSERT, params[0] if len(params) == 1 else params)


def insert_along(count: int, along: Sequence[CTE]) -> Insert:
    """PostgreSQL: an insert of `count` rows (parameters from `along_params`) that also runs
    `along`, data-modifying statements as CTEs, such as the inserts of the pieces themselves:
    one round trip where there would be two. Build it once per shape and keep it: composing
    a statement costs about what the round trip does. Every insert in it is single-row, as
    SQLAlchemy caches the compiled form of those and never of a multi-row VALUES."""
    *others, last = (
        _INSERT.values({c.name: bindparam(f"row{i}_{c.name}") for c in _TABLE.columns})
        for i in range(count)
    )
    return last.add_cte(*along, *(o.cte(f"search_row_{i}") for i, o in enumerate(others)))


def along_params(db: AsyncSession, rows: list[Row]) -> dict[str, Any]:
    """The parameters of `insert_along(len(rows), ...)` for `rows`."""
    return {
        f"row{i}_{name}": value
        for i, params in enumerate(_params(db, rows))
        for name, value in params.items()
    }


async def delete(db: AsyncSession, kind: str, ref_id: uuid.UUID) -> None:
    await db.execute(
        text("DELETE FROM text_search WHERE kind = :kind AND ref_id = :ref_id"),
        {"kind": kind, "ref_id": _key(db, ref_id)},
    )


async def delete_parent(db: AsyncSession, kind: str, parent_id: uuid.UUID) -> None:
    await db.execute(
        text("DELETE FROM text_search WHERE kind = :kind AND parent_id = :parent_id"),
        {"kind": kind, "parent_id": _key(db, parent_id)},
    )


def _fts5(words: list[str], mode: Mode, stems: bool = False) -> str:
    # Each term quoted and prefix-matched: user input never reaches FTS5's query syntax. Stems
    # (ranking) of up to three letters are whole words ("com" would match most rows).
    joiner = " OR " if mode == "any" else " "
    return joiner.join(
        '"' + w.replace('"', "") + ('"*' if not stems or ranking.prefixed(w) else '"')
        for w in words
    )


def _tsquery(words: list[str], mode: Mode, stems: bool = False) -> str:
    joiner = " | " if mode == "any" else " & "
    return joiner.join(w + (":*" if not stems or ranking.prefixed(w) else "") for w in words)


_PG_MATCHING = (
    "SELECT s.kind, s.ref_id, s.parent_id, s.title, s.body, ts_rank_cd(s.document, q) AS score "
    "FROM text_search s, to_tsquery('simple', :tsquery) q "
    "WHERE s.document @@ q AND s.account_id = :account AND s.kind IN :kinds"
)


# The pool search.ranking re-ranks (candidates()). ts_rank alone knows no inverse document
# frequency: a long row repeating the question's commonest searched word outranks one holding
# its rarest, so PostgreSQL's pool was not the one FTS5's bm25 (which has IDF) picks, and the
# two engines ranked differently (issue 20). The pool is ordered by the searched terms' weights
# (ranking.py's IDF) summed over the terms a row holds, ts_rank only among rows holding the same
# terms: the rows BM25F can rank highest are in the pool on both engines. Which rows hold which
# term comes from the GIN index, one scan per term (at most :cap rows each), so a row's
# document is read once (for ts_rank), not once per term.
def _pg_candidates(terms: int) -> str:
    """The candidates query for `terms` searched words: each word's tsquery :t<i> and weight
    :w<i> are bound parameters; only their count shapes the text."""
    held = " UNION ALL ".join(
        f"(SELECT s.kind, s.ref_id, CAST(:w{i} AS float8) AS w FROM text_search s "  # noqa: S608
        f"WHERE s.document @@ to_tsquery('simple', :t{i}) AND s.account_id = :account "
        "AND s.kind IN :kinds LIMIT :cap)"
        for i in range(max(terms, 1))
    )
    return (
        "SELECT t.kind, t.ref_id, t.parent_id, t.title, t.body, "  # noqa: S608 - see above
        "ts_rank(t.document, q) AS score FROM ("
        f"SELECT kind, ref_id, SUM(w) AS held FROM ({held}) AS u GROUP BY kind, ref_id) AS h "
        "JOIN text_search t ON t.kind = h.kind AND t.ref_id = h.ref_id "
        "AND t.account_id = :account, "
        "to_tsquery('simple', :tsquery) q "
        "ORDER BY h.held DESC, score DESC LIMIT :limit"
    )


# The typed columns of a text query's rows, and those rows as hits.
_HIT_COLUMNS: dict[str, TypeEngine[Any]] = {
    "kind": String(),
    "ref_id": Uuid(),
    "parent_id": Uuid(),
    "title": String(),
    "body": String(),
    "score": Float(),
}


def _hits(rows: Iterable[Any]) -> list[Hit]:
    return [
        Hit(kind=k, ref_id=r, parent_id=p, title=t or "", body=b or "", score=float(sc or 0.0))
        for k, r, p, t, b, sc in rows
    ]


def _matching(
    db: AsyncSession,
    account_id: uuid.UUID,
    words: list[str],
    kinds: Iterable[str],
    mode: Mode,
    stems: bool = False,
) -> TextClause:
    kinds = list(kinds)
    if _dialect(db) == "sqlite":
        return text(
            "SELECT kind, ref_id, parent_id, title, body, -bm25(text_search, 4.0, 1.0) AS score "
            "FROM text_search WHERE text_search MATCH :match AND account_id = :account "
            "AND kind IN :kinds"
        ).bindparams(
            bindparam("kinds", expanding=True),
            match=_fts5(words, mode, stems),
            account=account_id.hex,
            kinds=kinds,
        )
    return text(_PG_MATCHING).bindparams(
        bindparam("kinds", expanding=True),
        tsquery=_tsquery(words, mode, stems),
        account=account_id,
        kinds=kinds,
    )


def parents_matching(
    db: AsyncSession, account_id: uuid.UUID, query: str, kinds: Iterable[str]
) -> Subquery | None:
    """A subquery of `parent_id`s whose rows of `kinds` match every term of `query` (as word
    prefixes); None when the query has no terms. For filtering lists ("sessions mentioning …")."""
    words = terms(query, "all")
    if not words:
        return None
    stmt = _matching(db, account_id, words, kinds, "all")
    return stmt.columns(**_HIT_COLUMNS).subquery("text_matches")


async def search(
    db: AsyncSession,
    account_id: uuid.UUID,
    query: str,
    kinds: Iterable[str],
    *,
    mode: Mode = "any",
    limit: int = 20,
) -> tuple[list[str], list[Hit]]:
    """The best rows of `kinds` for `query`, best first, with the terms that were searched.
    An "any word" query searches the question's most informative words in the account's rows
    of `kinds` (ranking.SEARCH_TERMS of them), and none when the account has no such rows."""
    words = terms(query, mode, limit=None if mode == "any" else MAX_TERMS)
    if mode == "any" and words:
        kinds = list(kinds)
        stats = ranking.merged([await corpus_stats(db, account_id, k) for k in kinds])
        if stats.docs <= 0:
            return words, []
        words = informative(words, stats)
    if not words:
        return words, []
    # Ranked in SQL and cut to the best few: a broad "any word" query may match thousands of rows.
    ranked = _matching(db, account_id, words, kinds, mode).columns(**_HIT_COLUMNS).subquery("m")
    rows = await db.execute(select(ranked).order_by(ranked.c.score.desc()).limit(limit))
    hits = _hits(rows)
    return words, hits


async def rows(
    db: AsyncSession, account_id: uuid.UUID, kind: str, ref_ids: list[uuid.UUID]
) -> list[Hit]:
    """The rows of `kind` with these ids (semantic neighbours the full-text query missed)."""
    if not ref_ids:
        return []
    stmt = text(
        "SELECT kind, ref_id, parent_id, title, body FROM text_search "
        "WHERE account_id = :account AND kind = :kind AND ref_id IN :ids"
    ).bindparams(
        bindparam("ids", expanding=True),
        account=_key(db, account_id),
        kind=kind,
        ids=[_key(db, r) for r in ref_ids],
    )
    result = await db.execute(
        stmt.columns(kind=String(), ref_id=Uuid(), parent_id=Uuid(), title=String(), body=String())
    )
    return [Hit(k, r, p, t or "", b or "", 0.0) for k, r, p, t, b in result]


_PRE_LIMIT = 10
_PG_CAP = 1000


def _uuid(value: Any) -> uuid.UUID | None:
    return None if value is None else uuid.UUID(hex=str(value))


async def candidates(
    db: AsyncSession,
    account_id: uuid.UUID,
    words: list[str],
    kinds: Iterable[str],
    limit: int,
    weights: Mapping[str, float] | None = None,
) -> list[Hit]:
    """Rows of `kinds` holding any of `words` (search.ranking stems, as word prefixes), the
    engine's best `limit` first: the pool search.ranking re-ranks. `weights` (a word's
    informativeness, 1 when not given) decide PostgreSQL's order; FTS5's bm25 weighs words by
    their rarity itself."""
    if not words:
        return []
    kinds = list(kinds)
    if _dialect(db) == "sqlite":
        # FTS5 reads a row's whole content to check its account and kind: first the best
        # _PRE_LIMIT matches of the whole index (ranked from the index alone), then only those
        # are read. When other accounts' rows crowd this account's out, the full query runs.
        stmt = text(
            "SELECT t.kind, t.ref_id, t.parent_id, t.title, t.body, m.score FROM ("
            "SELECT rowid AS id, -bm25(text_search, 4.0, 1.0) AS score FROM text_search "
            "WHERE text_search MATCH :match ORDER BY score DESC LIMIT :pre) AS m "
            "JOIN text_search AS t ON t.rowid = m.id "
            "WHERE t.account_id = :account AND t.kind IN :kinds ORDER BY m.score DESC LIMIT :limit"
        ).bindparams(
            bindparam("kinds", expanding=True),
            match=_fts5(words, "any", stems=True),
            pre=_PRE_LIMIT * limit,
            account=account_id.hex,
            kinds=kinds,
            limit=limit,
        )
        found = [
            Hit(k, uuid.UUID(hex=str(r)), _uuid(p), t or "", b or "", float(sc or 0.0))
            for k, r, p, t, b, sc in await db.execute(stmt)
        ]
        if len(found) == limit:
            return found
    if _dialect(db) == "sqlite":
        ranked = (
            _matching(db, account_id, words, kinds, "any", stems=True)
            .columns(**_HIT_COLUMNS)
            .subquery("m")
        )
        rows = await db.execute(select(ranked).order_by(ranked.c.score.desc()).limit(limit))
    else:
        # At most _PG_CAP matching rows per term are ranked: a question whose rarest words are
        # in thousands of rows is weak evidence anyway, and ranking them all would cost more
        # than everything else together.
        per_term = {f"t{i}": _tsquery([w], "any", stems=True) for i, w in enumerate(words)}
        per_weight = {f"w{i}": float((weights or {}).get(w, 1.0)) for i, w in enumerate(words)}
        stmt = text(_pg_candidates(len(words))).bindparams(
            bindparam("kinds", expanding=True),
            tsquery=_tsquery(words, "any", stems=True),
            account=account_id,
            kinds=kinds,
            cap=_PG_CAP,
            limit=limit,
            **per_term,
            **per_weight,
        )
        rows = await db.execute(stmt.columns(**_HIT_COLUMNS))
    return _hits(rows)


async def texts(db: AsyncSession, account_id: uuid.UUID, kind: str) -> list[tuple[str, str]]:
    """(title, body) of every row of `kind` in the account: what corpus statistics are built
    from."""
    result = await db.execute(
        text(
            "SELECT title, body FROM text_search WHERE account_id = :account AND kind = :kind"
        ).columns(title=String(), body=String()),
        {"account": _key(db, account_id), "kind": kind},
    )
    return [(t or "", b or "") for t, b in result]
