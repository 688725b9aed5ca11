"""PSA tickets from the app: the queue (mine, my team's boards), the new-ticket form's choices,
creating a ticket exactly once, triage of pasted text, and spinning a related ticket off a
session.

Exactly once: every create carries a marker in the ticket (ConnectWise: `externalXRef`). The
marker comes from the client's Idempotency-Key (scoped to the account and the person) or, for a
spin-off without one, from the session and the summary. A create whose answer is lost (timeout,
5xx) looks for its marker before failing, and a retry with the same key looks before creating:
the PSA holds one ticket however often the request is sent. A PSA refusal creates nothing here
either: no timeline entry, no link, no session.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.ai import gateway
from resolutionflow.ai.prompt import DataBlock
from resolutionflow.audit.service import record_by
from resolutionflow.auth.principal import Principal
from resolutionflow.common.context import ClientInfo
from resolutionflow.db import uow
from resolutionflow.errors import AppError
from resolutionflow.models import SessionEvent, User
from resolutionflow.models.psa import PsaConnection
from resolutionflow.providers.psa import registry
from resolutionflow.providers.psa.base import NoteDraft, PsaError, PsaProvider
from resolutionflow.providers.psa.desk import (
    CreatedTicket,
    FormOptions,
    NewTicket,
    TicketDesk,
    TicketFilter,
    View,
    desk_for,
    supports_desk,
)
from resolutionflow.psa import connections, members, outbox
from resolutionflow.psa_tickets import schemas as s
from resolutionflow.psa_tickets import triage
from resolutionflow.redaction import redact
from resolutionflow.redaction.policy import options_for
from resolutionflow.sessions import service as sessions

T = TypeVar("T")
SPUN_OFF = "ticket_spun_off"
TRIAGE_ACTION = "psa_triage"


class PsaUnsupported(AppError):
    status = 501
    slug = "psa-unsupported"
    title = "The connected PSA cannot do this"


class PsaRefused(AppError):
    """The PSA refused what was sent (a required field, a value it does not know): its own
    words, so the engineer can fix the form."""

    status = 422
    slug = "psa-refused"
    title = "The PSA refused the ticket"

    def __init__(self, error: PsaError) -> None:
        super().__init__(error.message, errors=[{"kind": error.kind, "msg": error.message}])


class NotMapped(AppError):
    status = 422
    slug = "psa-member-unknown"
    title = "Your PSA member is not known"


def _problem(exc: PsaError) -> AppError:
    if exc.kind == "unsupported":
        return PsaUnsupported(exc.message)
    if exc.kind == "invalid":
        return PsaRefused(exc)
    return connections.PsaFailed(exc)


async def _connection(
    db: AsyncSession, account_id: uuid.UUID, user_id: uuid.UUID | None
) -> PsaConnection:
    conn = await connections.for_user(db, account_id, user_id)
    if conn is None:
        raise connections.PsaNotConfigured()
    return conn


async def _at_desk(
    db: AsyncSession,
    conn: PsaConnection,
    work: Callable[[TicketDesk, PsaProvider], Awaitable[T]],
) -> T:
    """Runs `work` against the connection's ticket desk with the database released."""
    provider = connections.open_provider(conn)
    try:
        try:
            desk = desk_for(provider)
        except PsaError as exc:
            raise _problem(exc) from exc
        try:
            return await uow.while_released(db, work(desk, provider))
        except PsaError as exc:
            raise _problem(exc) from exc
    finally:
        await provider.aclose()


def _label(conn: PsaConnection) -> str:
    return registry.provider_class(conn.provider).label


def marker_for(principal: Principal, key: str | None) -> str:
    """The marker stored in the ticket: from the Idempotency-Key (the same key by the same
    person in the same account is the same ticket), else a fresh one."""
    if not key:
        return f"RF-{secrets.token_hex(8)}"
    digest = hashlib.sha256(f"{principal.account_id}:{principal.user_id}:{key}".encode())
    return f"RF-{digest.hexdigest()[:20]}"


async def create_once(
    desk: TicketDesk, new: NewTicket, *, check_first: bool
) -> tuple[CreatedTicket, bool]:
    """(ticket, adopted): adopted when an earlier attempt had stored it."""
    if check_first:
        found = await desk.find_marked(new.marker)
        if found is not None:
            return found, True
    try:
        return await desk.create_ticket(new), False
    except PsaError as exc:
        if exc.kind not in ("unreachable", "server"):
            raise
        # The answer was lost, not necessarily the ticket: look for it before saying it failed.
        try:
            found = await desk.find_marked(new.marker)
        except PsaError:
            raise exc from None
        if found is None:
            raise
        return found, True


# --- the queue and the form ---------------------------------------------------------------


async def desk_status(db: AsyncSession, principal: Principal) -> s.DeskRead:
    conn = await connections.for_user(db, principal.account_id, principal.user_id)
    if conn is None:
        return s.DeskRead(connected=False, tickets=False)
    return s.DeskRead(
        connected=True,
        provider=conn.provider,
        provider_label=_label(conn),
        tickets=supports_desk(conn.provider),
    )


async def _member_identifier(
    db: AsyncSession, principal: Principal, conn: PsaConnection
) -> str | None:
    linked = await members.member_of(db, conn.id, principal.user_id)
    return linked.identifier if linked is not None else None


async def queue(
    db: AsyncSession, principal: Principal, view: View, wanted: TicketFilter
) -> s.QueueRead:
    conn = await _connection(db, principal.account_id, principal.user_id)
    wanted.view = view
    if view == "mine":
        wanted.member_identifier = await _member_identifier(db, principal, conn)
        if wanted.member_identifier is None:
            user = await db.get(User, principal.user_id)
            email = (user.email if user else "").lower()

            async def by_email(desk: TicketDesk, provider: PsaProvider) -> str | None:
                found = [
                    m for m in await provider.list_members() if (m.email or "").lower() == email
                ]
                return found[0].identifier if email and found else None

            wanted.member_identifier = await _at_desk(db, conn, by_email)
        if wanted.member_identifier is None:
            raise NotMapped(
                f"You are not linked to a {_label(conn)} member; a team admin can link you in "
                "Settings → PSA integration → Members."
            )

    async def listed(desk: TicketDesk, _: PsaProvider) -> Any:
        return await desk.list_tickets(wanted)

    page = await _at_desk(db, conn, listed)
    return s.QueueRead(
        provider=conn.provider,
        provider_label=_label(conn),
        view=view,
        page=wanted.page,
        has_more=page.has_more,
        items=[s.QueueItem(**item.__dict__) for item in page.items],
    )


async def form_options(
    db: AsyncSession, principal: Principal, board_id: str | None
) -> s.OptionsRead:
    conn = await _connection(db, principal.account_id, principal.user_id)
    found = await _options(db, conn, board_id)
    return _options_read(conn, found)


async def _options(db: AsyncSession, conn: PsaConnection, board_id: str | None) -> FormOptions:
    async def work(desk: TicketDesk, _: PsaProvider) -> FormOptions:
        return await desk.form_options(board_id)

    return await _at_desk(db, conn, work)


def _options_read(conn: PsaConnection, found: FormOptions) -> s.OptionsRead:
    return s.OptionsRead(
        provider=conn.provider,
        provider_label=_label(conn),
        boards=[s.ChoiceRead(id=c.id, name=c.name) for c in found.boards],
        priorities=[s.ChoiceRead(id=c.id, name=c.name) for c in found.priorities],
        types=[s.ChoiceRead(id=c.id, name=c.name) for c in found.types],
        statuses=[s.ChoiceRead(id=c.id, name=c.name) for c in found.statuses],
        companies=[
            s.CompanyRead(id=c.id, name=c.name, identifier=c.identifier) for c in found.companies
        ],
        contacts=[
            s.ContactRead(id=c.id, name=c.name, company_id=c.company_id) for c in found.contacts
        ],
    )


# --- create -------------------------------------------------------------------------------


async def create(
    db: AsyncSession,
    principal: Principal,
    body: s.TicketCreateIn,
    key: str | None,
    client: ClientInfo,
) -> s.TicketCreated:
    conn = await _connection(db, principal.account_id, principal.user_id)
    new = NewTicket(
        summary=body.summary.strip(),
        description=body.description.strip(),
        company_id=body.company_id,
        board_id=body.board_id,
        priority_id=body.priority,
        type_id=body.type_id,
        contact_id=body.contact_id,
        marker=marker_for(principal, key),
    )

    async def work(desk: TicketDesk, _: PsaProvider) -> tuple[CreatedTicket, bool]:
        return await create_once(desk, new, check_first=bool(key))

    created, adopted = await _at_desk(db, conn, work)
    # Work done in a client's PSA in someone's name: recorded like other PSA changes. The
    # summary stays in the PSA; the record names the ticket.
    record_by(
        db,
        principal,
        "psa.ticket_created",
        client=client,
        target_type="psa_ticket",
        target_id=str(created.id),
        detail={"connection": _label(conn), "adopted": adopted},
    )
    return s.TicketCreated(
        ticket_id=created.id, url=created.url, summary=created.summary, adopted=adopted
    )


# --- triage -------------------------------------------------------------------------------

TRIAGE_INSTRUCTIONS = (
    "You triage what a customer of an IT managed service provider said into a new PSA ticket. "
    "Answer JSON only: summary (at most 100 characters, what is wrong, no greeting), and the "
    "names of company, contact, board, type and priority chosen exactly from the lists given "
    "(leave out what the text does not support), each with a <field>_confidence from 0 to 1."
)
TRIAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "summary": {"type": "string"},
        **{f: {"type": "string"} for f in ("company", "contact", "board", "type", "priority")},
        **{
            f"{f}_confidence": {"type": "number"}
            for f in ("company", "contact", "board", "type", "priority")
        },
    },
    "required": ["summary"],
}


def _choices_text(found: FormOptions) -> str:
    def names(items: list[Any]) -> str:
        return "; ".join(c.name for c in items[:200])

    return "\n".join(
        [
            f"Boards: {names(found.boards)}",
            f"Types: {names(found.types)}",
            f"Priorities: {names(found.priorities)}",
            f"Companies: {names(found.companies)}",
            f"Contacts: {names(found.contacts)}",
        ]
    )


async def triage_text(db: AsyncSession, principal: Principal, body: s.TriageIn) -> s.TriageRead:
    conn = await _connection(db, principal.account_id, principal.user_id)
    options = await options_for(db, principal.account_id)
    plan = await gateway.prepare(db, principal.account_id, TRIAGE_ACTION)
    found = await _options(db, conn, None)
    board = triage.guess_board(body.text.lower(), found)
    if board is not None and board.id != found.board_id:
        found = await _options(db, conn, board.id)  # the types of the board it goes to
    # What the user said goes into the ticket as the engineer confirms it: redacted as every
    # note we send to the PSA (a pasted password never reaches it).
    description = redact(body.text, options).redacted
    by_rules = triage.rules(body.text, found, description)

    async def offline() -> tuple[str, dict[str, Any] | None]:
        return "", None

    # The gateway redacts the question and the blocks before any model sees them.
    served = await uow.while_released(
        db,
        gateway.run(
            plan,
            gateway.Ask(
                action=TRIAGE_ACTION,
                instructions=TRIAGE_INSTRUCTIONS,
                blocks=[DataBlock("PSA choices", _choices_text(found))],
                question=body.text,
                json_schema=TRIAGE_SCHEMA,
                max_tokens=600,
            ),
            offline,
            lambda _t, _d: None,
        ),
    )
    await gateway.save(db, plan, served, user_id=principal.user_id)
    if served.provider == "offline" or not isinstance(served.data, dict):
        by_rules.note = served.note
        return by_rules
    return triage.from_model(served.data, found, by_rules)


# --- spin-off -----------------------------------------------------------------------------


async def spin_off(
    db: AsyncSession,
    principal: Principal,
    session_id: uuid.UUID,
    body: s.SpinOffIn,
    key: str | None,
) -> s.SpinOffRead:
    session = await sessions.get_session(db, principal, session_id)
    sessions.may_work(principal, session)
    conn = await _connection(db, principal.account_id, session.owner_id)
    original = session.ticket_id
    parts = [body.description.strip()] if body.description.strip() else []
    if original:
        parts.append(
            f"Related to ticket #{original}: a second problem found while working it "
            f'(ResolutionFlow session "{session.title}").'
        )
    if body.copy_context:
        context, _ = await outbox.note_text(db, session)
        parts.append("Context from the session (redacted):\n" + context.strip())
    if key:
        marker = marker_for(principal, key)
    else:
        # A retried spin-off of the same problem from the same session is the same ticket.
        digest = hashlib.sha256(f"{session.id}:{body.summary.strip().lower()}".encode())
        marker = f"RF-{digest.hexdigest()[:20]}"

    async def work(desk: TicketDesk, provider: PsaProvider) -> tuple[CreatedTicket, bool, bool]:
        refs = None
        if original:
            try:
                refs = await desk.ticket_refs(original)
            except PsaError as exc:
                if exc.kind != "not_found":
                    raise
        new = NewTicket(
            summary=body.summary.strip(),
            description="\n\n".join(parts),
            company_id=refs.company_id if refs else None,
            board_id=refs.board_id if refs else None,
            contact_id=refs.contact_id if refs else None,
            marker=marker,
        )
        created, adopted = await create_once(desk, new, check_first=True)
        noted = False
        if refs is not None:
            noted = await _note_original(provider, refs.id, created, body.summary, marker)
        return created, adopted, noted

    created, adopted, noted = await _at_desk(db, conn, work)
    # Read again under the lock after the released wait.
    await db.refresh(session, with_for_update=True)
    earlier = (
        await db.scalars(
            select(SessionEvent.payload).where(
                SessionEvent.session_id == session.id, SessionEvent.type == SPUN_OFF
            )
        )
    ).all()
    if not any(str((p or {}).get("ticket_id")) == created.id for p in earlier):
        await sessions.append_entries(
            db,
            principal,
            session,
            [
                (
                    SPUN_OFF,
                    {
                        "ticket_id": created.id,
                        "url": created.url,
                        "summary": body.summary.strip(),
                        "original_ticket_id": original,
                        "original_noted": noted,
                        "context_copied": body.copy_context,
                        "provider": conn.provider,
                    },
                )
            ],
        )
    return s.SpinOffRead(
        ticket_id=created.id,
        url=created.url,
        original_ticket_id=original,
        original_noted=noted,
        adopted=adopted,
    )


async def _note_original(
    provider: PsaProvider, ticket_id: str, created: CreatedTicket, summary: str, marker: str
) -> bool:
    """An internal note on the original ticket naming the new one, once (its marker line is
    looked for first). False when the PSA would not take it: the new ticket stands."""
    line = outbox.marker_line(marker)
    try:
        if any(line in (n.text or "") for n in await provider.list_notes(ticket_id)):
            return True
        await provider.post_note(
            ticket_id,
            NoteDraft(
                f"Related ticket #{created.id} was created for a second problem: "
                f"{summary.strip()}\n\n{line}",
                "internal",
            ),
        )
    except PsaError:
        return False
    return True
