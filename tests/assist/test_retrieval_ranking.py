"""Retrieval ranks an account's resolved sessions by what its own index says is informative:
a long question is searched by its rare words wherever they stand, words the account's sessions
use together bridge a vocabulary mismatch, and the same score says "I don't know" when nothing
fits."""

from __future__ import annotations

import uuid

from fastapi import FastAPI

from resolutionflow import search
from resolutionflow.assist.offline import answer
from resolutionflow.assist.retrieval import RESOLVED_KIND, retrieve
from resolutionflow.search import ranking
from tests.fixtures.factories import Factory

# An MSP's resolved sessions: screens whose fix says "LCD", the everyday rest.
SESSIONS = [
    ("Screen flickering on a Latitude", "Resolution: reseated the LCD cable. LCD cable was loose."),
    ("Screen goes dark after a minute", "Resolution: replaced the LCD backlight, LCD inverter ok."),
    ("Screen shows a pink tint", "Resolution: LCD connector reseated; tint gone."),
    ("Display has vertical lines", "Resolution: replaced the LCD panel under warranty."),
    ("Outlook keeps asking for the password", "Resolution: cleared cached credentials."),
    ("VPN drops every ten minutes", "Resolution: raised the idle timeout on the firewall."),
    ("Printer on floor 2 jams", "Resolution: replaced the pickup roller in tray 2."),
    ("Shared mailbox missing", "Resolution: re-added full access permission, restarted Outlook."),
    ("Kerberos errors on the file server", "Resolution: fixed clock skew, resynced time with NTP."),
]
# Context every session of this desk carries: common in the account, so it says nothing.
EVERYDAY = "customer reported this morning from the office laptop, urgent, called twice."


async def _index(app: FastAPI, account_id: uuid.UUID) -> dict[str, uuid.UUID]:
    ids = {}
    async with app.state.sessionmaker() as db:
        for title, body in SESSIONS:
            ref = uuid.uuid4()
            ids[title] = ref
            await search.put(
                db,
                kind=RESOLVED_KIND,
                ref_id=ref,
                parent_id=ref,
                account_id=account_id,
                title=title,
                body=f"{body}\n{EVERYDAY}",
            )
        await db.commit()
    return ids


async def test_a_question_in_other_words_finds_the_session_through_expansion(
    app: FastAPI, factory: Factory
) -> None:
    tenant = await factory.tenant()
    ids = await _index(app, tenant.id)
    target = "Display has vertical lines"
    question = "screen flickers and goes dark"
    # The session that fixed it says "display" and "LCD", never a word of the question.
    said = set(ranking.stems(question))
    assert not said & set(ranking.stems(target + " " + SESSIONS[3][1]))

    async with app.state.sessionmaker() as db:
        found = await retrieve(db, tenant.id, question, per_kind=5)
    sessions = [e.id for e in found.of("session")]
    assert ids[target] in sessions
    # Found through the other screen sessions, so it ranks after them.
    assert sessions.index(ids[target]) > sessions.index(ids["Screen flickering on a Latitude"])


async def test_the_informative_words_of_a_long_question_are_searched_not_the_first_ones(
    app: FastAPI, factory: Factory
) -> None:
    tenant = await factory.tenant()
    ids = await _index(app, tenant.id)
    # Thirty words of context come first (the desk's everyday words, a pasted e-mail's
    # greeting); what matters comes last.
    question = (
        EVERYDAY
        + " Hello team, following up again on yesterday's call with Maria at reception before "
        "lunch, she mentioned the trouble started Monday afternoon right after the holidays and "
        "today: kerberos clock skew on the fileserver"
    )
    assert "kerberos" not in search.index.terms(question, "any")  # the first 24 words

    async with app.state.sessionmaker() as db:
        found = await retrieve(db, tenant.id, question)
        _, hits = await search.search(db, tenant.id, question, [RESOLVED_KIND])
    assert found.of("session")[0].id == ids["Kerberos errors on the file server"]
    assert hits and hits[0].ref_id == ids["Kerberos errors on the file server"]


async def test_it_says_it_does_not_know_when_nothing_fits_and_answers_when_something_does(
    app: FastAPI, factory: Factory
) -> None:
    tenant = await factory.tenant()
    await _index(app, tenant.id)

    async with app.state.sessionmaker() as db:
        unrelated = "forklift hydraulic fluid leaking in the warehouse loading bay"
        off = answer(unrelated, await retrieve(db, tenant.id, unrelated))
        # A word of the desk's everyday context alone is not an answer either.
        vague = "laptop from this morning"
        thin = answer(vague, await retrieve(db, tenant.id, vague))
        related = "printer jams in tray 2"
        on = answer(related, await retrieve(db, tenant.id, related))
    assert "I don't know this one" in off.content
    assert "I don't know this one" in thin.content
    assert "I don't know this one" not in on.content
    assert "pickup roller" in on.content


def test_query_terms_are_ranked_by_rarity_in_the_account_and_match_word_forms() -> None:
    stats = ranking.build(
        [
            (f"Session {i}", f"rebooted the server {'after dns failure' if i == 0 else ''}")
            for i in range(20)
        ]
    )
    chosen = ranking.query_terms("server server rebooting, DNS failures", stats, limit=2)
    assert list(chosen) == ["dns", "failur"]  # "server" and "reboot" are in every session
    scored = ranking.rank(
        ranking.query_terms("dns failures", stats),
        stats,
        [("Portal", "the port is open"), ("DNS", "DNS failure after the reboot")],
    )
    assert scored[0].index == 1 and scored[1].score == 0
