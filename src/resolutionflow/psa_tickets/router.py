"""HTTP routes of PSA tickets from the app: the queue, the form's choices, create (exactly
once with an Idempotency-Key), triage of pasted text, and spin-off from a session."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request

from resolutionflow.auth.principal import Engineer
from resolutionflow.common.context import client_info
from resolutionflow.db.session import DB
from resolutionflow.providers.psa.desk import TicketFilter, View
from resolutionflow.psa_tickets import schemas as s
from resolutionflow.psa_tickets import service

router = APIRouter(tags=["psa"])

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=200,
        description="Send the same key when retrying: the PSA then holds one ticket however "
        "often the request arrives.",
    ),
]
PsaId = Annotated[str | None, Query(max_length=20, pattern=r"^[0-9]+$")]


@router.get("/psa/tickets/desk", response_model=s.DeskRead)
async def ticket_desk(principal: Engineer, db: DB) -> s.DeskRead:
    """Whether your team's PSA is connected and its tickets can be listed and created here
    (asks nothing of the PSA)."""
    return await service.desk_status(db, principal)


@router.get("/psa/tickets/queue", response_model=s.QueueRead)
async def ticket_queue(
    principal: Engineer,
    db: DB,
    view: View = "mine",
    q: Annotated[str, Query(max_length=200, pattern=r"^[^\x00]*$")] = "",
    board_id: PsaId = None,
    company_id: PsaId = None,
    priority_id: PsaId = None,
    status: Annotated[str | None, Query(max_length=50, pattern=r"^[^\x00]*$")] = None,
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100)] = 25,
) -> s.QueueRead:
    """Open tickets in your team's PSA: `mine` (assigned to your PSA member) or `team` (every
    board), with search (number, summary or company) and filters."""
    wanted = TicketFilter(
        query=q.strip(),
        board_id=board_id,
        company_id=company_id,
        priority_id=priority_id,
        status=status.strip() if status else None,
        page=page,
        page_size=page_size,
    )
    return await service.queue(db, principal, view, wanted)


@router.get("/psa/tickets/options", response_model=s.OptionsRead)
async def ticket_options(principal: Engineer, db: DB, board_id: PsaId = None) -> s.OptionsRead:
    """The new-ticket form's choices: boards, priorities, the board's types and statuses,
    companies and contacts."""
    return await service.form_options(db, principal, board_id)


@router.post("/psa/tickets", status_code=201, response_model=s.TicketCreated)
async def create_ticket(
    principal: Engineer,
    db: DB,
    body: s.TicketCreateIn,
    request: Request,
    idempotency_key: IdempotencyKey = None,
) -> s.TicketCreated:
    """Creates a ticket in your team's PSA. A PSA refusal is a 422 in the PSA's words and
    creates nothing. Start a session on it with `POST /sessions {"ticket_id"}`. Audited
    (psa.ticket_created)."""
    return await service.create(db, principal, body, idempotency_key, client_info(request))


@router.post("/psa/tickets/triage", response_model=s.TriageRead)
async def triage_ticket(principal: Engineer, db: DB, body: s.TriageIn) -> s.TriageRead:
    """A new ticket's fields pre-filled from pasted text, each with a confidence: by the
    configured model (the text redacted first), else by the offline rules. Nothing is created."""
    return await service.triage_text(db, principal, body)


@router.post("/sessions/{session_id}/spin-off", status_code=201, response_model=s.SpinOffRead)
async def spin_off(
    principal: Engineer,
    db: DB,
    session_id: uuid.UUID,
    body: s.SpinOffIn,
    idempotency_key: IdempotencyKey = None,
) -> s.SpinOffRead:
    """A related ticket for a second problem: same company and board as the session's ticket,
    referencing it, with a note on the original naming the new one and a `ticket_spun_off`
    entry on the timeline."""
    return await service.spin_off(db, principal, session_id, body, idempotency_key)
