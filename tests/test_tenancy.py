"""Another account's resources are 404 on every route that takes an id, for every role.

Generic over the route table: a new route with a new kind of id fails here until a maker for
that id is added below, so later features inherit the proof."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from httpx import AsyncClient

from tests.fixtures.factories import PASSWORD, Factory, Tenant, unique
from tests.fixtures.routes import Route, app_routes

# Routes whose ids are not tenant-owned resources, with the reason.
NOT_TENANT_SCOPED = {
    "/api/v1/auth/invites/{token}": "the invite token itself is the credential",
    "/api/v1/auth/invites/{token}/accept": "the invite token itself is the credential",
    # Super admins manage every account; lower roles get 403 (see test_permissions).
    "/api/v1/accounts/{account_id}": "operator route over all accounts, by design",
    # The super admin sees every account's jobs; a team admin's 404 is tested in tests/jobs.
    "/api/v1/jobs/{job_id}": "operator view over all accounts; team admins tested in tests/jobs",
    "/api/v1/jobs/{job_id}/retry": "operator view over all accounts; tested in tests/jobs",
    # Share links: the token is the credential (tests/sharing proves other accounts get 404).
    "/api/v1/public/shares/{token}": "public link: the share token itself is the credential",
    "/api/v1/shares/{token}": "the share token is the credential; checked against the account "
    "in tests/sharing",
    "/api/v1/shares/{token}/documentation": "the share token is the credential; checked "
    "against the account in tests/sharing",
}

Maker = Callable[[AsyncClient, Tenant], Awaitable[str]]


async def _user(client: AsyncClient, owner: Tenant) -> str:
    r = await client.post(
        "/api/v1/users",
        headers=owner.admin.headers,
        json={
            "email": f"{unique('u')}@example.com",
            "name": "Target",
            "role": "engineer",
            "password": "a-perfectly-fine-passphrase",
        },
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _team(client: AsyncClient, owner: Tenant) -> str:
    r = await client.post("/api/v1/teams", headers=owner.admin.headers, json={"name": unique("T")})
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _invite(client: AsyncClient, owner: Tenant) -> str:
    r = await client.post(
        "/api/v1/users",
        headers=owner.admin.headers,
        json={"email": f"{unique('i')}@example.com", "name": "Invitee", "role": "viewer"},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["invite"]["id"])


async def _api_token(client: AsyncClient, owner: Tenant) -> str:
    r = await client.post("/api/v1/me/tokens", headers=owner.admin.headers, json={"name": "t"})
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _sign_in(client: AsyncClient, owner: Tenant) -> str:
    """One of the owner admin's signed-in devices (a refresh-token family)."""
    r = await client.post(
        "/api/v1/auth/login", json={"email": owner.admin.email, "password": PASSWORD}
    )
    client.cookies.clear()
    assert r.status_code == 200, r.text
    r = await client.get("/api/v1/me/sessions", headers=owner.admin.headers)
    return str(r.json()["items"][0]["id"])


SMALL_FLOW: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "Printer offline",
    "kind": "troubleshooting",
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


async def _flow(client: AsyncClient, owner: Tenant) -> str:
    """A published flow, so its version 1 exists too."""
    r = await client.post("/api/v1/flows", headers=owner.admin.headers, json=SMALL_FLOW)
    assert r.status_code == 201, r.text
    flow_id = str(r.json()["id"])
    r = await client.post(f"/api/v1/flows/{flow_id}/publish", headers=owner.admin.headers, json={})
    assert r.status_code == 200, r.text
    return flow_id


async def _version_number(client: AsyncClient, owner: Tenant) -> str:
    return "1"


async def _folder(client: AsyncClient, owner: Tenant) -> str:
    r = await client.post(
        "/api/v1/folders", headers=owner.admin.headers, json={"name": unique("F")}
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _session(client: AsyncClient, owner: Tenant) -> str:
    flow_id = await _flow(client, owner)
    r = await client.post(
        "/api/v1/sessions",
        headers=owner.admin.headers,
        json={"title": "Printer down", "flow_id": flow_id},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _share(client: AsyncClient, owner: Tenant, session_id: str | None = None) -> str:
    """A share link of `session_id` (the session in the same path), or of a new session."""
    session_id = session_id or await _session(client, owner)
    r = await client.post(
        f"/api/v1/sessions/{session_id}/shares", headers=owner.admin.headers, json={"public": True}
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


async def _attachment(client: AsyncClient, owner: Tenant, session_id: str | None = None) -> str:
    session_id = session_id or await _session(client, owner)
    r = await client.post(
        f"/api/v1/sessions/{session_id}/attachments?filename=shot.png",
        headers=owner.admin.headers,
        content=PNG,
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _document(client: AsyncClient, owner: Tenant) -> str:
    r = await client.post(
        "/api/v1/knowledge/documents?filename=vpn.md",
        headers=owner.admin.headers,
        content=b"# VPN runbook\n\nRestart the GlobalProtect service.\n",
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _conversation(client: AsyncClient, owner: Tenant) -> str:
    r = await client.post(
        "/api/v1/assist/conversations", headers=owner.admin.headers, json={"title": "Printer"}
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _pilot(client: AsyncClient, owner: Tenant) -> dict[str, Any]:
    r = await client.post(
        "/api/v1/sessions",
        headers=owner.admin.headers,
        json={"title": "Pilot", "mode": "pilot", "intake": {"text": "printer offline"}},
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _step(client: AsyncClient, owner: Tenant, session_id: str | None = None) -> str:
    if session_id is None:
        return str((await _pilot(client, owner))["pilot_step"]["id"])
    r = await client.get(f"/api/v1/sessions/{session_id}/pilot", headers=owner.admin.headers)
    return str(r.json()["pilot_step"]["id"])


async def _fact(client: AsyncClient, owner: Tenant, session_id: str | None = None) -> str:
    session_id = session_id or str((await _pilot(client, owner))["id"])
    r = await client.post(
        f"/api/v1/sessions/{session_id}/pilot/facts",
        headers=owner.admin.headers,
        json={"text": "Spooler stopped"},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _fix(client: AsyncClient, owner: Tenant, session_id: str | None = None) -> str:
    session_id = session_id or str((await _pilot(client, owner))["id"])
    r = await client.post(
        f"/api/v1/sessions/{session_id}/pilot/fixes",
        headers=owner.admin.headers,
        json={"title": "Restart the spooler"},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _pilot_session(client: AsyncClient, owner: Tenant) -> str:
    return str((await _pilot(client, owner))["id"])


async def _handoff(client: AsyncClient, owner: Tenant) -> str:
    r = await client.post(
        "/api/v1/sessions", headers=owner.engineer.headers, json={"title": "Escalate me"}
    )
    sid = r.json()["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/escalate",
        headers=owner.engineer.headers,
        json={"reason": "Need a senior"},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _push(client: AsyncClient, owner: Tenant) -> str:
    """A queued PSA push (no worker runs here, so it stays queued; nothing is sent)."""
    settings = {
        "provider": "connectwise",
        "base_url": "http://127.0.0.1:9/v2025_1/apis/3.0",
        "company_id": "acme",
        "public_key": "pub",
        "private_key": "priv",
        "client_id": "00000000-0000-0000-0000-000000000001",
    }
    r = await client.put("/api/v1/integrations/psa", headers=owner.admin.headers, json=settings)
    assert r.status_code == 200, r.text
    # Port 9 answers nothing: the ticket's context fails to load, the number stays linked.
    r = await client.post(
        "/api/v1/sessions", headers=owner.admin.headers, json={"title": "T", "ticket_id": "42"}
    )
    assert r.status_code == 201, r.text
    r = await client.post(
        f"/api/v1/sessions/{r.json()['id']}/psa/push", headers=owner.admin.headers, json={}
    )
    assert r.status_code == 202, r.text
    # The other routes expect an account without a PSA (the push outlives its connection).
    await client.delete("/api/v1/integrations/psa", headers=owner.admin.headers)
    return str(r.json()["id"])


MAINTENANCE_FLOW: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "Patch",
    "kind": "maintenance",
    "start": "a",
    "nodes": [
        {"id": "a", "type": "action", "title": "Patch {{target.label}}"},
        {"id": "r", "type": "resolution", "title": "Patched", "outcome": "resolved"},
    ],
    "edges": [{"source": "a", "target": "r", "label": ""}],
}


async def _target_list(client: AsyncClient, owner: Tenant) -> str:
    r = await client.post(
        "/api/v1/target-lists",
        headers=owner.admin.headers,
        json={"name": unique("L"), "targets": [{"label": "SRV-01", "client": "Fabrikam"}]},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _maintenance_flow(client: AsyncClient, owner: Tenant) -> str:
    r = await client.post("/api/v1/flows", headers=owner.admin.headers, json=MAINTENANCE_FLOW)
    assert r.status_code == 201, r.text
    flow_id = str(r.json()["id"])
    r = await client.post(f"/api/v1/flows/{flow_id}/publish", headers=owner.admin.headers, json={})
    assert r.status_code == 200, r.text
    return flow_id


async def _maintenance_batch(client: AsyncClient, owner: Tenant) -> dict[str, Any]:
    r = await client.post(
        "/api/v1/maintenance/batches",
        headers=owner.admin.headers,
        json={
            "flow_id": await _maintenance_flow(client, owner),
            "targets": [{"label": "SRV-01"}],
        },
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _batch(client: AsyncClient, owner: Tenant) -> str:
    return str((await _maintenance_batch(client, owner))["id"])


async def _batch_item(client: AsyncClient, owner: Tenant, batch_id: str | None = None) -> str:
    """An item of the batch in the same path."""
    assert batch_id is not None
    r = await client.get(f"/api/v1/maintenance/batches/{batch_id}", headers=owner.admin.headers)
    return str(r.json()["items"][0]["id"])


async def _maintenance_schedule(client: AsyncClient, owner: Tenant) -> str:
    r = await client.post(
        "/api/v1/maintenance/schedules",
        headers=owner.admin.headers,
        json={
            "flow_id": await _maintenance_flow(client, owner),
            "target_list_id": await _target_list(client, owner),
            "cron": "0 2 * * 1",
            "timezone": "Europe/London",
        },
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _library_step(client: AsyncClient, owner: Tenant) -> str:
    r = await client.post(
        "/api/v1/steps",
        headers=owner.admin.headers,
        json={"title": unique("Clear the credential"), "body": "cmdkey /list", "kind": "action"},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


SCRIPT = {
    "title": "Restart a service",
    "language": "powershell",
    "body": "Restart-Service -Name {{service}}",
    "params": [{"name": "service", "default": "Spooler"}],
}


async def _script(client: AsyncClient, owner: Tenant) -> str:
    r = await client.post("/api/v1/scripts", headers=owner.admin.headers, json=SCRIPT)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _step_flag(client: AsyncClient, owner: Tenant) -> str:
    step_id = await _library_step(client, owner)
    r = await client.post(
        f"/api/v1/steps/{step_id}/flags", headers=owner.admin.headers, json={"reason": "Wrong"}
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _proposal(client: AsyncClient, owner: Tenant) -> str:
    """A proposal through "draft a flow for this gap" (recorded as an approved proposal), so
    no worker has to run."""
    r = await client.post(
        "/api/v1/sessions", headers=owner.admin.headers, json={"title": "Scanner offline"}
    )
    assert r.status_code == 201, r.text
    session_id = str(r.json()["id"])
    for event in ({"type": "note", "text": "Restarted the scanner"}, {"type": "resolve"}):
        r = await client.post(
            f"/api/v1/sessions/{session_id}/events", headers=owner.admin.headers, json=event
        )
        assert r.status_code in (200, 201), r.text
    r = await client.post(
        "/api/v1/knowledge/gaps/draft",
        headers=owner.admin.headers,
        json={"session_ids": [session_id]},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["proposal_id"])


async def _experiment(client: AsyncClient, owner: Tenant) -> str:
    """A running A/B test: the published flow against its edited draft."""
    flow_id = await _flow(client, owner)
    draft = {**SMALL_FLOW, "start": "a"}
    draft["nodes"] = [*SMALL_FLOW["nodes"], {"id": "a", "type": "action", "title": "Power-cycle"}]
    draft["edges"] = [*SMALL_FLOW["edges"], {"source": "a", "target": "q", "label": ""}]
    r = await client.put(f"/api/v1/flows/{flow_id}/draft", headers=owner.admin.headers, json=draft)
    assert r.status_code == 200, r.text
    r = await client.post(
        f"/api/v1/flows/{flow_id}/experiments",
        headers=owner.admin.headers,
        json={"use_draft": True},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


MAKERS: dict[str, Maker] = {
    "sign_in_id": _sign_in,
    "experiment_id": _experiment,
    "library_step_id": _library_step,
    "script_id": _script,
    "flag_id": _step_flag,
    "proposal_id": _proposal,
    "target_list_id": _target_list,
    "batch_id": _batch,
    "item_id": _batch_item,
    "schedule_id": _maintenance_schedule,
    "push_id": _push,
    "handoff_id": _handoff,
    "step_id": _step,
    "fact_id": _fact,
    "fix_id": _fix,
    "attachment_id": _attachment,
    "document_id": _document,
    "conversation_id": _conversation,
    "session_id": _session,
    "share_id": _share,
    "flow_id": _flow,
    "number": _version_number,
    "folder_id": _folder,
    "user_id": _user,
    "team_id": _team,
    "invite_id": _invite,
    "token_id": _api_token,
}

# Bodies that pass validation, so the request reaches the lookup (an invalid body is a 422).
BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("PATCH", "/api/v1/users/{user_id}"): {"name": "Renamed"},
    ("PATCH", "/api/v1/teams/{team_id}"): {"name": "Renamed"},
    ("PATCH", "/api/v1/flows/{flow_id}"): {"folder_id": None},
    ("PUT", "/api/v1/flows/{flow_id}/draft"): SMALL_FLOW,
    ("PATCH", "/api/v1/folders/{folder_id}"): {"name": "Renamed"},
    ("POST", "/api/v1/sessions/{session_id}/events"): {"type": "note", "text": "checked"},
    ("POST", "/api/v1/sessions/{session_id}/shares"): {"public": True},
    ("POST", "/api/v1/sessions/{session_id}/copilot/messages"): {"content": "printer offline?"},
    ("POST", "/api/v1/assist/conversations/{conversation_id}/messages"): {"content": "hello"},
    ("POST", "/api/v1/sessions/{session_id}/pilot/steps/{step_id}/answer"): {"skip": True},
    ("POST", "/api/v1/sessions/{session_id}/pilot/facts"): {"text": "x"},
    ("POST", "/api/v1/sessions/{session_id}/pilot/fixes"): {"title": "x"},
    ("POST", "/api/v1/sessions/{session_id}/escalate"): {"reason": "Need a senior"},
    ("PUT", "/api/v1/sessions/{session_id}/scratchpad"): {"text": "a private hunch"},
    # A random person: the session is looked up first (404 across accounts), then the target.
    ("POST", "/api/v1/sessions/{session_id}/park"): {
        "note": "End of shift",
        "target_user_id": "00000000-0000-4000-8000-000000000000",
    },
    ("POST", "/api/v1/handoffs/{handoff_id}/outcome"): {"cause_correct": True},
    ("POST", "/api/v1/sessions/{session_id}/psa/ticket"): {"ticket_id": "42"},
    ("POST", "/api/v1/sessions/{session_id}/spin-off"): {"summary": "Second problem"},
    ("PUT", "/api/v1/integrations/psa/members/{user_id}"): {"member_id": None},
    ("PUT", "/api/v1/target-lists/{target_list_id}"): {
        "name": "Renamed",
        "targets": [{"label": "SRV-02"}],
    },
    ("POST", "/api/v1/maintenance/batches/{batch_id}/items/{item_id}/skip"): {"reason": "x"},
    ("POST", "/api/v1/maintenance/batches/{batch_id}/items/{item_id}/fail"): {"reason": "x"},
    ("POST", "/api/v1/maintenance/batches/{batch_id}/cancel"): {"reason": "x"},
    # The walk's batch has one target without a client.
    ("PUT", "/api/v1/maintenance/batches/{batch_id}/client-tickets"): {"": "1001"},
    ("PUT", "/api/v1/steps/{library_step_id}"): {"title": "Renamed", "kind": "action"},
    ("PUT", "/api/v1/steps/{library_step_id}/rating"): {"stars": 4},
    ("POST", "/api/v1/steps/{library_step_id}/flags"): {"reason": "Outdated"},
    ("PUT", "/api/v1/scripts/{script_id}"): SCRIPT,
    ("POST", "/api/v1/proposals/{proposal_id}/reject"): {"reason": "Not needed"},
    ("POST", "/api/v1/proposals/{proposal_id}/comments"): {"text": "Looks right"},
    ("POST", "/api/v1/flows/{flow_id}/experiments"): {"use_draft": True},
}
# Raw (non-JSON) bodies, for upload routes.
RAW_BODIES: dict[tuple[str, str], bytes] = {
    ("POST", "/api/v1/sessions/{session_id}/attachments"): PNG,
}
# Required query parameters, so the request reaches the lookup.
QUERIES: dict[tuple[str, str], str] = {
    ("GET", "/api/v1/flows/{flow_id}/diff"): "?from=1&to=draft",
    # Streams stay open; max_seconds=0 sends what there is and closes.
    ("GET", "/api/v1/sessions/{session_id}/stream"): "?max_seconds=0",
    ("GET", "/api/v1/maintenance/batches/{batch_id}/stream"): "?max_seconds=0",
    ("POST", "/api/v1/sessions/{session_id}/attachments"): "?filename=shot.png",
}

# What the owner gets where the id is right but the state says no: a new FlowPilot session
# always has an open step, so asking for another is the 409 that proves the id was found.
OWNER_STATUS: dict[tuple[str, str], tuple[int, ...]] = {
    ("POST", "/api/v1/sessions/{session_id}/pilot/next"): (409,),
    # The new session's step is open, not an answered flow question: 409 (the step was found).
    ("POST", "/api/v1/sessions/{session_id}/pilot/steps/{step_id}/revisit"): (409,),
    # The outcome is asked once the claimed session is resolved; before, 409 (the id was found).
    ("POST", "/api/v1/handoffs/{handoff_id}/outcome"): (409,),
    # The walk's body names no one in the owner's account: 422 on target_user_id (session found).
    ("POST", "/api/v1/sessions/{session_id}/park"): (422,),
    # No PSA is connected in the owner's account (409), or the push is queued, not failed.
    ("POST", "/api/v1/sessions/{session_id}/psa/ticket"): (409,),
    ("POST", "/api/v1/sessions/{session_id}/psa/push"): (409,),
    ("POST", "/api/v1/sessions/{session_id}/spin-off"): (409,),
    ("PUT", "/api/v1/integrations/psa/members/{user_id}"): (409,),
    ("POST", "/api/v1/psa/pushes/{push_id}/retry"): (409,),
    # The maker's proposal is already approved: dismissing or rejecting it is a 409.
    ("POST", "/api/v1/proposals/{proposal_id}/dismiss"): (409,),
    ("POST", "/api/v1/proposals/{proposal_id}/reject"): (409,),
    # The maker's flow has no draft changes to test: the 422 names use_draft (the flow was found).
    ("POST", "/api/v1/flows/{flow_id}/experiments"): (422,),
}

SCOPED_ROUTES = [r for r in app_routes() if r.params and r.path not in NOT_TENANT_SCOPED]


@pytest.fixture(scope="module")
async def tenants(app) -> tuple[Tenant, Tenant]:  # type: ignore[no-untyped-def]
    factory = Factory(app)
    return await factory.tenant(), await factory.tenant()


async def _request(client: AsyncClient, route: Route, ids: dict[str, str], headers: dict[str, str]):  # type: ignore[no-untyped-def]
    path = route.path
    for name, value in ids.items():
        path = path.replace("{" + name + "}", value)
    body = BODIES.get((route.method, route.path))
    if body is None and route.method in {"POST", "PUT", "PATCH"}:
        body = {}
    path += QUERIES.get((route.method, route.path), "")
    raw = RAW_BODIES.get((route.method, route.path))
    if raw is not None:
        return await client.request(route.method, path, content=raw, headers=headers)
    return await client.request(route.method, path, json=body, headers=headers)


@pytest.mark.parametrize("route", SCOPED_ROUTES, ids=str)
async def test_other_accounts_ids_are_not_found(
    client: AsyncClient, tenants: tuple[Tenant, Tenant], route: Route
) -> None:
    owner, intruder = tenants
    missing = [p for p in route.params if p not in MAKERS]
    assert not missing, f"add a maker for {missing} in tests/test_tenancy.py"
    ids: dict[str, str] = {}
    for name in route.params:
        if name == "session_id" and "/pilot" in route.path:
            ids[name] = await _pilot_session(client, owner)
        elif name in ("step_id", "fact_id", "fix_id"):
            ids[name] = await MAKERS[name](client, owner, ids.get("session_id"))  # type: ignore[call-arg]
        elif name == "item_id":
            ids[name] = await _batch_item(client, owner, ids.get("batch_id"))
        elif name == "attachment_id":
            ids[name] = await _attachment(client, owner, ids.get("session_id"))
        elif name == "share_id":
            # A share is nested under its session: make it in the session of the same path.
            ids[name] = await _share(client, owner, ids.get("session_id"))
        else:
            ids[name] = await MAKERS[name](client, owner)

    for role in ("viewer", "engineer", "team_admin", "super_admin"):
        r = await _request(client, route, ids, intruder[role].headers)
        if r.status_code == 403:
            continue  # the role may not use this route at all (test_permissions checks which)
        assert r.status_code == 404, (
            f"{route} as {role} of another account: {r.status_code} {r.text}"
        )
        assert r.headers["content-type"].startswith("application/problem+json")

    # The same ids work for their owner, so the 404s above are about the account, not the id.
    r = await _request(client, route, ids, owner.admin.headers)
    expected = OWNER_STATUS.get((route.method, route.path), (200, 201, 204))
    assert r.status_code in expected, f"{route} as owner: {r.status_code} {r.text}"


def test_every_id_route_is_walked_or_explained() -> None:
    id_routes = {r.path for r in app_routes() if r.params}
    assert id_routes <= {r.path for r in SCOPED_ROUTES} | set(NOT_TENANT_SCOPED)
    assert SCOPED_ROUTES, "no routes with ids found; the walk would prove nothing"
