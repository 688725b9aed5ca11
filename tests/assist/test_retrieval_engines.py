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


async def test_words_inside_paths_urls_addresses_and_versions_are_found_on_both_engines(
    app: FastAPI, factory: Factory
) -> None:
    tenant = await factory.tenant()
    rows = {
        "tomcat": ("Service down", "Resolution: fixed /opt/tomcat/conf/server.xml and restarted."),
        "wiki": ("Link broken", "Resolution: moved the page to https://intranet.corp/wiki?p=vpn."),
        "smith": ("Forwarding", "Resolution: forwarded mail to john.smith@example.com again."),
        "58": ("Upgrade", "Resolution: upgraded the runtime to 9.0.58 on the test server."),
    }
    ids = {}
    async with app.state.sessionmaker() as db:
        for word, (title, body) in rows.items():
            ids[word] = uuid.uuid4()
            await search.put(
                db,
                kind=RESOLVED_KIND,
                ref_id=ids[word],
                parent_id=ids[word],
                account_id=tenant.id,
                title=title,
                body=body,
            )
        await db.commit()

    async with app.state.sessionmaker() as db:
        for word in ("tomcat", "wiki", "smith"):
            found = await retrieve(db, tenant.id, f"{word} again?")
            assert [e.id for e in found.of("session")][:1] == [ids[word]], word
        # Every word of "9.0.58" is a word: the version's last part finds the row ("58" is
        # too short to be a ranked term, so through the plain search).
        _, hits = await search.search(db, tenant.id, "58", [RESOLVED_KIND], mode="all")
    assert [h.ref_id for h in hits] == [ids["58"]]
