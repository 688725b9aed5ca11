"""Running flows: every node type, subflows, going back, switching, and refusing bad answers."""

from __future__ import annotations

from httpx import AsyncClient

from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory
from tests.sessions.flows import CHILD, EVERY_TYPE, parent, publish, send, start


async def test_a_session_pins_the_published_version_and_shows_the_start(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flow_id = await publish(client, tenant, EVERY_TYPE)
    session = await start(client, tenant, flow_id, ticket_id="T-881")
    assert session["status"] == "active" and session["flow_version"] == 1
    assert session["ticket_id"] == "T-881"
    step = session["current_step"]
    assert step["node_id"] == "q" and step["answers"] == ["Yes", "No"]
    assert [e["type"] for e in session["timeline"]] == ["started", "step_shown"]

    # Publishing v2 later does not move the running session.
    changed = {**EVERY_TYPE, "title": "Mapped drive missing (v2)"}
    await client.put(f"/api/v1/flows/{flow_id}/draft", headers=tenant.admin.headers, json=changed)
    await client.post(f"/api/v1/flows/{flow_id}/publish", headers=tenant.admin.headers, json={})
    r = await send(client, tenant, session["id"], type="answer", node_id="q", answer="yes")
    assert r.status_code == 201 and r.json()["session"]["flow_version"] == 1


async def test_walking_every_node_type_to_a_resolution(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    session = await start(client, tenant, await publish(client, tenant, EVERY_TYPE))
    sid = session["id"]

    r = await send(client, tenant, sid, type="answer", node_id="q", answer="Yes")
    assert r.json()["session"]["current_step"]["type"] == "input"
    assert_problem(
        await send(client, tenant, sid, type="answer", node_id="code", answer=""),
        422,
        field="value",
    )
    r = await send(
        client, tenant, sid, type="answer", node_id="code", answer="", value="0x80070035"
    )
    assert r.json()["session"]["variables"] == {"error_code": "0x80070035"}

    # Checklist: ticked one by one; answering before all are ticked is refused.
    assert_problem(
        await send(client, tenant, sid, type="answer", node_id="pre", answer=""), 422, field="items"
    )
    r = await send(client, tenant, sid, type="check", node_id="pre", item=0)
    assert r.json()["session"]["current_step"]["ticked"] == [0]
    r = await send(client, tenant, sid, type="check", node_id="pre", item="Note the drive letter")
    assert r.json()["session"]["current_step"]["ticked"] == [0, 1]
    r = await send(client, tenant, sid, type="answer", node_id="pre", answer="")
    step = r.json()["session"]["current_step"]
    # Captured values show in later text.
    assert step["node_id"] == "act" and step["title"] == "Remap with error 0x80070035"

    r = await send(client, tenant, sid, type="answer", node_id="act", answer="", result="Z: back")
    body = r.json()
    assert body["session"]["flow_outcome"] == "resolved"
    assert [e["type"] for e in body["events"]] == ["answer", "step_shown", "flow_completed"]
    # The flow part is over; the session stays open until the engineer resolves it.
    assert body["session"]["status"] == "active"
    assert_problem(await send(client, tenant, sid, type="answer", node_id="ok", answer=""), 409)


async def test_an_unknown_answer_is_422_and_changes_nothing(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    session = await start(client, tenant, await publish(client, tenant, EVERY_TYPE))
    r = await send(client, tenant, session["id"], type="answer", node_id="q", answer="Maybe")
    body = assert_problem(r, 422, field="answer")
    assert "“Yes”" in body["detail"] and "“No”" in body["detail"]
    again = await client.get(f"/api/v1/sessions/{session['id']}", headers=tenant.engineer.headers)
    assert again.json()["last_seq"] == session["last_seq"]
    assert again.json()["current_node"] == "q"
    # Answering a step that is not the current one is a conflict, also without effect.
    assert_problem(
        await send(client, tenant, session["id"], type="answer", node_id="act", answer=""), 409
    )


async def test_going_back_is_a_new_event_and_history_stays(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    session = await start(client, tenant, await publish(client, tenant, EVERY_TYPE))
    sid = session["id"]
    await send(client, tenant, sid, type="answer", node_id="q", answer="No")
    r = await send(client, tenant, sid, type="back")
    assert r.status_code == 201
    assert r.json()["session"]["current_node"] == "q"
    assert r.json()["session"]["flow_outcome"] is None
    r = await send(client, tenant, sid, type="answer", node_id="q", answer="Yes")
    assert r.json()["session"]["current_node"] == "code"
    timeline = (await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)).json()
    types = [e["type"] for e in timeline["timeline"]]
    # The escalation answer is still on the timeline, followed by the correction.
    assert types == [
        "started",
        "step_shown",
        "answer",
        "step_shown",
        "flow_completed",
        "went_back",
        "answer",
        "step_shown",
    ]
    assert [e["seq"] for e in timeline["timeline"]] == list(range(1, 9))


async def test_subflows_are_entered_and_returned_from(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    child_id = await publish(client, tenant, CHILD)
    session = await start(client, tenant, await publish(client, tenant, parent(child_id)))
    sid = session["id"]
    r = await send(client, tenant, sid, type="answer", node_id="p1", answer="")
    step = r.json()["session"]["current_step"]
    assert step["node_id"] == "c1" and step["flow_title"] == "Clear credential manager"
    r = await send(client, tenant, sid, type="answer", node_id="c1", answer="")
    body = r.json()
    assert [e["type"] for e in body["events"]] == [
        "answer",
        "step_shown",
        "subflow_returned",
        "step_shown",
    ]
    assert body["session"]["current_step"]["node_id"] == "p2"
    assert body["session"]["current_step"]["flow_title"] == "Drive asks for password"
    # Going back from the parent returns into the subflow's last step.
    r = await send(client, tenant, sid, type="back")
    assert r.json()["session"]["current_step"]["node_id"] == "c1"


async def test_switching_flow_mid_session_is_recorded(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    first = await publish(client, tenant, EVERY_TYPE)
    second = await publish(client, tenant, CHILD)
    session = await start(client, tenant, first)
    r = await send(client, tenant, session["id"], type="switch_flow", flow_id=second)
    body = r.json()
    assert body["events"][0]["type"] == "flow_switched"
    assert body["events"][0]["payload"]["from_flow_title"] == "Mapped drive missing"
    assert body["session"]["flow_id"] == second and body["session"]["current_node"] == "c1"


async def test_freeform_sessions_take_notes_and_output_verbatim(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    session = await start(client, tenant, None)
    assert session["current_step"] is None and session["flow_id"] is None
    output = "  Pinging fs01 [10.0.0.5]\n\tRequest timed out.\n"
    r = await send(
        client, tenant, session["id"], type="command_output", text=output, command="ping fs01"
    )
    assert r.json()["events"][0]["payload"]["text"] == output
    assert_problem(
        await send(client, tenant, session["id"], type="answer", node_id="q", answer="Yes"), 409
    )


async def test_pause_resume_and_resolve(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    session = await start(client, tenant, await publish(client, tenant, EVERY_TYPE))
    sid = session["id"]
    r = await send(client, tenant, sid, type="pause")
    assert r.json()["session"]["status"] == "paused"
    assert_problem(await send(client, tenant, sid, type="answer", node_id="q", answer="Yes"), 409)
    assert (
        await send(client, tenant, sid, type="note", text="waiting for the user")
    ).status_code == 201
    r = await send(client, tenant, sid, type="resume")
    assert r.json()["session"]["status"] == "active"
    r = await send(client, tenant, sid, type="resolve", summary="Remapped Z:", follow_ups=["GPO"])
    s = r.json()["session"]
    assert s["status"] == "resolved" and s["outcome"] == "resolved" and s["ended_at"]
    assert_problem(await send(client, tenant, sid, type="resume"), 409)
    assert (await send(client, tenant, sid, type="note", text="user confirmed")).status_code == 201


async def test_unpublished_flows_cannot_be_run(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    r = await client.post("/api/v1/flows", headers=tenant.admin.headers, json=EVERY_TYPE)
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={"title": "x", "flow_id": r.json()["id"]},
    )
    assert_problem(r, 422, field="flow_id")
    listed = await client.get("/api/v1/sessions", headers=tenant.engineer.headers)
    assert listed.json()["items"] == []


async def test_sessions_are_visible_to_their_owner_and_team_admins_only(
    client: AsyncClient, factory: Factory
) -> None:
    from resolutionflow.models import Role

    tenant = await factory.tenant()
    colleague = await factory.user(tenant, Role.engineer)
    session = await start(client, tenant, None)
    path = f"/api/v1/sessions/{session['id']}"
    assert (await client.get(path, headers=tenant.admin.headers)).status_code == 200
    assert_problem(await client.get(path, headers=colleague.headers), 404)
    assert_problem(await client.get(path, headers=tenant.viewer.headers), 404)
    r = await client.post(
        f"{path}/events", headers=colleague.headers, json={"type": "note", "text": "hi"}
    )
    assert_problem(r, 404)
    mine = await client.get("/api/v1/sessions", headers=colleague.headers)
    assert mine.json()["items"] == []
