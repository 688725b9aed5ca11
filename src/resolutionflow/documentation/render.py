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

from resolutionflow.analytics.timeline import RELEVANT, Entry, answer_durations

Format = Literal["markdown", "text", "html"]
Detail = Literal["summary", "standard", "full"]
SECTIONS = ("summary", "context", "steps", "notes", "resolution", "follow_ups", "time")
# What a `summary` note keeps: the problem, the outcome and its summary.
SUMMARY_SECTIONS = ("summary", "resolution")
HEADINGS = {
    "summary": "Problem summary",
    "context": "Environment and ticket",
    "steps": "Steps performed",
    "notes": "Notes and command output",
    "resolution": "Resolution",
    "follow_ups": "Follow-ups",
    "time": "Time spent",
    "timeline": "Full timeline",
}
OUTCOME_WORDS = {
    "resolved": "Resolved",
    "unresolved": "Not resolved",
    "escalate": "Escalated",
    "escalated": "Escalated",
    "abandoned": "Abandoned",
    "workaround": "Resolved with a workaround",
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
class Options:
    """Export options. The defaults are the standard note, byte for byte."""

    timestamps: bool = True
    detail: Detail = "standard"


STANDARD = Options()


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


def _stamp(at: datetime, options: Options) -> str:
    """The "09:41 — " before a line, or nothing when times are left out."""
    return f"{_hhmm(at)} — " if options.timestamps else ""


def _outcome_words(ending: Event) -> str:
    """How the ending reads: a `resolved` event may carry a finer outcome (`workaround`); an
    outcome this version does not know is shown in words rather than dropped."""
    outcome = ending.payload.get("outcome")
    if ending.type == "resolved" and isinstance(outcome, str) and outcome not in ("", "resolved"):
        return OUTCOME_WORDS.get(outcome) or outcome.replace("_", " ").capitalize()
    return OUTCOME_WORDS.get(ending.type, ending.type)


def duration(seconds: int) -> str:
    minutes = round(seconds / 60)
    if minutes < 1:
        return "under a minute"
    hours, minutes = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes:02d} min"


def step_time(seconds: float) -> str:
    """How long one step took: "45s", "2m 10s", "1h 05m"."""
    s = max(0, round(seconds))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m {s % 60:02d}s"
    return f"{s // 3600}h {s % 3600 // 60:02d}m"


def _durations(events: list[Event]) -> dict[int, float]:
    """Active seconds each answered step took, by the answer's seq (pauses excluded)."""
    return answer_durations(
        Entry(e.seq, e.type, e.created_at, e.payload) for e in events if e.type in RELEVANT
    )


def _steps(
    events: list[Event], clean: Callable[[str], str], options: Options = STANDARD
) -> list[str]:
    """One line per thing done, in order, Markdown inline. A step answered after a second or
    more says how long it took (from shown to answered, pauses excluded)."""
    lines: list[str] = []
    durations = _durations(events)
    for e in events:
        p = e.payload
        at = _stamp(e.created_at, options)
        title = clean(p.get("title", ""))
        if e.type == "answer":
            kind = p.get("node_type")
            took = durations.get(e.seq)
            result = f" — {clean(p['result'])}" if p.get("result") else ""
            if took is not None and took >= 1:
                result += f" — {step_time(took)}"
            if p.get("inferred_from_intake"):
                # FlowPilot answered it from what the intake said; the note says so.
                result += " (from the intake)"
            if kind == "question":
                lines.append(f"{at}{title} → **{clean(p.get('answer', ''))}**{result}")
            elif kind == "input":
                lines.append(f"{at}{title}: `{clean(p.get('value', ''))}`{result}")
            elif kind == "checklist":
                items = "; ".join(clean(i) for i in p.get("items", []))
                lines.append(f"{at}{title}: all done ({items}){result}")
            elif kind == "subflow":
                lines.append(f"{at}Ran the procedure “{title}”{result}")
            else:
                lines.append(f"{at}{title}: done{result}")
        elif e.type == "suggestion_accepted":
            how = f" — {clean(p['instructions'])}" if p.get("instructions") else ""
            command = f" (`{clean(p['command'])}`)" if p.get("command") else ""
            lines.append(f"{at}Followed the copilot's suggestion: {title}{how}{command}")
        elif e.type == "pilot_step_answered":
            what = clean(str(p.get("text", ""))).split("\n")[0]
            if p.get("skipped"):
                lines.append(f"{at}{what}: skipped")
            else:
                given = p.get("option") or ""
                extra = p.get("answer_text") or ""
                said = " — ".join(clean(str(x)) for x in (given, extra) if x)
                lines.append(f"{at}{what} → **{said}**")
        elif e.type == "fix_status" and p.get("outcome"):
            lines.append(f"{at}Fix “{title}”: {clean(str(p['outcome']))}")
        elif e.type == "fact_confirmed":
            lines.append(f"{at}Confirmed: {clean(str(p.get('text', '')))}")
        elif e.type == "went_back":
            lines.append(f"{at}Went back to “{title}”")
        elif e.type == "flow_switched":
            lines.append(f"{at}Switched to the flow “{clean(p.get('flow_title', ''))}”")
        elif e.type == "subflow_returned":
            lines.append(f"{at}Finished “{clean(p.get('flow_title', ''))}”: {title}")
        elif e.type == "flow_completed":
            outcome = OUTCOME_WORDS.get(p.get("outcome", ""), p.get("outcome", ""))
            lines.append(f"{at}Reached “{title}” ({outcome})")
    return lines


def _notes(
    events: list[Event], clean: Callable[[str], str], options: Options = STANDARD
) -> list[tuple[str, str, str, str | None]]:
    """(time, kind, text, command) for notes and command output, in order; time is "" when
    times are left out."""
    out: list[tuple[str, str, str, str | None]] = []
    # A file removed from the session (a screenshot showing a password: images cannot be
    # redacted) is left out of the note altogether, its name included.
    removed = {e.payload.get("attachment_id") for e in events if e.type == "attachment_removed"}
    for e in events:
        if e.type == "attachment" and e.payload.get("attachment_id") in removed:
            continue
        if e.type == "note":
            out.append(
                (_stamp(e.created_at, options), "note", clean(e.payload.get("text", "")), None)
            )
        elif e.type == "attachment":
            size = int(e.payload.get("size", 0))
            shown = f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"
            out.append(
                (
                    _stamp(e.created_at, options),
                    "note",
                    f"Attached {clean(e.payload.get('filename', 'a file'))} ({shown})",
                    None,
                )
            )
        elif e.type == "script_ran":
            # The payload's text has secrets masked already (scripts.service).
            out.append(
                (
                    _stamp(e.created_at, options),
                    "note",
                    "Ran script " + clean(e.payload.get("text", "")),
                    None,
                )
            )
        elif e.type == "command_output":
            command = e.payload.get("command")
            out.append(
                (
                    _stamp(e.created_at, options),
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


_EVENT_WORDS = {
    "started": "Session started",
    "step_shown": "Step shown",
    "answer": "Answered",
    "note": "Note",
    "command_output": "Command output",
    "attachment": "Attached a file",
    "script_ran": "Ran script",
    "resolved": "Resolved",
    "unresolved": "Ended unresolved",
    "abandoned": "Abandoned",
    "escalated": "Escalated",
    "claimed": "Claimed",
    "paused": "Paused",
    "resumed": "Resumed",
    "suggestion_shown": "Copilot suggestion shown",
    "suggestion_accepted": "Copilot suggestion followed",
    "flow_completed": "Flow reached its end",
}
# The payload fields that say what an entry was, in the order they are looked for.
_EVENT_TEXT = ("title", "text", "answer", "value", "summary", "reason", "note", "flow_title")
_TIMELINE_TEXT_MAX = 300


def _timeline(events: list[Event], clean: Callable[[str], str], options: Options) -> list[str]:
    """Every timeline entry, in order: what it was and the first line of what it said."""
    lines: list[str] = []
    for e in events:
        words = _EVENT_WORDS.get(e.type) or e.type.replace("_", " ").capitalize()
        said = next(
            (str(e.payload[k]) for k in _EVENT_TEXT if isinstance(e.payload.get(k), str | int)),
            "",
        )
        given = e.payload.get("answer") or e.payload.get("value")
        if e.type == "answer" and isinstance(given, str) and said and given != said:
            said = f"{said.splitlines()[0]} → {given}"
        first = clean(said).strip().split("\n")[0][:_TIMELINE_TEXT_MAX] if said else ""
        who = f" ({clean(e.actor_name)})" if e.actor_name else ""
        lines.append(
            f"{_stamp(e.created_at, options)}{words}{who}" + (f": {first}" if first else "")
        )
    return lines


def markdown(
    meta: Meta,
    events: list[Event],
    template: Template,
    clean: Callable[[str], str],
    options: Options = STANDARD,
) -> str:
    parts: list[str] = [f"# {clean(meta.title)}"]
    if template.header:
        parts.append(clean(template.header))
    ending = _ending(events)
    completed = next((e for e in reversed(events) if e.type == "flow_completed"), None)
    sections = list(template.sections)
    if options.detail == "summary":
        sections = [k for k in sections if k in SUMMARY_SECTIONS]
    elif options.detail == "full":
        sections.append("timeline")
    for key in sections:
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
            body.extend(f"{n}. {line}" for n, line in enumerate(_steps(events, clean, options), 1))
        elif key == "notes":
            for at, kind, text, command in _notes(events, clean, options):
                if kind == "note":
                    body.append(f"- {at}{text}")
                else:
                    label = f" `{command}`" if command else ""
                    body.append(f"- {at}Output{label}:\n\n```text\n{text.rstrip()}\n```")
        elif key == "resolution":
            if ending is not None:
                body.append(f"**{_outcome_words(ending)}.**")
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
            if options.timestamps:
                span = f"started {meta.started_at:%Y-%m-%d %H:%M} UTC"
                if meta.ended_at:
                    span += f", ended {meta.ended_at:%H:%M} UTC"
                body.append(f"{duration(meta.active_seconds)} of active work ({span}).")
            else:
                body.append(f"{duration(meta.active_seconds)} of active work.")
        elif key == "timeline":
            body.extend(
                f"{n}. {line}" for n, line in enumerate(_timeline(events, clean, options), 1)
            )
        if body:
            # Sections of sentences are paragraphs; sections of items are lists.
            joiner = "\n\n" if key in ("summary", "resolution", "time") else "\n"
            parts.append(f"## {clean(template.heading(key))}\n\n" + joiner.join(body))
    if template.footer:
        parts.append(clean(template.footer))
    return "\n\n".join(parts) + "\n"


def text(
    meta: Meta,
    events: list[Event],
    template: Template,
    clean: Callable[[str], str],
    options: Options = STANDARD,
) -> str:
    """Plain text as PSA notes expect it: no markup, wrapped at 76 columns, output verbatim."""
    out: list[str] = []
    for block in markdown(meta, events, template, clean, options).split("\n\n"):
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


HTML_TAGS = {
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
}


def html(
    meta: Meta,
    events: list[Event],
    template: Template,
    clean: Callable[[str], str],
    options: Options = STANDARD,
) -> str:
    """HTML safe to paste into email: rendered without raw HTML, then sanitised with nh3."""
    rendered = _MD.render(markdown(meta, events, template, clean, options))
    return nh3.clean(
        rendered,
        tags=HTML_TAGS,
        link_rel="noopener noreferrer",
    )


def markdown_html(text: str) -> str:
    """Any Markdown as the notes' HTML: no raw HTML, sanitised with nh3."""
    return nh3.clean(_MD.render(text), tags=HTML_TAGS, link_rel="noopener noreferrer")


def render(
    meta: Meta,
    events: list[Event],
    fmt: Format,
    *,
    template: Template | None = None,
    clean: Callable[[str], str] = lambda s: s,
    options: Options = STANDARD,
) -> str:
    template = template or Template()
    return {"markdown": markdown, "text": text, "html": html}[fmt](
        meta, events, template, clean, options
    )
