"""What analytics derives from a session's timeline, as a pure fold over its entries in order.

The fold carries its state between appends (`FoldState`, kept on the session's fact row), so
the appending transaction folds only the new entries; folding a whole timeline from the start
gives the same result (that is how history and bulk-written sessions are caught up).

Derived:
- the active clock: runs from `started`, stops at `paused`, `escalated`, `parked` and the
  session's end,
  runs again at `resumed` and `claimed` (the session's own billable-time rule);
- step visits: a flow step is visited from the entry that showed it (`step_shown`, or
  `went_back` to it) until it is answered (`answer` naming that node) or left (another step
  shown, the session ending); an answered visit's duration is the active time in between, so
  pauses and waits for an escalation pickup are excluded. Each visit also records the step of
  the same flow answered just before it (the edge taken to reach it) and whether it is the
  session's latest visit in that flow (where a run that did not resolve left the flow);
- the client (the linked ticket's company, else the maintenance target's client), whether the
  session was ever escalated, and copilot use.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

# The timeline entries the fold reads; every other entry changes nothing it derives.
RELEVANT = frozenset(
    {
        "started",
        "step_shown",
        "went_back",
        "answer",
        "paused",
        "resumed",
        "escalated",
        "parked",
        "claimed",
        "resolved",
        "unresolved",
        "abandoned",
        "copilot_reply",
        "suggestion_accepted",
        "ticket_linked",
    }
)
_STOPS = frozenset({"paused", "escalated", "parked", "resolved", "unresolved", "abandoned"})
_RUNS = frozenset({"resumed", "claimed"})
_ENDS = frozenset({"resolved", "unresolved", "abandoned"})
CLIENT_MAX = 200


class OpenVisit(BaseModel):
    seq: int
    node_id: str
    flow_id: str | None = None
    clock: float  # the active clock when the step was shown


class FoldState(BaseModel):
    """The fold's state between appends (stored as JSON on the session's fact row)."""

    clock: float = 0.0  # active seconds of the stretches that have ended
    running_since: datetime | None = None
    open: OpenVisit | None = None
    # The step just answered (node, flow), until the next step is shown.
    answered: tuple[str, str | None] | None = None
    # The latest visit (its seq) per flow id ("" for none).
    latest: dict[str, int] = Field(default_factory=dict)
    # Which flow (id, version) each node shown so far belongs to: `went_back` names only the node.
    nodes: dict[str, tuple[str | None, int | None]] = Field(default_factory=dict)

    def at(self, when: datetime) -> float:
        """The active clock at `when`."""
        if self.running_since is None:
            return self.clock
        return self.clock + max(0.0, (when - self.running_since).total_seconds())


@dataclass
class Visit:
    """A step visit opened or changed by a fold (keyed by the seq that showed it)."""

    seq: int
    node_id: str
    flow_id: uuid.UUID | None
    flow_version: int | None
    shown_at: datetime
    ended_at: datetime | None = None
    answered: bool = False
    active_seconds: float | None = None
    prev_node_id: str | None = None
    last_in_flow: bool = True


@dataclass
class Entry:
    """One timeline entry as the fold reads it."""

    seq: int
    type: str
    created_at: datetime
    payload: Mapping[str, Any]


@dataclass
class Folded:
    """The outcome of folding some entries: the new state and totals, and the visits to write.
    `opened` holds visits this fold opened (insert them); `changed` holds the columns to update
    of visits opened by an earlier fold (ended, answered, or no longer the latest)."""

    state: FoldState
    through_seq: int
    client: str | None
    escalated: bool
    copilot_suggested: int
    copilot_accepted: int
    opened: dict[int, Visit] = field(default_factory=dict)
    changed: dict[int, dict[str, Any]] = field(default_factory=dict)


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())[:CLIENT_MAX]
    return text or None


def fold(
    entries: Iterable[Entry],
    *,
    state: FoldState | None = None,
    through_seq: int = 0,
    client: str | None = None,
    escalated: bool = False,
    copilot_suggested: int = 0,
    copilot_accepted: int = 0,
) -> Folded:
    """Folds `entries` (in seq order, those after `through_seq`) into the state and totals so
    far. Never raises on an odd payload: what it cannot read it leaves out."""
    out = Folded(
        state=(state or FoldState()).model_copy(deep=True),
        through_seq=through_seq,
        client=client,
        escalated=escalated,
        copilot_suggested=copilot_suggested,
        copilot_accepted=copilot_accepted,
    )
    st = out.state

    def change(seq: int, **values: Any) -> None:
        if seq in out.opened:
            for name, value in values.items():
                setattr(out.opened[seq], name, value)
        else:
            out.changed.setdefault(seq, {}).update(values)

    def close(when: datetime, answered: bool) -> None:
        if st.open is None:
            return
        seconds = round(max(0.0, st.at(when) - st.open.clock), 3) if answered else None
        change(st.open.seq, ended_at=when, answered=answered, active_seconds=seconds)
        st.answered = (st.open.node_id, st.open.flow_id) if answered else None
        st.open = None

    def show(entry: Entry, node_id: str, flow_id: str | None, version: int | None) -> None:
        close(entry.created_at, False)
        came_from = st.answered
        st.answered = None
        st.nodes[node_id] = (flow_id, version)
        previous = st.latest.get(flow_id or "")
        if previous is not None:
            change(previous, last_in_flow=False)
        st.latest[flow_id or ""] = entry.seq
        st.open = OpenVisit(
            seq=entry.seq, node_id=node_id, flow_id=flow_id, clock=st.at(entry.created_at)
        )
        out.opened[entry.seq] = Visit(
            seq=entry.seq,
            node_id=node_id,
            flow_id=_uuid(flow_id),
            flow_version=version,
            shown_at=entry.created_at,
            prev_node_id=came_from[0] if came_from and came_from[1] == flow_id else None,
        )

    for entry in entries:
        if entry.seq <= out.through_seq:
            continue
        out.through_seq = entry.seq
        kind, p, when = entry.type, entry.payload or {}, entry.created_at
        node = p.get("node_id")
        node = node[:64] if isinstance(node, str) and node else None
        if kind == "started":
            if st.running_since is None:
                st.running_since = when
            out.client = out.client or _text(p.get("client"))
        elif kind == "step_shown" and node:
            flow = p.get("flow_id")
            show(entry, node, str(flow) if flow else None, _int(p.get("version")))
        elif kind == "went_back" and node:
            flow, version = st.nodes.get(node, (None, None))
            show(entry, node, flow, version)
        elif kind == "answer" and node:
            if st.open is not None and st.open.node_id == node:
                close(when, True)
        elif kind in _STOPS:
            if st.running_since is not None:
                st.clock = st.at(when)
                st.running_since = None
            if kind == "escalated":
                out.escalated = True
            if kind in _ENDS:
                close(when, False)
        elif kind in _RUNS:
            if st.running_since is None:
                st.running_since = when
        elif kind == "copilot_reply":
            if p.get("suggestions"):
                out.copilot_suggested += 1
        elif kind == "suggestion_accepted":
            out.copilot_accepted += 1
        elif kind == "ticket_linked":
            out.client = _text(p.get("company")) or out.client
    return out


def answer_durations(entries: Iterable[Entry]) -> dict[int, float]:
    """How long each answered step took, keyed by the seq of the `answer` entry that closed it:
    the active seconds from the step being shown to being answered (pauses, parking and waits
    for an escalation pickup excluded), as the fold measures its visits. Reads a whole timeline
    from the start; answers that closed no visit (a step never shown) are left out."""
    ordered = list(entries)
    folded = fold(ordered)
    answers: dict[str, list[int]] = {}
    for entry in ordered:
        node = (entry.payload or {}).get("node_id")
        if entry.type == "answer" and isinstance(node, str) and node:
            answers.setdefault(node[:64], []).append(entry.seq)
    out: dict[int, float] = {}
    for visit in folded.opened.values():
        if not visit.answered or visit.active_seconds is None:
            continue
        # A visit is closed by the first answer naming its step after it was shown.
        closing = next((seq for seq in answers.get(visit.node_id, []) if seq > visit.seq), None)
        if closing is not None:
            out[closing] = visit.active_seconds
    return out
