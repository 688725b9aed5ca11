"""The flywheel with a model configured: the model names and words a new_flow proposal, the
prompt it receives is redacted, and a reply that is not a valid flow is repaired by the
validator or falls back to the offline draft (the stored draft validates either way)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.validation import errors_only, validate
from tests.ai.support import use_model
from tests.fakes.llm_servers import FakeAnthropic, Reply
from tests.fixtures.factories import Factory, Tenant
from tests.flywheel.test_flywheel import PRINTER, freeform, listing, run

SECRET = "Hunter2-Zx9!qPlanted"
# Every session notes signing in with a password: a step the offline draft keeps, so the
# password would reach the model's prompt were it not redacted.
SIGN_IN = f"Signed in to the print server as admin, password={SECRET}"


def _worded(edges: list[dict[str, str]]) -> dict[str, Any]:
    return {
        "title": "Printer shows offline",
        "description": "A printer that shows offline in Windows.",
        "category": "Printing",
        "kind": "troubleshooting",
        "start": "q1",
        "nodes": [
            {"id": "q1", "type": "question", "title": "Is the printer switched on?"},
            {"id": "a1", "type": "action", "title": "Clear the print queue"},
            {"id": "a2", "type": "action", "title": "Restart the Print Spooler service"},
            {"id": "r1", "type": "resolution", "title": "Printing works", "outcome": "resolved"},
            {"id": "r2", "type": "resolution", "title": "Escalate", "outcome": "escalate"},
        ],
        "edges": edges,
    }


GOOD_EDGES = [
    {"source": "q1", "target": "a1", "label": "Yes"},
    {"source": "q1", "target": "r2", "label": "No"},
    {"source": "a1", "target": "a2"},
    {"source": "a2", "target": "r1"},
]
# The question has one answer only and r2 is unreachable: the validator refuses it.
BROKEN_EDGES = [
    {"source": "q1", "target": "a1", "label": "Yes"},
    {"source": "a1", "target": "a2"},
    {"source": "a2", "target": "r1"},
]


async def _sessions(client: AsyncClient, tenant: Tenant) -> None:
    for title, notes, summary in PRINTER:
        await freeform(client, tenant, title, [notes[0], SIGN_IN, *notes[1:]], summary)


def _valid(proposal: dict[str, Any]) -> FlowDocument:
    doc = FlowDocument.model_validate(proposal["draft"]["document"])
    assert errors_only(validate(doc)) == []
    return doc


async def test_the_model_names_and_words_a_new_flow_from_a_redacted_prompt(
    client: AsyncClient, app: FastAPI, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    await _sessions(client, tenant)
    fake_anthropic.script(Reply(json=_worded(GOOD_EDGES)))
    await run(client, app, tenant)

    (proposal,) = await listing(client, tenant)
    assert proposal["kind"] == "new_flow"
    assert proposal["title"] == "New flow: Printer shows offline"
    doc = _valid(proposal)
    assert doc.title == "Printer shows offline"
    assert "proposed" in doc.tags
    assert {n.title for n in doc.nodes} >= {
        "Is the printer switched on?",
        "Restart the Print Spooler service",
    }
    # The model saw the offline draft (its steps), never the planted password.
    assert len(fake_anthropic.requests) == 1
    sent = json.dumps(fake_anthropic.requests[0]["json"])
    assert "spooler" in sent.lower()
    assert "password=" in sent  # the step is in the prompt, its password is not
    assert SECRET not in sent
    assert SECRET not in json.dumps(proposal)


async def test_an_invalid_reply_is_repaired_by_the_validator_round(
    client: AsyncClient, app: FastAPI, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    await _sessions(client, tenant)
    fake_anthropic.script(Reply(json=_worded(BROKEN_EDGES)), Reply(json=_worded(GOOD_EDGES)))
    await run(client, app, tenant)

    assert len(fake_anthropic.requests) == 2
    repair = json.dumps(fake_anthropic.requests[1]["json"])
    assert "previous flow had these problems" in repair
    assert SECRET not in repair
    (proposal,) = await listing(client, tenant)
    doc = _valid(proposal)
    assert doc.title == "Printer shows offline"
    assert len(doc.edges) == 4


async def test_a_reply_that_never_validates_falls_back_to_the_offline_draft(
    client: AsyncClient, app: FastAPI, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    await _sessions(client, tenant)
    broken = Reply(json=_worded(BROKEN_EDGES))
    fake_anthropic.script(broken, broken, broken)
    await run(client, app, tenant)

    assert len(fake_anthropic.requests) == 3  # the first answer and two repair rounds
    (proposal,) = await listing(client, tenant)
    doc = _valid(proposal)
    # The offline draft is kept: not the model's title, not tagged as worded by it.
    assert doc.title != "Printer shows offline"
    assert proposal["title"] != "New flow: Printer shows offline"
    titles = " ".join(n.title.lower() for n in doc.nodes)
    assert "spooler" in titles and "queue" in titles
    assert SECRET not in json.dumps(proposal)
