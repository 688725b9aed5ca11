"""The flywheel's work and the review queue: a run reads the account's sessions, proposes (or
reinforces) proposals; team admins approve (a draft), dismiss or reject them; everyone who may
read flows sees them and may comment. Nothing here commits."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.ai import gateway
from resolutionflow.ai.prompt import DataBlock
from resolutionflow.audit.service import record_by
from resolutionflow.auth.principal import Principal
from resolutionflow.common.context import ClientInfo
from resolutionflow.errors import Conflict, Forbidden, NotFound, ValidationFailed
from resolutionflow.flowgen import builder
from resolutionflow.flows import service as flows
from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.validation import errors_only, validate
from resolutionflow.flywheel import proposing
from resolutionflow.flywheel import repository as repo
from resolutionflow.flywheel import schemas as s
from resolutionflow.flywheel import traces as tr
from resolutionflow.models import Proposal, Role, Session
from resolutionflow.redaction import RedactionOptions, redact
from resolutionflow.redaction.policy import options_for

# How far back a run looks: patterns older than this no longer say much about today.
WINDOW = timedelta(days=90)
MAX_EVIDENCE = 50


def _now() -> datetime:
    return datetime.now(UTC)


def redactor(options: RedactionOptions) -> proposing.Redact:
    return lambda text: redact(text, options).redacted


# --- reading sessions --------------------------------------------------------------------------


async def load_traces(
    db: AsyncSession,
    account_id: uuid.UUID,
    *,
    since: datetime | None = None,
    ids: list[uuid.UUID] | None = None,
) -> list[tr.Trace]:
    rows = await repo.sessions_since(db, account_id, since or _now() - WINDOW, ids=ids)
    events = await repo.timelines(db, account_id, [r.id for r in rows])
    return [_trace(r, events.get(r.id, [])) for r in rows]


def _trace(row: Session, events: list[tuple[str, dict[str, Any]]]) -> tr.Trace:
    return tr.build(
        session_id=row.id,
        title=row.title,
        status=row.status,
        mode=row.mode,
        owner_id=row.owner_id,
        created_at=row.created_at,
        ended_at=row.ended_at or row.updated_at,
        summary=row.summary,
        pilot=row.pilot,
        events=events,
    )


def evidence_of(traces: list[tr.Trace], redact_: proposing.Redact) -> list[dict[str, Any]]:
    ordered = sorted(traces, key=lambda t: (t.when, str(t.session_id)))[-MAX_EVIDENCE:]
    return [
        {
            "session_id": str(t.session_id),
            "title": redact_(t.title)[:200],
            "status": t.status,
            "ended_at": t.when.isoformat(),
            "engineer_id": str(t.owner_id) if t.owner_id else None,
        }
        for t in ordered
    ]


# --- a run -------------------------------------------------------------------------------------


async def analyse(db: AsyncSession, account_id: uuid.UUID) -> list[proposing.Candidate]:
    """Candidates from the account's recent sessions (read-only)."""
    options = await options_for(db, account_id)
    red = redactor(options)
    traces = await load_traces(db, account_id)
    flow_rows = await repo.published_flows(db, account_id)
    covering = [(f.id, f"{f.title} {f.description} {' '.join(f.tags or [])}") for f, _ in flow_rows]
    published: dict[uuid.UUID, tuple[str, int, FlowDocument]] = {}
    for f, graph in flow_rows:
        if graph is not None and f.latest_version:
            published[f.id] = (f.title, f.latest_version, FlowDocument.model_validate(graph))
    return [
        *proposing.new_flows(traces, covering, red),
        *proposing.changes(traces, published, red),
    ]


async def word(plan: gateway.Plan, cand: proposing.Candidate) -> None:
    """With a model configured, the model names a new flow and words its steps; its flow is
    validated (and repaired) as the AI flow builder's is, and kept only when valid. No
    transaction is open here."""
    if plan.offline_reason is not None or cand.kind != "new_flow":
        return
    doc = cand.draft["document"]
    request = (
        "Rewrite this draft flow, proposed from several resolved sessions, into a clear "
        "troubleshooting flow: give it a short title naming the problem, word each step as an "
        "instruction or a question an engineer can act on, keep the order and the answers, and "
        "fill obvious gaps. Rationale: " + cand.rationale
    )
    material = [DataBlock("draft flow", json.dumps(doc, ensure_ascii=False)[:20000])]
    try:
        built = await builder.build(plan, request, material)
    except Exception:  # a model failure leaves the offline wording in place
        return
    if built.document is not None and not built.problems:
        worded = built.document.model_copy(update={"tags": [*built.document.tags, "proposed"]})
        cand.draft = {"document": worded.export()}
        cand.title = f"New flow: {worded.title}"[:200]
        model = next((sv.model for sv in reversed(built.served) if sv.provider != "offline"), "")
        cand.worded_by = model or "model"


async def store(
    db: AsyncSession, account_id: uuid.UUID, candidates: list[proposing.Candidate]
) -> dict[str, int]:
    """Create, reinforce or reopen proposals; a rejected subject is skipped for good."""
    red = redactor(await options_for(db, account_id))
    existing = await repo.proposals(db, account_id)
    known = [
        proposing.Known(
            p.id,
            p.kind,
            p.status,
            p.fingerprint,
            p.signature,
            p.flow_id,
            {uuid.UUID(e["session_id"]) for e in p.evidence},
        )
        for p in existing
    ]
    by_id = {p.id: p for p in existing}
    owners = [t.owner_id for c in candidates for t in c.traces if t.owner_id]
    teams = await repo.teams_of(db, account_id, list(set(owners)))
    tally: Counter[str] = Counter()
    now = _now()
    for cand in candidates:
        hit = proposing.match(cand, known)
        evidence = evidence_of(cand.traces, red)
        ids = {uuid.UUID(e["session_id"]) for e in evidence}
        if hit is not None:
            row = by_id[hit.id]
            if row.status in ("rejected", "approved"):
                tally["skipped"] += 1
                continue
            new = ids - hit.session_ids
            if not new:
                tally["unchanged"] += 1
                continue
            if row.status == "dismissed":
                row.status = "dismissed"
                if len(ids | hit.session_ids) > (row.dismissed_at_count or 0):
                    row.status = "open"
                    tally["reopened"] += 1
            merged = {e["session_id"]: e for e in [*row.evidence, *evidence]}
            row.evidence = sorted(merged.values(), key=lambda e: e["ended_at"])[-MAX_EVIDENCE:]
            row.evidence_count = max(row.evidence_count, len(ids | hit.session_ids))
            row.reinforced_count += 1
            row.reinforced_at = now
            row.confidence = max(row.confidence, cand.confidence)
            row.rationale = cand.rationale
            row.draft = cand.draft
            row.last_seen_at = max(t.when for t in cand.traces)
            hit.session_ids |= ids
            tally["reinforced"] += 1
            continue
        team_votes = Counter(teams[t.owner_id] for t in cand.traces if t.owner_id in teams)
        row = Proposal(
            account_id=account_id,
            kind=cand.kind,
            status="open",
            title=cand.title,
            rationale=cand.rationale,
            confidence=cand.confidence,
            fingerprint=cand.fingerprint,
            signature=cand.signature,
            team_id=team_votes.most_common(1)[0][0] if team_votes else None,
            flow_id=cand.flow_id,
            flow_version=cand.flow_version,
            draft=cand.draft,
            evidence=evidence,
            evidence_count=len(cand.traces),
            first_seen_at=min(t.when for t in cand.traces),
            last_seen_at=max(t.when for t in cand.traces),
            reinforced_count=0,
            source=cand.source,
            worded_by=cand.worded_by,
        )
        db.add(row)
        await db.flush()
        known.append(
            proposing.Known(
                row.id, row.kind, row.status, row.fingerprint, row.signature, row.flow_id, ids
            )
        )
        by_id[row.id] = row
        tally["created"] += 1
    return dict(tally)


# --- the review queue --------------------------------------------------------------------------


async def _may_review(db: AsyncSession, principal: Principal, proposal: Proposal) -> bool:
    if principal.role.at_least(Role.super_admin):
        return True
    if not principal.role.at_least(Role.team_admin):
        return False
    if proposal.team_id is None:
        return True
    return proposal.team_id in await repo.my_teams(db, principal.account_id, principal.user_id)


async def reads(
    db: AsyncSession, principal: Principal, rows: list[Proposal]
) -> list[s.ProposalRead]:
    comments = await repo.comments(db, principal.account_id, [r.id for r in rows])
    mine = await repo.my_teams(db, principal.account_id, principal.user_id)
    out = []
    for r in rows:
        span = 0
        if r.first_seen_at and r.last_seen_at:
            span = max(1, (r.last_seen_at - r.first_seen_at).days + 1)
        can = principal.role.at_least(Role.super_admin) or (
            principal.role.at_least(Role.team_admin) and (r.team_id is None or r.team_id in mine)
        )
        out.append(
            s.ProposalRead(
                id=r.id,
                kind=r.kind,
                status=r.status,
                title=r.title,
                rationale=r.rationale,
                confidence=r.confidence,
                evidence=[s.Evidence(**e, link=f"/sessions/{e['session_id']}") for e in r.evidence],
                evidence_count=r.evidence_count,
                first_seen_at=r.first_seen_at,
                last_seen_at=r.last_seen_at,
                span_days=span,
                reinforced_count=r.reinforced_count,
                reinforced_at=r.reinforced_at,
                flow_id=r.flow_id,
                flow_version=r.flow_version,
                draft=r.draft or None,
                source=r.source,
                worded_by=r.worded_by,
                team_id=r.team_id,
                reject_reason=r.reject_reason,
                reviewed_at=r.reviewed_at,
                result_flow_id=r.result_flow_id,
                can_review=can,
                comments=[
                    s.CommentRead(
                        id=c.id,
                        author_id=c.author_id,
                        author_name=name,
                        text=c.text,
                        created_at=c.created_at,
                    )
                    for c, name in comments.get(r.id, [])
                ],
                created_at=r.created_at,
                updated_at=r.updated_at,
            )
        )
    return out


async def _reviewable(db: AsyncSession, principal: Principal, proposal_id: uuid.UUID) -> Proposal:
    row = await repo.proposal(db, principal.account_id, proposal_id, lock=True)
    if row is None:
        raise NotFound(f"No proposal with id {proposal_id}.")
    if not await _may_review(db, principal, row):
        raise Forbidden("Only a team admin of the proposal's team reviews it.")
    return row


def _reviewed(row: Proposal, principal: Principal, status: str) -> None:
    row.status = status
    row.reviewed_by_id = principal.user_id
    row.reviewed_at = _now()


async def approve(
    db: AsyncSession, principal: Principal, proposal_id: uuid.UUID, client: ClientInfo | None
) -> s.Approved:
    row = await _reviewable(db, principal, proposal_id)
    if row.status == "approved" and row.result_flow_id is not None:
        return s.Approved(flow_id=row.result_flow_id, draft_version=row.result_revision)
    if row.status == "rejected":
        raise Conflict("This proposal was rejected; it cannot be approved.")
    document = FlowDocument.model_validate((row.draft or {}).get("document") or {})
    if row.kind == "new_flow" or row.flow_id is None:
        flow = await flows.create_flow(db, principal, document)
    else:
        flow = await flows.get_flow(db, principal, row.flow_id)
        current = FlowDocument.model_validate(flow.draft)
        change = (row.draft or {}).get("change") or {}
        # The change goes onto the flow's draft as it is now (edits since the proposal stay);
        # when it no longer applies there, onto the version it was proposed against.
        changed = proposing.apply_change(current, change) or document
        flow = await flows.save_draft(db, principal, flow.id, changed, None)
    _reviewed(row, principal, "approved")
    row.result_flow_id = flow.id
    row.result_revision = flow.draft_revision
    record_by(
        db, principal, "proposal.approved", client=client, target_type="proposal",
        target_id=row.id, detail={"flow_id": str(flow.id), "kind": row.kind},
    )  # fmt: skip
    return s.Approved(flow_id=flow.id, draft_version=flow.draft_revision)


async def dismiss(
    db: AsyncSession, principal: Principal, proposal_id: uuid.UUID, client: ClientInfo | None
) -> Proposal:
    row = await _reviewable(db, principal, proposal_id)
    if row.status in ("approved", "rejected"):
        raise Conflict(f"This proposal was {row.status}; it cannot be dismissed.")
    _reviewed(row, principal, "dismissed")
    row.dismissed_at_count = row.evidence_count
    record_by(
        db, principal, "proposal.dismissed", client=client, target_type="proposal",
        target_id=row.id,
    )  # fmt: skip
    return row


async def reject(
    db: AsyncSession,
    principal: Principal,
    proposal_id: uuid.UUID,
    reason: str,
    client: ClientInfo | None,
) -> Proposal:
    row = await _reviewable(db, principal, proposal_id)
    if row.status == "approved":
        raise Conflict("This proposal was approved; it cannot be rejected.")
    _reviewed(row, principal, "rejected")
    options = await options_for(db, principal.account_id)
    row.reject_reason = redact(reason, options).redacted
    record_by(
        db, principal, "proposal.rejected", client=client, target_type="proposal",
        target_id=row.id,
    )  # fmt: skip
    return row


async def comment(
    db: AsyncSession, principal: Principal, proposal_id: uuid.UUID, text: str
) -> Proposal:
    from resolutionflow.models import ProposalComment

    row = await repo.proposal(db, principal.account_id, proposal_id)
    if row is None:
        raise NotFound(f"No proposal with id {proposal_id}.")
    options = await options_for(db, principal.account_id)
    db.add(
        ProposalComment(
            account_id=principal.account_id,
            proposal_id=row.id,
            author_id=principal.user_id,
            text=redact(text, options).redacted,
        )
    )
    row.updated_at = _now()
    await db.flush()
    return row


async def get(db: AsyncSession, principal: Principal, proposal_id: uuid.UUID) -> Proposal:
    row = await repo.proposal(db, principal.account_id, proposal_id)
    if row is None:
        raise NotFound(f"No proposal with id {proposal_id}.")
    return row


# --- gaps: drafting from chosen sessions -------------------------------------------------------


async def draft_for_sessions(
    db: AsyncSession,
    principal: Principal,
    session_ids: list[uuid.UUID],
    title: str | None,
    client: ClientInfo | None,
) -> s.GapDrafted:
    """ "Draft a flow for this gap": the new_flow drafting seeded with the gap's sessions; the
    draft is a new flow (and an approved proposal records where it came from)."""
    traces = await load_traces(db, principal.account_id, ids=session_ids)
    if len(traces) != len(set(session_ids)):
        raise NotFound("Some of these sessions do not exist.")
    red = redactor(await options_for(db, principal.account_id))
    cand = proposing.seeded(traces, red)
    document = FlowDocument.model_validate(cand.draft["document"])
    if title:
        document = document.model_copy(update={"title": red(title)[:200]})
    if errors_only(validate(document)):
        raise ValidationFailed("The sessions did not give a valid draft.")
    flow = await flows.create_flow(db, principal, document)
    row = Proposal(
        account_id=principal.account_id,
        kind="new_flow",
        status="approved",
        title=f"New flow: {document.title}"[:200],
        rationale=cand.rationale,
        confidence=cand.confidence,
        fingerprint=cand.fingerprint,
        signature=cand.signature,
        draft={"document": document.export()},
        evidence=evidence_of(traces, red),
        evidence_count=len(traces),
        first_seen_at=min(t.when for t in traces),
        last_seen_at=max(t.when for t in traces),
        reinforced_count=0,
        source="gap",
        worded_by="offline",
        reviewed_by_id=principal.user_id,
        reviewed_at=_now(),
        result_flow_id=flow.id,
        result_revision=flow.draft_revision,
    )
    db.add(row)
    await db.flush()
    record_by(
        db, principal, "gap.drafted", client=client, target_type="flow", target_id=flow.id,
        detail={"sessions": len(traces)},
    )  # fmt: skip
    return s.GapDrafted(flow_id=flow.id, draft_version=flow.draft_revision, proposal_id=row.id)
