"""HTTP routes of the PSA integration: settings and members (team admins), ticket search and
pushes (engineers), and what the session runner shows."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, Query, Request, Response

from resolutionflow.auth.principal import AnyRole, Engineer, TeamAdmin
from resolutionflow.common.context import client_info
from resolutionflow.common.schemas import Page, decode_offset, encode_offset
from resolutionflow.db import uow
from resolutionflow.db.session import DB, WriteDB
from resolutionflow.errors import NotFound, ValidationFailed
from resolutionflow.providers.psa import connectwise, registry
from resolutionflow.providers.psa.base import PsaError
from resolutionflow.psa import connections, members, outbox, repository, tickets
from resolutionflow.psa import schemas as s
from resolutionflow.sessions import service as sessions

router = APIRouter(tags=["psa"])

TeamQuery = Annotated[
    uuid.UUID | None,
    Query(description="The team whose connection this is; leave out for the account default."),
]


@router.get("/integrations/psa/providers", response_model=list[s.ProviderRead])
async def list_providers(principal: TeamAdmin) -> list[s.ProviderRead]:
    """Each provider's settings form (fields, which are secret) and what it can do."""
    return [s.ProviderRead.model_validate(connections.provider_info(n)) for n in registry.names()]


@router.get("/integrations/psa", response_model=s.PsaSettingsRead)
async def read_settings(
    principal: TeamAdmin, db: DB, team_id: TeamQuery = None
) -> s.PsaSettingsRead:
    """The connection settings without secrets (`secrets_set` names those that hold a value).
    A team without its own connection shows the account default with `inherited: true`."""
    conn, inherited = await connections.effective(db, principal.account_id, team_id)
    return connections.read(conn, team_id, inherited)


@router.put("/integrations/psa", response_model=s.PsaSettingsRead)
async def save_settings(
    principal: TeamAdmin,
    db: DB,
    request: Request,
    body: s.PsaSettingsWrite,
    team_id: TeamQuery = None,
) -> s.PsaSettingsRead:
    conn = await connections.save(db, principal, team_id, body, client_info(request))
    return connections.read(conn, team_id, False)


@router.delete("/integrations/psa", status_code=204)
async def delete_settings(
    principal: TeamAdmin, db: DB, request: Request, team_id: TeamQuery = None
) -> Response:
    await connections.delete(db, principal, team_id, client_info(request))
    return Response(status_code=204)


@router.post("/integrations/psa/test", response_model=s.TestResult)
async def test_connection(
    principal: TeamAdmin, db: DB, body: s.PsaSettingsWrite | None = None, team_id: TeamQuery = None
) -> s.TestResult:
    """Signs in to the PSA: `{"ok": true, "version"}` or a plain explanation with its `kind`
    (credentials, permission, unreachable, wrong_codebase ...). With a body, tests the form as
    typed (blank secrets use the saved ones) without saving it; without, tests what is saved."""
    if body is not None:
        return await connections.test_form(db, principal, team_id, body)
    return await connections.test_saved(db, principal, team_id)


@router.post("/integrations/psa/discover", response_model=s.DiscoverRead)
async def discover(principal: TeamAdmin, db: DB, body: s.DiscoverIn) -> s.DiscoverRead:
    """ConnectWise: the API base URL for a site and company id (from /login/companyinfo)."""
    if problem := registry.check_url(body.site if "://" in body.site else f"https://{body.site}"):
        raise_site(problem)
    try:
        found = await uow.while_released(db, connectwise.discover(body.site, body.company_id))
    except PsaError as exc:
        plain = connections.plain_failure(exc)
        if plain.kind in SITE_PROBLEMS:
            # Nothing answers as ConnectWise for what was typed: a problem with the input (422
            # on the field), not a PSA that failed us.
            field = "company_id" if plain.kind == "not_found" else "site"
            raise ValidationFailed(
                plain.message,
                errors=[
                    {"loc": ["body", field], "msg": plain.message, "type": "value_error",
                     "kind": plain.kind}
                ],
            ) from exc  # fmt: skip
        raise connections.PsaFailed(plain) from exc
    return s.DiscoverRead(
        base_url=found["base_url"],
        codebase=found["codebase"],
        company_name=found.get("company_name"),
    )


SITE_PROBLEMS = frozenset(
    {"unreachable", "refused", "redirected", "wrong_codebase", "not_found", "invalid"}
)


def raise_site(problem: str) -> None:
    raise ValidationFailed(
        f"The site {problem}.",
        errors=[{"loc": ["body", "site"], "msg": problem, "type": "value_error"}],
    )


@router.get("/integrations/psa/members", response_model=s.MembersRead)
async def list_members(
    principal: TeamAdmin, db: WriteDB, team_id: TeamQuery = None
) -> s.MembersRead:
    """PSA members and our users side by side; unmapped users are matched by email (and the
    matches stored)."""
    return await members.overview(db, principal, team_id)


@router.put("/integrations/psa/members/{user_id}", response_model=s.MembersRead)
async def set_member(
    principal: TeamAdmin,
    db: DB,
    request: Request,
    user_id: uuid.UUID,
    body: s.MemberLinkIn,
    team_id: TeamQuery = None,
) -> s.MembersRead:
    """Maps a user to a PSA member by hand (`member_id: null` removes the mapping)."""
    return await members.set_link(db, principal, team_id, user_id, body, client_info(request))


@router.get("/integrations/psa/activity", response_model=Page[s.PushRead])
async def activity(
    principal: TeamAdmin,
    db: DB,
    team_id: TeamQuery = None,
    state: s.PushState | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> Page[s.PushRead]:
    """Every push to the PSA, newest first: state, attempts, the last error."""
    offset = decode_offset(cursor)
    await connections.check_team(db, principal.account_id, team_id)
    rows = await repository.pushes_page(
        db, principal.account_id, team_id=team_id, state=state, limit=limit, offset=offset
    )
    items = await outbox.read(db, rows[:limit])
    return Page(
        items=items, next_cursor=encode_offset(offset + limit) if len(rows) > limit else None
    )


@router.post("/psa/pushes/{push_id}/retry", response_model=s.PushRead)
async def retry_push(principal: Engineer, db: DB, push_id: uuid.UUID) -> s.PushRead:
    """Queues a failed push again (the session's owner, or a team admin)."""
    push = await repository.push_in_account(db, principal.account_id, push_id)
    if push is None:
        raise NotFound("No such push.")
    session = await sessions.get_session(db, principal, push.session_id)
    sessions.may_work(principal, session)
    push = await outbox.retry(db, push, principal.user_id)
    return (await outbox.read(db, [push]))[0]


@router.get("/psa/tickets", response_model=list[s.TicketSummaryRead])
async def search_tickets(
    principal: Engineer,
    db: DB,
    q: Annotated[
        str, Query(max_length=200, pattern=r"^[^\x00]*$", description="Number or words")
    ] = "",
) -> list[s.TicketSummaryRead]:
    """Open tickets in your team's PSA whose number or summary matches."""
    return await tickets.search(db, principal, q.strip())


@router.get("/sessions/{session_id}/psa", response_model=s.SessionPsaRead)
async def session_psa(principal: AnyRole, db: DB, session_id: uuid.UUID) -> s.SessionPsaRead:
    """The linked ticket's context and this session's pushes, for the runner."""
    session = await sessions.get_session(db, principal, session_id)
    conn = await connections.for_user(db, principal.account_id, session.owner_id)
    context, error = await tickets.latest(db, session)
    pushes = await repository.pushes_of_session(db, session)
    cls = registry.provider_class(conn.provider) if conn else None
    return s.SessionPsaRead(
        connected=conn is not None,
        provider=conn.provider if conn else None,
        provider_label=cls.label if cls else None,
        supports_status=bool(cls and cls.supports_status),
        supports_time_entries=bool(cls and cls.supports_time_entries),
        ticket_id=session.ticket_id,
        ticket=tickets.read_payload(context) if context else None,
        ticket_error=error,
        pushes=await outbox.read(db, pushes),
    )


@router.post("/sessions/{session_id}/psa/ticket", response_model=s.TicketRead)
async def link_ticket(
    principal: Engineer, db: DB, session_id: uuid.UUID, body: s.LinkTicketIn
) -> s.TicketRead:
    """Links a PSA ticket to the session (or refreshes its context) and records it on the
    timeline."""
    return await tickets.link(db, principal, session_id, body.ticket_id)


@router.get("/sessions/{session_id}/psa/preview", response_model=s.PreviewRead)
async def preview_push(principal: Engineer, db: DB, session_id: uuid.UUID) -> s.PreviewRead:
    """Exactly the text a push would post now (redacted), and what was redacted in it."""
    session = await sessions.get_session(db, principal, session_id)
    text, counts = await outbox.note_text(db, session)
    return s.PreviewRead(
        text=text,
        redactions=counts,
        ticket_id=session.ticket_id,
        # Rounded up, as the time entry a push adds is.
        active_minutes=-(-sessions.active_seconds(session) // 60),
    )


@router.post("/sessions/{session_id}/psa/push", status_code=202, response_model=s.PushRead)
async def push(
    principal: Engineer,
    db: DB,
    session_id: uuid.UUID,
    body: Annotated[s.PushIn, Body(default_factory=s.PushIn)],
) -> s.PushRead:
    """Queues the redacted note for the session's ticket; the outbox sends it at once and
    retries it if the PSA is down. Its state lands on the timeline."""
    session = await sessions.get_session(db, principal, session_id, lock=True)
    sessions.may_work(principal, session)
    conn = await connections.for_user(db, principal.account_id, session.owner_id)
    if conn is None:
        raise connections.PsaNotConfigured()
    queued = await outbox.enqueue(
        db,
        session,
        conn,
        actor_id=principal.user_id,
        trigger="manual",
        note_type=body.note_type,
        notify_customer=body.notify_customer,
        time_entry=body.time_entry,
        status=body.status,
    )
    return (await outbox.read(db, [queued]))[0]
