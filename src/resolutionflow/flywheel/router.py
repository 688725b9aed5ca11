"""HTTP routes of the review queue (proposals) and coverage gaps."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from resolutionflow.audit.service import record_by
from resolutionflow.auth.principal import AnyRole, Engineer, TeamAdmin
from resolutionflow.common.context import client_info
from resolutionflow.db.session import DB
from resolutionflow.flywheel import gaps, jobs, service
from resolutionflow.flywheel import repository as repo
from resolutionflow.flywheel import schemas as s
from resolutionflow.steps import repository as step_repo
from resolutionflow.steps import service as steps
from resolutionflow.steps.schemas import FlagRead

router = APIRouter(tags=["flywheel"])
# The queue shows this many open step flags; the Step library lists them all.
STEP_FLAGS_SHOWN = 100

StatusParam = Annotated[Literal["open", "approved", "dismissed", "rejected"], Query()]


@router.post("/proposals/run", status_code=202, response_model=s.RunStarted)
async def run_flywheel(principal: TeamAdmin, db: DB, request: Request) -> s.RunStarted:
    """Runs the flywheel for the account now (it also runs every 15 minutes on its schedule)."""
    job_id = await jobs.run_now(db, principal.account_id)
    record_by(
        db, principal, "proposal.run", client=client_info(request), target_type="job",
        target_id=job_id,
    )  # fmt: skip
    return s.RunStarted(job_id=job_id)


@router.get("/proposals", response_model=s.ProposalPage)
async def list_proposals(
    principal: AnyRole, db: DB, status: StatusParam = "open"
) -> s.ProposalPage:
    """The proposals in `status`; with the open ones, the open step flags (each says whether
    the caller may close it)."""
    rows = await repo.proposals(db, principal.account_id, status)
    flags: list[FlagRead] = []
    if status == "open":
        flags, _ = await steps.flags(
            db, principal, status="open", step_id=None, limit=STEP_FLAGS_SHOWN, offset=0
        )
    return s.ProposalPage(items=await service.reads(db, principal, rows), step_flags=flags)


@router.get("/proposals/counts", response_model=s.ProposalCounts)
async def proposal_counts(principal: AnyRole, db: DB) -> s.ProposalCounts:
    """For the nav: how many proposals wait in each state."""
    return s.ProposalCounts(
        **await repo.counts(db, principal.account_id),
        step_flags=await step_repo.open_flag_count(db, principal.account_id),
    )


@router.get("/proposals/{proposal_id}", response_model=s.ProposalRead)
async def get_proposal(principal: AnyRole, db: DB, proposal_id: uuid.UUID) -> s.ProposalRead:
    row = await service.get(db, principal, proposal_id)
    return (await service.reads(db, principal, [row]))[0]


@router.post("/proposals/{proposal_id}/approve", response_model=s.Approved)
async def approve_proposal(
    principal: TeamAdmin, db: DB, proposal_id: uuid.UUID, request: Request
) -> s.Approved:
    """A draft: a new flow, or a new draft of the flow with the change applied."""
    return await service.approve(db, principal, proposal_id, client_info(request))


@router.post("/proposals/{proposal_id}/dismiss", response_model=s.ProposalRead)
async def dismiss_proposal(
    principal: TeamAdmin, db: DB, proposal_id: uuid.UUID, request: Request
) -> s.ProposalRead:
    """Hidden until new evidence arrives."""
    row = await service.dismiss(db, principal, proposal_id, client_info(request))
    return (await service.reads(db, principal, [row]))[0]


@router.post("/proposals/{proposal_id}/reject", response_model=s.ProposalRead)
async def reject_proposal(
    principal: TeamAdmin, db: DB, proposal_id: uuid.UUID, body: s.RejectIn, request: Request
) -> s.ProposalRead:
    """Never proposed again; the reason is kept (redacted)."""
    row = await service.reject(db, principal, proposal_id, body.reason, client_info(request))
    return (await service.reads(db, principal, [row]))[0]


@router.post("/proposals/{proposal_id}/comments", status_code=201, response_model=s.ProposalRead)
async def comment_proposal(
    principal: Engineer, db: DB, proposal_id: uuid.UUID, body: s.CommentIn
) -> s.ProposalRead:
    row = await service.comment(db, principal, proposal_id, body.text)
    return (await service.reads(db, principal, [row]))[0]


@router.get("/knowledge/gaps", response_model=s.GapPage)
async def knowledge_gaps(principal: AnyRole, db: DB) -> s.GapPage:
    """Problems no flow covers, clustered into topics (examples redacted)."""
    return await gaps.gaps(db, principal.account_id)


@router.post("/knowledge/gaps/draft", status_code=201, response_model=s.GapDrafted)
async def draft_for_gap(
    principal: Engineer, db: DB, body: s.GapDraftIn, request: Request
) -> s.GapDrafted:
    """ "Draft a flow for this gap": the offline new_flow drafting seeded with its sessions."""
    return await service.draft_for_sessions(
        db, principal, body.session_ids, body.title, client_info(request)
    )
