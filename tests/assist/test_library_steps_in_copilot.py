"""The step library in the copilot: library steps that fit the question are evidence, offered as
suggested steps (title, and a source linking to the step) ranked with their quality boost, so
ratings move a step up and a "this step is wrong" flag moves it down; with a model they are
quoted, redacted, in the prompt and a suggestion naming one links to it. Another account's
steps never appear."""

from __future__ import annotations

import json
from typing import Any

from httpx import AsyncClient

from tests.ai.support import meta, use_model
from tests.assist.support import ask, new_session
from tests.fakes.llm_servers import FakeAnthropic, Reply
from tests.fixtures.factories import Factory, Person, Tenant

QUESTION = "zebra label printer prints blank labels"
RECALIBRATE = "Zebra label printer prints blank labels: recalibrate the media sensor"
RIBBON = "Zebra label printer prints blank labels: replace the ribbon"
PLANTED = "Hunter2-Zx9!qPlanted"


async def _step(client: AsyncClient, person: Person, title: str, body: str) -> str:
    r = await client.post(
        "/api/v1/steps",
        headers=person.headers,
        json={"title": title, "body": body, "kind": "action"},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _two_near_equal_steps(client: AsyncClient, tenant: Tenant) -> dict[str, str]:
    return {
        await _step(
            client, tenant.engineer, RECALIBRATE, "Hold the feed button until it flashes twice."
        ): RECALIBRATE,
        await _step(
            client, tenant.engineer, RIBBON, "Open the cover and fit a new ribbon, ink side out."
        ): RIBBON,
    }


def _library(reply: dict[str, Any]) -> list[str]:
    """The library steps among the reply's suggested steps, in order."""
    return [
        s["source"]["id"]
        for s in reply["suggestions"]
        if s["source"] and s["source"]["kind"] == "step"
    ]


async def _rate(client: AsyncClient, people: list[Person], step_id: str, stars: int) -> None:
    for person in people:
        r = await client.put(
            f"/api/v1/steps/{step_id}/rating", headers=person.headers, json={"stars": stars}
        )
        assert r.status_code == 200, r.text


async def test_a_rating_changes_the_steps_rank_in_the_copilots_suggestions_and_a_flag_drops_it(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    steps = await _two_near_equal_steps(client, tenant)
    # Another account's library has the very same steps, rated as well as can be.
    other = await factory.tenant()
    foreign = await _two_near_equal_steps(client, other)
    for sid in foreign:
        await _rate(client, [other.engineer, other.admin], sid, 5)
    sid = await new_session(client, tenant, "Warehouse")

    before = await ask(client, tenant, sid, QUESTION)
    order = _library(before)
    assert sorted(order) == sorted(steps), before["suggestions"]
    first, second = order
    shown = {s["source"]["id"]: s for s in before["suggestions"] if s["source"]}
    # Each is offered with its title and a source that links to the step (/steps/{id}).
    assert shown[second]["title"] == steps[second]
    assert shown[second]["source"]["title"] == steps[second]
    assert shown[first]["confidence"] == shown[second]["confidence"]  # near-equal: a tie
    assert "From your step library" in before["content"]
    assert {s["id"] for s in before["sources"] if s["kind"] == "step"} == set(steps)

    # Three engineers rate the second one 5 stars: it comes first.
    raters = [tenant.engineer, await factory.user(tenant), await factory.user(tenant)]
    await _rate(client, raters, second, 5)
    rated = await ask(client, tenant, sid, QUESTION)
    assert _library(rated) == [second, first]
    top = next(s for s in rated["suggestions"] if s["source"]["id"] == second)
    assert top["confidence"] > shown[second]["confidence"]
    assert "rated 5/5 by 3" in top["source"]["snippet"]

    # "This step is wrong": it drops below the other again.
    r = await client.post(
        f"/api/v1/steps/{second}/flags",
        headers=tenant.engineer.headers,
        json={"reason": "This model has no ribbon"},
    )
    assert r.status_code == 201, r.text
    flagged = await ask(client, tenant, sid, QUESTION)
    assert _library(flagged)[0] == first
    assert second not in _library(flagged)[:1]

    for reply in (before, rated, flagged):
        ids = {s["id"] for s in reply["sources"]} | set(_library(reply))
        assert not ids & set(foreign)


async def test_the_other_account_never_sees_these_steps(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    await _two_near_equal_steps(client, tenant)
    other = await factory.tenant()
    sid = await new_session(client, other, "Warehouse")

    reply = await ask(client, other, sid, QUESTION)

    assert _library(reply) == []
    assert not [s for s in reply["sources"] if s["kind"] == "step"]
    assert reply["content"].startswith("I don't know this one")


async def test_with_a_model_library_steps_are_quoted_redacted_and_a_suggestion_naming_one_links_it(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    recalibrate = await _step(
        client,
        tenant.engineer,
        RECALIBRATE,
        f"Hold the feed button until it flashes twice. The web admin password is {PLANTED}",
    )
    ribbon = await _step(client, tenant.engineer, RIBBON, "Fit a new ribbon, ink side out.")
    await _rate(client, [tenant.engineer, await factory.user(tenant)], ribbon, 5)
    sid = await new_session(client, tenant, "Warehouse")
    fake_anthropic.script(
        Reply(
            text="Recalibrate the sensor first.\n"
            + meta(
                0.8,
                {"title": RECALIBRATE, "instructions": "Hold feed.", "command": None},
                {"title": "Check the label stock", "instructions": "Direct thermal?"},
            )
        )
    )

    reply = await ask(client, tenant, sid, QUESTION)

    assert reply["provider"] == "anthropic"
    prompt = json.dumps(fake_anthropic.requests[-1]["json"])
    # Both steps are quoted as data (labels are cut at 80 characters), the better-rated first,
    # and redacted like other evidence.
    assert prompt.index(f"library step: {RIBBON[:60]}") < prompt.index(
        f"library step: {RECALIBRATE[:60]}"
    )
    assert "rated 5/5 by 2" in prompt
    assert PLANTED not in prompt and "[REDACTED:password]" in prompt
    # The model's suggestion that names a library step links to it; the step it did not
    # suggest follows the model's own suggestions.
    titles = [(s["title"], (s["source"] or {}).get("id")) for s in reply["suggestions"]]
    assert titles == [
        (RECALIBRATE, recalibrate),
        ("Check the label stock", None),
        (RIBBON, ribbon),
    ]
    assert [s["id"] for s in reply["sources"] if s["kind"] == "step"] == [ribbon, recalibrate]
