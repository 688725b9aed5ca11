"""The PSA outbox: a push is recorded first (in the request's transaction) together with a
`psa.push` job, sent by whichever job worker claims that job, retried with backoff, and its
state written on the session's timeline.

Delivery guarantees:
- never lost: the row is committed before anything is sent; a worker that dies mid-send leaves
  a lease that expires, and the next worker (this instance after a restart, or another one)
  takes the push over;
- never duplicated: every note carries its push's marker, and any attempt after the first
  reads the ticket's notes and adopts a note with that marker instead of posting again (the
  PSA may have stored the note although the request timed out);
- one sender: a push is claimed with a conditional UPDATE, so two instances never send the
  same push at once.

The push row keeps its own state, attempts and lease (what the PSA screens show); the job is
the durable trigger that makes some worker deliver it, on time, after any restart.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resolutionflow.config import get_settings
from resolutionflow.db import uow
from resolutionflow.documentation import service as documentation
from resolutionflow.errors import Conflict
from resolutionflow.jobs import queue as jobs_queue
from resolutionflow.models import Session, User
from resolutionflow.models.psa import PsaConnection, PsaPush
from resolutionflow.outbound import reports
from resolutionflow.providers.psa import registry
from resolutionflow.providers.psa.base import NoteDraft, PsaError, TimeEntry
from resolutionflow.psa import connections, members
from resolutionflow.psa import schemas as s
from resolutionflow.sessions import service as sessions

log = logging.getLogger(__name__)

EVENT = "psa_push"


def _now() -> datetime:
    return datetime.now(UTC)


def marker_line(marker: str) -> str:
    return f"[ResolutionFlow {marker}]"


def status_for(mapping: dict[str, str], board: str | None) -> str | None:
    """The status configured for the ticket's board, else the one for any board ("*")."""
    if board and board in mapping:
        return mapping[board]
    lowered = {k.lower(): v for k, v in mapping.items()}
    if board and board.lower() in lowered:
        return lowered[board.lower()]
    return mapping.get("*")


async def note_text(db: AsyncSession, session: Session) -> tuple[str, dict[str, int]]:
    """The plain-text documentation, redacted, and what was redacted in it."""
    text = await documentation.document(db, session, "text")
    return text, reports.counts_in(text)


async def enqueue(
    db: AsyncSession,
    session: Session,
    conn: PsaConnection,
    *,
    actor_id: uuid.UUID | None,
    trigger: str,
    note_type: str,
    notify_customer: bool = False,
    time_entry: bool = False,
    status: str | None = None,
) -> PsaPush:
    """Records a push of the session's note to its ticket; call with the session locked."""
    if not session.ticket_id:
        raise Conflict("This session has no ticket to push to; link one first.")
    cls = registry.provider_class(conn.provider)
    body, counts = await note_text(db, session)
    minutes = max(1, -(-sessions.active_seconds(session) // 60)) if time_entry else None
    push = PsaPush(
        account_id=session.account_id,
        session_id=session.id,
        connection_id=conn.id,
        provider=conn.provider,
        ticket_id=session.ticket_id,
        trigger=trigger,
        note_type=note_type,
        notify_customer=notify_customer,
        body=body,
        marker=f"RF-{secrets.token_hex(6)}",
        time_minutes=minutes if cls.supports_time_entries else None,
        target_status=status if cls.supports_status else None,
        state="queued",
        attempts=0,
        next_attempt_at=_now(),
        outcome={},
        requested_by_id=actor_id,
    )
    db.add(push)
    await db.flush()
    # The note leaves as soon as the worker picks it up: the report is written with the push.
    await reports.record(
        db,
        account_id=session.account_id,
        session_id=session.id,
        channel="psa",
        detail=f"{conn.provider} ticket {session.ticket_id} ({note_type})",
        counts=counts,
        actor_id=actor_id,
    )
    await sessions.append_as(db, session, actor_id, [(EVENT, _event(push, "queued"))])
    # The job wakes a worker after this commit: here, and on other instances by NOTIFY.
    await queue_delivery(db, push)
    return push


def _event(push: PsaPush, state: str, **extra: Any) -> dict[str, Any]:
    return {
        "push_id": str(push.id),
        "state": state,
        "ticket_id": push.ticket_id,
        "provider": push.provider,
        "note_type": push.note_type,
        "trigger": push.trigger,
        "attempt": push.attempts or None,
        **extra,
    }


async def queue_delivery(db: AsyncSession, push: PsaPush) -> None:
    from resolutionflow.psa.jobs import DELIVER, DeliverPayload

    await jobs_queue.enqueue(
        db, DELIVER, DeliverPayload(push_id=push.id), account_id=push.account_id
    )


async def retry(db: AsyncSession, push: PsaPush, actor_id: uuid.UUID | None) -> PsaPush:
    """Queues a failed push again, with a fresh budget of attempts, and a job to send it."""
    await requeue(db, push, actor_id)
    await queue_delivery(db, push)
    return push


async def requeue(db: AsyncSession, push: PsaPush, actor_id: uuid.UUID | None) -> PsaPush:
    """A failed push back to queued, with a fresh budget of attempts (no new job: for the job
    that is running it again)."""
    if push.state != "failed":
        raise Conflict(f"Only a failed push can be retried; this one is {push.state}.")
    session = await db.scalar(
        select(Session).where(Session.id == push.session_id).with_for_update()
    )
    assert session is not None
    # Attempts start again, but "retried" keeps the note check on: an earlier attempt may have
    # stored the note although it failed.
    push.outcome = {**push.outcome, "retried": int(push.outcome.get("retried", 0)) + 1}
    push.state, push.attempts, push.next_attempt_at = "queued", 0, _now()
    await db.flush()
    await sessions.append_as(db, session, actor_id, [(EVENT, _event(push, "retry_requested"))])
    return push


@dataclass
class _Job:
    push_id: uuid.UUID
    session_id: uuid.UUID
    ticket_id: str
    marker: str
    text: str
    note_type: str
    notify: bool
    attempts: int
    check_first: bool
    time_minutes: int | None
    target_status: str | None
    outcome: dict[str, Any]


def _due(now: datetime) -> Any:
    return or_(
        and_(PsaPush.state == "queued", PsaPush.next_attempt_at <= now),
        and_(PsaPush.state == "sending", PsaPush.lease_until < now),
    )


class Outbox:
    """Delivers pushes. `deliver(push_id)` sends one push if it is due (the `psa.push` job
    calls it); `run_due()` drains every due push at once (tests, and the CLI)."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self._sessionmaker = sessionmaker
        settings = get_settings()
        self.backoff_s = settings.psa_outbox_backoff_s
        self.max_attempts = settings.psa_outbox_max_attempts
        # Long enough for every in-call retry of every request one delivery makes.
        self.lease = timedelta(
            seconds=max(60.0, settings.psa_timeout_s * (settings.psa_max_retries + 1) * 4)
        )

    async def deliver(self, push_id: uuid.UUID) -> bool:
        """Sends this push if it is due and nobody else holds it; True when it was handled."""
        job = await self._claim(push_id)
        if job is None:
            return False
        await self._deliver(job)
        return True

    async def run_due(self) -> int:
        """Delivers every push due now; returns how many were handled."""
        handled = 0
        while (job := await self._claim()) is not None:
            await self._deliver(job)
            handled += 1
        return handled

    async def _claim(self, push_id: uuid.UUID | None = None) -> _Job | None:
        now = _now()
        async with uow.transaction(self._sessionmaker) as db:
            query = select(PsaPush.id).where(_due(now))
            if push_id is not None:
                query = query.where(PsaPush.id == push_id)
            ids = list(
                (await db.execute(query.order_by(PsaPush.next_attempt_at).limit(20))).scalars()
            )
            for push_id in ids:
                claimed = await db.execute(
                    update(PsaPush)
                    .where(PsaPush.id == push_id, _due(now))
                    .values(
                        state="sending",
                        lease_until=now + self.lease,
                        attempts=PsaPush.attempts + 1,
                    )
                )
                if claimed.rowcount != 1:  # type: ignore[attr-defined]
                    continue  # another worker got there first
                push = await db.get(PsaPush, push_id, populate_existing=True)
                assert push is not None
                return _Job(
                    push_id=push.id,
                    session_id=push.session_id,
                    ticket_id=push.ticket_id,
                    marker=push.marker,
                    text=f"{push.body.rstrip()}\n\n{marker_line(push.marker)}",
                    note_type=push.note_type,
                    notify=push.notify_customer,
                    attempts=push.attempts,
                    check_first=push.attempts > 1
                    or bool(push.outcome.get("retried"))
                    or push.psa_note_id is not None,
                    time_minutes=push.time_minutes,
                    target_status=push.target_status,
                    outcome=dict(push.outcome),
                )
        return None

    async def _deliver(self, job: _Job) -> None:
        async with uow.transaction(self._sessionmaker) as db:
            push = await db.get(PsaPush, job.push_id)
            conn = (
                await db.get(PsaConnection, push.connection_id)
                if push and push.connection_id
                else None
            )
            if push is None:
                return
            if job.attempts > self.max_attempts:
                # Only lease takeovers get here (a worker died mid-send, again and again):
                # ordinary failures stop at the budget in _finish.
                error = PsaError(
                    "server",
                    f"Delivery was interrupted {job.attempts - 1} times; retry it when the "
                    "PSA and ResolutionFlow are healthy.",
                )
                await self._finish(db, job, error=error, final=True)
                return
            if conn is None:
                await self._finish(
                    db,
                    job,
                    error=PsaError("invalid", "The PSA connection was removed."),
                    final=True,
                )
                return
            if conn.provider != push.provider:
                # The connection was switched to another PSA since the push was queued: its
                # ticket number means another ticket there (another customer's, perhaps).
                was = registry.provider_class(push.provider).label
                now = registry.provider_class(conn.provider).label
                error = PsaError(
                    "unsupported",
                    f"The PSA connection now points at {now}; this note was for {was} "
                    f"ticket {push.ticket_id}, so it was not sent.",
                )
                await self._finish(db, job, error=error, final=True)
                return
            member = await members.member_of(db, conn.id, push.requested_by_id)
            try:
                provider = connections.open_provider(conn)
            except connections.PsaFailed as exc:
                await self._finish(db, job, error=PsaError("credentials", exc.detail), final=True)
                return
            outcome = dict(job.outcome)
            note_id: str | None = push.psa_note_id
            try:
                # Nothing held open while the PSA answers.
                note_id = await uow.while_released(
                    db, self._send(provider, job, member, outcome, note_id)
                )
            except PsaError as exc:
                await provider.aclose()
                retryable = exc.retryable and job.attempts < self.max_attempts
                await self._finish(db, job, error=exc, final=not retryable, outcome=outcome)
                return
            except Exception as exc:
                await provider.aclose()
                log.exception("psa push %s failed unexpectedly", job.push_id)
                error = PsaError("invalid", f"Unexpected failure ({type(exc).__name__}).")
                await self._finish(db, job, error=error, final=True, outcome=outcome)
                return
            await provider.aclose()
            await self._finish(db, job, note_id=note_id, outcome=outcome)

    async def _send(
        self, provider: Any, job: _Job, member: Any, outcome: dict[str, Any], note_id: str | None
    ) -> str:
        if note_id is None and job.check_first:
            note_id = await self._find(provider, job)
            if note_id is not None:
                outcome["adopted"] = True  # stored by an earlier attempt: not posted again
        if note_id is None:
            note_id = await provider.post_note(
                job.ticket_id,
                NoteDraft(job.text, job.note_type, job.notify, member),  # type: ignore[arg-type]
            )
        # From here the note is in the PSA: what follows never causes a re-post.
        await self._extras(provider, job, member, outcome)
        return note_id

    async def _find(self, provider: Any, job: _Job) -> str | None:
        notes = await provider.list_notes(job.ticket_id)
        line = marker_line(job.marker)
        return next((n.id for n in notes if line in (n.text or "")), None)

    async def _extras(self, provider: Any, job: _Job, member: Any, outcome: dict[str, Any]) -> None:
        """Time entry and status change, once each; their failures are reported, not retried
        (the note — what matters — is already in)."""
        if job.time_minutes and "time_entry" not in outcome:
            try:
                entry_id = await provider.add_time_entry(
                    job.ticket_id,
                    TimeEntry(job.time_minutes, "ResolutionFlow session time", member),
                )
                outcome["time_entry"] = {"ok": True, "id": entry_id, "minutes": job.time_minutes}
            except PsaError as exc:
                outcome["time_entry"] = {"ok": False, "error": exc.message}
        if job.target_status and "status" not in outcome:
            try:
                now = await provider.set_status(job.ticket_id, job.target_status)
                ok = (now or "").strip().lower() == job.target_status.strip().lower()
                outcome["status"] = {"asked": job.target_status, "now": now, "ok": ok}
            except PsaError as exc:
                outcome["status"] = {"asked": job.target_status, "ok": False, "error": exc.message}

    async def _finish(
        self,
        db: AsyncSession,
        job: _Job,
        *,
        note_id: str | None = None,
        error: PsaError | None = None,
        final: bool = False,
        outcome: dict[str, Any] | None = None,
    ) -> None:
        session = await db.scalar(
            select(Session).where(Session.id == job.session_id).with_for_update()
        )
        push = await db.get(PsaPush, job.push_id, populate_existing=True)
        if push is None or session is None:
            return
        if push.state != "sending" or push.attempts != job.attempts:
            # Our claim lapsed during a very slow send and another worker took the push over
            # (or someone queued it again): that worker reports, not this one.
            log.warning("psa push %s: claim lost before finishing; leaving it", job.push_id)
            return
        push.outcome = outcome if outcome is not None else push.outcome
        push.lease_until = None
        now = _now()
        if error is None:
            push.state, push.sent_at, push.psa_note_id, push.last_error = "sent", now, note_id, ""
            extra: dict[str, Any] = {"note_id": note_id, "adopted": push.outcome.get("adopted")}
            status = push.outcome.get("status")
            if isinstance(status, dict):
                extra["status_asked"] = status.get("asked")
                extra["status_now"] = status.get("now")
                extra["status_ok"] = status.get("ok")
                if not status.get("ok"):
                    label = registry.provider_class(push.provider).label
                    extra["warning"] = (
                        f"{label} kept the ticket at '{status.get('now')}' instead of "
                        f"'{status.get('asked')}'"
                        if status.get("now")
                        else f"The status change failed: {status.get('error')}"
                    )
            time_entry = push.outcome.get("time_entry")
            if isinstance(time_entry, dict):
                extra["time_entry_ok"] = time_entry.get("ok")
                if not time_entry.get("ok"):
                    extra["time_entry_error"] = time_entry.get("error")
            entry = _event(push, "sent", **extra)
        elif final:
            push.state, push.last_error = "failed", error.message[:500]
            entry = _event(push, "failed", reason=error.message, kind=error.kind)
        else:
            wait = self.backoff_s * (2 ** (job.attempts - 1))
            if error.retry_after:
                wait = max(wait, error.retry_after)
            push.state, push.last_error = "queued", error.message[:500]
            push.next_attempt_at = now + timedelta(seconds=min(wait, 3600))
            entry = _event(
                push,
                "retrying",
                reason=error.message,
                kind=error.kind,
                next_attempt_at=push.next_attempt_at.isoformat(),
            )
        await sessions.append_as(db, session, None, [(EVENT, entry)])


async def read(db: AsyncSession, pushes: list[PsaPush]) -> list[s.PushRead]:
    user_ids = {p.requested_by_id for p in pushes if p.requested_by_id}
    session_ids = {p.session_id for p in pushes}
    names: dict[uuid.UUID, str] = {}
    titles: dict[uuid.UUID, str] = {}
    if user_ids:
        rows = await db.execute(select(User.id, User.name).where(User.id.in_(user_ids)))
        names = {uid: name for uid, name in rows}
    if session_ids:
        rows = await db.execute(
            select(Session.id, Session.title).where(Session.id.in_(session_ids))
        )
        titles = {sid: title for sid, title in rows}
    return [
        s.PushRead(
            id=p.id,
            session_id=p.session_id,
            session_title=titles.get(p.session_id),
            provider=p.provider,
            ticket_id=p.ticket_id,
            trigger=p.trigger,
            note_type=p.note_type,
            notify_customer=p.notify_customer,
            state=p.state,
            attempts=p.attempts,
            last_error=p.last_error,
            psa_note_id=p.psa_note_id,
            time_minutes=p.time_minutes,
            target_status=p.target_status,
            outcome=p.outcome,
            requested_by_name=names.get(p.requested_by_id) if p.requested_by_id else None,
            created_at=p.created_at,
            next_attempt_at=p.next_attempt_at,
            sent_at=p.sent_at,
        )
        for p in pushes
    ]
