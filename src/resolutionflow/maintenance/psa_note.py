"""On completion, one redacted note per client onto that client's ticket, through the PSA
outbox (recorded with the completing write, sent by the `psa.push` job, never lost, never
posted twice). The push hangs on the client's first target's session, whose timeline shows its
delivery."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.maintenance import report
from resolutionflow.models import MaintenanceBatch, MaintenanceBatchItem, Session
from resolutionflow.models.psa import PsaPush
from resolutionflow.outbound import reports
from resolutionflow.providers.psa import registry
from resolutionflow.psa import connections, outbox
from resolutionflow.sessions import service as sessions


async def queue_notes(
    db: AsyncSession,
    batch: MaintenanceBatch,
    rows: list[tuple[MaintenanceBatchItem, Session | None]],
) -> dict[str, dict[str, str]]:
    """Queues the notes, and records on the batch what happened per client."""
    notes: dict[str, dict[str, str]] = {}
    tickets = batch.client_tickets or {}
    clients: dict[str, Session] = {}
    for item, session in rows:
        if session is not None and item.client not in clients:
            clients[item.client] = session
    if not clients:
        return notes
    conn = await connections.for_user(
        db, batch.account_id, batch.assignee_user_id or batch.created_by_id
    )
    for client, session in clients.items():
        ticket = tickets.get(client)
        if not ticket:
            notes[client] = {"state": "skipped", "reason": "no ticket given for this client"}
            continue
        if conn is None:
            notes[client] = {"state": "skipped", "reason": "no PSA is connected"}
            continue
        note_type = conn.resolve_note_type
        # A note the client can read gets the client-facing report.
        audience: report.Audience = "internal" if note_type == "internal" else "client"
        body = await report.text(db, batch, client, audience)
        cls = registry.provider_class(conn.provider)
        push = PsaPush(
            account_id=batch.account_id,
            session_id=session.id,
            connection_id=conn.id,
            provider=conn.provider,
            ticket_id=ticket,
            # The batch's work is done: a resolve push, with the resolve note type (the push
            # screens know manual, resolve and escalate).
            trigger="resolve",
            note_type=note_type,
            notify_customer=False,
            body=body,
            marker=f"RF-{secrets.token_hex(6)}",
            time_minutes=None,
            target_status=None,
            state="queued",
            attempts=0,
            next_attempt_at=datetime.now(UTC),
            outcome={},
            requested_by_id=batch.created_by_id,
        )
        db.add(push)
        await db.flush()
        await reports.record(
            db,
            account_id=batch.account_id,
            session_id=session.id,
            channel="psa",
            detail=f"{cls.label} ticket {ticket} (maintenance batch, {client or 'no client'})",
            counts=reports.counts_in(body),
            actor_id=batch.created_by_id,
        )
        locked = await db.get(Session, session.id, with_for_update=True)
        assert locked is not None
        await sessions.append_as(
            db,
            locked,
            None,
            [
                (
                    outbox.EVENT,
                    {
                        "push_id": str(push.id),
                        "state": "queued",
                        "ticket_id": ticket,
                        "provider": conn.provider,
                        "note_type": note_type,
                        "trigger": "resolve",
                        "batch_id": str(batch.id),
                    },
                )
            ],
        )
        await outbox.queue_delivery(db, push)
        notes[client] = {"state": "queued", "ticket_id": ticket, "push_id": str(push.id)}
    batch.psa_notes = notes
    await db.flush()
    return notes
