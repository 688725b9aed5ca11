"""Quick-create triage: offline rules on realistic texts, and a configured model's answer
mapped onto the PSA's choices (the text redacted before it leaves)."""

from __future__ import annotations

from httpx import AsyncClient

from tests.ai.support import use_model
from tests.fakes.connectwise import FakeConnectWise
from tests.fakes.llm_servers import FakeAnthropic, Reply
from tests.fixtures.factories import Tenant
from tests.psa.conftest import connect

URL = "/api/v1/psa/tickets/triage"


async def _triage(client: AsyncClient, tenant: Tenant, text: str) -> dict:  # type: ignore[type-arg]
    r = await client.post(URL, headers=tenant.engineer.headers, json={"text": text})
    assert r.status_code == 200, r.text
    return dict(r.json())


async def test_offline_triage_of_realistic_texts(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    t = await _triage(
        client,
        tenant,
        "Hi team,\nOutlook keeps crashing on my laptop since this morning and I have a client "
        "call at 2. Urgent please!\nJane\njane.doe@acme-corp.test",
    )
    assert t["source"] == "rules"
    assert (
        t["summary"]
        == "Outlook keeps crashing on my laptop since this morning and I have a client call at 2"
    )
    assert (t["company"]["name"], t["company"]["confidence"]) == ("Acme Corporation", 0.95)
    assert t["contact"]["name"] == "Jane Doe"
    assert t["priority"]["name"] == "Priority 2 - High"
    assert t["type"]["name"] == "Problem"  # "keeps" crashing: recurring
    assert t["board"]["name"] in ("Escalations", "Help Desk") and t["board"]["confidence"] < 0.5

    t = await _triage(
        client,
        tenant,
        "Nobody at Globex can get on the internet, the whole office is down!! from hank",
    )
    assert t["company"]["name"] == "Globex Ltd" and t["company"]["confidence"] >= 0.8
    assert t["priority"]["name"] == "Priority 1 - Critical"
    assert t["type"]["name"] == "Incident"
    assert t["summary"].startswith("Nobody at Globex can get on the internet")

    t = await _triage(
        client,
        tenant,
        "Could you set up a mailbox for our new starter Tom on Monday? No rush. "
        "Thanks, someone@acme-corp.test",
    )
    assert t["company"]["name"] == "Acme Corporation"  # by the e-mail domain
    assert t["contact"] is None
    assert t["type"]["name"] == "Service Request"
    # No "low" priority in this PSA: normal.
    assert t["priority"]["name"] == "Priority 3 - Normal"

    t = await _triage(
        client, tenant, "The Escalations board ticket about the VPN: password is Winter2024!"
    )
    assert t["board"]["name"] == "Escalations" and t["board"]["confidence"] == 0.8
    assert t["company"] is None
    assert "Winter2024!" not in t["description"]  # the description is redacted


async def test_triage_needs_a_connected_psa_and_an_engineer(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    r = await client.post(URL, headers=tenant.engineer.headers, json={"text": "printer"})
    assert r.status_code == 409
    await connect(client, tenant, cw)
    r = await client.post(URL, headers=tenant.viewer.headers, json={"text": "printer"})
    assert r.status_code == 403
    r = await client.post(URL, headers=tenant.engineer.headers, json={"text": ""})
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "text"]


async def test_a_configured_model_triages_the_redacted_text(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, fake_anthropic: FakeAnthropic
) -> None:
    await connect(client, tenant, cw)
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    fake_anthropic.script(
        Reply(
            json={
                "summary": "VPN drops for Globex staff",
                "company": "Globex Ltd",
                "company_confidence": 0.9,
                "priority": "Priority 2 - High",
                "priority_confidence": 0.7,
                "type": "No Such Type",  # not a choice: the rules' guess stays
            }
        )
    )
    t = await _triage(
        client, tenant, "vpn keeps dropping for everyone, my password is Hunter2-Zebra!9"
    )
    assert t["source"] == "model" and t["summary"] == "VPN drops for Globex staff"
    assert (t["company"]["id"], t["company"]["confidence"]) == ("251", 0.9)
    assert t["priority"]["name"] == "Priority 2 - High"
    assert t["type"]["name"] == "Problem"  # "keeps": the rules' guess
    prompt = str(fake_anthropic.last_request["json"])
    assert "vpn keeps dropping" in prompt and "Globex Ltd" in prompt
    assert "Hunter2-Zebra!9" not in prompt

    # The model failing: the rules answer, and say why.
    fake_anthropic.script(Reply(status=400))
    t = await _triage(client, tenant, "Printer offline at Acme")
    assert t["source"] == "rules" and t["note"]
    assert t["company"]["name"] == "Acme Corporation"
