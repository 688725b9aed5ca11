"""Sessions that capture a password in an input step: the attack the captured-value tests replay
through every way session content leaves (API, notes, shares, handoffs, PSA, copilot memory)."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from resolutionflow.redaction.inputs import SECRET_CAPTURED
from tests.fixtures.factories import Tenant
from tests.sessions.flows import doc, publish, send

PASSWORD = "Kx9#mPq2zz-Temp"
ERROR_CODE = "0x80070005"
MARKER = SECRET_CAPTURED


def password_flow(input_type: str | None) -> dict[str, Any]:
    """Asks for the user's temporary password (plain or `secret`), then uses it in a later
    step, and asks an ordinary question whose value must stay verbatim."""
    ask: dict[str, Any] = {"id": "pw", "type": "input", "title": "Password", "variable": "password"}
    if input_type is not None:
        ask["input_type"] = input_type
    return doc(
        f"Reset the user's password ({input_type or 'plain'})",
        "err",
        [
            {"id": "err", "type": "input", "title": "Error code shown?", "variable": "error_code"},
            ask,
            {
                "id": "map",
                "type": "action",
                "title": "Map the drive as the user",
                "body": "Run `net use Z: \\\\fs01\\data /user:CONTOSO\\dana {{password}}`"
                " (error was {{error_code}})",
            },
            {"id": "ok", "type": "resolution", "title": "Drive mapped", "outcome": "resolved"},
        ],
        [("err", "pw", ""), ("pw", "map", ""), ("map", "ok", "")],
    )


async def answer_password(
    client: AsyncClient,
    tenant: Tenant,
    input_type: str | None,
    *,
    title: str = "Z: drive gone for Dana",
    ticket_id: str | None = None,
) -> tuple[str, list[dict[str, Any]]]:
    """Starts a session of `password_flow`, answers both inputs as an engineer would (the
    password sent in the request, as an older runner or an API client does even for a secret),
    and returns the session id and every response body."""
    flow_id = await publish(client, tenant, password_flow(input_type))
    body: dict[str, Any] = {"title": title, "flow_id": flow_id}
    if ticket_id:
        body["ticket_id"] = ticket_id
    r = await client.post("/api/v1/sessions", headers=tenant.engineer.headers, json=body)
    assert r.status_code == 201, r.text
    sid = str(r.json()["id"])
    responses = []
    for node_id, value in (("err", ERROR_CODE), ("pw", PASSWORD)):
        r = await send(client, tenant, sid, type="answer", node_id=node_id, answer="", value=value)
        assert r.status_code == 201, r.text
        responses.append(r.json())
    return sid, responses


async def resolve(client: AsyncClient, tenant: Tenant, sid: str) -> None:
    r = await send(client, tenant, sid, type="answer", node_id="map", answer="")
    assert r.status_code == 201, r.text
    r = await send(client, tenant, sid, type="resolve", summary="Mapped Z: again")
    assert r.status_code == 201, r.text
