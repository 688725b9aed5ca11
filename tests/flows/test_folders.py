"""Nested folders of the flow library: create, list with counts, rename, move, delete."""

from __future__ import annotations

import uuid
from typing import Any

from httpx import AsyncClient, Response

from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory, Person

API = "/api/v1"

FLOW: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "Printer offline",
    "start": "q",
    "nodes": [
        {"id": "q", "type": "question", "title": "Does it ping?"},
        {"id": "ok", "type": "resolution", "title": "Fixed", "outcome": "resolved"},
        {"id": "no", "type": "resolution", "title": "Escalate", "outcome": "escalate"},
    ],
    "edges": [
        {"source": "q", "target": "ok", "label": "Yes"},
        {"source": "q", "target": "no", "label": "No"},
    ],
}


async def make(
    client: AsyncClient, who: Person, name: str, parent_id: str | None = None
) -> dict[str, Any]:
    body = {"name": name} | ({"parent_id": parent_id} if parent_id else {})
    r = await client.post(f"{API}/folders", json=body, headers=who.headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def folders(client: AsyncClient, who: Person) -> dict[str, dict[str, Any]]:
    r = await client.get(f"{API}/folders", headers=who.headers)
    assert r.status_code == 200, r.text
    return {f["id"]: f for f in r.json()["items"]}


async def patch(client: AsyncClient, who: Person, folder_id: str, **body: Any) -> Response:
    return await client.patch(f"{API}/folders/{folder_id}", json=body, headers=who.headers)


async def flow_in(client: AsyncClient, who: Person, folder_id: str) -> str:
    r = await client.post(f"{API}/flows", json=FLOW | {"folder_id": folder_id}, headers=who.headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def test_nested_folders_are_listed_flat_with_parents_and_flow_counts(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    e = t.engineer
    email = await make(client, e, "Email")
    assert email["parent_id"] is None and email["flow_count"] == 0
    uuid.UUID(email["id"])
    outlook = await make(client, e, "Outlook", email["id"])
    assert outlook["parent_id"] == email["id"]
    addins = await make(client, e, "Add-ins", outlook["id"])
    await flow_in(client, e, outlook["id"])
    await flow_in(client, e, outlook["id"])
    archived = await flow_in(client, e, email["id"])
    r = await client.post(f"{API}/flows/{archived}/archive", headers=e.headers)
    assert r.status_code == 200

    listed = await folders(client, t.viewer)
    assert {(f["name"], f["parent_id"], f["flow_count"]) for f in listed.values()} == {
        ("Email", None, 0),  # the archived flow does not count
        ("Outlook", email["id"], 2),
        ("Add-ins", outlook["id"], 0),
    }
    assert set(listed) == {email["id"], outlook["id"], addins["id"]}


async def test_rename_a_folder(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    f = await make(client, t.engineer, "Emial")
    await flow_in(client, t.engineer, f["id"])
    r = await patch(client, t.engineer, f["id"], name="  Email  ")
    assert r.status_code == 200, r.text
    assert r.json() == {"id": f["id"], "name": "Email", "parent_id": None, "flow_count": 1}
    assert (await folders(client, t.engineer))[f["id"]]["name"] == "Email"
    # Changing only the case of its own name is fine.
    r = await patch(client, t.engineer, f["id"], name="EMAIL")
    assert r.status_code == 200 and r.json()["name"] == "EMAIL"


async def test_sibling_names_are_unique_ignoring_case(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    e = t.engineer
    email = await make(client, e, "Email")
    network = await make(client, e, "Network")
    r = await client.post(f"{API}/folders", json={"name": "eMAIL"}, headers=e.headers)
    assert_problem(r, 409, field="name")
    # The same name under another parent is fine.
    nested = await make(client, e, "email", network["id"])
    # Renaming or moving onto a sibling's name is refused too, and changes nothing.
    assert_problem(await patch(client, e, network["id"], name="EMAIL"), 409, field="name")
    assert_problem(await patch(client, e, nested["id"], parent_id=None), 409, field="name")
    listed = await folders(client, e)
    assert listed[network["id"]]["name"] == "Network"
    assert listed[nested["id"]]["parent_id"] == network["id"]
    assert [f["name"] for f in listed.values()].count("Email") == 1
    assert email["id"] in listed


async def test_move_a_folder_under_another_and_back_to_the_top(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    a = await make(client, t.engineer, "A")
    b = await make(client, t.engineer, "B")
    r = await patch(client, t.engineer, b["id"], parent_id=a["id"])
    assert r.status_code == 200, r.text
    assert r.json()["parent_id"] == a["id"]
    assert (await folders(client, t.engineer))[b["id"]]["parent_id"] == a["id"]
    r = await patch(client, t.engineer, b["id"], parent_id=None)
    assert r.status_code == 200 and r.json()["parent_id"] is None
    # A rename alone leaves the parent where it is.
    await patch(client, t.engineer, b["id"], parent_id=a["id"])
    r = await patch(client, t.engineer, b["id"], name="Bee")
    assert r.json()["parent_id"] == a["id"]


async def test_a_folder_cannot_move_into_itself_or_a_descendant(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    e = t.engineer
    top = await make(client, e, "Top")
    mid = await make(client, e, "Mid", top["id"])
    low = await make(client, e, "Low", mid["id"])
    for target in (top["id"], mid["id"], low["id"]):
        assert_problem(await patch(client, e, top["id"], parent_id=target), 409)
    assert_problem(await patch(client, e, mid["id"], parent_id=low["id"]), 409)
    listed = await folders(client, e)
    assert listed[top["id"]]["parent_id"] is None
    assert listed[mid["id"]]["parent_id"] == top["id"]
    assert listed[low["id"]]["parent_id"] == mid["id"]


async def test_only_empty_folders_can_be_deleted(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    e = t.engineer
    parent = await make(client, e, "Parent")
    child = await make(client, e, "Child", parent["id"])
    with_flow = await make(client, e, "Has a flow")
    flow_id = await flow_in(client, e, with_flow["id"])

    assert_problem(await client.delete(f"{API}/folders/{parent['id']}", headers=e.headers), 409)
    assert_problem(await client.delete(f"{API}/folders/{with_flow['id']}", headers=e.headers), 409)
    assert set(await folders(client, e)) == {parent["id"], child["id"], with_flow["id"]}

    r = await client.delete(f"{API}/folders/{child['id']}", headers=e.headers)
    assert r.status_code == 204 and r.content == b""
    r = await client.delete(f"{API}/folders/{parent['id']}", headers=e.headers)
    assert r.status_code == 204
    assert set(await folders(client, e)) == {with_flow["id"]}
    assert_problem(await client.delete(f"{API}/folders/{parent['id']}", headers=e.headers), 404)

    r = await client.patch(f"{API}/flows/{flow_id}", json={"folder_id": None}, headers=e.headers)
    assert r.status_code == 200
    r = await client.delete(f"{API}/folders/{with_flow['id']}", headers=e.headers)
    assert r.status_code == 204
    assert await folders(client, e) == {}


async def test_another_accounts_folder_is_not_found(client: AsyncClient, factory: Factory) -> None:
    mine, theirs = await factory.tenant(), await factory.tenant()
    their_folder = await make(client, theirs.engineer, "Theirs")
    my_folder = await make(client, mine.engineer, "Mine")
    e = mine.admin
    assert_problem(await patch(client, e, their_folder["id"], name="Taken"), 404)
    assert_problem(
        await client.delete(f"{API}/folders/{their_folder['id']}", headers=e.headers), 404
    )
    r = await client.post(
        f"{API}/folders", json={"name": "Sub", "parent_id": their_folder["id"]}, headers=e.headers
    )
    assert_problem(r, 404)
    assert_problem(await patch(client, e, my_folder["id"], parent_id=their_folder["id"]), 404)
    assert set(await folders(client, mine.viewer)) == {my_folder["id"]}
    listed = await folders(client, theirs.viewer)
    assert set(listed) == {their_folder["id"]}
    assert listed[their_folder["id"]]["name"] == "Theirs"
    r = await client.get(
        f"{API}/flows", params={"folder_id": their_folder["id"]}, headers=mine.viewer.headers
    )
    assert r.status_code == 200 and r.json()["items"] == []


async def test_viewers_see_folders_but_cannot_change_them(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    f = await make(client, t.engineer, "Shared")
    v = t.viewer.headers
    assert_problem(await client.post(f"{API}/folders", json={"name": "Mine"}, headers=v), 403)
    assert_problem(
        await client.patch(f"{API}/folders/{f['id']}", json={"name": "X"}, headers=v), 403
    )
    assert_problem(await client.delete(f"{API}/folders/{f['id']}", headers=v), 403)
    assert list(await folders(client, t.viewer)) == [f["id"]]
    assert (await folders(client, t.viewer))[f["id"]]["name"] == "Shared"


async def test_bad_folder_names_are_refused(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    for body in (
        {"name": ""},
        {"name": "   "},
        {"name": "x" * 201},
        {"name": "tab\there"},
        {"name": "nul\x00"},
        {},
        {"name": "ok", "colour": "red"},
        {"name": "ok", "parent_id": "not-a-uuid"},
    ):
        r = await client.post(f"{API}/folders", json=body, headers=t.engineer.headers)
        assert_problem(r, 422)
    r = await client.post(
        f"{API}/folders",
        json={"name": "x", "parent_id": str(uuid.uuid4())},
        headers=t.engineer.headers,
    )
    assert_problem(r, 404)
    assert await folders(client, t.engineer) == {}


async def test_folders_nest_at_most_twelve_deep(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    parent: str | None = None
    for depth in range(12):
        parent = (await make(client, t.engineer, f"Level {depth + 1}", parent))["id"]
    r = await client.post(
        f"{API}/folders", json={"name": "Too deep", "parent_id": parent}, headers=t.engineer.headers
    )
    assert_problem(r, 409)
    assert len(await folders(client, t.engineer)) == 12


async def test_moving_a_folder_cannot_nest_it_deeper_than_twelve(
    client: AsyncClient, factory: Factory
) -> None:
    # The depth limit holds for moves as it does for creation.
    t = await factory.tenant()
    parent: str | None = None
    for depth in range(12):
        parent = (await make(client, t.engineer, f"Level {depth + 1}", parent))["id"]
    loose = await make(client, t.engineer, "Loose")
    assert_problem(await patch(client, t.engineer, loose["id"], parent_id=parent), 409)
    assert (await folders(client, t.engineer))[loose["id"]]["parent_id"] is None
