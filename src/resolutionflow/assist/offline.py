"""The offline engine: answers from the account's own knowledge with no model and no network.

Deterministic templates over retrieval: the matching flow (and the step of it that fits, or
where the session already is), what resolved similar past sessions, the relevant passages of
knowledge documents, the step library's steps that fit (ranked with their quality boost), and
concrete next steps, each with its source and a confidence taken from retrieval scores. When nothing matches it says so and offers general discovery steps for the
problem's category — honest, still useful.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from resolutionflow.assist.reply import Source, Suggestion
from resolutionflow.assist.retrieval import Evidence, Retrieval, outgoing

# Below this, a hit is noise rather than knowledge.
MIN_RELEVANCE = 0.3
# The step a session is on was chosen by its author for this problem: a fair, not a strong, bet.
_POSITION_CONFIDENCE = 0.6

_CODE_BLOCK = re.compile(r"```[\w-]*\n(.+?)```", re.DOTALL)
_CODE_SPAN = re.compile(r"`([^`\n]{3,200})`")
_COMMAND_LINE = re.compile(
    r"^\s*(?:PS [^>]*> |\$ |> )?((?:Get|Set|Test|Restart|Start|Stop|Remove|New|Clear|Invoke|Reset|Repair|Resolve)-\w+[^\n]*"
    r"|(?:ipconfig|nslookup|ping|tracert|netsh|gpupdate|gpresult|sfc|dism|chkdsk|net use|net user|klist|dsregcmd|certutil|wevtutil|shutdown|systemctl|journalctl|sudo)\b[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)


def first_command(text: str) -> str | None:
    """A command worth offering as-is: a fenced block's first line, an inline code span, or a
    line that starts like a command."""
    if m := _CODE_BLOCK.search(text):
        line = m.group(1).strip().splitlines()[0].strip()
        if line:
            return line[:300]
    if m := _CODE_SPAN.search(text):
        return m.group(1).strip()
    if m := _COMMAND_LINE.search(text):
        return m.group(1).strip()[:300]
    return None


def excerpt(text: str, limit: int = 280) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > limit // 2 else limit] + "…"


# Generic discovery steps when the team's knowledge runs out, by the words that name a category.
GENERIC: list[tuple[tuple[str, ...], str, list[tuple[str, str, str | None]]]] = [
    (
        ("vpn", "globalprotect", "anyconnect", "forticlient", "tunnel", "remote"),
        "remote access / VPN",
        [
            (
                "Confirm the internet connection works without the VPN",
                "Browse to a public site; if that fails, fix local connectivity first.",
                "Test-NetConnection 8.8.8.8",
            ),
            (
                "Check the VPN client version and its log",
                "Compare with the version the firewall expects; look for auth or certificate errors.",
                None,
            ),
            (
                "Test the gateway's reachability on its port",
                "A blocked port points at the user's network or an ISP filter.",
                "Test-NetConnection vpn.example.com -Port 443",
            ),
            (
                "Check whether other users are affected",
                "Many users at once points at the gateway or its certificate, not this laptop.",
                None,
            ),
        ],
    ),
    (
        ("printer", "print", "spooler", "printing", "scan", "scanner"),
        "printing",
        [
            (
                "Check the spooler service",
                "Restart it if it is stopped or stuck; clear stuck jobs.",
                "Get-Service Spooler",
            ),
            (
                "Print a test page from the server side",
                "Separates a driver/queue problem from a workstation one.",
                None,
            ),
            (
                "Confirm the printer answers on the network",
                "Ping its IP and open its web page.",
                "Test-NetConnection <printer-ip> -Port 9100",
            ),
        ],
    ),
    (
        (
            "outlook",
            "email",
            "mail",
            "exchange",
            "mailbox",
            "teams",
            "onedrive",
            "sharepoint",
            "m365",
            "office",
        ),
        "Microsoft 365 / email",
        [
            (
                "Check the Microsoft 365 service health",
                "An ongoing incident explains many tickets at once.",
                None,
            ),
            (
                "Test with Outlook on the web",
                "Works on the web: the problem is the local profile or client.",
                None,
            ),
            (
                "Check the user's licence and sign-in logs",
                "Look for failed sign-ins, conditional access blocks or an expired password.",
                None,
            ),
            (
                "Create a new Outlook profile if the web works",
                "Keep the old profile until the new one is confirmed.",
                "outlook.exe /profiles",
            ),
        ],
    ),
    (
        ("password", "locked", "lockout", "login", "sign", "mfa", "account", "credential"),
        "accounts and sign-in",
        [
            (
                "Check whether the account is locked or disabled",
                "And when the password was last set.",
                "Get-ADUser <user> -Properties LockedOut,Enabled,PasswordLastSet",
            ),
            (
                "Find the lockout source",
                "Saved credentials on a phone or mapped drive often keep locking an account.",
                None,
            ),
            (
                "Check MFA registration and sign-in logs",
                "Conditional access and MFA prompts show there.",
                None,
            ),
        ],
    ),
    (
        ("slow", "performance", "freeze", "hang", "cpu", "memory", "disk", "crash", "bsod"),
        "performance and stability",
        [
            (
                "Check free disk space and top processes",
                "Low disk space and runaway processes are the usual causes.",
                "Get-PSDrive C",
            ),
            (
                "Look at the System and Application event logs",
                "Errors around the time of the problem name the culprit.",
                "Get-WinEvent -LogName System -MaxEvents 50",
            ),
            (
                "Check system file integrity",
                "Run after a crash or odd behaviour following updates.",
                "sfc /scannow",
            ),
        ],
    ),
    (
        (
            "network",
            "wifi",
            "wi-fi",
            "dns",
            "internet",
            "dhcp",
            "ethernet",
            "share",
            "drive",
            "mapped",
        ),
        "network and file shares",
        [
            (
                "Check the IP configuration",
                "An APIPA address (169.254.x.x) means DHCP failed.",
                "ipconfig /all",
            ),
            (
                "Test name resolution",
                "Compare the answer from the internal DNS with the expected address.",
                "nslookup <server>",
            ),
            (
                "Test the path to the server",
                "Separates a name problem from a reachability problem.",
                "Test-NetConnection <server> -Port 445",
            ),
        ],
    ),
]

_FALLBACK_STEPS: list[tuple[str, str, str | None]] = [
    (
        "Reproduce the problem and note the exact error",
        "The exact text and code of the error narrows it down fastest.",
        None,
    ),
    (
        "Check what changed recently",
        "Updates, new software, password changes, moves between offices.",
        None,
    ),
    (
        "Check whether other users or devices are affected",
        "One user points at the device or account; many at a shared service.",
        None,
    ),
    (
        "Look at the relevant event logs around the time it happened",
        "Errors and warnings near the time of the failure.",
        "Get-WinEvent -LogName System -MaxEvents 50",
    ),
]


def generic_steps(text: str) -> tuple[str | None, list[tuple[str, str, str | None]]]:
    words = set(re.findall(r"[\w-]+", text.lower()))
    best = max(GENERIC, key=lambda g: sum(1 for k in g[0] if k in words))
    if not any(k in words for k in best[0]):
        return None, _FALLBACK_STEPS
    return best[1], best[2]


@dataclass
class Position:
    """Where a session is in its flow, for "you are here" answers."""

    flow_id: str
    flow_title: str
    node: dict[str, Any]
    graph: dict[str, Any]


@dataclass
class Composed:
    content: str
    confidence: float
    sources: list[Source]
    suggestions: list[Suggestion]


def _source(e: Evidence, snippet: str = "") -> Source:
    return Source(
        kind=e.kind,
        id=e.id,
        title=e.title,
        snippet=snippet or excerpt(e.text, 160),
        relevance=e.relevance,
    )


def library_standing(e: Evidence) -> str:
    """How the team rates a library step, in words: "rated 4.7/5 by 3 · 12 verified uses"."""
    d = e.detail
    parts = []
    if d.get("rating_count"):
        parts.append(f"rated {d['rating_avg']:g}/5 by {d['rating_count']}")
    if d.get("verified_uses"):
        parts.append(f"{d['verified_uses']} verified uses")
    if d.get("open_flags"):
        n = d["open_flags"]
        parts.append(f"{n} open “this step is wrong” flag{'s' if n != 1 else ''}")
    return " · ".join(parts) or "not rated yet"


def library_suggestion(e: Evidence) -> Suggestion:
    """A library step as a suggested next step, its source linking to the step."""
    answers = e.detail.get("answers") or []
    body = excerpt(e.text.split("\nAnswers: ")[0], 600) if answers else excerpt(e.text, 600)
    instructions = body + (("\n" if body else "") + "Answers: " + ", ".join(answers))
    return Suggestion(
        title=e.title[:200],
        instructions=instructions if answers else body,
        command=first_command(e.text),
        source=_source(e, excerpt(f"{e.title} ({library_standing(e)})", 160)),
        confidence=e.relevance,
    )


def _resolution(text: str) -> str:
    """The resolution summary of an indexed session (its first line, as indexed)."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first.removeprefix("Resolution:").strip() or excerpt(text, 200)


def _flow_step(node: dict[str, Any], graph: dict[str, Any]) -> tuple[str, str]:
    answers = [label for label, _ in outgoing(graph, node["id"]) if label]
    body = excerpt(node.get("body", ""), 400)
    items = node.get("items") or []
    detail = body
    if items:
        detail += ("\n" if detail else "") + "\n".join(f"- {i}" for i in items[:8])
    if answers:
        detail += ("\n" if detail else "") + "Answers: " + ", ".join(answers)
    return node.get("title") or "Next step", detail


def answer(question: str, found: Retrieval, position: Position | None = None) -> Composed:
    relevant = [e for e in found.evidence if e.relevance >= MIN_RELEVANCE]
    sources: list[Source] = []
    suggestions: list[Suggestion] = []
    parts: list[str] = []

    if position is not None:
        # The session's own flow is the first source: the step it is on is the next thing to do.
        title, detail = _flow_step(position.node, position.graph)
        parts.append(f"You are at **{title}** in the flow “{position.flow_title}”.\n\n{detail}")
        here = Source(
            kind="flow",
            id=uuid.UUID(position.flow_id),
            title=position.flow_title,
            snippet=excerpt(f"{title}: {detail}", 160),
            relevance=_POSITION_CONFIDENCE,
        )
        sources.append(here)
        suggestions.append(
            Suggestion(
                title=f"{title} (the current step)"[:200],
                instructions=detail,
                command=first_command(position.node.get("body", "")),
                source=here,
                confidence=_POSITION_CONFIDENCE,
            )
        )

    flow = next((e for e in relevant if e.kind == "flow"), None)
    if flow is not None and (position is None or str(flow.id) != position.flow_id):
        node = flow.detail.get("node")
        line = f"**Matching flow: “{flow.title}”** (confidence {flow.relevance:.2f})."
        if node:
            title, detail = _flow_step(node, flow.detail["graph"])
            line += f" Start it at **{title}**" + (f": {detail}" if detail else ".")
            suggestions.append(
                Suggestion(
                    title=f"{title} (from “{flow.title}”)"[:200],
                    instructions=detail,
                    command=first_command(node.get("body", "")),
                    source=_source(flow),
                    confidence=flow.relevance,
                )
            )
        parts.append(line)
        sources.append(_source(flow))

    sessions = [e for e in relevant if e.kind == "session"][:3]
    if sessions:
        lines = ["**What fixed similar sessions**"]
        for s in sessions:
            fix = _resolution(s.text)
            lines.append(f"- “{s.title}” — {fix} (confidence {s.relevance:.2f})")
            sources.append(_source(s, fix))
            suggestions.append(
                Suggestion(
                    title=f"Try what fixed “{s.title}”"[:200],
                    instructions=fix,
                    command=first_command(s.text),
                    source=_source(s, fix),
                    confidence=s.relevance,
                )
            )
        parts.append("\n".join(lines))

    docs = [e for e in relevant if e.kind == "knowledge"][:3]
    if docs:
        lines = ["**From your knowledge documents**"]
        for d in docs:
            passage = excerpt(d.text, 300)
            lines.append(f"- {d.title}: {passage}")
            sources.append(_source(d, passage))
            suggestions.append(
                Suggestion(
                    title=d.title[:200],
                    instructions=passage,
                    command=first_command(d.text),
                    source=_source(d, passage),
                    confidence=d.relevance,
                )
            )
        parts.append("\n".join(lines))

    library = [e for e in relevant if e.kind == "step"][:3]
    if library:
        lines = ["**From your step library**"]
        for e in library:
            lines.append(f"- “{e.title}” ({library_standing(e)}, confidence {e.relevance:.2f})")
            suggestion = library_suggestion(e)
            assert suggestion.source is not None
            sources.append(suggestion.source)
            suggestions.append(suggestion)
        parts.append("\n".join(lines))

    best = max((e.relevance for e in relevant), default=0.0)
    if not relevant and position is None:
        category, steps = generic_steps(question)
        intro = (
            "I don't know this one: nothing in your team's flows, past sessions, knowledge "
            "documents or step library matches it."
        )
        where = (
            f" General {category} checks to start with:"
            if category
            else " General checks to start with:"
        )
        parts.append(intro + where)
        parts.append("\n".join(f"{i}. {t} — {d}" for i, (t, d, _) in enumerate(steps, 1)))
        parts.append(
            "Note what you find on the timeline: once this session is resolved, the next "
            "engineer with this problem gets your fix."
        )
        suggestions = [
            Suggestion(title=t, instructions=d, command=c, confidence=0.2) for t, d, c in steps
        ]
        best = round(min(0.25, max((e.relevance for e in found.evidence), default=0.0)), 3)
    else:
        ranked = sorted(suggestions, key=lambda s: s.confidence, reverse=True)[:4]
        if ranked:
            parts.append(
                "**Next steps**\n"
                + "\n".join(
                    f"{i}. {s.title}" + (f" — `{s.command}`" if s.command else "")
                    for i, s in enumerate(ranked, 1)
                )
            )
    suggestions.sort(key=lambda s: s.confidence, reverse=True)
    confidence = round(min(0.95, best), 3)
    if position is not None:
        confidence = max(confidence, _POSITION_CONFIDENCE)
    return Composed("\n\n".join(parts), confidence, sources, suggestions[:4])
