"""Ticket context: search open tickets, and link a ticket to a session (its summary, board,
status, priority, company, contact and configurations land on the timeline as `ticket_linked`,
where the runner shows them and the copilot reads them, redacted like everything it reads)."""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.config import get_settings
from resolutionflow.db import uow
from resolutionflow.errors import ValidationFailed
from resolutionflow.models import Session, SessionEvent
from resolutionflow.providers.psa import registry
from resolutionflow.providers.psa.base import PsaError, Ticket
from resolutionflow.psa import connections
from resolutionflow.psa import schemas as s
from resolutionflow.sessions import service as sessions

log = logging.getLogger(__name__)

LINKED = "ticket_linked"
LINK_FAILED = "ticket_link_failed"


async def search(db: AsyncSession, principal: Principal, query: str) -> list[s.TicketSummaryRead]:
    conn = await connections.for_user(db, principal.account_id, principal.user_id)
    if conn is None:
        raise connections.PsaNotConfigured()
    provider = connections.open_provider(conn)
    try:
        found = await uow.while_released(db, provider.search_tickets(query, limit=20))
    except PsaError as exc:
        raise connections.PsaFailed(exc) from exc
    finally:
        await provider.aclose()
    return [s.TicketSummaryRead(**_summary_fields(asdict(t))) for t in found]


def _summary_fields(data: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "summary", "company", "status", "board", "priority")
    return {k: data.get(k) for k in keys}


async def fetch(
    db: AsyncSession, account_id: uuid.UUID, owner_id: uuid.UUID | None, ticket_id: str
) -> tuple[str, Ticket]:
    """(provider name, ticket) from the PSA the session's owner works with; the database is
    released while the PSA answers."""
    conn = await connections.for_user(db, account_id, owner_id)
    if conn is None:
        raise connections.PsaNotConfigured()
    name = conn.provider
    provider = connections.open_provider(conn)
    try:
        return name, await uow.while_released(db, provider.get_ticket(ticket_id))
    except PsaError as exc:
        if exc.kind == "not_found":
            label = registry.provider_class(name).label
            raise ValidationFailed(
                f"Ticket {ticket_id} was not found in {label}.",
                errors=[{"loc": ["body", "ticket_id"], "msg": "not found", "type": "value_error"}],
            ) from exc
        raise connections.PsaFailed(exc) from exc
    finally:
        await provider.aclose()


def payload_of(provider: str, ticket: Ticket) -> dict[str, Any]:
    data = asdict(ticket)
    data["provider"] = provider
    data["ticket_id"] = ticket.id
    data["fetched_at"] = datetime.now(UTC).isoformat()
    return data


async def link(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID, ticket_id: str
) -> s.TicketRead:
    """Fetches the ticket and links it to the session (replacing an earlier link)."""
    session = await sessions.get_session(db, principal, session_id)
    sessions.may_work(principal, session)
    provider, ticket = await fetch(db, principal.account_id, session.owner_id, ticket_id)
    # Read again under the lock after the released wait: the copy from before is stale (its
    # last_seq would collide with events added meanwhile).
    await db.refresh(session, with_for_update=True)
    session.ticket_id = ticket.id
    payload = payload_of(provider, ticket)
    await sessions.append_entries(db, principal, session, [(LINKED, payload)])
    return read_payload(payload)


async def link_at_start(db: AsyncSession, principal: Principal, session_id: uuid.UUID) -> None:
    """After a session started with a ticket number: pull the ticket's context in when a PSA
    is connected. A failure is written on the timeline (the runner offers to try again); the
    session itself is already stored."""
    session = await sessions.get_session(db, principal, session_id)
    ticket_id = session.ticket_id
    if not ticket_id:
        return
    if await connections.for_user(db, principal.account_id, session.owner_id) is None:
        return
    # The session is stored and its start must be answered: a PSA that is slow (each call may
    # retry with its own timeout, and a ticket is several calls) or that answers something the
    # provider cannot parse is written down as a failed link, never a hung or failed start.
    budget = get_settings().psa_timeout_s
    reason: str | None = None
    try:
        provider, ticket = await asyncio.wait_for(
            fetch(db, principal.account_id, session.owner_id, ticket_id), budget
        )
    except (ValidationFailed, connections.PsaFailed, connections.PsaNotConfigured) as exc:
        reason = exc.detail
    except TimeoutError:
        reason = f"The PSA did not answer within {budget:g} seconds; try again."
    except Exception:
        log.exception("linking ticket at session start failed")
        reason = "The PSA answered in a way ResolutionFlow did not expect; try again."
    # Read again under the lock after the released wait: the copy from before is stale (its
    # last_seq would collide with events added meanwhile).
    await db.refresh(session, with_for_update=True)
    if reason is not None:
        await sessions.append_entries(
            db, principal, session, [(LINK_FAILED, {"ticket_id": ticket_id, "reason": reason})]
        )
        return
    # The PSA's own id for it ("#1001" is 1001; an Autotask ticket number is its numeric id),
    # as a later link stores it: the runner and the automatic pushes only use the context
    # whose ticket_id matches the session's.
    session.ticket_id = ticket.id
    await sessions.append_entries(db, principal, session, [(LINKED, payload_of(provider, ticket))])


def read_payload(payload: dict[str, Any]) -> s.TicketRead:
    configs = [c for c in payload.get("configurations") or [] if isinstance(c, dict)]
    return s.TicketRead(
        id=str(payload.get("ticket_id") or payload.get("id") or ""),
        summary=str(payload.get("summary") or ""),
        company=payload.get("company"),
        status=payload.get("status"),
        board=payload.get("board"),
        priority=payload.get("priority"),
        contact_name=payload.get("contact_name"),
        contact_email=payload.get("contact_email"),
        configurations=[
            s.ConfigurationRead(
                id=str(c.get("id") or ""),
                name=str(c.get("name") or ""),
                type=c.get("type"),
                serial=c.get("serial"),
                ip_address=c.get("ip_address"),
                os=c.get("os"),
            )
            for c in configs
        ],
        provider=payload.get("provider"),
        fetched_at=payload.get("fetched_at"),
    )


async def latest(db: AsyncSession, session: Session) -> tuple[dict[str, Any] | None, str | None]:
    """The latest ticket context on the timeline, and the last failure if it came after it."""
    q = (
        select(SessionEvent)
        .where(
            SessionEvent.session_id == session.id,
            SessionEvent.type.in_((LINKED, LINK_FAILED)),
        )
        .order_by(SessionEvent.seq.desc())
        .limit(10)
    )
    events = list((await db.execute(q)).scalars())
    context = next((e.payload for e in events if e.type == LINKED), None)
    last = events[0] if events else None
    error = (
        str(last.payload.get("reason")) if last is not None and last.type == LINK_FAILED else None
    )
    if context is not None and str(context.get("ticket_id")) != str(session.ticket_id or ""):
        context = None  # linked to another ticket since
    return context, error


def context_text(payload: dict[str, Any]) -> str:
    """The ticket as the copilot reads it (the gateway redacts it like every other block)."""
    lines = [f"Ticket {payload.get('ticket_id')}: {payload.get('summary') or ''}"]
    for key, label in (
        ("company", "Company"),
        ("board", "Board"),
        ("status", "Status"),
        ("priority", "Priority"),
        ("contact_name", "Contact"),
        ("contact_email", "Contact email"),
    ):
        if payload.get(key):
            lines.append(f"{label}: {payload[key]}")
    for c in payload.get("configurations") or []:
        if isinstance(c, dict):
            bits = [str(c.get(k)) for k in ("type", "os", "serial", "ip_address") if c.get(k)]
            lines.append(f"Device: {c.get('name')}" + (f" ({', '.join(bits)})" if bits else ""))
    return "\n".join(lines)
