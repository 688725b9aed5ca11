"""Documentation as a pure function of a session's timeline.

`render(meta, events, fmt)` returns the ticket note. The same inputs always give the same text,
which is what makes the golden tests and caching by the session's last event number sound.
Free text passes through `clean` (the redaction hook) before it is written.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

import nh3
from markdown_it import MarkdownIt

Format = Literal["markdown", "text", "html"]
SECTIONS = ("summary", "context", "steps", "notes", "resolution", "follow_ups", "time")
HEADINGS = {
    "summary": "Problem summary",
    "context": "Environment and ticket",
    "steps": "Steps performed",
    "notes": "Notes and command output",
    "resolution": "Resolution",
    "follow_ups": "Follow-ups",
    "time": "Time spent",
}
OUTCOME_WORDS = {
    "resolved": "Resolved",
    "unresolved": "Not resolved",
    "escalate": "Escalated",
    "escalated": "Escalated",
    "abandoned": "Abandoned",
}
_LIST_ITEM = re.compile(r"^(\d+\. |- )")


@dataclass(frozen=True)
class Meta:
    title: str
    status: str
    ticket_id: str | None
    owner_name: str | None
    flow_title: str | None
    flow_version: int | None
    started_at: datetime
    ended_at: datetime | None
    active_seconds: int


@dataclass(frozen=True)
class Event:
    seq: int
    type: str
    created_at: datetime
    payload: dict[str, Any]
    actor_name: str | None = None


@dataclass(frozen=True)
class Template:
    """What a team admin can change per account: order, headings, which sections, header/footer."""

    sections: Sequence[str] = SECTIONS
    headings: dict[str, str] = field(default_factory=dict)
    header: str = ""
    footer: str = ""

    def heading(self, key: str) -> str:
        return self.headings.get(key) or HEADINGS[key]


def _hhmm(at: datetime) -> str:
    return at.strftime("%H:%M")


def duration(seconds: int) -> str:
    minutes = round(seconds / 60)
    if minutes < 1:
        return "under a minute"
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes:02d} min"


def _steps(events: list[Event], clean: Callable[[str], str]) -> list[str]:
    """One line per thing done, in order, Markdown inline."""
    lines: list[str] = []
    for e in events:
        p = e.payload
        at = _hhmm(e.created_at)
        title = clean(p.get("title", ""))
        if e.type == "answer":
            kind = p.get("node_type")
            result = f" — {clean(p['result'])}" if p.get("result") else ""
            if kind == "question":
                lines.append(f"{at} — {title} → **{clean(p.get('answer', ''))}**{result}")
            elif kind == "input":
                lines.append(f"{at} — {title}: `{clean(p.get('value', ''))}`{result}")
            elif kind == "checklist":
                items = "; ".join(clean(i) for i in p.get("items", []))
                lines.append(f"{at} — {title}: all done ({items}){result}")
            elif kind == "subflow":
                lines.append(f"{at} — Ran the procedure “{title}”{result}")
            else:
                lines.append(f"{at} — {title}: done{result}")
        elif e.type == "suggestion_accepted":
            how = f" — {clean(p['instructions'])}" if p.get("instructions") else ""
            command = f" (`{clean(p['command'])}`)" if p.get("command") else ""
            lines.append(f"{at} — Followed the copilot's suggestion: {title}{how}{command}")
        elif e.type == "pilot_step_answered":
            what = clean(str(p.get("text", ""))).split("\n")[0]
            if p.get("skipped"):
                lines.append(f"{at} — {what}: skipped")
            else:
                given = p.get("option") or ""
                extra = p.get("answer_text") or ""
                said = " — ".join(clean(str(x)) for x in (given, extra) if x)
                lines.append(f"{at} — {what} → **{said}**")
        elif e.type == "fix_status" and p.get("outcome"):
            lines.append(f"{at} — Fix “{title}”: {clean(str(p['outcome']))}")
        elif e.type == "fact_confirmed":
            lines.append(f"{at} — Confirmed: {clean(str(p.get('text', '')))}")
        elif e.type == "went_back":
            lines.append(f"{at} — Went back to “{title}”")
        elif e.type == "flow_switched":
            lines.append(f"{at} — Switched to the flow “{clean(p.get('flow_title', ''))}”")
        elif e.type == "subflow_returned":
            lines.append(f"{at} — Finished “{clean(p.get('flow_title', ''))}”: {title}")
        elif e.type == "flow_completed":
            outcome = OUTCOME_WORDS.get(p.get("outcome", ""), p.get("outcome", ""))
            lines.append(f"{at} — Reached “{title}” ({outcome})")
    return lines


def _notes(
    events: list[Event], clean: Callable[[str], str]
) -> list[tuple[str, str, str, str | None]]:
    """(time, kind, text, command) for notes and command output, in order."""
    out: list[tuple[str, str, str, str | None]] = []
    for e in events:
        if e.type == "note":
            out.append((_hhmm(e.created_at), "note", clean(e.payload.get("text", "")), None))
        elif e.type == "attachment":
            size = int(e.payload.get("size", 0))
            shown = f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"
            out.append(
                (
                    _hhmm(e.created_at),
                    "note",
                    f"Attached {clean(e.payload.get('filename', 'a file'))} ({shown})",
                    None,
                )
            )
        elif e.type == "command_output":
            command = e.payload.get("command")
            out.append(
                (
                    _hhmm(e.created_at),
                    "output",
                    clean(e.payload.get("text", "")),
                    clean(command) if command else None,
                )
            )
    return out


def _ending(events: list[Event]) -> Event | None:
    return next(
        (e for e in reversed(events) if e.type in ("resolved", "unresolved", "abandoned")), None
    )


def _variables(events: list[Event], clean: Callable[[str], str]) -> list[tuple[str, str]]:
    seen: dict[str, tuple[str, str]] = {}
    for e in events:
        if e.type == "answer" and e.payload.get("node_type") == "input":
            seen[e.payload.get("variable") or e.payload.get("node_id", "")] = (
                clean(e.payload.get("title", "")),
                clean(e.payload.get("value", "")),
            )
    return list(seen.values())


def markdown(
    meta: Meta, events: list[Event], template: Template, clean: Callable[[str], str]
) -> str:
    parts: list[str] = [f"# {clean(meta.title)}"]
    if template.header:
        parts.append(clean(template.header))
    ending = _ending(events)
    completed = next((e for e in reversed(events) if e.type == "flow_completed"), None)
    for key in template.sections:
        body: list[str] = []
        if key == "summary":
            body.append(clean(meta.title) + ".")
            if meta.ticket_id:
                body.append(f"Ticket {clean(meta.ticket_id)}.")
        elif key == "context":
            if meta.ticket_id:
                body.append(f"- Ticket: {clean(meta.ticket_id)}")
            if meta.owner_name:
                body.append(f"- Engineer: {clean(meta.owner_name)}")
            if meta.flow_title:
                version = f" (v{meta.flow_version})" if meta.flow_version else ""
                body.append(f"- Procedure followed: {clean(meta.flow_title)}{version}")
            for label, value in _variables(events, clean):
                body.append(f"- {label}: `{value}`")
        elif key == "steps":
            body.extend(f"{n}. {line}" for n, line in enumerate(_steps(events, clean), 1))
        elif key == "notes":
            for at, kind, text, command in _notes(events, clean):
                if kind == "note":
                    body.append(f"- {at} — {text}")
                else:
                    label = f" `{command}`" if command else ""
                    body.append(f"- {at} — Output{label}:\n\n```text\n{text.rstrip()}\n```")
        elif key == "resolution":
            if ending is not None:
                body.append(f"**{OUTCOME_WORDS.get(ending.type, ending.type)}.**")
                if ending.payload.get("summary"):
                    body.append(clean(ending.payload["summary"]))
            elif completed is not None:
                body.append(
                    f"Flow reached “{clean(completed.payload.get('title', ''))}”; "
                    "the session is still open."
                )
            else:
                body.append("The session is still open.")
            if completed is not None and completed.payload.get("body"):
                body.append(clean(completed.payload["body"]))
        elif key == "follow_ups":
            follow_ups = (ending.payload.get("follow_ups") if ending else None) or []
            body.extend(f"- {clean(f)}" for f in follow_ups)
        elif key == "time":
            span = f"started {meta.started_at:%Y-%m-%d %H:%M} UTC"
            if meta.ended_at:
                span += f", ended {meta.ended_at:%H:%M} UTC"
            body.append(f"{duration(meta.active_seconds)} of active work ({span}).")
        if body:
            # Sections of sentences are paragraphs; sections of items are lists.
            joiner = "\n\n" if key in ("summary", "resolution", "time") else "\n"
            parts.append(f"## {clean(template.heading(key))}\n\n" + joiner.join(body))
    if template.footer:
        parts.append(clean(template.footer))
    return "\n\n".join(parts) + "\n"


def text(meta: Meta, events: list[Event], template: Template, clean: Callable[[str], str]) -> str:
    """Plain text as PSA notes expect it: no markup, wrapped at 76 columns, output verbatim."""
    out: list[str] = []
    for block in markdown(meta, events, template, clean).split("\n\n"):
        if block.startswith("```text\n"):
            out.append("\n".join("    " + line for line in block[8:-4].splitlines()))
            continue
        if block.startswith("# "):
            title = block[2:]
            out.append(f"{title}\n{'=' * min(len(title), 76)}")
            continue
        if block.startswith("## "):
            heading, _, rest = block.partition("\n\n")
            heading = heading[3:]
            block = f"{heading.upper()}\n{rest}" if rest else heading.upper()
        lines = []
        for line in block.splitlines():
            plain = line.replace("**", "").replace("`", "")
            bullet = _LIST_ITEM.match(plain)
            indent = " " * len(bullet.group(0)) if bullet else ""
            lines.append(
                textwrap.fill(
                    plain,
                    76,
                    subsequent_indent=indent,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
                or plain
            )
        out.append("\n".join(lines))
    return "\n\n".join(out).rstrip() + "\n"


_MD = MarkdownIt("commonmark", {"html": False, "linkify": False})


def html(meta: Meta, events: list[Event], template: Template, clean: Callable[[str], str]) -> str:
    """HTML safe to paste into email: rendered without raw HTML, then sanitised with nh3."""
    rendered = _MD.render(markdown(meta, events, template, clean))
    return nh3.clean(
        rendered,
        tags={
            "h1",
            "h2",
            "h3",
            "p",
            "ul",
            "ol",
            "li",
            "strong",
            "em",
            "code",
            "pre",
            "br",
            "blockquote",
            "a",
        },
        link_rel="noopener noreferrer",
    )


def render(
    meta: Meta,
    events: list[Event],
    fmt: Format,
    *,
    template: Template | None = None,
    clean: Callable[[str], str] = lambda s: s,
) -> str:
    template = template or Template()
    return {"markdown": markdown, "text": text, "html": html}[fmt](meta, events, template, clean)
