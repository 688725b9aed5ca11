"""FlowPilot with the offline engine: intake and triage, flow matching, one structured step at a
time with confidence and tier, facts, fixes, and the resolution package."""

from __future__ import annotations

import uuid
from typing import Any

from httpx import AsyncClient

from resolutionflow.pilot.matching import MATCH_FROM
from tests.assist.support import publish_demo_library
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory, Tenant


async def _start(client: AsyncClient, tenant: Tenant, text: str, **extra: Any) -> dict[str, Any]:
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={"title": "FlowPilot", "mode": "pilot", "intake": {"text": text}, **extra},
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _answer(
    client: AsyncClient, tenant: Tenant, sid: str, step: dict[str, Any], **body: Any
) -> dict[str, Any]:
    r = await client.post(
        f"/api/v1/sessions/{sid}/pilot/steps/{step['id']}/answer",
        headers=tenant.engineer.headers,
        json=body,
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


async def test_intake_matches_a_flow_and_following_it_walks_the_authored_tree(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flows = await publish_demo_library(client, tenant)
    created = await _start(
        client,
        tenant,
        "Sam at Fabrikam: GlobalProtect VPN won't connect from home, says gateway unreachable "
        "(error 0x80072efd) on laptop FAB-LT042",
    )
    assert created["mode"] == "pilot"
    assert created["matched_flow"]["id"] == flows["VPN won't connect"]
    assert created["matched_flow"]["score"] >= MATCH_FROM
    assert created["tier"] in ("discovery", "exploring")
    step = created["pilot_step"]
    assert step["type"] == "question" and step["purpose"] == "follow_flow"
    assert step["options"] == ["Follow this flow", "Not this one"]

    pilot = (
        await client.get(f"/api/v1/sessions/{created['id']}/pilot", headers=tenant.engineer.headers)
    ).json()
    assert pilot["triage"]["category"] == "remote access / VPN"
    assert "0x80072efd" in pilot["triage"]["evidence"]
    assert pilot["triage"]["asset"] == "FAB-LT042"

    result = await _answer(client, tenant, created["id"], step, option="Follow this flow")
    assert result["tier"] == "guided" and result["confidence"] >= 0.8
    step = result["pilot_step"]
    assert step["source"] == "flow" and step["purpose"] == "flow_node"
    assert step["type"] == "question"
    assert step["text"].startswith("Is it just this user")

    # Answering a flow step drives the flow engine: the session's own step moves too.
    result = await _answer(client, tenant, created["id"], step, option=step["options"][0])
    session = (
        await client.get(f"/api/v1/sessions/{created['id']}", headers=tenant.engineer.headers)
    ).json()
    assert session["current_step"]["title"] == result["pilot_step"]["text"].split("\n")[0]
    types = [e["type"] for e in session["timeline"]]
    for kind in (
        "pilot_intake",
        "flow_proposed",
        "flow_accepted",
        "flow_switched",
        "pilot_step_shown",
        "pilot_step_answered",
        "pilot_confidence",
        "answer",
    ):
        assert kind in types, kind


async def test_without_a_match_discovery_questions_become_facts_and_a_past_fix_is_proposed(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    # A past resolved session the team can learn from.
    r = await client.post(
        "/api/v1/sessions", headers=h, json={"title": "Zebra label printer prints blank labels"}
    )
    past = r.json()["id"]
    await client.post(
        f"/api/v1/sessions/{past}/events",
        headers=h,
        json={
            "type": "resolve",
            "summary": "Recalibrated the ZD420 media sensor (hold feed for 2 flashes)",
        },
    )
    created = await _start(client, tenant, "Zebra printer in the warehouse prints blank labels")
    sid = created["id"]
    assert created["matched_flow"] is None
    step = created["pilot_step"]
    # The past fix fits well enough to propose first.
    assert step["type"] == "resolution_suggestion" and step["source"] == "history"
    assert "Recalibrated the ZD420" in step["summary"]
    assert step["source_ref"]["id"] == past

    result = await _answer(client, tenant, sid, step, option="Try this fix")
    check = result["pilot_step"]
    assert check["type"] == "action" and check["kind"] == "verification"
    assert check["options"] == ["Success", "Failed", "Partial", "Pending"]
    pilot = (await client.get(f"/api/v1/sessions/{sid}/pilot", headers=h)).json()
    (fix,) = pilot["fixes"]
    assert fix["status"] == "verifying"

    result = await _answer(client, tenant, sid, check, option="Success", text="Labels print again")
    assert result["tier"] == "guided" and result["confidence"] >= 0.9
    assert result["pilot_step"]["type"] == "resolution_suggestion"
    assert result["pilot_step"]["purpose"] == "resolve"
    pilot = (await client.get(f"/api/v1/sessions/{sid}/pilot", headers=h)).json()
    assert pilot["fixes"][0]["status"] == "applied" and pilot["fixes"][0]["outcome"] == "success"


async def test_discovery_when_the_team_knows_nothing_and_honesty_at_the_end(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    created = await _start(client, tenant, "The label maker prints hieroglyphs after lunch")
    sid = created["id"]
    assert created["tier"] == "discovery"
    step = created["pilot_step"]
    seen = []
    for _ in range(6):
        if step["purpose"] != "discovery":
            break
        seen.append(step["text"])
        answer = {"option": step["options"][0]} if step["options"] else {"text": "E-42 paper jam"}
        step = (await _answer(client, tenant, sid, step, **answer))["pilot_step"]
    assert seen[0].startswith("Is it just this user")
    assert step["kind"] == "info_request" and "doesn't cover this yet" in step["title"]
    pilot = (
        await client.get(f"/api/v1/sessions/{sid}/pilot", headers=tenant.engineer.headers)
    ).json()
    texts = [f["text"] for f in pilot["facts"]]
    assert "Scope: Just this user" in texts and all(
        f["origin"] == "ai" and f["status"] == "proposed" for f in pilot["facts"]
    )


async def test_facts_and_triage_edits_are_the_engineers(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    created = await _start(client, tenant, "Outlook keeps crashing on start for Dana")
    sid = created["id"]
    step = created["pilot_step"]
    step = (await _answer(client, tenant, sid, step, option=step["options"][0]))["pilot_step"]
    pilot = (await client.get(f"/api/v1/sessions/{sid}/pilot", headers=h)).json()
    fact = pilot["facts"][0]

    r = await client.patch(
        f"/api/v1/sessions/{sid}/pilot/facts/{fact['id']}", headers=h, json={"status": "confirmed"}
    )
    assert r.json()["status"] == "confirmed"
    r = await client.patch(
        f"/api/v1/sessions/{sid}/pilot/facts/{fact['id']}", headers=h, json={"status": "deleted"}
    )
    assert r.json()["status"] == "deleted"
    r = await client.patch(
        f"/api/v1/sessions/{sid}/pilot/facts/{fact['id']}", headers=h, json={"text": "again"}
    )
    assert_problem(r, 409)
    r = await client.post(
        f"/api/v1/sessions/{sid}/pilot/facts", headers=h, json={"text": "Safe mode works"}
    )
    assert (
        r.status_code == 201
        and r.json()["origin"] == "engineer"
        and r.json()["status"] == "confirmed"
    )

    r = await client.patch(
        f"/api/v1/sessions/{sid}/pilot/triage", headers=h, json={"hypothesis": "A COM add-in"}
    )
    assert r.json()["triage"]["hypothesis"] == "A COM add-in" and r.json()["triage_edited"] == [
        "hypothesis"
    ]
    # Deleted facts stay (soft) and the deletion is on the timeline.
    pilot = (await client.get(f"/api/v1/sessions/{sid}/pilot", headers=h)).json()
    assert [f["status"] for f in pilot["facts"]] == ["deleted", "confirmed"]
    timeline = (await client.get(f"/api/v1/sessions/{sid}", headers=h)).json()["timeline"]
    assert {"fact_deleted", "fact_confirmed", "triage_edited"} <= {e["type"] for e in timeline}


async def test_one_active_fix_at_a_time_and_the_lifecycle(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    sid = (await _start(client, tenant, "Slow laptop after the update"))["id"]
    url = f"/api/v1/sessions/{sid}/pilot/fixes"
    first = (await client.post(url, headers=h, json={"title": "Roll back the driver"})).json()
    assert first["status"] == "proposed"
    assert_problem(await client.post(url, headers=h, json={"title": "Reinstall"}), 409)
    assert_problem(
        await client.patch(f"{url}/{first['id']}", headers=h, json={"status": "applied"}), 422
    )
    r = await client.patch(
        f"{url}/{first['id']}", headers=h, json={"status": "applied", "outcome": "failed"}
    )
    assert r.json()["status"] == "applied" and r.json()["outcome"] == "failed"
    assert_problem(
        await client.patch(f"{url}/{first['id']}", headers=h, json={"status": "dismissed"}), 409
    )
    second = await client.post(url, headers=h, json={"title": "Reinstall"})
    assert second.status_code == 201  # the first is no longer active


async def test_answers_are_validated_and_change_nothing_when_wrong(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    created = await _start(client, tenant, "Printer offline at the front desk")
    sid, step = created["id"], created["pilot_step"]
    base = f"/api/v1/sessions/{sid}/pilot/steps/{step['id']}/answer"
    assert_problem(await client.post(base, headers=h, json={}), 422)
    if step["options"]:
        assert_problem(await client.post(base, headers=h, json={"option": "Maybe"}), 422)
    ok = await client.post(base, headers=h, json={"skip": True})
    assert ok.status_code == 200
    assert_problem(await client.post(base, headers=h, json={"skip": True}), 409)  # already skipped
    other = await factory.tenant()
    r = await client.post(base, headers=other.engineer.headers, json={"skip": True})
    assert r.status_code == 404
    r = await client.post("/api/v1/sessions", headers=h, json={"title": "x", "mode": "pilot"})
    assert_problem(r, 422)


async def test_the_resolution_package_offline_is_redacted_and_complete(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    sid = (await _start(client, tenant, "Outlook asks for the password again and again"))["id"]
    await client.post(
        f"/api/v1/sessions/{sid}/pilot/facts",
        headers=h,
        json={"text": "Her password is Tr0ub4dor&3 per the user"},
    )
    fix = (
        await client.post(
            f"/api/v1/sessions/{sid}/pilot/fixes",
            headers=h,
            json={"title": "Clear cached credentials", "command": "cmdkey /list"},
        )
    ).json()
    await client.patch(
        f"/api/v1/sessions/{sid}/pilot/fixes/{fix['id']}",
        headers=h,
        json={"status": "applied", "outcome": "success"},
    )
    await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=h,
        json={"type": "resolve", "summary": "Cleared stale Office credentials"},
    )

    r = await client.get(f"/api/v1/sessions/{sid}/resolution-package", headers=h)
    assert r.status_code == 200, r.text
    pkg = r.json()
    assert pkg["model"] == "offline"
    for heading in ("Problem", "What we confirmed", "Root cause", "Resolution"):
        assert heading + "\n" in pkg["psa_note"]
    assert "Cleared stale Office credentials" in pkg["psa_note"]
    assert "Tr0ub4dor&3" not in str(pkg) and "[REDACTED:password]" in pkg["psa_note"]
    assert pkg["kb_article"].startswith("# ") and "cmdkey /list" in pkg["kb_article"]
    assert "fixed" in pkg["client_summary"]


async def test_the_psa_note_counts_each_step_once_and_no_decisions(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    await publish_demo_library(client, tenant)
    h = tenant.engineer.headers
    created = await _start(client, tenant, "GlobalProtect VPN won't connect, gateway unreachable")
    sid = created["id"]
    step = (await _answer(client, tenant, sid, created["pilot_step"], option="Follow this flow"))[
        "pilot_step"
    ]
    step = (await _answer(client, tenant, sid, step, option=step["options"][0]))["pilot_step"]
    pkg = (await client.get(f"/api/v1/sessions/{sid}/resolution-package", headers=h)).json()
    note = pkg["psa_note"]
    assert "Follow this flow" not in note and "Follow “" not in note
    assert note.count("Is it just this user") == 1
    # No one stood behind a root cause yet.
    assert "Root cause\nNot established." in note


async def test_a_flow_action_result_becomes_a_proposed_fact(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    await publish_demo_library(client, tenant)
    created = await _start(client, tenant, "Printer offline at the front desk")
    sid = created["id"]
    step = created["pilot_step"]
    assert step["purpose"] == "follow_flow"
    step = (await _answer(client, tenant, sid, step, option="Follow this flow"))["pilot_step"]
    for _ in range(6):
        if step["type"] == "action":
            break
        reply = {"option": step["options"][0]} if step["options"] else {"text": "HP-FLOOR2"}
        step = (await _answer(client, tenant, sid, step, **reply))["pilot_step"]
    assert step["type"] == "action", step
    await _answer(client, tenant, sid, step, option="Done", text="Spooler was stopped")
    pilot = (
        await client.get(f"/api/v1/sessions/{sid}/pilot", headers=tenant.engineer.headers)
    ).json()
    assert any(
        f["text"].endswith(": Spooler was stopped") and f["status"] == "proposed"
        for f in pilot["facts"]
    )


async def test_keep_working_after_a_fix_is_not_asked_to_resolve_again(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    sid = (await _start(client, tenant, "Teams crashes when sharing the screen"))["id"]
    pilot = (await client.get(f"/api/v1/sessions/{sid}/pilot", headers=h)).json()
    fix = (
        await client.post(
            f"/api/v1/sessions/{sid}/pilot/fixes",
            headers=h,
            json={"title": "Clear the Teams cache"},
        )
    ).json()
    await client.patch(
        f"/api/v1/sessions/{sid}/pilot/fixes/{fix['id']}",
        headers=h,
        json={"status": "applied", "outcome": "success"},
    )
    step = (await _answer(client, tenant, sid, pilot["pilot_step"], skip=True))["pilot_step"]
    assert step["purpose"] == "resolve"
    step = (await _answer(client, tenant, sid, step, option="Keep working"))["pilot_step"]
    assert step["purpose"] != "resolve"
    # No open step left to answer: ask for one; while one is open, that is a 409.
    r = await client.post(f"/api/v1/sessions/{sid}/pilot/next", headers=h)
    assert_problem(r, 409)


async def test_a_session_left_without_an_open_step_can_ask_for_one(
    client: AsyncClient, factory: Factory
) -> None:
    from sqlalchemy import update

    from resolutionflow.models import PilotStep

    tenant = await factory.tenant()
    h = tenant.engineer.headers
    created = await _start(client, tenant, "Scanner to email fails")
    sid = created["id"]
    # As if proposing the step after the last answer had failed.
    async with factory._db() as db:
        await db.execute(
            update(PilotStep)
            .where(PilotStep.session_id == uuid.UUID(sid), PilotStep.status == "open")
            .values(status="superseded")
        )
        await db.commit()
    assert (await client.get(f"/api/v1/sessions/{sid}/pilot", headers=h)).json()[
        "pilot_step"
    ] is None
    r = await client.post(f"/api/v1/sessions/{sid}/pilot/next", headers=h)
    assert r.status_code == 200, r.text
    assert r.json()["pilot_step"]["status"] == "open"
    assert (await client.get(f"/api/v1/sessions/{sid}/pilot", headers=h)).json()["pilot_step"][
        "id"
    ] == r.json()["pilot_step"]["id"]
