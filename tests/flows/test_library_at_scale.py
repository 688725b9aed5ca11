"""The library over more flows than one page of candidates: relevance search ranks every match
but reads flows only for the best-ranked few, and the listing reads its order from an index.
Walking every page must still give exactly the full ordering, with ties, archived flows and
another account's better-ranked flows in the way."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import update

from resolutionflow.auth.principal import Principal
from resolutionflow.flows import service
from resolutionflow.flows.document import FlowDocument
from resolutionflow.models import Flow
from tests.fixtures.factories import Factory, Person

API = "/api/v1"

FLOW: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "Relay down",
    "kind": "troubleshooting",
    "start": "q",
    "nodes": [
        {"id": "q", "type": "question", "title": "Is the relay powered?", "body": ""},
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


def document(title: str, body: str = "", tags: list[str] | None = None) -> FlowDocument:
    data = copy.deepcopy(FLOW)
    data["title"] = title
    data["nodes"][0]["body"] = body
    data["tags"] = tags or []
    return FlowDocument.model_validate(data)


@dataclass
class Made:
    id: uuid.UUID
    updated_at: datetime
    use_count: int = 0
    archived: bool = False


class Library:
    """Flows written the way the API writes them, with update times, use counts and archiving
    set directly so that ties are certain."""

    def __init__(self, app: FastAPI, who: Person) -> None:
        self.app = app
        self.principal = Principal(who.id, who.account_id, who.role, who.email, who.name)
        self.base = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)

    async def add(
        self,
        docs: list[FlowDocument],
        *,
        archived: Collection[int] = (),
        distinct_times: int = 4,
        distinct_uses: int = 1,
    ) -> list[Made]:
        made: list[Made] = []
        async with self.app.state.sessionmaker() as db:
            for i, doc in enumerate(docs):
                flow = await service.create_flow(db, self.principal, doc)
                # Few distinct times and counts: many flows tie, so the id decides.
                m = Made(
                    flow.id,
                    self.base + timedelta(minutes=(i * 7) % distinct_times),
                    (i * 5) % distinct_uses,
                    i in archived,
                )
                await db.execute(
                    update(Flow)
                    .where(Flow.id == m.id)
                    .values(
                        updated_at=m.updated_at,
                        use_count=m.use_count,
                        archived_at=self.base if m.archived else None,
                    )
                )
                made.append(m)
            await db.commit()
        return made


async def walk(client: AsyncClient, who: Person, limit: int, **params: Any) -> list[str]:
    """Every page of a listing, following the cursor; the ids in the order served."""
    ids: list[str] = []
    cursor: str | None = None
    for _ in range(200):
        query = {"limit": limit, **params} | ({"cursor": cursor} if cursor else {})
        r = await client.get(f"{API}/flows", params=query, headers=who.headers)
        assert r.status_code == 200, r.text
        page = r.json()
        assert len(page["items"]) <= limit
        if params.get("q"):
            assert all("<mark>" in (i["snippet"] or "") for i in page["items"])
        ids += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            return ids
        assert len(page["items"]) == limit
    raise AssertionError("the cursor never ended")


def newest_first(flows: list[Made]) -> list[Made]:
    return sorted(flows, key=lambda m: (-m.updated_at.timestamp(), m.id))


async def test_relevance_pages_follow_the_full_ranking_through_ties_and_archived_flows(
    client: AsyncClient, factory: Factory, app: FastAPI
) -> None:
    mine, theirs = await factory.tenant(), await factory.tenant()
    library = Library(app, mine.engineer)
    # Four levels of relevance on both engines (a title match, then fewer and fewer body
    # matches), each level a run of identical flows. Most of the best are archived: the first
    # pages' candidates end inside a run of ties, and deeper pages find too few among them.
    title = await library.add([document("Zephyr relay down")] * 94, archived=set(range(90)))
    three = await library.add([document("Relay down", "zephyr zephyr zephyr")] * 40)
    two = await library.add([document("Relay down", "zephyr zephyr")] * 60)
    one = await library.add([document("Relay down", "check the zephyr")] * 30)
    # Another account's flows rank better still, and must neither show nor take places.
    await Library(app, theirs.engineer).add([document("Zephyr zephyr zephyr", "zephyr")] * 30)

    expected = [
        str(m.id)
        for level in (title, three, two, one)
        for m in newest_first([m for m in level if not m.archived])
    ]
    assert len(expected) == 134
    for limit in (7, 50):
        assert await walk(client, mine.viewer, limit, q="zephyr") == expected, limit
    # A filter that keeps every flow reads the ranking without a shortcut: the same pages.
    assert await walk(client, mine.viewer, 9, q="zeph", kind="troubleshooting") == expected
    archived = [str(m.id) for m in newest_first([m for m in title if m.archived])]
    assert await walk(client, mine.viewer, 25, q="zephyr", archived="true") == archived
    assert len(await walk(client, theirs.viewer, 50, q="zephyr")) == 30


async def test_listing_pages_follow_update_and_use_order_through_ties(
    client: AsyncClient, factory: Factory, app: FastAPI
) -> None:
    t = await factory.tenant()
    made = await Library(app, t.engineer).add(
        [document(f"Flow {i}") for i in range(30)],
        archived={2, 11, 17},
        distinct_times=3,
        distinct_uses=3,
    )
    live = [m for m in made if not m.archived]
    by_update = [str(m.id) for m in newest_first(live)]
    by_use = [
        str(m.id)
        for m in sorted(live, key=lambda m: (-m.use_count, -m.updated_at.timestamp(), m.id))
    ]
    assert await walk(client, t.viewer, 4) == by_update
    assert await walk(client, t.viewer, 4, sort="updated") == by_update
    assert await walk(client, t.viewer, 4, sort="used") == by_use
    assert await walk(client, t.viewer, 2, archived="true") == [
        str(m.id) for m in newest_first([m for m in made if m.archived])
    ]


async def test_the_tag_filter_folds_case_the_way_python_does_across_pages(
    client: AsyncClient, factory: Factory, app: FastAPI
) -> None:
    t = await factory.tenant()
    tags = [["Straße"], ["vpn"], ["STRASSE", "vpn"], [], ["strasse"], ["Strasse-old"], ["STRAẞE"]]
    made = await Library(app, t.engineer).add(
        [document(f"Street {i}", tags=tags[i % len(tags)]) for i in range(21)],
        distinct_times=2,
    )
    expected = [
        str(m.id)
        for m in newest_first(
            [m for i, m in enumerate(made) if "strasse" in {tag.casefold() for tag in tags[i % 7]}]
        )
    ]
    assert len(expected) == 12
    assert await walk(client, t.viewer, 5, tag="STRASSE") == expected
    assert await walk(client, t.viewer, 5, tag="straße", q="street", sort="updated") == expected
