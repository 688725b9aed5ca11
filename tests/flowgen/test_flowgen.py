"""Building flows with AI: the KB accelerator offline, the flow builder with a model (validated,
repaired), and what happens without a model. Also status updates for an audience."""

from __future__ import annotations

import io
import json
from typing import Any

import docx
from httpx import AsyncClient

from tests.ai.support import use_model
from tests.auth.support import assert_problem
from tests.fakes.llm_servers import FakeAnthropic, Reply
from tests.fixtures.factories import Factory

ARTICLE = b"""# Onboard a new laptop

## Prepare

1. Unbox the laptop and connect power
2. Join it to Entra ID
   - Sign in with the setup account
   - Choose "Join this device to Entra ID"
3. Install the standard apps:

```powershell
winget install --id Microsoft.Teams -e
```

## Hand over

Give the user the laptop and check they can sign in.
"""


async def test_an_article_becomes_a_procedural_draft_offline(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    r = await client.post(
        "/api/v1/flows/from-article", params={"filename": "onboard.md"}, headers=h, content=ARTICLE
    )
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["source"] == "article" and made["model"] == "offline" and made["problems"] == []
    flow = (await client.get(f"/api/v1/flows/{made['flow_id']}", headers=h)).json()
    assert flow["latest_version"] is None  # a draft, never published
    nodes = flow["draft"]["nodes"]
    assert [n["type"] for n in nodes] == ["action", "checklist", "action", "action", "resolution"]
    assert nodes[1]["items"] == [
        "Sign in with the setup account",
        'Choose "Join this device to Entra ID"',
    ]
    assert "winget install --id Microsoft.Teams -e" in nodes[2]["body"]
    assert nodes[3]["title"] == "Hand over"
    assert flow["draft"]["kind"] == "procedural"


async def test_a_docx_article_and_unusable_ones(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    d = docx.Document()
    d.add_heading("Reset a printer", 1)
    d.add_paragraph("1. Turn it off")
    d.add_paragraph("2. Hold the reset button while turning it on")
    buf = io.BytesIO()
    d.save(buf)
    r = await client.post(
        "/api/v1/flows/from-article",
        params={"filename": "reset.docx"},
        headers=h,
        content=buf.getvalue(),
    )
    assert r.status_code == 201, r.text
    assert r.json()["node_count"] == 3
    r = await client.post(
        "/api/v1/flows/from-article",
        params={"filename": "x.xlsx"},
        headers=h,
        content=b"PK\x03\x04junk",
    )
    assert_problem(r, 422)
    r = await client.post(
        "/api/v1/flows/from-article",
        params={"filename": "empty.txt"},
        headers=h,
        content=b"just one line",
    )
    assert_problem(r, 422)
    assert "numbered steps" in r.json()["detail"]


async def test_without_a_model_the_builder_says_what_to_configure(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    r = await client.post(
        "/api/v1/flows/generate",
        headers=tenant.engineer.headers,
        json={"description": "Teams calls drop after exactly 60 minutes"},
    )
    assert_problem(r, 422)
    assert "AI settings" in r.json()["detail"] and "Ollama" in r.json()["detail"]
    assert r.json()["type"].endswith("/model-required")
    listed = (await client.get("/api/v1/flows", headers=tenant.engineer.headers)).json()
    assert listed["items"] == []


def _flow(edges: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "title": "Teams calls drop",
        "description": "Calls drop after an hour",
        "category": "Microsoft 365",
        "kind": "troubleshooting",
        "start": "q1",
        "nodes": [
            {"id": "q1", "type": "question", "title": "Does it happen on every network?"},
            {
                "id": "a1",
                "type": "action",
                "title": "Check the firewall UDP timeout",
                "body": "```\nshow run | i timeout\n```",
            },
            {"id": "r1", "type": "resolution", "title": "Fixed", "outcome": "resolved"},
            {"id": "r2", "type": "resolution", "title": "Escalate", "outcome": "escalate"},
        ],
        "edges": edges,
    }


async def test_the_builder_repairs_an_invalid_flow_then_saves_the_draft(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    broken = _flow(
        [{"source": "q1", "target": "a1", "label": "No"}, {"source": "a1", "target": "r1"}]
    )  # r2 unreachable, one answer
    fixed = _flow(
        [
            {"source": "q1", "target": "a1", "label": "No"},
            {"source": "q1", "target": "r2", "label": "Yes"},
            {"source": "a1", "target": "r1"},
        ]
    )
    fake_anthropic.script(Reply(json=broken), Reply(json=fixed))
    r = await client.post(
        "/api/v1/flows/generate",
        headers=tenant.engineer.headers,
        json={"description": "Teams calls drop after exactly 60 minutes"},
    )
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["rounds"] == 1 and made["problems"] == [] and made["source"] == "model"
    assert made["model"] == "claude-sonnet-4-6"  # flow generation is a deep-tier action
    repair = json.dumps(fake_anthropic.requests[1]["json"])
    assert "previous flow had these problems" in repair
    flow = (
        await client.get(f"/api/v1/flows/{made['flow_id']}", headers=tenant.engineer.headers)
    ).json()
    assert len(flow["draft"]["edges"]) == 3 and flow["latest_version"] is None


async def test_status_updates_for_each_audience_offline(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    sid = (
        await client.post("/api/v1/sessions", headers=h, json={"title": "Mailbox full for Dana"})
    ).json()["id"]
    await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=h,
        json={"type": "note", "text": "Archive policy not applied; password is Tr0ub4dor&3"},
    )
    for audience in ("internal", "client", "email"):
        r = await client.post(
            f"/api/v1/sessions/{sid}/status-update",
            headers=h,
            json={"audience": audience, "detail": "detailed"},
        )
        assert r.status_code == 200, r.text
        update = r.json()
        assert update["model"] == "offline" and update["audience"] == audience
        assert "Tr0ub4dor&3" not in update["text"]
    assert update["text"].startswith(
        "Subject: Update on your support request: Mailbox full for Dana"
    )
    r = await client.post(
        f"/api/v1/sessions/{sid}/status-update", headers=h, json={"audience": "twitter"}
    )
    assert_problem(r, 422)
