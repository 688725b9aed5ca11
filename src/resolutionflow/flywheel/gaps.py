"""Coverage gaps: FlowPilot intakes that matched no flow, copilot questions answered "I don't
know", and escalations without a flow, clustered into labelled topics."""

from __future__ import annotations

import hashlib
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.flywheel import clustering, service
from resolutionflow.flywheel import repository as repo
from resolutionflow.flywheel import schemas as s
from resolutionflow.flywheel.traces import Trace
from resolutionflow.redaction.policy import options_for

EXAMPLES = 3


@dataclass(frozen=True)
class Hit:
    trace: Trace
    text: str
    source: str  # pilot_no_match | copilot_unknown | escalation_without_flow


def hits(traces: list[Trace]) -> list[Hit]:
    out: list[Hit] = []
    for t in traces:
        if t.mode == "pilot" and not t.matched_flow and t.flow is None:
            out.append(Hit(t, t.problem_text(), "pilot_no_match"))
        elif t.escalated and t.flow is None:
            out.append(Hit(t, t.problem_text(), "escalation_without_flow"))
        for q in t.unknown_questions:
            if q.strip():
                out.append(Hit(t, q, "copilot_unknown"))
    return out


async def gaps(db: AsyncSession, account_id: uuid.UUID, *, limit: int = 50) -> s.GapPage:
    red = service.redactor(await options_for(db, account_id))
    found = hits(await service.load_traces(db, account_id))
    if not found:
        return s.GapPage(items=[])
    texts = [h.text for h in found]
    sims = clustering.similarity_matrix(clustering.embed(texts))
    groups = clustering.agglomerate(sims, clustering.PROBLEM_THRESHOLD)
    names = await repo.names(
        db, account_id, list({h.trace.owner_id for h in found if h.trace.owner_id})
    )
    now = datetime.now(UTC)
    items: list[s.Gap] = []
    for members in groups:
        group = [found[i] for i in members]
        words = clustering.keywords(texts, members)
        center = found[clustering.medoid(members, sims)]
        label = red(" ".join(center.text.split())[:80]) or " · ".join(words)
        examples: list[str] = []
        for h in sorted(group, key=lambda h: h.trace.when, reverse=True):
            example = red(" ".join(h.text.split())[:300])
            if example and example not in examples:
                examples.append(example)
            if len(examples) == EXAMPLES:
                break
        recent = sum(1 for h in group if h.trace.when >= now - timedelta(days=7))
        before = sum(
            1 for h in group if now - timedelta(days=14) <= h.trace.when < now - timedelta(days=7)
        )
        direction = "rising" if recent > before else "falling" if recent < before else "steady"
        owners = Counter(h.trace.owner_id for h in group if h.trace.owner_id in names)
        ids = sorted({h.trace.session_id for h in group}, key=str)
        items.append(
            s.Gap(
                key=hashlib.sha256("|".join(map(str, ids)).encode()).hexdigest()[:16],
                label=label,
                keywords=words,
                count=len({h.trace.session_id for h in group}),
                examples=examples,
                sources=dict(Counter(h.source for h in group)),
                last_seen=max(h.trace.when for h in group),
                trend=s.GapTrend(last_7_days=recent, previous_7_days=before, direction=direction),
                engineers=[s.GapEngineer(id=u, name=names[u]) for u, _ in owners.most_common()],
                session_ids=ids,
            )
        )
    items.sort(key=lambda g: (-g.count, -g.last_seen.timestamp()))
    return s.GapPage(items=items[:limit])
