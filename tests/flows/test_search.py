"""Full-text search over the flow library (`GET /flows?q=`), on SQLite FTS5 and PostgreSQL."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from httpx import AsyncClient

from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory, Person

API = "/api/v1"

FLOW: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "Generic steps",
    "kind": "troubleshooting",
    "start": "q",
    "nodes": [
        {"id": "q", "type": "question", "title": "Is it plugged in?", "body": ""},
        {"id": "c", "type": "checklist", "title": "Checks", "items": ["Look at the cable"]},
        {"id": "ok", "type": "resolution", "title": "Works", "outcome": "resolved"},
        {"id": "no", "type": "resolution", "title": "Escalate", "outcome": "escalate"},
    ],
    "edges": [
        {"source": "q", "target": "ok", "label": "Yes"},
        {"source": "q", "target": "c", "label": "No"},
        {"source": "c", "target": "no", "label": ""},
    ],
}


def flow(*, body: str = "", items: list[str] | None = None, **top: Any) -> dict[str, Any]:
    data = copy.deepcopy(FLOW)
    data.update(top)
    data["nodes"][0]["body"] = body
    if items is not None:
        data["nodes"][1]["items"] = items
    return data


async def create(client: AsyncClient, who: Person, **kw: Any) -> str:
    r = await client.post(f"{API}/flows", json=flow(**kw), headers=who.headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def search(client: AsyncClient, who: Person, q: str, **params: Any) -> list[dict[str, Any]]:
    r = await client.get(f"{API}/flows", params={"q": q, **params}, headers=who.headers)
    assert r.status_code == 200, (q, r.status_code, r.text)
    return list(r.json()["items"])


async def found(client: AsyncClient, who: Person, q: str, **params: Any) -> list[str]:
    return [i["title"] for i in await search(client, who, q, **params)]


async def test_search_covers_title_description_tags_node_text_and_checklist_items(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    e = t.engineer
    await create(client, e, title="Zorblat gateway reset")
    await create(client, e, title="By description", description="The quenvix appliance hangs")
    await create(client, e, title="By tag", tags=["tagmoro"])
    await create(client, e, title="By body", body="Open the **bodyflux** console.")
    await create(client, e, title="By item", items=["Drain the kettlewick"])
    await create(client, e, title="Unrelated")
    assert await found(client, e, "zorblat") == ["Zorblat gateway reset"]
    assert await found(client, e, "quenvix") == ["By description"]
    assert await found(client, e, "tagmoro") == ["By tag"]
    assert await found(client, e, "bodyflux") == ["By body"]
    assert await found(client, e, "kettlewick") == ["By item"]
    assert await found(client, e, "ZORBLAT") == ["Zorblat gateway reset"]
    assert await found(client, e, "nothing-like-this-anywhere") == []


async def test_every_term_must_match(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    await create(client, t.engineer, title="Outlook crashes on start")
    await create(client, t.engineer, title="Outlook search is empty")
    assert sorted(await found(client, t.engineer, "outlook")) == [
        "Outlook crashes on start",
        "Outlook search is empty",
    ]
    assert await found(client, t.engineer, "outlook crashes") == ["Outlook crashes on start"]
    assert await found(client, t.engineer, "outlook teams") == []


async def test_a_prefix_finds_the_flow_while_typing(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    await create(client, t.engineer, title="Outlook will not start")
    for typed in ("outl", "Outlo", "outloo", "outlook"):
        assert await found(client, t.engineer, typed) == ["Outlook will not start"], typed
    assert await found(client, t.engineer, "outlook will") == ["Outlook will not start"]


async def test_every_prefix_typed_on_the_way_to_a_word_keeps_finding_the_flow(
    client: AsyncClient, factory: Factory
) -> None:
    # Results must not vanish and come back while someone types "printing", "mapped" or
    # "outlook" letter by letter: stemming an unfinished word, or dropping it as a stop word
    # ("out" on PostgreSQL), must not stop it matching as a prefix.
    t = await factory.tenant()
    await create(client, t.engineer, title="Printing stopped")
    await create(client, t.engineer, title="Mapped drive missing")
    await create(client, t.engineer, title="Outlook will not start")
    missing = []
    for word, title in (
        ("printing", "Printing stopped"),
        ("mapped", "Mapped drive missing"),
        ("outlook", "Outlook will not start"),
    ):
        for end in range(3, len(word) + 1):
            if await found(client, t.engineer, word[:end]) != [title]:
                missing.append(word[:end])
    assert missing == []


async def test_a_title_match_ranks_above_a_body_only_match(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    await create(client, t.engineer, title="Firewall blocks the app")
    # Created later, so it would come first if results were sorted by update time.
    await create(client, t.engineer, title="Slow network", body="Check the firewall log first.")
    assert await found(client, t.engineer, "firewall") == [
        "Firewall blocks the app",
        "Slow network",
    ]
    assert await found(client, t.engineer, "firewall", sort="relevance") == [
        "Firewall blocks the app",
        "Slow network",
    ]
    assert await found(client, t.engineer, "firewall", sort="updated") == [
        "Slow network",
        "Firewall blocks the app",
    ]


async def test_snippets_mark_matches(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    await create(client, t.engineer, title="Mapped drive missing", body="Reconnect the drive.")
    [item] = await search(client, t.engineer, "drive")
    assert "<mark>" in item["snippet"] and "</mark>" in item["snippet"]
    assert "<mark>drive</mark>" in item["snippet"].lower()
    [item] = await search(client, t.engineer, "reconn")
    assert "<mark>reconnect</mark>" in item["snippet"].lower()


async def test_html_in_node_text_is_escaped_in_the_snippet(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    await create(
        client,
        t.engineer,
        title="Escaping",
        body='Type <script>alert("x")</script> then press spoolreset & wait.',
    )
    [item] = await search(client, t.engineer, "spoolreset")
    snippet = item["snippet"]
    assert "<mark>spoolreset</mark>" in snippet
    assert "<script>" not in snippet and "</script>" not in snippet
    assert "&lt;script&gt;" in snippet
    assert "&amp;" in snippet
    # Only <mark> tags are markup.
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


async def test_other_accounts_flows_never_appear(client: AsyncClient, factory: Factory) -> None:
    mine, theirs = await factory.tenant(), await factory.tenant()
    await create(client, theirs.engineer, title="Secret sharedword flow", tags=["sharedword"])
    await create(client, mine.engineer, title="My sharedword flow")
    assert await found(client, mine.viewer, "sharedword") == ["My sharedword flow"]
    assert await found(client, mine.viewer, "secret") == []
    assert await found(client, theirs.viewer, "sharedword") == ["Secret sharedword flow"]


async def test_a_query_of_only_punctuation_finds_nothing(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    await create(client, t.engineer, title="Anything at all")
    for q in ("!!!", "'\"", "-", "***", "()", "...", "—", "<>"):
        r = await client.get(f"{API}/flows", params={"q": q}, headers=t.viewer.headers)
        assert r.status_code == 200, (q, r.text)
        assert r.json() == {"items": [], "next_cursor": None}


@pytest.mark.parametrize(
    "q",
    [
        '"outlook',
        'outlook"',
        '"unbalanced phrase',
        "outlook AND",
        "AND",
        "OR NOT",
        "NEAR(outlook start)",
        "NEAR",
        "outl*",
        "*",
        "-outlook",
        "outlook -start",
        "title:outlook",
        "{title}: outlook",
        "(outlook",
        "outlook)",
        "^outlook",
        "out:*",
        "a & b | !c",
        "<-> !!",
        "o'reilly",
        "foo_bar",
        "½ ² ③",
        "Ünïcödé straße",
        "🙂 outlook",
        "\\",
        "%_",
        "; DROP TABLE flow; --",
        "the and of",
    ],
)
async def test_search_syntax_in_the_query_never_breaks_search(
    client: AsyncClient, factory: Factory, q: str
) -> None:
    t = await factory.tenant()
    await create(client, t.engineer, title="Outlook will not start")
    r = await client.get(f"{API}/flows", params={"q": q}, headers=t.viewer.headers)
    assert r.status_code == 200, r.text
    assert isinstance(r.json()["items"], list)


async def test_operator_words_are_searched_as_plain_words(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    await create(client, t.engineer, title="Outlook will not start")
    assert await found(client, t.viewer, "outlook NEAR") == []
    assert await found(client, t.viewer, "(outlook") == ["Outlook will not start"]
    assert await found(client, t.viewer, '"outlook"') == ["Outlook will not start"]
    assert await found(client, t.viewer, "-outlook") == ["Outlook will not start"]


async def test_an_overlong_or_nul_query_is_refused_not_a_server_error(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    r = await client.get(f"{API}/flows", params={"q": "x" * 201}, headers=t.viewer.headers)
    assert_problem(r, 422)
    r = await client.get(f"{API}/flows", params={"q": "out\x00look"}, headers=t.viewer.headers)
    assert_problem(r, 422)


async def test_search_follows_draft_edits(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer, title="Oldword heading", body="oldbody text")
    assert await found(client, t.viewer, "oldword") == ["Oldword heading"]
    r = await client.put(
        f"{API}/flows/{fid}/draft",
        json=flow(title="Newword heading", body="newbody text"),
        headers=t.engineer.headers,
    )
    assert r.status_code == 200, r.text
    assert await found(client, t.viewer, "newword") == ["Newword heading"]
    assert await found(client, t.viewer, "newbody") == ["Newword heading"]
    assert await found(client, t.viewer, "oldword") == []
    assert await found(client, t.viewer, "oldbody") == []


async def test_archived_flows_are_left_out_unless_asked_for(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer, title="Retired scanner flow")
    await create(client, t.engineer, title="Current scanner flow")
    r = await client.post(f"{API}/flows/{fid}/archive", headers=t.engineer.headers)
    assert r.status_code == 200
    assert await found(client, t.viewer, "scanner") == ["Current scanner flow"]
    assert await found(client, t.viewer, "scanner", archived="true") == ["Retired scanner flow"]


async def test_search_combines_with_filters_and_pages(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    for i in range(3):
        await create(client, t.engineer, title=f"Laptop dock {i}", kind="procedural")
    await create(client, t.engineer, title="Laptop battery", kind="maintenance")
    assert await found(client, t.viewer, "laptop", kind="maintenance") == ["Laptop battery"]
    first = await client.get(
        f"{API}/flows", params={"q": "laptop", "limit": 3}, headers=t.viewer.headers
    )
    page = first.json()
    assert len(page["items"]) == 3 and page["next_cursor"]
    rest = await client.get(
        f"{API}/flows",
        params={"q": "laptop", "limit": 3, "cursor": page["next_cursor"]},
        headers=t.viewer.headers,
    )
    ids = [i["id"] for i in page["items"] + rest.json()["items"]]
    assert len(ids) == len(set(ids)) == 4
    assert rest.json()["next_cursor"] is None
