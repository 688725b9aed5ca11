"""Maintenance: target lists, launching batches (one session per target), working them (skip,
fail, claim, the same answer for all remaining targets), their status, completion and the PSA
note per client; and the schedules that launch batches slot by slot."""

from __future__ import annotations

import csv
import io
import logging
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit import service as audit
from resolutionflow.auth.principal import Principal
from resolutionflow.common.context import ClientInfo
from resolutionflow.config import get_settings
from resolutionflow.errors import AppError, Conflict, Forbidden, ValidationFailed
from resolutionflow.escalations import channels
from resolutionflow.flows.document import FlowDocument
from resolutionflow.jobs import cron, schedules
from resolutionflow.maintenance import repository as repo
from resolutionflow.maintenance import schemas as s
from resolutionflow.models import (
    Job,
    MaintenanceBatch,
    MaintenanceBatchItem,
    MaintenanceSchedule,
    Misfire,
    Notification,
    Role,
    Schedule,
    Session,
    SessionEvent,
    Target,
    TargetList,
)
from resolutionflow.outbound import notices, reports
from resolutionflow.providers.notify.email import smtp_configured
from resolutionflow.redaction import redact
from resolutionflow.redaction.policy import options_for
from resolutionflow.sessions import live, search
from resolutionflow.sessions import repository as session_repository
from resolutionflow.sessions import service as sessions
from resolutionflow.sessions.engine import Engine

log = logging.getLogger(__name__)

OWNER = "maintenance"
TERMINAL = ("done", "skipped", "failed")
BATCH_KINDS = ("maintenance", "procedural")


def _now() -> datetime:
    return datetime.now(UTC)


def _invalid(field: str | Sequence[str | int], message: str, kind: str = "value_error") -> AppError:
    loc = ["body", field] if isinstance(field, str) else ["body", *field]
    return ValidationFailed(message, errors=[{"loc": loc, "msg": message, "type": kind}])


# --- target lists ------------------------------------------------------------------------------


def check_targets(targets: Sequence[s.TargetIn], where: str = "targets") -> None:
    """At least one target, and no label twice (case and spacing ignored)."""
    if not targets:
        raise _invalid(where, "Add at least one target.", "too_short")
    seen: dict[str, int] = {}
    errors = []
    for i, target in enumerate(targets):
        key = " ".join(target.label.split()).casefold()
        if key in seen:
            errors.append(
                {
                    "loc": ["body", where, str(i), "label"],
                    "msg": f"“{target.label}” is already target {seen[key] + 1} of this list",
                    "type": "duplicate",
                }
            )
        else:
            seen[key] = i
    if errors:
        raise ValidationFailed(
            f"{len(errors)} target label{'s are' if len(errors) > 1 else ' is'} repeated; "
            "each target needs its own label.",
            errors=errors,
        )


async def _check_team(db: AsyncSession, principal: Principal, team_id: uuid.UUID | None) -> None:
    if team_id is None:
        return
    team = await repo.team_in_account(db, principal.account_id, team_id)
    if team is None or not (
        principal.role.at_least(Role.team_admin)
        or await repo.is_member(db, team_id, principal.user_id)
    ):
        raise _invalid("team_id", "No such team among yours.")


def _target(list_id: uuid.UUID, account_id: uuid.UUID, position: int, t: s.TargetIn) -> Target:
    return Target(
        account_id=account_id,
        target_list_id=list_id,
        position=position,
        label=" ".join(t.label.split()),
        client=t.client,
        notes=t.notes,
        fields=dict(t.fields),
        psa_company_id=t.psa_company_id or None,
        psa_config_id=t.psa_config_id or None,
    )


async def create_list(
    db: AsyncSession, principal: Principal, data: s.TargetListCreate
) -> TargetList:
    check_targets(data.targets)
    await _check_team(db, principal, data.team_id)
    target_list = TargetList(
        account_id=principal.account_id,
        name=data.name,
        team_id=data.team_id,
        created_by_id=principal.user_id,
    )
    db.add(target_list)
    await db.flush()
    db.add_all(
        _target(target_list.id, principal.account_id, i, t) for i, t in enumerate(data.targets)
    )
    await db.flush()
    return target_list


async def update_list(
    db: AsyncSession, principal: Principal, list_id: uuid.UUID, data: s.TargetListUpdate
) -> TargetList:
    """Replaces the list's targets (those given with their id keep it). Running batches keep
    the targets they were launched with."""
    target_list = await repo.get_list(db, principal, list_id, lock=True)
    check_targets(data.targets)
    if data.team_id != target_list.team_id:
        await _check_team(db, principal, data.team_id)
    existing = {t.id: t for t in await repo.targets_of(db, list_id)}
    keep: set[uuid.UUID] = set()
    for i, given in enumerate(data.targets):
        current = existing.get(given.id) if given.id else None
        if given.id is not None and current is None:
            raise _invalid(("targets", str(i), "id"), "No such target in this list.")
        if current is None:
            db.add(_target(list_id, principal.account_id, i, given))
            continue
        keep.add(current.id)
        current.position = i
        current.label = " ".join(given.label.split())
        current.client, current.notes = given.client, given.notes
        current.fields = dict(given.fields)
        current.psa_company_id = given.psa_company_id or None
        current.psa_config_id = given.psa_config_id or None
    gone = [i for i in existing if i not in keep]
    if gone:
        await db.execute(delete(Target).where(Target.id.in_(gone)))
    target_list.name, target_list.team_id = data.name, data.team_id
    target_list.updated_at = _now()
    await db.flush()
    return target_list


async def delete_list(db: AsyncSession, principal: Principal, list_id: uuid.UUID) -> None:
    target_list = await repo.get_list(db, principal, list_id, lock=True)
    used = await repo.schedules_using_list(db, list_id)
    if used:
        raise Conflict(
            f"{used} maintenance schedule{'s use' if used > 1 else ' uses'} this list; "
            "delete or change them first."
        )
    await db.delete(target_list)
    await db.flush()


async def list_read(db: AsyncSession, target_list: TargetList) -> s.TargetListRead:
    targets = await repo.targets_of(db, target_list.id)
    return s.TargetListRead(
        id=target_list.id,
        name=target_list.name,
        team_id=target_list.team_id,
        target_count=len(targets),
        clients=sorted({t.client for t in targets if t.client}),
        created_at=target_list.created_at,
        updated_at=target_list.updated_at,
        targets=[s.TargetRead.model_validate(t) for t in targets],
    )


async def list_summaries(db: AsyncSession, rows: list[TargetList]) -> list[s.TargetListSummary]:
    shapes = await repo.list_shapes(db, [r.id for r in rows])
    return [
        s.TargetListSummary(
            id=r.id,
            name=r.name,
            team_id=r.team_id,
            target_count=shapes[r.id][0],
            clients=shapes[r.id][1],
            created_at=r.created_at,
            updated_at=r.updated_at,
        )
        for r in rows
    ]


# --- CSV ---------------------------------------------------------------------------------------

_COLUMNS = {
    "label": "label",
    "name": "label",
    "target": "label",
    "hostname": "label",
    "client": "client",
    "company": "client",
    "customer": "client",
    "notes": "notes",
    "note": "notes",
    "psa_company_id": "psa_company_id",
    "company_id": "psa_company_id",
    "psa_config_id": "psa_config_id",
    "config_id": "psa_config_id",
    "configuration_id": "psa_config_id",
}


def _column(header: str) -> tuple[str, str] | None:
    """('column', name) for a known column, ('field', name) for a target field, None to drop."""
    key = "_".join(header.strip().lower().replace("-", " ").split())
    if key.startswith("field_") or key.startswith("field:"):
        key = key[6:]
    if not key:
        return None
    if key in _COLUMNS:
        return "column", _COLUMNS[key]
    return "field", key


def preview_csv(text: str) -> s.CsvPreview:
    """Reads a CSV of targets and says, row by row, what is wrong; stores nothing."""
    from pydantic import ValidationError

    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise _invalid("csv", "The file has no header row.") from exc
    columns = [_column(h) for h in header]
    if ("column", "label") not in columns:
        raise _invalid("csv", "The header needs a label column (label, name, target or hostname).")
    fields = [c[1] for c in columns if c and c[0] == "field"]
    bad_fields = [f for f in fields if not f[:1].isalpha() or not f.replace("_", "").isalnum()]
    rows: list[s.CsvRow] = []
    targets: list[s.TargetIn] = []
    seen: dict[str, int] = {}
    line = 1
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            raw: dict[str, Any] = {"fields": {}}
            problems: list[str] = []
            if len(record) > len(header):
                problems.append(f"{len(record)} cells for {len(header)} columns")
            for spec, cell in zip(columns, record, strict=False):
                if spec is None or not cell.strip():
                    continue
                kind, name = spec
                if kind == "field":
                    if name not in bad_fields:
                        raw["fields"][name] = cell.strip()
                else:
                    raw[name] = cell.strip()
            label = str(raw.get("label", ""))
            try:
                target = s.TargetIn.model_validate(raw)
            except ValidationError as exc:
                for err in exc.errors():
                    where = ".".join(str(p) for p in err["loc"]) or "row"
                    problems.append(f"{where}: {err['msg']}")
                target = None
            key = " ".join(label.split()).casefold()
            if target is not None and key in seen:
                problems.append(f"“{label}” repeats line {seen[key]}")
            elif key:
                seen.setdefault(key, line)
            rows.append(s.CsvRow(row=line, label=label, ok=not problems, errors=problems))
            if target is not None and not problems:
                targets.append(target)
            if len(rows) > 5000:
                raise _invalid("csv", "At most 5000 targets in one file.")
    except csv.Error as exc:
        raise _invalid("csv", f"Line {line} cannot be read as CSV ({exc}).") from exc
    if bad_fields:
        rows.insert(
            0,
            s.CsvRow(
                row=1,
                label="",
                ok=False,
                errors=[
                    f"column “{f}” cannot be a field name (letters, digits, _)" for f in bad_fields
                ],
            ),
        )
    return s.CsvPreview(
        targets=targets,
        rows=rows,
        error_count=sum(1 for r in rows if not r.ok),
        fields=[f for f in fields if f not in bad_fields],
    )


# --- launching batches ----------------------------------------------------------------------------


@dataclass
class Snapshot:
    label: str
    client: str = ""
    notes: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    psa_company_id: str | None = None
    psa_config_id: str | None = None
    target_id: uuid.UUID | None = None

    @classmethod
    def of(cls, t: Target | s.TargetIn) -> Snapshot:
        return cls(
            label=" ".join(t.label.split()),
            client=t.client,
            notes=t.notes,
            fields=dict(t.fields),
            psa_company_id=t.psa_company_id or None,
            psa_config_id=t.psa_config_id or None,
            target_id=t.id if isinstance(t, Target) else None,
        )

    def variables(self) -> dict[str, str]:
        out = {f"target.{k}": v for k, v in self.fields.items()}
        out.update({"target.label": self.label, "target.client": self.client})
        return out


@dataclass
class Plan:
    """Who works the batch: one engineer, a team pool, or the team's members in turn."""

    assignment: str
    assignee_user_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None
    rotation: list[uuid.UUID] = field(default_factory=list)

    def owner(self, index: int) -> uuid.UUID | None:
        if self.assignment == "user":
            return self.assignee_user_id
        if self.assignment == "round_robin" and self.rotation:
            return self.rotation[index % len(self.rotation)]
        return None

    def people(self) -> list[uuid.UUID]:
        if self.assignment == "user":
            return [self.assignee_user_id] if self.assignee_user_id else []
        return list(self.rotation)


async def _planned(
    db: AsyncSession,
    principal: Principal,
    data: s.BatchCreate | s.MaintenanceScheduleCreate | s.MaintenanceScheduleUpdate,
) -> Plan:
    """The assignment a launch or a schedule asks for, checked against the caller's teams."""
    if data.team_id is not None:
        await _check_team(db, principal, data.team_id)
    return await plan_assignment(
        db,
        principal.account_id,
        assignment=data.assignment,
        assignee_user_id=data.assignee_user_id,
        team_id=data.team_id,
        default_user=principal.user_id,
    )


async def plan_assignment(
    db: AsyncSession,
    account_id: uuid.UUID,
    *,
    assignment: str | None,
    assignee_user_id: uuid.UUID | None,
    team_id: uuid.UUID | None,
    default_user: uuid.UUID | None,
) -> Plan:
    if assignee_user_id is not None and team_id is not None:
        raise _invalid("team_id", "Assign the batch to one engineer or to a team, not both.")
    if assignee_user_id is not None or (team_id is None and assignment in (None, "user")):
        if assignment not in (None, "user"):
            raise _invalid("assignment", f"“{assignment}” needs a team_id.")
        user_id = assignee_user_id or default_user
        if assignee_user_id is not None:
            user = await repo.user_in_account(db, account_id, assignee_user_id)
            if user is None or user.role == Role.viewer.value:
                raise _invalid("assignee_user_id", "No such engineer in this account.")
        return Plan("user", assignee_user_id=user_id)
    if team_id is None:
        raise _invalid("team_id", f"“{assignment}” needs a team_id.")
    if assignment == "user":
        raise _invalid("assignment", "A team is assigned as a pool or round-robin.")
    if await repo.team_in_account(db, account_id, team_id) is None:
        raise _invalid("team_id", "No such team in this account.")
    members = await repo.team_members(db, team_id)
    kind = assignment or "pool"
    if kind == "round_robin" and not members:
        raise _invalid("team_id", "The team has no engineers to take turns.")
    return Plan(kind, team_id=team_id, rotation=members)


async def _flow_for_batch(
    db: AsyncSession, account_id: uuid.UUID, flow_id: uuid.UUID
) -> tuple[int, FlowDocument, str]:
    flow = await repo.flow_in_account(db, account_id, flow_id)
    if flow is None or flow.archived_at is not None:
        raise _invalid("flow_id", "No such flow in this account.")
    if flow.kind not in BATCH_KINDS:
        raise _invalid(
            "flow_id",
            f"“{flow.title}” is a {flow.kind} flow; batches run maintenance or procedural flows.",
        )
    if flow.latest_version is None:
        raise _invalid("flow_id", f"“{flow.title}” has no published version yet; publish it first.")
    loaded: tuple[int, FlowDocument, str] = await sessions.loader(db, account_id)(
        flow_id, flow.latest_version
    )
    return loaded


async def launch(
    db: AsyncSession,
    *,
    account_id: uuid.UUID,
    actor_id: uuid.UUID | None,
    flow_id: uuid.UUID,
    targets: list[Snapshot],
    plan: Plan,
    title: str | None,
    target_list_id: uuid.UUID | None = None,
    schedule_id: uuid.UUID | None = None,
    slot_at: datetime | None = None,
    client_tickets: dict[str, str] | None = None,
) -> MaintenanceBatch:
    """Creates the batch, its items and one session per target, in the caller's transaction."""
    version, doc, flow_title = await _flow_for_batch(db, account_id, flow_id)
    now = _now()
    batch = MaintenanceBatch(
        account_id=account_id,
        title=(title or f"{flow_title} — {now:%Y-%m-%d}")[:200],
        status="running",
        flow_id=flow_id,
        flow_version=version,
        flow_title=flow_title,
        target_list_id=target_list_id,
        schedule_id=schedule_id,
        slot_at=slot_at,
        assignment=plan.assignment,
        assignee_user_id=plan.assignee_user_id,
        team_id=plan.team_id,
        created_by_id=actor_id,
        client_tickets=dict(client_tickets or {}),
        psa_notes={},
    )
    db.add(batch)
    await db.flush()

    async def load(fid: uuid.UUID, number: int | None) -> tuple[int, FlowDocument, str]:
        # Every session runs the same pinned version: read and parse its graph once.
        if fid == flow_id and number in (None, version):
            return version, doc, flow_title
        other: tuple[int, FlowDocument, str] = await sessions.loader(db, account_id)(fid, number)
        return other

    # Built in bulk (one flush for the sessions, one for their events and items): a batch of
    # hundreds of targets launches in one short transaction. Nobody follows these sessions yet,
    # so only the batch is announced.
    made: list[tuple[Session, list[tuple[str, dict[str, Any]]]]] = []
    item_ids: list[uuid.UUID] = []
    for target in targets:
        item_ids.append(uuid.uuid4())
        made.append(
            (
                Session(
                    account_id=account_id,
                    owner_id=plan.owner(len(made)),
                    title=f"{target.label} — {batch.title}"[:200],
                    status="active",
                    state={},
                    active_seconds=0,
                    active_since=now,
                    last_seq=0,
                    summary="",
                    updated_at=now,
                ),
                [],
            )
        )
    db.add_all(session for session, _ in made)
    await db.flush()
    events: list[SessionEvent] = []
    for position, (target, (session, _)) in enumerate(zip(targets, made, strict=True)):
        await search.index_session(db, session)
        engine = Engine({"variables": target.variables()}, load)
        step = await engine.start(flow_id, version)
        started = (
            "started",
            {
                "title": session.title,
                "flow_id": str(flow_id),
                "flow_title": flow_title,
                "version": version,
                "batch_id": str(batch.id),
                "target": target.label,
                "client": target.client or None,
            },
        )
        entries = [started, *step.entries]
        engine.state["batch"] = {
            "batch_id": str(batch.id),
            "item_id": str(item_ids[position]),
            "start_seq": len(entries),
        }
        session.state = engine.state
        session.current_node = engine.frame["node"] if engine.frame else None
        session.flow_id, session.flow_version = flow_id, version
        for seq, (kind, payload) in enumerate(entries, 1):
            events.append(
                SessionEvent(
                    account_id=account_id,
                    session_id=session.id,
                    seq=seq,
                    type=kind,
                    actor_id=actor_id,
                    created_at=now,
                    payload={k: v for k, v in payload.items() if v is not None},
                )
            )
        session.last_seq = len(entries)
        db.add(
            MaintenanceBatchItem(
                id=item_ids[position],
                account_id=account_id,
                batch_id=batch.id,
                position=position,
                target_id=target.target_id,
                label=target.label,
                client=target.client,
                notes=target.notes,
                fields=target.fields,
                psa_company_id=target.psa_company_id,
                psa_config_id=target.psa_config_id,
                session_id=session.id,
                assignee_id=session.owner_id,
                state="open",
                reason="",
            )
        )
    await db.flush()
    await session_repository.add_events(db, events)
    await live.announce(db, batch.id)
    return batch


async def launch_from_request(
    db: AsyncSession, principal: Principal, data: s.BatchCreate, client: ClientInfo | None
) -> MaintenanceBatch:
    if data.target_list_id is None and data.targets is None:
        raise _invalid("target_list_id", "Give a target_list_id or a list of targets.")
    if data.target_list_id is not None and data.targets is not None:
        raise _invalid("targets", "Give a target_list_id or targets, not both.")
    snapshots: list[Snapshot]
    if data.targets is not None:
        check_targets(data.targets)
        snapshots = [Snapshot.of(t) for t in data.targets]
    else:
        assert data.target_list_id is not None
        try:
            target_list = await repo.get_list(db, principal, data.target_list_id)
        except AppError:
            raise _invalid("target_list_id", "No such target list among yours.") from None
        snapshots = [Snapshot.of(t) for t in await repo.targets_of(db, target_list.id)]
        if not snapshots:
            raise _invalid("target_list_id", f"“{target_list.name}” has no targets.", "too_short")
    plan = await _planned(db, principal, data)
    batch = await launch(
        db,
        account_id=principal.account_id,
        actor_id=principal.user_id,
        flow_id=data.flow_id,
        targets=snapshots,
        plan=plan,
        title=data.title or None,
        target_list_id=data.target_list_id,
        client_tickets=data.client_tickets,
    )
    audit.record_by(
        db,
        principal,
        "maintenance.batch_launched",
        target_type="maintenance_batch",
        target_id=batch.id,
        client=client,
        detail={"targets": len(snapshots), "flow_id": str(data.flow_id)},
    )
    await notify(
        db,
        batch,
        [p for p in plan.people() if p != principal.user_id],
        f"Maintenance assigned to you: {batch.title}",
        f"{len(snapshots)} target{'s' if len(snapshots) != 1 else ''}.",
    )
    return batch


async def notify(
    db: AsyncSession,
    batch: MaintenanceBatch,
    people: list[uuid.UUID],
    title: str,
    body: str,
    *,
    outside: bool = False,
) -> list[Job]:
    """In-app notifications, stored in the caller's transaction; streams wake on commit. With
    `outside`, also email and Slack/Teams notices (queued jobs: sent once this commits)."""
    for user_id in dict.fromkeys(people):
        db.add(
            Notification(
                account_id=batch.account_id,
                user_id=user_id,
                kind="maintenance",
                title=title[:300],
                body=body,
                link=f"/maintenance/batches/{batch.id}",
            )
        )
        await live.announce(db, user_id)
    await db.flush()
    return await notify_outside(db, batch, people, title, body) if outside else []


async def notify_outside(
    db: AsyncSession, batch: MaintenanceBatch, people: list[uuid.UUID], title: str, body: str
) -> list[Job]:
    """Email to each of `people` (when this installation has SMTP) and a notice on the
    account's Slack/Teams webhooks, linking to the batch page. What leaves is redacted with the
    account's settings (a schedule's title is typed by a person), and recorded as such."""
    settings = get_settings()
    link = f"{settings.base_url.rstrip('/')}/maintenance/batches/{batch.id}"
    options = await options_for(db, batch.account_id)
    title, body = redact(title, options).redacted[:300], redact(body, options).redacted[:1000]
    queued: list[Job] = []
    recipients = await repo.active_users(db, batch.account_id, list(dict.fromkeys(people)))
    if recipients and smtp_configured(settings):
        await reports.record(
            db,
            account_id=batch.account_id,
            channel="email",
            detail=f"maintenance notice, {len(recipients)} recipients",
            counts=reports.counts_in(title, body),
        )
        for person in recipients:
            queued.append(
                await notices.queue_email(
                    db,
                    batch.account_id,
                    to=person.email,
                    subject=title[:200],
                    text=f"{title}\n\n{body}\n\nOpen the batch: {link}\n",
                )
            )
    hooks = [kind for kind, _ in await channels.targets(db, batch.account_id)]
    if hooks:
        await reports.record(
            db,
            account_id=batch.account_id,
            channel="webhook",
            detail=f"maintenance notice: {', '.join(hooks)}",
            counts=reports.counts_in(title, body),
        )
        queued += await notices.queue_webhooks(
            db, batch.account_id, hooks, title=title, text=body, link=link
        )
    return queued


# --- reading batches ---------------------------------------------------------------------------


def item_status(item: MaintenanceBatchItem, session: Session | None) -> str:
    """pending | in_progress | done | skipped | failed | escalated, from the engineer's verdict
    (skipped, failed) or else from the target's session."""
    if item.state in ("skipped", "failed"):
        return item.state
    if session is None:
        return "failed"  # its session was deleted: nothing will finish it
    if session.status == "resolved":
        return "done"
    if session.status == "unresolved":
        return "failed"
    if session.status == "abandoned":
        return "skipped"
    if session.status == "escalated":
        return "escalated"
    start_seq = int((session.state or {}).get("batch", {}).get("start_seq", 0))
    if session.status == "paused" or session.last_seq > start_seq:
        return "in_progress"
    return "pending"


def counts_of(statuses: list[str]) -> s.BatchCounts:
    tally = Counter(statuses)
    return s.BatchCounts(total=len(statuses), **{k: tally.get(k, 0) for k in tally})


async def batch_read(db: AsyncSession, batch: MaintenanceBatch) -> s.BatchRead:
    rows = await repo.items_of(db, [batch.id])
    sessions_ = [x for _, x in rows if x is not None]
    last = await repo.last_events(db, sessions_)
    names = await repo.names(db, {i.assignee_id for i, _ in rows})
    items = []
    for item, session in rows:
        kind, at = last.get(session.id, (None, None)) if session else (None, None)
        items.append(
            s.BatchItemRead(
                id=item.id,
                position=item.position,
                target_id=item.target_id,
                label=item.label,
                client=item.client,
                fields=item.fields or {},
                session_id=item.session_id,
                status=item_status(item, session),
                reason=item.reason,
                assignee_id=item.assignee_id,
                assignee_name=names.get(item.assignee_id) if item.assignee_id else None,
                active_seconds=sessions.active_seconds(session) if session else 0,
                last_event_type=kind,
                last_event_at=at,
            )
        )
    return s.BatchRead(
        **_summary(batch, counts_of([i.status for i in items])).model_dump(),
        items=items,
        client_tickets=batch.client_tickets or {},
        psa_notes={
            k: {a: str(b) for a, b in v.items()} for k, v in (batch.psa_notes or {}).items()
        },
        cancellation=await cancellation_of(db, batch),
    )


async def cancellation_of(db: AsyncSession, batch: MaintenanceBatch) -> s.BatchCancellation | None:
    if batch.status != "cancelled":
        return None
    found = await repo.cancellation(db, batch)
    if found is None:
        return None
    event, name = found
    return s.BatchCancellation(
        reason=str((event.detail or {}).get("reason", "")),
        cancelled_by_id=event.actor_id,
        cancelled_by_name=name,
        cancelled_at=event.created_at,
    )


def _summary(batch: MaintenanceBatch, counts: s.BatchCounts) -> s.BatchSummary:
    return s.BatchSummary(
        id=batch.id,
        title=batch.title,
        status=batch.status,
        flow_id=batch.flow_id,
        flow_title=batch.flow_title,
        flow_version=batch.flow_version,
        target_list_id=batch.target_list_id,
        schedule_id=batch.schedule_id,
        slot_at=batch.slot_at,
        assignment=batch.assignment,
        assignee_user_id=batch.assignee_user_id,
        team_id=batch.team_id,
        counts=counts,
        launched_by_id=batch.created_by_id,
        created_at=batch.created_at,
        completed_at=batch.completed_at,
    )


async def batch_summaries(
    db: AsyncSession, batches: list[MaintenanceBatch]
) -> list[s.BatchSummary]:
    rows = await repo.items_of(db, [b.id for b in batches])
    statuses: dict[uuid.UUID, list[str]] = {b.id: [] for b in batches}
    for item, session in rows:
        statuses[item.batch_id].append(item_status(item, session))
    return [_summary(b, counts_of(statuses[b.id])) for b in batches]


# --- working a batch -----------------------------------------------------------------------------


def _still_running(batch: MaintenanceBatch) -> None:
    if batch.status == "cancelled":
        raise Conflict("This batch was cancelled.")


def _may_act(principal: Principal, item: MaintenanceBatchItem) -> None:
    if item.assignee_id not in (None, principal.user_id) and not principal.role.at_least(
        Role.team_admin
    ):
        raise Forbidden("This target is assigned to someone else.")


async def close_item(
    db: AsyncSession,
    principal: Principal,
    batch_id: uuid.UUID,
    item_id: uuid.UUID,
    verdict: str,
    reason: str,
    client: ClientInfo | None,
) -> tuple[MaintenanceBatch, MaintenanceBatchItem]:
    """Skip (verdict "skipped") or mark failed: the item keeps the reason, its session ends."""
    batch = await repo.get_batch(db, principal.account_id, batch_id)
    _still_running(batch)
    item = await repo.get_item(db, batch, item_id, lock=True)
    _may_act(principal, item)
    session = (
        await db.scalar(select(Session).where(Session.id == item.session_id).with_for_update())
        if item.session_id
        else None
    )
    status = item_status(item, session)
    if status in TERMINAL:
        raise Conflict(f"This target is already {status.replace('_', ' ')}.")
    if status == "escalated":
        raise Conflict("This target is escalated; the senior who claims it decides.")
    item.state, item.reason = verdict, reason
    if session is not None and session.status not in sessions.ENDED:
        now = _now()
        sessions.stop_clock(session, now)
        session.status = "abandoned" if verdict == "skipped" else "unresolved"
        session.outcome = session.status
        word = "Skipped" if verdict == "skipped" else "Failed"
        session.summary = f"{word} in the maintenance batch: {reason}"
        session.ended_at = now
        await sessions.append_as(
            db,
            session,
            principal.user_id,
            [
                (
                    session.status,
                    {
                        "summary": session.summary,
                        "batch_item": verdict,
                        "active_seconds": session.active_seconds,
                    },
                )
            ],
        )
    audit.record_by(
        db,
        principal,
        "maintenance.item_skipped" if verdict == "skipped" else "maintenance.item_failed",
        target_type="maintenance_batch_item",
        target_id=item.id,
        client=client,
        detail={"batch_id": str(batch.id), "label": item.label},
    )
    await db.flush()
    await live.announce(db, batch.id)
    await maybe_complete(db, batch.id, principal.account_id)
    return batch, item


async def claim_item(
    db: AsyncSession, principal: Principal, batch_id: uuid.UUID, item_id: uuid.UUID
) -> tuple[MaintenanceBatch, MaintenanceBatchItem]:
    """Takes a target of a team pool: its session becomes the caller's."""
    batch = await repo.get_batch(db, principal.account_id, batch_id)
    _still_running(batch)
    item = await repo.get_item(db, batch, item_id, lock=True)
    if item.assignee_id == principal.user_id:
        return batch, item
    if item.assignee_id is not None:
        raise Conflict("Someone else already has this target.")
    if not principal.role.at_least(Role.team_admin) and not (
        batch.team_id and await repo.is_member(db, batch.team_id, principal.user_id)
    ):
        raise Forbidden("Only the batch's team can take its targets.")
    session = (
        await db.scalar(select(Session).where(Session.id == item.session_id).with_for_update())
        if item.session_id
        else None
    )
    item.assignee_id = principal.user_id
    if session is not None:
        session.owner_id = principal.user_id
        await sessions.append_as(db, session, principal.user_id, [("claimed", {"batch": True})])
    await db.flush()
    await live.announce(db, batch.id)
    return batch, item


def may_cancel(principal: Principal, batch: MaintenanceBatch) -> None:
    """The engineer who launched the batch (for a scheduled batch: who made the schedule), or
    a team admin and above."""
    if batch.created_by_id == principal.user_id or principal.role.at_least(Role.team_admin):
        return
    raise Forbidden("Only the engineer who launched this batch or a team admin can cancel it.")


async def cancel_batch(
    db: AsyncSession,
    principal: Principal,
    batch_id: uuid.UUID,
    reason: str,
    client: ClientInfo | None,
) -> MaintenanceBatch:
    """The batch stops: its pending and in-progress targets are skipped with the reason (their
    sessions end as abandoned, the reason on their timelines), escalated targets stay with the
    senior, no PSA note goes out, and the batch reads `cancelled`. 409 once it has finished."""
    batch = await repo.get_batch(db, principal.account_id, batch_id)
    may_cancel(principal, batch)
    if batch.status != "running":
        raise Conflict(f"This batch is already {batch.status}.")
    # Locks in the order every other writer takes them (item, session, then batch), so a skip
    # or an answer racing the cancel waits instead of deadlocking.
    rows = await repo.items_of(db, [batch.id], lock=True)
    open_ids = [x.id for i, x in rows if x is not None and i.state == "open"]
    locked = {x.id: x for x in await repo.lock_sessions(db, open_ids)}
    batch = await repo.get_batch(db, principal.account_id, batch_id, lock=True)
    if batch.status != "running":
        raise Conflict(f"This batch is already {batch.status}.")
    options = await options_for(db, principal.account_id)
    shown = redact(reason, options).redacted
    now = _now()
    batch.status, batch.completed_at, batch.updated_at = "cancelled", now, now
    ended: list[MaintenanceBatchItem] = []
    for item, stale in rows:
        session = locked.get(stale.id) if stale is not None else None
        if item_status(item, session) not in ("pending", "in_progress"):
            continue
        item.state, item.reason = "skipped", f"Batch cancelled: {reason}"[:2000]
        ended.append(item)
        if session is None or session.status in sessions.ENDED:
            continue
        sessions.stop_clock(session, now)
        session.status = session.outcome = "abandoned"
        session.summary = f"Cancelled with the maintenance batch: {reason}"
        session.ended_at = now
        await sessions.append_as(
            db,
            session,
            principal.user_id,
            [
                (
                    "abandoned",
                    {
                        "summary": session.summary,
                        "batch_item": "cancelled",
                        "reason": reason,
                        "active_seconds": session.active_seconds,
                    },
                )
            ],
        )
    clients = dict.fromkeys(i.client for i, _ in rows)
    batch.psa_notes = {
        c: {"state": "skipped", "reason": "the batch was cancelled"} for c in clients
    }
    audit.record_by(
        db,
        principal,
        "maintenance.batch_cancelled",
        target_type="maintenance_batch",
        target_id=batch.id,
        client=client,
        detail={"title": batch.title, "reason": shown, "ended": len(ended)},
    )
    await db.flush()
    people = [i.assignee_id for i in ended if i.assignee_id and i.assignee_id != principal.user_id]
    await notify(db, batch, people, f"Maintenance cancelled: {batch.title}", shown[:500])
    await live.announce(db, batch.id)
    return batch


async def set_client_tickets(
    db: AsyncSession, principal: Principal, batch_id: uuid.UUID, tickets: dict[str, str]
) -> MaintenanceBatch:
    """Which PSA ticket each client's note goes to on completion; the whole map (a client left
    out, or given a blank ticket, gets no note). Only the batch's clients; 409 once finished."""
    batch = await repo.get_batch(db, principal.account_id, batch_id, lock=True)
    if batch.status != "running":
        raise Conflict(
            f"This batch is {batch.status}; its PSA notes were "
            + ("already queued." if batch.status == "completed" else "not sent.")
        )
    known = {i.client for i, _ in await repo.items_of(db, [batch.id])}
    unknown = [c for c in tickets if c not in known]
    if unknown:
        raise ValidationFailed(
            f"“{unknown[0]}” is not a client of this batch"
            + (
                f" (its clients: {', '.join(sorted(c or '(no client)' for c in known))})."
                if known
                else "."
            ),
            errors=[
                {"loc": ["body", c], "msg": "not a client of this batch", "type": "value_error"}
                for c in unknown
            ],
        )
    batch.client_tickets = {c: t for c, t in tickets.items() if t}
    batch.updated_at = _now()
    await db.flush()
    await live.announce(db, batch.id)
    return batch


async def item_read(
    db: AsyncSession, batch: MaintenanceBatch, item_id: uuid.UUID
) -> s.BatchItemRead:
    read = await batch_read(db, batch)
    return next(i for i in read.items if i.id == item_id)


async def on_appended(db: AsyncSession, session: Session, principal: Principal, event: Any) -> None:
    """After an event on a session: batch sessions apply an answer to the remaining targets
    when asked, wake the batch's status page, and complete the batch when all are done."""
    mine = (session.state or {}).get("batch")
    if not mine:
        return
    batch_id = uuid.UUID(mine["batch_id"])
    if event.type == "answer" and getattr(event, "apply_to_remaining", False):
        await _apply_to_remaining(db, principal, session, batch_id, event)
    await live.announce(db, batch_id)
    if session.status in sessions.ENDED:
        await maybe_complete(db, batch_id, session.account_id)


async def _apply_to_remaining(
    db: AsyncSession, principal: Principal, source: Session, batch_id: uuid.UUID, event: Any
) -> None:
    """The same answer on every other open target of the batch standing at the same step, that
    the caller may work; each records which target it came from."""
    rows = await repo.items_of(db, [batch_id])
    label = next((i.label for i, x in rows if x is not None and x.id == source.id), "")
    mark = {"applied_from": {"session_id": str(source.id), "target": label}}
    same = event.model_copy(update={"apply_to_remaining": False})
    for item, other in rows:
        if other is None or other.id == source.id:
            continue
        if item_status(item, other) in (*TERMINAL, "escalated") or other.status != "active":
            continue
        if other.current_node != event.node_id or other.flow_version != source.flow_version:
            continue
        if other.owner_id != principal.user_id and not principal.role.at_least(Role.team_admin):
            continue
        try:
            async with db.begin_nested():
                await sessions.append_event(db, principal, other.id, same, mark=mark)
        except AppError as exc:
            log.info("apply to remaining skipped session %s: %s", other.id, exc.detail)


async def maybe_complete(db: AsyncSession, batch_id: uuid.UUID, account_id: uuid.UUID) -> bool:
    """Completes the batch when every target is done, skipped or failed; the PSA note per
    client is queued in the same transaction. The batch row lock makes the last two targets
    finishing at once complete it exactly once."""
    batch = await repo.get_batch(db, account_id, batch_id, lock=True)
    if batch.status != "running":
        return False
    rows = await repo.items_of(db, [batch.id])
    if not rows or any(item_status(i, x) not in TERMINAL for i, x in rows):
        return False
    batch.status, batch.completed_at = "completed", _now()
    await db.flush()
    from resolutionflow.maintenance import psa_note

    await psa_note.queue_notes(db, batch, rows)
    people = [p for p in {batch.created_by_id, batch.assignee_user_id} if p is not None]
    await notify(db, batch, people, f"Maintenance complete: {batch.title}", "The report is ready.")
    await live.announce(db, batch.id)
    return True


def register() -> None:
    if on_appended not in sessions.ON_APPENDED:
        sessions.ON_APPENDED.append(on_appended)


# --- schedules -------------------------------------------------------------------------------


def _cron_checked(expression: str, timezone: str) -> None:
    try:
        cron.validate(expression, timezone)
    except cron.CronError as exc:
        raise _invalid(exc.field, exc.message) from None


async def _check_schedule_refs(
    db: AsyncSession, principal: Principal, flow_id: uuid.UUID, target_list_id: uuid.UUID
) -> None:
    await _flow_for_batch(db, principal.account_id, flow_id)
    try:
        target_list = await repo.get_list(db, principal, target_list_id)
    except AppError:
        raise _invalid("target_list_id", "No such target list among yours.") from None
    if not await repo.targets_of(db, target_list.id):
        raise _invalid("target_list_id", f"“{target_list.name}” has no targets.", "too_short")


async def create_schedule(
    db: AsyncSession,
    principal: Principal,
    data: s.MaintenanceScheduleCreate,
    client: ClientInfo | None,
) -> tuple[MaintenanceSchedule, Schedule]:
    from resolutionflow.maintenance.jobs import LAUNCH, LaunchPayload

    _cron_checked(data.cron, data.timezone)
    await _check_schedule_refs(db, principal, data.flow_id, data.target_list_id)
    plan = await _planned(db, principal, data)
    flow = await repo.flow_in_account(db, principal.account_id, data.flow_id)
    assert flow is not None
    title = data.title or flow.title
    maintenance_id = uuid.uuid4()
    schedule = await schedules.create(
        db,
        account_id=principal.account_id,
        owner=OWNER,
        name=title,
        expression=data.cron,
        timezone=data.timezone,
        kind=LAUNCH,
        payload=LaunchPayload(maintenance_schedule_id=maintenance_id),
        misfire=Misfire(data.missed),
        enabled=data.active,
    )
    row = MaintenanceSchedule(
        id=maintenance_id,
        account_id=principal.account_id,
        schedule_id=schedule.id,
        title=title[:200],
        flow_id=data.flow_id,
        target_list_id=data.target_list_id,
        assignment=plan.assignment,
        assignee_user_id=plan.assignee_user_id,
        team_id=plan.team_id,
        overdue=data.overdue,
        client_tickets=dict(data.client_tickets),
        created_by_id=principal.user_id,
    )
    db.add(row)
    await db.flush()
    audit.record_by(
        db,
        principal,
        "maintenance.schedule_created",
        target_type="maintenance_schedule",
        target_id=row.id,
        client=client,
        detail={"cron": schedule.cron, "timezone": schedule.timezone},
    )
    return row, schedule


async def update_schedule(
    db: AsyncSession,
    principal: Principal,
    schedule_id: uuid.UUID,
    data: s.MaintenanceScheduleUpdate,
) -> tuple[MaintenanceSchedule, Schedule]:
    row, schedule = await repo.get_schedule(db, principal.account_id, schedule_id, lock=True)
    given = data.model_fields_set
    expression = data.cron if data.cron is not None else schedule.cron
    timezone = data.timezone if data.timezone is not None else schedule.timezone
    _cron_checked(expression, timezone)
    flow_id = data.flow_id or row.flow_id
    list_id = data.target_list_id or row.target_list_id
    if data.flow_id is not None or data.target_list_id is not None:
        await _check_schedule_refs(db, principal, flow_id, list_id)
    if {"assignee_user_id", "team_id", "assignment"} & given:
        plan = await _planned(db, principal, data)
        row.assignment, row.assignee_user_id, row.team_id = (
            plan.assignment,
            plan.assignee_user_id,
            plan.team_id,
        )
    row.flow_id, row.target_list_id = flow_id, list_id
    if data.title:
        row.title = schedule.name = data.title
    if data.overdue is not None:
        row.overdue = data.overdue
    if data.client_tickets is not None:
        row.client_tickets = dict(data.client_tickets)
    if data.missed is not None:
        schedule.misfire = data.missed
    enabled = data.active if data.active is not None else schedule.enabled
    if (expression, timezone, enabled) != (schedule.cron, schedule.timezone, schedule.enabled):
        schedules.reschedule(schedule, expression=expression, timezone=timezone, enabled=enabled)
    row.updated_at = _now()
    await db.flush()
    return row, schedule


async def delete_schedule(
    db: AsyncSession, principal: Principal, schedule_id: uuid.UUID, client: ClientInfo | None
) -> None:
    row, schedule = await repo.get_schedule(db, principal.account_id, schedule_id, lock=True)
    audit.record_by(
        db,
        principal,
        "maintenance.schedule_deleted",
        target_type="maintenance_schedule",
        target_id=row.id,
        client=client,
        detail={"title": row.title},
    )
    # Its batches stay (their schedule_id becomes NULL).
    await db.delete(row)
    await db.flush()
    await db.delete(schedule)
    await db.flush()


def _plan_of(row: MaintenanceSchedule) -> Plan:
    return Plan(row.assignment, assignee_user_id=row.assignee_user_id, team_id=row.team_id)


async def _schedule_plan(db: AsyncSession, row: MaintenanceSchedule) -> Plan:
    plan = _plan_of(row)
    if plan.team_id is not None:
        plan.rotation = await repo.team_members(db, plan.team_id)
        if plan.assignment == "round_robin" and not plan.rotation:
            plan.assignment = "pool"
    return plan


async def run_schedule(
    db: AsyncSession,
    account_id: uuid.UUID,
    row: MaintenanceSchedule,
    *,
    actor_id: uuid.UUID | None,
    slot_at: datetime | None,
) -> MaintenanceBatch:
    target_list = await db.get(TargetList, row.target_list_id)
    targets = await repo.targets_of(db, row.target_list_id) if target_list else []
    if not targets:
        raise _invalid("target_list_id", "The schedule's target list has no targets.", "too_short")
    plan = await _schedule_plan(db, row)
    if plan.assignment == "user" and plan.assignee_user_id is None:
        plan.assignee_user_id = row.created_by_id
    batch = await launch(
        db,
        account_id=account_id,
        actor_id=actor_id,
        flow_id=row.flow_id,
        targets=[Snapshot.of(t) for t in targets],
        plan=plan,
        title=f"{row.title} — {(slot_at or _now()):%Y-%m-%d}",
        target_list_id=row.target_list_id,
        schedule_id=row.id,
        slot_at=slot_at,
        client_tickets=row.client_tickets,
    )
    # "Run now" is pressed by someone who knows; a slot starts on its own, so everyone assigned
    # hears about it, the schedule's author included.
    people = [p for p in plan.people() if slot_at is not None or p != actor_id]
    await notify(
        db,
        batch,
        people,
        f"Scheduled maintenance started: {batch.title}",
        f"{len(targets)} target{'s' if len(targets) != 1 else ''} to work.",
        outside=True,
    )
    return batch


async def run_now(
    db: AsyncSession, principal: Principal, schedule_id: uuid.UUID, client: ClientInfo | None
) -> MaintenanceBatch:
    row, _ = await repo.get_schedule(db, principal.account_id, schedule_id)
    batch = await run_schedule(
        db, principal.account_id, row, actor_id=principal.user_id, slot_at=None
    )
    audit.record_by(
        db,
        principal,
        "maintenance.batch_launched",
        target_type="maintenance_batch",
        target_id=batch.id,
        client=client,
        detail={"schedule_id": str(row.id), "run_now": True},
    )
    return batch


async def fire_slot(
    db: AsyncSession, account_id: uuid.UUID, maintenance_schedule_id: uuid.UUID, slot: datetime
) -> MaintenanceBatch | None:
    """A due slot (from the `maintenance.launch` job): one batch, unless this slot already has
    one, or the previous batch is unfinished and the schedule says skip. Either way the
    assignees hear about an overdue batch."""
    try:
        row, _ = await repo.get_schedule(db, account_id, maintenance_schedule_id)
    except AppError:
        return None  # deleted since the slot was queued
    existing = await repo.batch_of_slot(db, account_id, row.id, slot)
    if existing is not None:
        return existing
    previous = await repo.running_batch_of_schedule(db, account_id, row.id)
    if previous is not None:
        plan = await _schedule_plan(db, row)
        people = plan.people() or [p for p in [row.created_by_id] if p]
        skipping = row.overdue == "skip"
        await notify(
            db,
            previous,
            people,
            f"Maintenance overdue: {previous.title}",
            "The next run was skipped because this one is unfinished."
            if skipping
            else "The next run has started although this one is unfinished.",
            outside=True,
        )
        if skipping:
            return None
    try:
        return await run_schedule(db, account_id, row, actor_id=row.created_by_id, slot_at=slot)
    except ValidationFailed as exc:
        # The flow or list changed since the schedule was saved: tell its owner, do not retry.
        log.warning("maintenance schedule %s could not launch: %s", row.id, exc.detail)
        people = [p for p in [row.created_by_id, row.assignee_user_id] if p]
        for user_id in dict.fromkeys(people):
            db.add(
                Notification(
                    account_id=account_id,
                    user_id=user_id,
                    kind="maintenance",
                    title=f"Scheduled maintenance could not start: {row.title}"[:300],
                    body=exc.detail,
                    link="/maintenance/schedules",
                )
            )
            await live.announce(db, user_id)
        return None


async def schedule_reads(
    db: AsyncSession, rows: list[tuple[MaintenanceSchedule, Schedule]]
) -> list[s.MaintenanceScheduleRead]:
    account_ids = {m.account_id for m, _ in rows}
    last: dict[uuid.UUID, MaintenanceBatch] = {}
    for account_id in account_ids:
        last.update(await repo.last_batches(db, account_id, [m.id for m, _ in rows]))
    flows, lists = await repo.titles(
        db, {m.flow_id for m, _ in rows}, {m.target_list_id for m, _ in rows}
    )
    now = _now()
    out = []
    for row, schedule in rows:
        batch = last.get(row.id)
        next_runs: list[datetime] = []
        overdue = False
        try:
            parsed, tz = cron.parse(schedule.cron), cron.zone(schedule.timezone)
            if schedule.enabled:
                next_runs = cron.next_slots(parsed, tz, now, 5)
            if batch is not None and batch.status == "running":
                following = cron.next_slot(parsed, tz, batch.slot_at or batch.created_at)
                overdue = following is not None and following <= now
        except cron.CronError:
            pass
        out.append(
            s.MaintenanceScheduleRead(
                id=row.id,
                title=row.title,
                flow_id=row.flow_id,
                flow_title=flows.get(row.flow_id, ""),
                target_list_id=row.target_list_id,
                target_list_name=lists.get(row.target_list_id, ""),
                cron=schedule.cron,
                timezone=schedule.timezone,
                assignment=row.assignment,
                assignee_user_id=row.assignee_user_id,
                team_id=row.team_id,
                active=schedule.enabled,
                missed=schedule.misfire,
                overdue=row.overdue,
                client_tickets=row.client_tickets or {},
                next_runs=next_runs,
                last_slot_at=schedule.last_slot_at,
                last_batch=s.MaintenanceLastBatch(
                    id=batch.id,
                    status=batch.status,
                    created_at=batch.created_at,
                )
                if batch
                else None,
                is_overdue=overdue,
                created_at=row.created_at,
            )
        )
    return out


def agenda(rows: list[tuple[MaintenanceSchedule, Schedule]], days: int) -> s.MaintenanceAgenda:
    from datetime import timedelta

    now = _now()
    until = now + timedelta(days=days)
    entries: list[s.MaintenanceAgendaEntry] = []
    for row, schedule in rows:
        if not schedule.enabled:
            continue
        try:
            parsed, tz = cron.parse(schedule.cron), cron.zone(schedule.timezone)
        except cron.CronError:
            continue
        for at in cron.next_slots(parsed, tz, now, 200):
            if at > until:
                break
            entries.append(s.MaintenanceAgendaEntry(schedule_id=row.id, title=row.title, at=at))
    entries.sort(key=lambda e: (e.at, e.title))
    return s.MaintenanceAgenda(items=entries[:2000])
