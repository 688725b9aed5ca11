"""The step library in FlowPilot: library steps that fit the intake are candidates for the next
step, ranked with their quality boost (ratings move a step up, a "this step is wrong" flag moves
it down), and a step taken from the library carries its id for the UI to link; a model's step
that is a library step is linked the same way. Another account's steps never appear."""

from __future__ import annotations

import json
from typing import Any

from httpx import AsyncClient

from tests.ai.support import use_model
from tests.fakes.llm_servers import FakeAnthropic, Reply
from tests.fixtures.factories import Factory, Person, Tenant

INTAKE = "Zebra label printer prints blank labels"
RECALIBRATE = "Zebra label printer prints blank labels: recalibrate the media sensor"
RIBBON = "Zebra label printer prints blank labels: replace the ribbon"


async def _step(client: AsyncClient, person: Person, title: str, **extra: Any) -> str:
    body = {"title": title, "body": "Hold `feed` until it flashes twice.", "kind": "action"}
    r = await client.post("/api/v1/steps", headers=person.headers, json={**body, **extra})
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _two_near_equal_steps(client: AsyncClient, tenant: Tenant) -> dict[str, str]:
    return {
        await _step(client, tenant.engineer, RECALIBRATE): RECALIBRATE,
        await _step(client, tenant.engineer, RIBBON, kind="check"): RIBBON,
    }


async def _start(client: AsyncClient, tenant: Tenant) -> dict[str, Any]:
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={"title": "Warehouse", "mode": "pilot", "intake": {"text": INTAKE}},
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _rate(client: AsyncClient, people: list[Person], step_id: str, stars: int) -> None:
    for person in people:
        r = await client.put(
            f"/api/v1/steps/{step_id}/rating", headers=person.headers, json={"stars": stars}
        )
        assert r.status_code == 200, r.text


async def test_a_rating_changes_which_library_step_flowpilot_suggests_and_a_flag_drops_it(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    steps = await _two_near_equal_steps(client, tenant)
    other = await factory.tenant()
    foreign = await _two_near_equal_steps(client, other)
    for sid in foreign:
        await _rate(client, [other.engineer, other.admin], sid, 5)

    created = await _start(client, tenant)
    step = created["pilot_step"]
    assert created["matched_flow"] is None
    assert step["source"] == "library" and step["purpose"] == "library_step"
    first = step["step_id"]
    assert first in steps
    assert step["source_ref"] == {"kind": "step", "id": first, "title": steps[first]}
    assert step["title"] == steps[first] and step["options"] == ["Done", "Doesn't apply"]
    (second,) = set(steps) - {first}

    # It doesn't apply: the other library step is next (a step is suggested once).
    r = await client.post(
        f"/api/v1/sessions/{created['id']}/pilot/steps/{step['id']}/answer",
        headers=tenant.engineer.headers,
        json={"option": "Doesn't apply"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["pilot_step"]["step_id"] == second
    pilot = (
        await client.get(f"/api/v1/sessions/{created['id']}/pilot", headers=tenant.engineer.headers)
    ).json()
    assert [s["step_id"] for s in pilot["steps"]] == [first, second]

    # Three engineers rate the second 5 stars: a new session starts with it.
    raters = [tenant.engineer, await factory.user(tenant), await factory.user(tenant)]
    await _rate(client, raters, second, 5)
    rated = await _start(client, tenant)
    assert rated["pilot_step"]["step_id"] == second
    assert rated["pilot_step"]["kind"] == (
        "verification" if steps[second] == RIBBON else "instruction"
    )

    # Flagged as wrong: it drops behind the other again.
    r = await client.post(
        f"/api/v1/steps/{second}/flags",
        headers=tenant.engineer.headers,
        json={"reason": "Not for direct thermal printers"},
    )
    assert r.status_code == 201, r.text
    flagged = await _start(client, tenant)
    assert flagged["pilot_step"]["step_id"] == first

    for session in (created, rated, flagged):
        assert session["pilot_step"]["step_id"] not in foreign

    # The other account's FlowPilot never offers this account's steps.
    theirs = await _start(client, other)
    assert theirs["pilot_step"]["step_id"] in foreign


async def test_a_library_question_offers_its_answers_and_the_answer_becomes_a_fact(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    question = await _step(
        client,
        tenant.engineer,
        "Zebra label printer prints blank labels: which label stock?",
        kind="question",
        answers=["Direct thermal", "Thermal transfer"],
        body="Direct thermal labels need no ribbon.",
    )

    created = await _start(client, tenant)
    step = created["pilot_step"]
    assert step["type"] == "question" and step["step_id"] == question
    assert step["options"] == ["Direct thermal", "Thermal transfer"]

    r = await client.post(
        f"/api/v1/sessions/{created['id']}/pilot/steps/{step['id']}/answer",
        headers=tenant.engineer.headers,
        json={"option": "Thermal transfer"},
    )
    assert r.status_code == 200, r.text
    pilot = (
        await client.get(f"/api/v1/sessions/{created['id']}/pilot", headers=tenant.engineer.headers)
    ).json()
    assert [f["text"] for f in pilot["facts"]] == [
        "Zebra label printer prints blank labels: which label stock?: Thermal transfer"
    ]


async def test_a_model_step_that_is_a_library_step_carries_its_id(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    steps = await _two_near_equal_steps(client, tenant)
    ribbon = next(sid for sid, title in steps.items() if title == RIBBON)
    fake_anthropic.script(
        Reply(
            json={
                "type": "action",
                "confidence": 0.7,
                "kind": "verification",
                "title": RIBBON,
                "instructions": "Open the cover.",
            }
        ),
        Reply(
            json={
                "type": "action",
                "confidence": 0.7,
                "kind": "instruction",
                "title": "Print a configuration label",
            }
        ),
    )

    created = await _start(client, tenant)
    step = created["pilot_step"]
    assert step["source"] == "model" and step["step_id"] == ribbon
    assert step["source_ref"] == {"kind": "step", "id": ribbon, "title": RIBBON}
    prompt = json.dumps(fake_anthropic.requests[-1]["json"])
    assert (
        f"library step: {RIBBON[:60]}" in prompt and f"library step: {RECALIBRATE[:60]}" in prompt
    )

    # A model step that is not a library step carries none.
    r = await client.post(
        f"/api/v1/sessions/{created['id']}/pilot/steps/{step['id']}/answer",
        headers=tenant.engineer.headers,
        json={"option": "Done"},
    )
    assert r.status_code == 200, r.text
    nxt = r.json()["pilot_step"]
    assert nxt["title"] == "Print a configuration label"
    assert nxt["step_id"] is None and nxt["source_ref"] is None
