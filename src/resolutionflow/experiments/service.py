"""A/B tests: start one on a flow (variant B from a published version or the draft), stop it
(promoting B as a new published version, or not), and read each with its results."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit.service import record_by
from resolutionflow.auth.principal import Principal
from resolutionflow.common.context import ClientInfo
from resolutionflow.errors import Conflict, ValidationFailed
from resolutionflow.experiments import repository as repo
from resolutionflow.experiments import schemas as s
from resolutionflow.experiments import stats
from resolutionflow.flows import service as flows
from resolutionflow.flows.diff import FlowDiff, diff
from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.validation import errors_only
from resolutionflow.models import Experiment

# The difference in resolution rate a test should be able to detect (10 points).
DETECTABLE = 0.10
ALPHA = 0.05
COMPLETED = ("resolved", "unresolved", "abandoned", "escalated")
OPEN = ("active", "paused")


def _now() -> datetime:
    return datetime.now(UTC)


def _field_error(field: str, detail: str, msg: str) -> ValidationFailed:
    return ValidationFailed(
        detail, errors=[{"loc": ["body", field], "msg": msg, "type": "value_error"}]
    )


def _same(d: FlowDiff) -> bool:
    return not (
        d.nodes.added
        or d.nodes.removed
        or d.nodes.changed
        or d.edges.added
        or d.edges.removed
        or d.edges.changed
        or d.fields
    )


# --- starting and stopping ------------------------------------------------------------------


async def start(
    db: AsyncSession,
    principal: Principal,
    flow_id: uuid.UUID,
    body: s.ExperimentCreate,
    client: ClientInfo | None,
) -> Experiment:
    flow = await flows.get_flow(db, principal, flow_id)
    if (body.candidate_version is None) == (not body.use_draft):
        msg = "give exactly one of candidate_version and use_draft"
        raise ValidationFailed(
            "Name variant B: either a published version (candidate_version) or the current "
            "draft (use_draft: true), not both and not neither.",
            errors=[
                {"loc": ["body", field], "msg": msg, "type": "value_error"}
                for field in ("candidate_version", "use_draft")
            ],
        )
    if flow.archived_at is not None:
        raise Conflict(f"“{flow.title}” is archived; unarchive it to test it.")
    if flow.latest_version is None:
        raise ValidationFailed(
            f"“{flow.title}” has no published version yet: publish it first, then test a "
            "candidate against it.",
            errors=[{"loc": ["path", "flow_id"], "msg": "not published", "type": "value_error"}],
        )
    if await repo.running_for_flow(db, principal.account_id, flow.id) is not None:
        raise Conflict(
            f"An A/B test is already running on “{flow.title}”; stop it before starting another."
        )
    version_a = flow.latest_version
    a = await repo.version_graph(db, principal.account_id, flow.id, version_a)
    assert a is not None  # latest_version always names a stored version
    a_doc = FlowDocument.model_validate(a.graph)

    draft_revision: int | None = None
    if body.candidate_version is not None:
        number = body.candidate_version
        if number == version_a:
            raise _field_error(
                "candidate_version",
                f"Version {number} is the published version (variant A); pick another version "
                "or use the draft.",
                "must differ from the published version",
            )
        b = await repo.version_graph(db, principal.account_id, flow.id, number)
        if b is None:
            raise _field_error(
                "candidate_version",
                f"“{flow.title}” has no version {number}.",
                "no such version",
            )
        if _same(diff(a_doc, FlowDocument.model_validate(b.graph))):
            raise _field_error(
                "candidate_version",
                f"Version {number} has the same steps as the published version {version_a}; "
                "there is nothing to compare.",
                "same as the published version",
            )
        version_b, source = number, "version"
    else:
        doc = FlowDocument.model_validate(flow.draft)
        if _same(diff(a_doc, doc)):
            raise _field_error(
                "use_draft",
                f"The draft has no changes from the published version {version_a}; edit it "
                "first, or pick another version.",
                "draft same as the published version",
            )
        errors = errors_only(await flows.check(db, principal.account_id, doc, flow.id))
        if errors:
            problem = _field_error(
                "use_draft",
                f"The draft has {len(errors)} problem{'s' if len(errors) != 1 else ''} to fix "
                "before it can run in a test.",
                "the draft cannot be published",
            )
            problem.extra = {"problems": [p.model_dump(mode="json") for p in errors]}
            raise problem
        draft_revision = flow.draft_revision
        version_b = await flows.add_version(
            db,
            principal,
            flow,
            flow.draft,
            f"Candidate for an A/B test against version {version_a} (draft revision "
            f"{draft_revision})",
            candidate=True,
        )
        source = "draft"

    now = _now()
    experiment = Experiment(
        account_id=principal.account_id,
        flow_id=flow.id,
        version_a=version_a,
        version_b=version_b,
        b_source=source,
        draft_revision=draft_revision,
        split=body.split,
        status="running",
        started_by_id=principal.user_id,
        started_at=now,
    )
    db.add(experiment)
    # The partial unique index turns a concurrent second start into a 409 here.
    await db.flush()
    record_by(
        db,
        principal,
        "experiment.started",
        client=client,
        target_type="flow",
        target_id=flow.id,
        detail={
            "experiment_id": str(experiment.id),
            "version_a": version_a,
            "version_b": version_b,
            "b_source": source,
            "split": body.split,
        },
    )
    return experiment


async def stop(
    db: AsyncSession,
    principal: Principal,
    experiment_id: uuid.UUID,
    promote: str | None,
    client: ClientInfo | None,
) -> Experiment:
    experiment = await repo.get(db, principal.account_id, experiment_id, lock=True)
    if experiment.status != "running":
        raise Conflict("This A/B test has already stopped.")
    flow = await flows.get_flow(db, principal, experiment.flow_id)
    now = _now()
    experiment.status = "stopped"
    experiment.ended_at = now
    experiment.ended_by_id = principal.user_id
    experiment.promoted = promote
    # Stopped first, so publishing B below is not refused for the test that is running.
    await db.flush()
    if promote == "b":
        b = await repo.version_graph(db, principal.account_id, flow.id, experiment.version_b)
        assert b is not None
        experiment.promoted_version = await flows.add_version(
            db,
            principal,
            flow,
            b.graph,
            f"Promoted from an A/B test: variant B (version {experiment.version_b}) won "
            f"against version {experiment.version_a}",
        )
        # When B was the draft as it still is, the draft is now published.
        if experiment.b_source == "draft" and flow.draft_revision == experiment.draft_revision:
            flow.published_revision = flow.draft_revision
        await db.flush()
    record_by(
        db,
        principal,
        "experiment.stopped",
        client=client,
        target_type="flow",
        target_id=flow.id,
        detail={
            "experiment_id": str(experiment.id),
            "promoted": promote,
            "promoted_version": experiment.promoted_version,
        },
    )
    return experiment


# --- reading ----------------------------------------------------------------------------------


async def get(db: AsyncSession, principal: Principal, experiment_id: uuid.UUID) -> Experiment:
    return await repo.get(db, principal.account_id, experiment_id)


async def current(db: AsyncSession, principal: Principal, flow_id: uuid.UUID) -> Experiment | None:
    flow = await flows.get_flow(db, principal, flow_id)
    return await repo.running_for_flow(db, principal.account_id, flow.id)


async def history(db: AsyncSession, principal: Principal, flow_id: uuid.UUID) -> list[Experiment]:
    flow = await flows.get_flow(db, principal, flow_id)
    return await repo.for_flow(db, principal.account_id, flow.id)


def _variant(variant: str, version: int, runs: list[repo.Run]) -> s.VariantResults:
    completed = [r for r in runs if r.status in COMPLETED]
    resolved = [r for r in runs if r.status == "resolved"]
    return s.VariantResults(
        variant=variant,
        version=version,
        runs=len(runs),
        open=sum(1 for r in runs if r.status in OPEN),
        completed=len(completed),
        resolved=len(resolved),
        resolution_rate=len(resolved) / len(completed) if completed else None,
        median_active_seconds=stats.median([r.active_seconds for r in resolved]),
        escalations=sum(1 for r in runs if r.escalated or r.status == "escalated"),
        abandoned=sum(1 for r in runs if r.status == "abandoned"),
    )


def _p(p: float) -> str:
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}" if p < 0.01 else f"p = {p:.2f}"


def _minutes(seconds: float) -> str:
    minutes = seconds / 60
    return f"{minutes:.0f} min" if minutes >= 10 else f"{minutes:.1f} min"


def conclusion(
    a: s.VariantResults,
    b: s.VariantResults,
    rate: stats.TestResult | None,
    time: stats.TestResult | None,
    needed: int,
) -> str:
    """The results in one sentence (or two), for people, from the figures alone."""
    more = max(0, needed - min(a.completed, b.completed))
    parts: list[str] = []
    if rate is not None and rate.p_value < ALPHA:
        ra, rb = a.resolution_rate or 0.0, b.resolution_rate or 0.0
        winner, loser = ("B", "A") if rb > ra else ("A", "B")
        parts.append(
            f"{winner} resolves more ({max(ra, rb):.0%} vs {min(ra, rb):.0%} for {loser}, "
            f"{_p(rate.p_value)})."
        )
    if time is not None and time.p_value < ALPHA:
        ma, mb = a.median_active_seconds or 0.0, b.median_active_seconds or 0.0
        faster, slower = ("B", "A") if mb < ma else ("A", "B")
        parts.append(
            f"{faster} resolves faster (median {_minutes(min(ma, mb))} vs "
            f"{_minutes(max(ma, mb))} for {slower}, {_p(time.p_value)})."
        )
    if parts:
        return " ".join(parts)
    if a.completed == 0 or b.completed == 0:
        return (
            f"Not enough data yet: about {more} more runs per variant needed to detect a "
            "10-point difference in resolution rate."
        )
    if more > 0:
        seen = f" ({_p(rate.p_value)} so far)" if rate is not None else ""
        return (
            f"Not enough data yet{seen}: about {more} more runs per variant needed to detect a "
            "10-point difference in resolution rate."
        )
    said = f" ({_p(rate.p_value)})" if rate is not None else ""
    return (
        f"No significant difference between A and B{said} after "
        f"{min(a.completed, b.completed)} completed runs per variant: a difference of 10 "
        "points or more is unlikely."
    )


def results(experiment: Experiment, runs: list[repo.Run]) -> s.ExperimentResults:
    by_variant: dict[str, list[repo.Run]] = defaultdict(list)
    for run in runs:
        by_variant[run.variant].append(run)
    a = _variant("a", experiment.version_a, by_variant["a"])
    b = _variant("b", experiment.version_b, by_variant["b"])
    rate = stats.compare_rates(b.resolved, b.completed, a.resolved, a.completed)
    a_times = [float(r.active_seconds) for r in by_variant["a"] if r.status == "resolved"]
    b_times = [float(r.active_seconds) for r in by_variant["b"] if r.status == "resolved"]
    time = stats.mann_whitney(a_times, b_times)
    completed = a.completed + b.completed
    baseline = (a.resolved + b.resolved) / completed if completed else 0.5
    needed = stats.runs_needed(baseline, DETECTABLE)
    return s.ExperimentResults(
        a=a,
        b=b,
        resolution_test=_test(rate),
        time_test=_test(time),
        runs_needed_per_variant=needed,
        more_runs_needed=max(0, needed - min(a.completed, b.completed)),
        conclusion=conclusion(a, b, rate, time, needed),
    )


def _test(result: stats.TestResult | None) -> s.SignificanceTest | None:
    if result is None:
        return None
    finite = result.statistic if result.statistic == result.statistic else None  # NaN: none
    if finite is not None and abs(finite) == float("inf"):
        finite = None
    return s.SignificanceTest(
        method=result.method,
        statistic=finite,
        p_value=result.p_value,
    )


async def reads(
    db: AsyncSession, principal: Principal, experiments: list[Experiment]
) -> list[s.ExperimentRead]:
    all_runs = await repo.runs(db, principal.account_id, [e.id for e in experiments])
    runs_of: dict[uuid.UUID, list[repo.Run]] = defaultdict(list)
    for run in all_runs:
        runs_of[run.experiment_id].append(run)
    names = await repo.names(
        db,
        principal.account_id,
        {e.started_by_id for e in experiments} | {e.ended_by_id for e in experiments},
    )
    return [
        s.ExperimentRead(
            id=e.id,
            flow_id=e.flow_id,
            status=e.status,
            split=e.split,
            version_a=e.version_a,
            version_b=e.version_b,
            b_source=e.b_source,
            draft_revision=e.draft_revision,
            started_at=e.started_at,
            started_by_id=e.started_by_id,
            started_by_name=names.get(e.started_by_id) if e.started_by_id else None,
            ended_at=e.ended_at,
            ended_by_id=e.ended_by_id,
            ended_by_name=names.get(e.ended_by_id) if e.ended_by_id else None,
            promoted=e.promoted,
            promoted_version=e.promoted_version,
            results=results(e, runs_of[e.id]),
        )
        for e in experiments
    ]
