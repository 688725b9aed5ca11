"""FlowPilot with a configured model (local servers speaking the vendors' wire formats through
the real SDKs): structured steps validated, malformed replies retried then answered offline,
tiers from the model's confidence, facts proposed, and the resolution package per provider."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from httpx import AsyncClient

from tests.ai.support import use_model
from tests.fakes.llm_servers import FakeAnthropic, FakeOpenAI, Reply
from tests.fixtures.factories import Factory, Tenant


async def _start(client: AsyncClient, tenant: Tenant, text: str) -> dict[str, Any]:
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={"title": "Pilot", "mode": "pilot", "intake": {"text": text}},
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


QUESTION = {
    "type": "question",
    "confidence": 0.6,  # above the fast model's escalation threshold (0.55)
    "text": "Does the spooler service run?",
    "options": ["Running", "Stopped"],
    "facts": ["Printer is a network printer"],
    "hypothesis": "Spooler stuck",
}


async def test_model_steps_are_structured_and_move_the_tier(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    fake_anthropic.script(
        Reply(json=QUESTION),
        Reply(
            json={
                "type": "resolution_suggestion",
                "confidence": 0.86,
                "summary": "The spooler is stopped: restart it and clear stuck jobs.",
                "fix": {
                    "title": "Restart the spooler",
                    "command": "Restart-Service Spooler -Force",
                },
            }
        ),
    )
    created = await _start(client, tenant, "Nobody can print at the Northwind front desk")
    step = created["pilot_step"]
    assert step["source"] == "model" and step["type"] == "question"
    assert step["options"] == ["Running", "Stopped"]
    assert created["tier"] == "exploring" and created["confidence"] == 0.6
    sent = fake_anthropic.requests[-1]["json"]
    assert sent["tool_choice"]["name"] == "pilot_step"  # structured output, forced tool
    assert "Northwind front desk" in json.dumps(sent["messages"])

    pilot = (
        await client.get(f"/api/v1/sessions/{created['id']}/pilot", headers=tenant.engineer.headers)
    ).json()
    assert pilot["facts"][0]["text"] == "Printer is a network printer"
    assert pilot["facts"][0]["origin"] == "ai" and pilot["facts"][0]["status"] == "proposed"
    assert pilot["triage"]["hypothesis"] == "Spooler stuck"

    r = await client.post(
        f"/api/v1/sessions/{created['id']}/pilot/steps/{step['id']}/answer",
        headers=tenant.engineer.headers,
        json={"option": "Stopped"},
    )
    result = r.json()
    assert result["tier"] == "guided" and result["confidence"] == 0.86
    nxt = result["pilot_step"]
    assert nxt["type"] == "resolution_suggestion"
    assert nxt["fix"]["command"] == "Restart-Service Spooler -Force"
    assert nxt["options"] == ["Try this fix", "Not this"]
    timeline = (
        await client.get(f"/api/v1/sessions/{created['id']}", headers=tenant.engineer.headers)
    ).json()["timeline"]
    tiers = [e["payload"]["tier"] for e in timeline if e["type"] == "pilot_confidence"]
    assert tiers[-1] == "guided"


async def test_a_malformed_step_is_retried_then_the_offline_engine_answers(
    client: AsyncClient, factory: Factory, fake_openai: FakeOpenAI
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "openai", fake_openai.base_url)
    # Valid JSON, invalid step (a question without text, a fork with one hypothesis) - twice.
    fake_openai.script(
        Reply(json={"type": "question", "confidence": 0.7}),
        Reply(json={"type": "fork", "confidence": 0.7, "hypotheses": [{"title": "only one"}]}),
    )
    created = await _start(client, tenant, "Laptop is slow after the update")
    step = created["pilot_step"]
    assert step["source"] == "generic"  # from the offline stepper
    assert len(fake_openai.requests) == 2
    second = json.dumps(fake_openai.requests[1]["json"])
    assert "previous proposal was invalid" in second
    pilot = (
        await client.get(f"/api/v1/sessions/{created['id']}/pilot", headers=tenant.engineer.headers)
    ).json()
    assert "malformed" in pilot["note"]


async def test_a_failing_model_falls_back_with_a_note(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    fake_anthropic.script(Reply(status=401))
    created = await _start(client, tenant, "Wi-Fi drops in the meeting room")
    assert created["pilot_step"]["source"] in ("generic", "history", "knowledge", "flow")
    pilot = (
        await client.get(f"/api/v1/sessions/{created['id']}/pilot", headers=tenant.engineer.headers)
    ).json()
    assert "offline engine" in pilot["note"]


async def test_the_resolution_package_from_each_provider_is_redacted(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic, fake_openai: FakeOpenAI
) -> None:
    for provider, server in (("anthropic", fake_anthropic), ("openai", fake_openai)):
        tenant = await factory.tenant()
        created = await _start(client, tenant, "Outlook asks for the password again")
        sid = created["id"]
        h = tenant.engineer.headers
        await client.post(
            f"/api/v1/sessions/{sid}/pilot/facts",
            headers=h,
            json={"text": "The user's password is Hunter2-Zx9!qPlanted"},
        )
        await use_model(client, tenant, provider, server.base_url)
        server.reset()
        server.script(
            Reply(
                json={
                    "psa_note": "Problem\nPrompts.\n\nWhat we confirmed\nPassword Hunter2-Zx9!qPlanted typed.\n\nRoot cause\nStale credentials.\n\nResolution\nCleared them.",
                    "kb_article": "# Outlook prompts\n\nClear Credential Manager.",
                    "client_summary": "Your Outlook no longer asks for your password.",
                }
            )
        )
        r = await client.get(f"/api/v1/sessions/{sid}/resolution-package", headers=h)
        assert r.status_code == 200, r.text
        pkg = r.json()
        assert pkg["model"] != "offline", provider
        sent = json.dumps(server.requests[-1]["json"])
        assert "Hunter2-Zx9!qPlanted" not in sent, provider  # redacted before it left
        # ...and what came back is redacted again on the way out.
        assert "Hunter2-Zx9!qPlanted" not in pkg["psa_note"]
        assert pkg["client_summary"] == "Your Outlook no longer asks for your password."


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


async def test_screenshots_and_logs_in_the_intake(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    import base64

    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    fake_anthropic.script(Reply(json=QUESTION))
    log = b"10:02 Spooler: job 44 failed, error 0x0000007e\n"
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={
            "title": "Printing",
            "mode": "pilot",
            "intake": {
                "text": "Nobody can print",
                "files": [
                    {"filename": "error.png", "data_base64": base64.b64encode(PNG).decode()},
                    {"filename": "spooler.log", "data_base64": base64.b64encode(log).decode()},
                ],
            },
        },
    )
    assert r.status_code == 201, r.text
    session = r.json()
    kinds = [e["type"] for e in session["timeline"]]
    assert kinds.count("attachment") == 2
    sent = fake_anthropic.requests[-1]["json"]
    content = sent["messages"][-1]["content"]
    assert any(b.get("type") == "image" for b in content)  # the screenshot, to the vision model
    pilot = (
        await client.get(f"/api/v1/sessions/{session['id']}/pilot", headers=tenant.engineer.headers)
    ).json()
    assert "0x0000007e" in pilot["triage"]["evidence"]  # read from the log

    bad = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={
            "title": "Bad",
            "mode": "pilot",
            "intake": {"text": "x y z", "files": [{"filename": "a.png", "data_base64": "!!"}]},
        },
    )
    assert bad.status_code == 422
    listed = (await client.get("/api/v1/sessions", headers=tenant.engineer.headers)).json()
    assert [s["title"] for s in listed["items"]] == ["Printing"]


def test_recent_success_lifts_a_match_a_little() -> None:
    from resolutionflow.pilot.service import _with_success

    assert _with_success(0.45, 0) == 0.45
    assert _with_success(0.45, 5) == 0.55
    assert _with_success(0.45, 50) == 0.55  # capped
    assert _with_success(0.95, 5) == 1.0


async def test_a_note_added_while_the_model_thinks_does_not_collide_with_the_next_step(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    fake_anthropic.script(Reply(json=QUESTION), Reply(json=QUESTION, delay_s=1.5))
    created = await _start(client, tenant, "Nobody can print at the Northwind front desk")
    step = created["pilot_step"]

    async def answer() -> Any:
        return await client.post(
            f"/api/v1/sessions/{created['id']}/pilot/steps/{step['id']}/answer",
            headers=tenant.engineer.headers,
            json={"option": "Stopped"},
        )

    async def note() -> Any:
        await asyncio.sleep(0.5)  # while the model is still thinking about the next step
        return await client.post(
            f"/api/v1/sessions/{created['id']}/events",
            headers=tenant.engineer.headers,
            json={"type": "note", "text": "User says it worked yesterday"},
        )

    answered, noted = await asyncio.gather(answer(), note())
    assert noted.status_code == 201, noted.text
    assert answered.status_code in (200, 201), answered.text
    r = await client.get(f"/api/v1/sessions/{created['id']}", headers=tenant.engineer.headers)
    seqs = [e["seq"] for e in r.json()["timeline"]]
    assert seqs == list(range(1, len(seqs) + 1))
    assert any(e["type"] == "note" for e in r.json()["timeline"])
