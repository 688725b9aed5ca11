"""A model's proposal for the next step: the structured-output schema it must follow, the
instructions, the validation that turns its reply into a step (or refuses it), and the link to
the library step it proposes, when it proposes one."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, model_validator

from resolutionflow.assist.answering import library_step_named
from resolutionflow.assist.retrieval import Retrieval
from resolutionflow.pilot.stepper import Draft

INSTRUCTIONS = """You are FlowPilot, a senior MSP engineer guiding a service-desk engineer through an IT problem one diagnostic step at a time.
Propose exactly ONE next step as structured output:
- "question": ask something that splits the likely causes (options: 2-5 short answers; allow_text when free text helps);
- "action": something to do — kind "instruction" (a change or check), "script" (a command to run), "verification" (confirm a result) or "info_request" (evidence to gather) — with the expected outcome;
- "resolution_suggestion": when the evidence points to a fix: a summary, the fix (title, instructions, command) and follow-ups;
- "fork": when two hypotheses fit about equally, two hypotheses to choose between.
Set confidence (0..1) to how sure you are of the diagnosis so far. Add any new facts the answers established (short statements) and your working hypothesis.
Prefer the team's own knowledge (flows, past resolved sessions, documents, library steps) given as data; when your step is one of the library steps, use its title exactly as written. Warn before anything destructive. Never invent values shown as [REDACTED:kind]."""

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "type": {"type": "string", "enum": ["question", "action", "resolution_suggestion", "fork"]},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "text": {"type": "string"},
        "options": {"type": "array", "items": {"type": "string"}},
        "allow_text": {"type": "boolean"},
        "kind": {
            "type": "string",
            "enum": ["instruction", "script", "verification", "info_request"],
        },
        "title": {"type": "string"},
        "instructions": {"type": "string"},
        "command": {"type": "string"},
        "expected": {"type": "string"},
        "summary": {"type": "string"},
        "fix": {
            "type": "object",
            "properties": {
                "title": {"type": "string"},
                "instructions": {"type": "string"},
                "command": {"type": "string"},
            },
        },
        "follow_ups": {"type": "array", "items": {"type": "string"}},
        "hypotheses": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"title": {"type": "string"}, "why": {"type": "string"}},
                "required": ["title"],
            },
        },
        "facts": {"type": "array", "items": {"type": "string"}},
        "hypothesis": {"type": "string"},
    },
    "required": ["type", "confidence"],
}


class _Fix(BaseModel):
    title: str = Field(min_length=1, max_length=300)
    instructions: str = Field(default="", max_length=4000)
    command: str | None = Field(default=None, max_length=2000)


class _Hyp(BaseModel):
    title: str = Field(min_length=1, max_length=300)
    why: str = Field(default="", max_length=1000)


class ProposedStep(BaseModel):
    type: Literal["question", "action", "resolution_suggestion", "fork"]
    confidence: float = Field(ge=0, le=1)
    text: str | None = Field(default=None, max_length=2000)
    options: list[str] = Field(default_factory=list, max_length=6)
    allow_text: bool = False
    kind: Literal["instruction", "script", "verification", "info_request"] | None = None
    title: str | None = Field(default=None, max_length=300)
    instructions: str | None = Field(default=None, max_length=4000)
    command: str | None = Field(default=None, max_length=2000)
    expected: str | None = Field(default=None, max_length=1000)
    summary: str | None = Field(default=None, max_length=2000)
    fix: _Fix | None = None
    follow_ups: list[str] = Field(default_factory=list, max_length=10)
    hypotheses: list[_Hyp] = Field(default_factory=list, max_length=2)
    facts: list[str] = Field(default_factory=list, max_length=10)
    hypothesis: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def _complete(self) -> ProposedStep:
        if self.type == "question" and not self.text:
            raise ValueError("a question needs text")
        if self.type == "action" and not (self.title and self.kind):
            raise ValueError("an action needs a title and a kind")
        if self.type == "resolution_suggestion" and not self.summary:
            raise ValueError("a resolution suggestion needs a summary")
        if self.type == "fork" and len(self.hypotheses) != 2:
            raise ValueError("a fork needs exactly two hypotheses")
        return self


class InvalidStep(Exception):
    pass


def read(data: dict[str, Any] | None) -> tuple[Draft, list[str], str | None]:
    """The step, the new facts and the working hypothesis from a model's structured reply."""
    try:
        p = ProposedStep.model_validate(data or {})
    except ValidationError as exc:
        raise InvalidStep(str(exc.errors()[0]["msg"])) from exc
    body: dict[str, Any] = {"purpose": "model"}
    if p.type == "question":
        body |= {
            "text": p.text,
            "options": [o[:200] for o in p.options if o.strip()],
            "allow_text": p.allow_text or not p.options,
        }
    elif p.type == "action":
        body |= {
            "kind": p.kind,
            "title": p.title,
            "instructions": p.instructions or "",
            "command": p.command or None,
            "expected": p.expected or "",
            "options": ["Done"],
        }
    elif p.type == "resolution_suggestion":
        body |= {
            "summary": p.summary,
            "fix": p.fix.model_dump() if p.fix else None,
            "follow_ups": p.follow_ups,
            "options": ["Try this fix", "Not this"] if p.fix else ["Resolve now", "Keep working"],
        }
        body["purpose"] = "fix" if p.fix else "resolve"
    else:
        body |= {
            "text": p.text or "Which looks closer?",
            "hypotheses": [
                {"id": "ab"[i], "title": h.title, "why": h.why} for i, h in enumerate(p.hypotheses)
            ],
            "purpose": "hypotheses",
        }
    facts = [f.strip()[:500] for f in p.facts if f.strip()]
    return Draft(p.type, body, round(p.confidence, 3), "model"), facts, p.hypothesis


def link_library_step(draft: Draft, found: Retrieval) -> Draft:
    """A model's step that is one of the retrieved library steps (it says that step's title)
    carries the step's id, as the offline stepper's library steps do, so the UI links it."""
    b = draft.body
    said = b.get("title") or (b.get("fix") or {}).get("title") or b.get("text") or ""
    step = library_step_named(found, str(said).split("\n")[0])
    if step is None:
        return draft
    ref = {"kind": "step", "id": str(step.id), "title": step.title}
    return Draft(
        draft.type, {**b, "step_id": ref["id"], "source_ref": ref}, draft.confidence, "model"
    )
