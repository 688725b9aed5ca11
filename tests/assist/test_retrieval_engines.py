"""The engines only hand over a pool of candidates; search/ranking.py orders it. The pool must
hold the rows that ranking can put first on SQLite and PostgreSQL alike: a session that holds
the question's rarest word once is not pushed out of the pool by many long sessions repeating
a commoner word of the question (PostgreSQL's ts_rank knows no word rarity)."""

from __future__ import annotations

import uuid

from fastapi import FastAPI

from resolutionflow import search
from resolutionflow.assist.retrieval import CANDIDATES, RESOLVED_KIND, retrieve
from resolutionflow.search import index
from tests.fixtures.factories import Factory

# More sessions repeat "printer" than the engine hands over, and they are under half the
# account's sessions (so "printer" is still a searched word, just a common one).
NOISY = CANDIDATES + 10
OTHER = NOISY + 20
RARE = "Laser unit smudges pages", "Resolution: replaced the fuser assembly."


async def _index(app: FastAPI, account_id: uuid.UUID) -> uuid.UUID:
    rows = [
        search.Row(
            RESOLVED_KIND,
            ref := uuid.uuid4(),
            account_id,
            f"Printer queue stuck {i}",
            "Resolution: restarted the spooler. " + "printer printer printing printers " * 8,
            parent_id=ref,
        )
        for i in range(NOISY)
    ]
    rows += [
        search.Row(
            RESOLVED_KIND,
            ref := uuid.uuid4(),
            account_id,
            f"Mailbox quota {i}",
            "Resolution: archived old mail, raised the quota.",
            parent_id=ref,
        )
        for i in range(OTHER)
    ]
    target = uuid.uuid4()
    rows.append(search.Row(RESOLVED_KIND, target, account_id, *RARE, parent_id=target))
    async with app.state.sessionmaker() as db:
        await search.add(db, rows)
        await db.commit()
    return target


async def test_the_row_with_the_rarest_word_is_in_the_pool_and_ranked_first(
    app: FastAPI, factory: Factory
) -> None:
    tenant = await factory.tenant()
    target = await _index(app, tenant.id)
    question = "printer fuser problem"

    async with app.state.sessionmaker() as db:
        stats = await index.corpus_stats(db, tenant.id, RESOLVED_KIND)
        pool = await index.candidates(
            db,
            tenant.id,
            ["fuser", "printer"],
            [RESOLVED_KIND],
            CANDIDATES,
            {"fuser": stats.idf("fuser"), "printer": stats.idf("printer")},
        )
        found = await retrieve(db, tenant.id, question)
    assert len(pool) == CANDIDATES  # the pool was cut: more rows match than it holds
    assert pool[0].ref_id == target
    sessions = found.of("session")
    assert sessions[0].id == target
    assert sessions[0].title == RARE[0]
