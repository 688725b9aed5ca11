"""A session's timeline read as what the flywheel learns from: the problem, the steps taken
(questions with the answer given, actions with what they found), how it ended, and, for a run
of a flow, where it left the flow. A pure function of the events; nothing here touches the
database."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

StepKind = Literal["question", "action"]

# Answers that mean yes or no, whatever the words; questions are compared on these labels.
_YES = {"yes", "y", "yeah", "yep", "true", "it does", "it is", "correct", "affirmative"}
_NO = {"no", "n", "nope", "false", "it doesn't", "it does not", "it is not", "negative"}


def canonical_answer(text: str | None) -> str | None:
    if text is None:
        return None
    t = " ".join(text.strip().split())
    if not t:
        return None
    low = t.lower().rstrip(".!")
    first = low.split(",")[0].split(" ")[0]
    if low in _YES or first in ("yes", "yeah", "yep"):
        return "Yes"
    if low in _NO or first in ("no", "nope"):
        return "No"
    return t[:1].upper() + t[1:80]


@dataclass
class TraceStep:
    kind: StepKind
    title: str
    answer: str | None = None  # the option chosen, for a question
    detail: str = ""  # a command, a result


@dataclass
class FlowRun:
    """Where a run of a flow went: the nodes answered, where it went back or escalated, and
    what was done after the flow had ended."""

    flow_id: str
    version: int | None
    path: list[tuple[str, str, str | None]] = field(default_factory=list)  # node, title, answer
    completed_at_node: str | None = None
    completed_outcome: str | None = None
    went_back: list[tuple[str, str]] = field(default_factory=list)  # (from node, to node)
    escalated_at: str | None = None
    escalated_title: str | None = None
    after_end: list[str] = field(default_factory=list)  # notes and fixes once it had ended
    # Answers typed while at a question that its edges do not offer: (node, title, answer).
    off_answers: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Trace:
    session_id: uuid.UUID
    title: str
    problem: str
    status: str
    mode: str
    owner_id: uuid.UUID | None
    created_at: datetime
    ended_at: datetime | None
    steps: list[TraceStep] = field(default_factory=list)
    resolution: str = ""
    flow: FlowRun | None = None
    matched_flow: bool = False
    # Copilot questions answered "I don't know" (nothing of the account matched them).
    unknown_questions: list[str] = field(default_factory=list)
    escalated: bool = False

    @property
    def freeform(self) -> bool:
        return self.flow is None

    @property
    def when(self) -> datetime:
        return self.ended_at or self.created_at

    def problem_text(self) -> str:
        return " ".join(p for p in (self.title, self.problem) if p).strip()


def _dont_know(payload: Mapping[str, Any]) -> bool:
    content = str(payload.get("content") or "")
    return not payload.get("sources") and (
        content.startswith("I don't know") or float(payload.get("confidence") or 0) < 0.2
    )


def _note_step(text: str) -> TraceStep | None:
    text = text.strip()
    if not text:
        return None
    first = text.splitlines()[0].strip()
    # "Is the spooler running? No" reads as a question with its answer.
    if "?" in first:
        question, _, rest = first.partition("?")
        return TraceStep("question", question.strip() + "?", canonical_answer(rest) or None)
    return TraceStep("action", first[:200], detail=text[:2000])


def build(
    *,
    session_id: uuid.UUID,
    title: str,
    status: str,
    mode: str,
    owner_id: uuid.UUID | None,
    created_at: datetime,
    ended_at: datetime | None,
    summary: str,
    pilot: Mapping[str, Any] | None,
    events: Iterable[tuple[str, Mapping[str, Any]]],
) -> Trace:
    """`events`: (type, payload) of the timeline in order."""
    trace = Trace(
        session_id=session_id,
        title=title,
        problem=str(((pilot or {}).get("intake") or {}).get("text") or ""),
        status=status,
        mode=mode,
        owner_id=owner_id,
        created_at=created_at,
        ended_at=ended_at,
        resolution=summary or "",
        matched_flow=bool((pilot or {}).get("matched_flow")),
    )
    run: FlowRun | None = None
    current: tuple[str, str, str] | None = None  # node id, title, type
    ended = False
    for kind, p in events:
        if kind == "step_shown":
            if run is None or run.flow_id != str(p.get("flow_id")):
                run = FlowRun(str(p.get("flow_id")), p.get("version"))
                trace.flow = run
            current = (str(p.get("node_id")), str(p.get("title") or ""), str(p.get("node_type")))
            ended = False
        elif kind == "answer" and run is not None:
            label = p.get("answer") if p.get("node_type") == "question" else None
            run.path.append((str(p.get("node_id")), str(p.get("title") or ""), label))
        elif kind == "went_back" and run is not None:
            run.went_back.append((str(p.get("from_node_id")), str(p.get("node_id"))))
        elif kind == "flow_completed" and run is not None:
            run.completed_at_node = str(p.get("node_id"))
            run.completed_outcome = str(p.get("outcome") or "")
            ended = True
        elif kind == "escalated":
            trace.escalated = True
            if run is not None and current is not None and not ended:
                run.escalated_at, run.escalated_title = current[0], current[1]
        elif kind == "pilot_intake":
            trace.problem = str(p.get("text") or trace.problem)
        elif kind == "note":
            text = str(p.get("text") or "")
            if run is not None and ended:
                run.after_end.append(text)
            elif run is not None and current is not None and current[2] == "question":
                run.off_answers.append((current[0], current[1], text))
            elif run is None and (step := _note_step(text)) is not None:
                trace.steps.append(step)
        elif kind == "command_output" and run is None:
            command = str(p.get("command") or "").strip()
            text = str(p.get("text") or "").strip()
            head = command or (text.splitlines()[0] if text else "")
            if head:
                trace.steps.append(TraceStep("action", f"Run {head}"[:200], detail=text[:2000]))
        elif kind == "suggestion_accepted" and run is None and p.get("title"):
            trace.steps.append(
                TraceStep("action", str(p["title"])[:200], detail=str(p.get("instructions") or ""))
            )
        elif kind == "pilot_step_answered" and not p.get("skipped"):
            purpose = p.get("purpose")
            if purpose in ("follow_flow", "resolve", "flow_end", "flow_node", "fix_outcome"):
                continue
            text = str(p.get("text") or "").strip()
            if not text:
                continue
            if p.get("type") == "question":
                answer = canonical_answer(p.get("option") or p.get("answer_text"))
                trace.steps.append(TraceStep("question", text[:200], answer))
            elif p.get("type") in ("action", "check"):
                trace.steps.append(
                    TraceStep("action", text[:200], detail=str(p.get("answer_text") or ""))
                )
        elif kind == "fix_status" and p.get("status") == "applied":
            text = f"{p.get('title') or ''}".strip()
            if run is not None and ended:
                run.after_end.append(text)
            elif run is None and text:
                trace.steps.append(TraceStep("action", text[:200]))
        elif kind == "copilot_reply" and _dont_know(p):
            trace.unknown_questions.append("")
        elif kind == "copilot_question":
            trace.unknown_questions.append(str(p.get("content") or ""))
        elif kind in ("resolved", "unresolved") and p.get("summary"):
            trace.resolution = str(p["summary"])
    # Keep only the questions whose reply was "I don't know": each reply marker ("") follows
    # its question.
    kept: list[str] = []
    for i, q in enumerate(trace.unknown_questions):
        if q == "" and i > 0 and trace.unknown_questions[i - 1]:
            kept.append(trace.unknown_questions[i - 1])
    trace.unknown_questions = kept
    return trace
