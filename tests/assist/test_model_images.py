"""Images attached during a session reach the copilot's and FlowPilot's model requests (local
servers speaking the vendors' wire formats through the real SDKs): once each, within the
intake's limits, only for a model that accepts images, never another account's; and
`GET /sessions/{id}/model-images` says beforehand what the next call sends and why not."""

from __future__ import annotations

import base64
import json
import os
from typing import Any

import pytest
from httpx import AsyncClient

from resolutionflow.ai.images import MAX_IMAGE_BYTES, MAX_IMAGES, accepts_images
from tests.ai.support import meta, use_model
from tests.assist.support import new_session
from tests.fakes.llm_servers import FakeAnthropic, FakeOpenAI, Reply
from tests.fixtures.factories import Factory, Tenant


def png(size: int = 48) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + os.urandom(size)


async def attach(
    client: AsyncClient, tenant: Tenant, sid: str, data: bytes, name: str = "shot.png"
) -> str:
    r = await client.post(
        f"/api/v1/sessions/{sid}/attachments?filename={name}",
        headers=tenant.engineer.headers,
        content=data,
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def ask(client: AsyncClient, tenant: Tenant, sid: str, text: str) -> dict[str, Any]:
    r = await client.post(
        f"/api/v1/sessions/{sid}/copilot/messages",
        headers=tenant.engineer.headers,
        json={"content": text},
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


async def model_images(client: AsyncClient, tenant: Tenant, sid: str) -> dict[str, Any]:
    r = await client.get(f"/api/v1/sessions/{sid}/model-images", headers=tenant.engineer.headers)
    assert r.status_code == 200, r.text
    return dict(r.json())


def sent_images(body: dict[str, Any]) -> list[bytes]:
    """The image bytes in the last user message of an Anthropic or OpenAI request body."""
    content = body["messages"][-1]["content"]
    out = []
    for block in content if isinstance(content, list) else []:
        if block.get("type") == "image":
            out.append(base64.b64decode(block["source"]["data"]))
        elif block.get("type") == "image_url":
            out.append(base64.b64decode(block["image_url"]["url"].split(",", 1)[1]))
    return out


async def timeline(client: AsyncClient, tenant: Tenant, sid: str) -> list[dict[str, Any]]:
    r = await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)
    return list(r.json()["timeline"])


@pytest.mark.parametrize("vendor", ["anthropic", "openai"])
async def test_an_image_attached_mid_session_goes_to_the_copilot_once(
    client: AsyncClient,
    factory: Factory,
    fake_anthropic: FakeAnthropic,
    fake_openai: FakeOpenAI,
    vendor: str,
) -> None:
    server = fake_anthropic if vendor == "anthropic" else fake_openai
    tenant = await factory.tenant()
    await use_model(client, tenant, vendor, server.base_url)
    sid = await new_session(client, tenant, "Printer jams")
    shot = png()
    aid = await attach(client, tenant, sid, shot)
    await attach(client, tenant, sid, b"spooler log\n", "spooler.log")  # not an image

    listed = await model_images(client, tenant, sid)
    assert listed["accepts_images"] is True and listed["provider"] == vendor
    assert "can't be redacted" in listed["notice"]
    assert [(i["attachment_id"], i["will_send"], i["reason"]) for i in listed["items"]] == [
        (aid, True, None)
    ]

    server.script(Reply(text="Clear the tray." + meta(0.9)), Reply(text="Try again." + meta(0.9)))
    await ask(client, tenant, sid, "What does this error mean?")
    assert sent_images(server.requests[-1]["json"]) == [shot]
    reply = [e for e in await timeline(client, tenant, sid) if e["type"] == "copilot_reply"][-1]
    assert reply["payload"]["images_sent"] == [aid]

    listed = await model_images(client, tenant, sid)
    assert [(i["will_send"], i["reason"]) for i in listed["items"]] == [(False, "already_sent")]
    await ask(client, tenant, sid, "And now?")
    assert sent_images(server.requests[-1]["json"]) == []  # not resent on the next turn
    reply = [e for e in await timeline(client, tenant, sid) if e["type"] == "copilot_reply"][-1]
    assert "images_sent" not in reply["payload"]

    doc = await client.get(
        f"/api/v1/sessions/{sid}/documentation?format=markdown", headers=tenant.engineer.headers
    )
    assert doc.status_code == 200 and "images_sent" not in doc.text and aid not in doc.text


async def test_offline_the_images_stay_and_say_why(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    sid = await new_session(client, tenant, "Offline")
    await attach(client, tenant, sid, png())
    listed = await model_images(client, tenant, sid)
    assert listed["provider"] == "offline" and listed["accepts_images"] is False
    (item,) = listed["items"]
    assert item["will_send"] is False and item["reason"] == "offline" and item["reason_text"]
    await ask(client, tenant, sid, "What is on the screenshot?")
    reply = [e for e in await timeline(client, tenant, sid) if e["type"] == "copilot_reply"][-1]
    assert "images_sent" not in reply["payload"]
    assert (await model_images(client, tenant, sid))["items"][0]["reason"] == "offline"


async def test_a_text_only_model_gets_no_images(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url, fast_model="claude-2.1")
    sid = await new_session(client, tenant, "Old model")
    await attach(client, tenant, sid, png())
    listed = await model_images(client, tenant, sid)
    assert listed["accepts_images"] is False and listed["model"] == "claude-2.1"
    assert listed["items"][0]["reason"] == "text_only_model"
    fake_anthropic.script(Reply(text="Hm." + meta(0.9)))
    await ask(client, tenant, sid, "Look at this")
    assert sent_images(fake_anthropic.requests[-1]["json"]) == []


async def test_over_the_limit_images_wait_and_too_large_ones_never_go(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    sid = await new_session(client, tenant, "Many screenshots")
    big = await attach(client, tenant, sid, png(MAX_IMAGE_BYTES), "big.png")
    shots = [png() for _ in range(MAX_IMAGES + 1)]
    ids = [await attach(client, tenant, sid, s, f"s{i}.png") for i, s in enumerate(shots)]
    listed = {i["attachment_id"]: i for i in (await model_images(client, tenant, sid))["items"]}
    assert listed[big]["reason"] == "too_large" and not listed[big]["will_send"]
    assert [listed[i]["will_send"] for i in ids] == [True] * MAX_IMAGES + [False]
    assert listed[ids[-1]]["reason"] == "over_limit"

    fake_anthropic.script(Reply(text="One." + meta(0.9)), Reply(text="Two." + meta(0.9)))
    await ask(client, tenant, sid, "What do these show?")
    assert sent_images(fake_anthropic.requests[-1]["json"]) == shots[:MAX_IMAGES]
    await ask(client, tenant, sid, "And the last one?")
    assert sent_images(fake_anthropic.requests[-1]["json"]) == shots[MAX_IMAGES:]
    listed = {i["attachment_id"]: i for i in (await model_images(client, tenant, sid))["items"]}
    assert listed[big]["reason"] == "too_large"
    assert all(listed[i]["reason"] == "already_sent" for i in ids)


async def test_another_accounts_images_never_appear(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    ours, theirs = await factory.tenant(), await factory.tenant()
    await use_model(client, ours, "anthropic", fake_anthropic.base_url)
    await use_model(client, theirs, "anthropic", fake_anthropic.base_url)
    sid = await new_session(client, ours, "Ours")
    other = await new_session(client, theirs, "Theirs")
    mine = png()
    not_mine = png()
    await attach(client, ours, sid, mine)
    their_id = await attach(client, theirs, other, not_mine)
    r = await client.get(f"/api/v1/sessions/{other}/model-images", headers=ours.engineer.headers)
    assert r.status_code == 404
    listed = await model_images(client, ours, sid)
    assert their_id not in json.dumps(listed) and len(listed["items"]) == 1
    fake_anthropic.script(Reply(text="Ok." + meta(0.9)))
    await ask(client, ours, sid, "What is it?")
    assert sent_images(fake_anthropic.requests[-1]["json"]) == [mine]


QUESTION = {
    "type": "question",
    "confidence": 0.6,
    "text": "Does the spooler service run?",
    "options": ["Running", "Stopped"],
    "facts": [],
}


async def test_flowpilot_sends_the_intake_screenshot_once_and_a_new_one_with_the_next_step(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    fake_anthropic.script(Reply(json=QUESTION), Reply(json=QUESTION), Reply(json=QUESTION))
    intake_shot = png()
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={
            "title": "Printing",
            "mode": "pilot",
            "intake": {
                "text": "Nobody can print",
                "files": [
                    {
                        "filename": "intake.png",
                        "data_base64": base64.b64encode(intake_shot).decode(),
                    }
                ],
            },
        },
    )
    assert r.status_code == 201, r.text
    created = r.json()
    sid, step = created["id"], created["pilot_step"]
    assert sent_images(fake_anthropic.requests[-1]["json"]) == [intake_shot]

    later = png()
    later_id = await attach(client, tenant, sid, later, "later.png")
    listed = await model_images(client, tenant, sid)
    assert [(i["filename"], i["will_send"]) for i in listed["items"]] == [
        ("intake.png", False),
        ("later.png", True),
    ]
    r = await client.post(
        f"/api/v1/sessions/{sid}/pilot/steps/{step['id']}/answer",
        headers=tenant.engineer.headers,
        json={"option": "Stopped"},
    )
    assert r.status_code == 200, r.text
    assert sent_images(fake_anthropic.requests[-1]["json"]) == [later]
    shown = [e for e in await timeline(client, tenant, sid) if e["type"] == "pilot_step_shown"]
    assert shown[-1]["payload"]["images_sent"] == [later_id]

    r = await client.post(
        f"/api/v1/sessions/{sid}/pilot/steps/{r.json()['pilot_step']['id']}/answer",
        headers=tenant.engineer.headers,
        json={"option": "Running"},
    )
    assert r.status_code == 200, r.text
    assert sent_images(fake_anthropic.requests[-1]["json"]) == []


@pytest.mark.parametrize(
    ("provider", "model", "accepts"),
    [
        ("anthropic", "claude-haiku-4-5", True),
        ("anthropic", "claude-3-5-sonnet-20241022", True),
        ("anthropic", "claude-2.1", False),
        ("openai", "gpt-4o-mini", True),
        ("openai", "gpt-4.1", True),
        ("openai", "gpt-3.5-turbo", False),
        ("openai", "o3-mini", False),
        ("openai", "llama3", False),
        ("offline", "offline", False),
    ],
)
def test_which_models_accept_images(provider: str, model: str, accepts: bool) -> None:
    assert accepts_images(provider, model) is accepts


def test_an_installation_can_name_more_vision_models(monkeypatch: pytest.MonkeyPatch) -> None:
    from resolutionflow.config import get_settings

    monkeypatch.setattr(get_settings(), "llm_vision_models", "llava:13b, qwen2-vl")
    assert accepts_images("openai", "llava:13b") and accepts_images("openai", "qwen2-vl")
    assert not accepts_images("offline", "llava:13b")


async def test_removing_an_image_keeps_it_from_the_model(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    sid = await new_session(client, tenant, "Oops, a password on screen")
    keep, secret = png(), png()
    keep_id = await attach(client, tenant, sid, keep, "keep.png")
    secret_id = await attach(client, tenant, sid, secret, "password.png")
    url = f"/api/v1/sessions/{sid}/attachments/{secret_id}"
    r = await client.delete(url, headers=tenant.viewer.headers)
    assert r.status_code in (403, 404)  # a viewer may not remove files
    r = await client.delete(url, headers=tenant.engineer.headers)
    assert r.status_code == 204, r.text
    assert (await client.get(url, headers=tenant.engineer.headers)).status_code == 404
    assert (await client.delete(url, headers=tenant.engineer.headers)).status_code == 404
    listed = await model_images(client, tenant, sid)
    assert [i["attachment_id"] for i in listed["items"]] == [keep_id]
    fake_anthropic.script(Reply(text="Ok." + meta(0.9)))
    await ask(client, tenant, sid, "What now?")
    assert sent_images(fake_anthropic.requests[-1]["json"]) == [keep]
    removed = [e for e in await timeline(client, tenant, sid) if e["type"] == "attachment_removed"]
    assert removed[0]["payload"] == {"attachment_id": secret_id, "filename": "password.png"}
    doc = await client.get(
        f"/api/v1/sessions/{sid}/documentation?format=markdown", headers=tenant.engineer.headers
    )
    assert doc.status_code == 200


async def test_images_are_sent_again_only_when_asked(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    sid = await new_session(client, tenant, "Again")
    shot = png()
    await attach(client, tenant, sid, shot)
    fake_anthropic.script(*(Reply(text="Ok." + meta(0.9)) for _ in range(3)))
    await ask(client, tenant, sid, "First look")
    await ask(client, tenant, sid, "Second look")
    assert sent_images(fake_anthropic.requests[-1]["json"]) == []
    r = await client.get(
        f"/api/v1/sessions/{sid}/model-images?resend_images=true", headers=tenant.engineer.headers
    )
    assert [i["will_send"] for i in r.json()["items"]] == [True]
    r = await client.post(
        f"/api/v1/sessions/{sid}/copilot/messages",
        headers=tenant.engineer.headers,
        json={"content": "Look again at the screenshot", "resend_images": True},
    )
    assert r.status_code == 200, r.text
    assert sent_images(fake_anthropic.requests[-1]["json"]) == [shot]


async def test_a_text_only_deep_model_gets_no_images_when_a_fast_answer_escalates(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(
        client,
        tenant,
        "anthropic",
        fake_anthropic.base_url,
        fast_model="claude-haiku-4-5",
        deep_model="claude-2.1",
    )
    sid = await new_session(client, tenant, "Escalates")
    shot = png()
    await attach(client, tenant, sid, shot)
    fake_anthropic.script(Reply(text="Unsure." + meta(0.2)), Reply(text="Sure." + meta(0.9)))
    await ask(client, tenant, sid, "What is it?")
    fast, deep = fake_anthropic.requests[-2]["json"], fake_anthropic.requests[-1]["json"]
    assert fast["model"] == "claude-haiku-4-5" and sent_images(fast) == [shot]
    assert deep["model"] == "claude-2.1" and sent_images(deep) == []
