"""The account's ticket-note template: which sections, in what order, under which headings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from resolutionflow.common.schemas import ReadSchema, WriteSchema
from resolutionflow.documentation.render import HEADINGS, SECTIONS, Event, Meta, Template

SectionKey = Literal["summary", "context", "steps", "notes", "resolution", "follow_ups", "time"]


class SectionSetting(WriteSchema):
    key: SectionKey
    heading: Annotated[
        str,
        StringConstraints(
            strip_whitespace=True, min_length=1, max_length=100, pattern=r"^[^\x00-\x1f]+$"
        ),
    ]
    enabled: bool = True


class NoteTemplate(WriteSchema):
    sections: list[SectionSetting] = Field(min_length=len(SECTIONS), max_length=len(SECTIONS))
    header: Annotated[str, StringConstraints(max_length=2000)] = ""
    footer: Annotated[str, StringConstraints(max_length=2000)] = ""

    @model_validator(mode="after")
    def _every_section_once(self) -> NoteTemplate:
        keys = [s.key for s in self.sections]
        if sorted(keys) != sorted(SECTIONS):
            raise ValueError("list each of the seven sections exactly once")
        return self

    def to_template(self) -> Template:
        return Template(
            sections=tuple(s.key for s in self.sections if s.enabled),
            headings={s.key: s.heading for s in self.sections},
            header=self.header,
            footer=self.footer,
        )


class NoteTemplateRead(NoteTemplate, ReadSchema):
    pass


class PreviewRead(ReadSchema):
    markdown: str


def default_template() -> NoteTemplate:
    return NoteTemplate(
        sections=[SectionSetting(key=k, heading=HEADINGS[k], enabled=True) for k in SECTIONS]
    )


def load(stored: dict[str, Any] | None) -> NoteTemplate:
    """The stored template, or the default when none (or an unreadable one) is stored."""
    if not stored:
        return default_template()
    try:
        return NoteTemplate.model_validate(stored)
    except ValueError:
        return default_template()


def sample() -> tuple[Meta, list[Event]]:
    """A small made-up session, to preview a template on."""
    t0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    raw: list[tuple[int, str, dict[str, Any]]] = [
        (0, "started", {"title": "Printer offline on floor 2"}),
        (
            1,
            "answer",
            {"node_type": "question", "title": "Does the printer answer a ping?", "answer": "Yes"},
        ),
        (
            2,
            "answer",
            {"node_type": "input", "title": "Printer IP", "variable": "ip", "value": "10.2.0.45"},
        ),
        (3, "note", {"text": "Spooler on PRINT01 was stuck; restarted it."}),
        (
            4,
            "command_output",
            {
                "command": "Restart-Service Spooler",
                "text": "WARNING: Waiting for service 'Print Spooler' to stop...\n",
            },
        ),
        (6, "flow_completed", {"title": "Queue cleared", "outcome": "resolved"}),
        (
            7,
            "resolved",
            {
                "summary": "Restarted the spooler and cleared the queue.",
                "follow_ups": ["Schedule the spooler health check"],
            },
        ),
    ]
    events = [
        Event(seq=i + 1, type=t, created_at=t0 + timedelta(minutes=m), payload=p)
        for i, (m, t, p) in enumerate(raw)
    ]
    meta = Meta(
        title="Printer offline on floor 2",
        status="resolved",
        ticket_id="T-1042",
        owner_name="Erin Engineer",
        flow_title="Printer offline",
        flow_version=2,
        started_at=t0,
        ended_at=t0 + timedelta(minutes=7),
        active_seconds=7 * 60,
    )
    return meta, events
