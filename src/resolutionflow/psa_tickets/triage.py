"""Triage of what a user said into a new ticket's fields.

The rules (offline, always there): keywords give the priority and type, the board named in the
text or the first board, the company from an e-mail address (a contact's, or a company's domain),
a company's name or identifier, or a contact's name. Each field says how sure it is; the
engineer confirms the form before anything is created.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from resolutionflow.providers.psa.desk import Choice, FormOptions, default_board
from resolutionflow.psa_tickets import schemas as s

Level = str  # "critical" | "high" | "normal" | "low"

_CRITICAL = (
    "everyone", "all users", "whole office", "entire office", "nobody can", "no one can",
    "server down", "site down", "server is down", "outage", "ransomware", "encrypted",
    "production", "all staff", "entire company", "emergency",
)  # fmt: skip
_HIGH = (
    "urgent", "asap", "as soon as possible", "immediately", "can't work", "cannot work",
    "can't log", "cannot log", "locked out", "deadline", "ceo", "director", "not working",
    "is down", "crash", "can't access", "cannot access",
)  # fmt: skip
_LOW = (
    "no rush", "when you get a chance", "when you have time", "low priority", "how do i",
    "question", "could you", "would like", "new starter", "new hire", "request",
)  # fmt: skip
_LEVEL_WORDS: dict[Level, tuple[str, ...]] = {
    "critical": ("critical", "emergency", "p1", "priority 1"),
    "high": ("high", "urgent", "p2", "priority 2"),
    "normal": ("normal", "medium", "p3", "priority 3"),
    "low": ("low", "p4", "priority 4"),
}
# (words in the text, words in the PSA's type name)
_TYPES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        ("keeps ", "again", "every time", "recurring", "every day", "every morning",
         "repeatedly", "intermittent", "every "),
        ("problem",),
    ),
    (
        ("new starter", "new hire", "new user", "set up", "setup", "install", "access to",
         "could you", "would like", "request", "order", "add ", "create ", "password reset"),
        ("request", "service request"),
    ),
    (
        ("not working", "error", "crash", "down", "offline", "can't", "cannot", "won't",
         "will not", "broken", "fail", "stopped", "disconnect"),
        ("incident",),
    ),
)  # fmt: skip
_GREETING = re.compile(
    r"^\s*(hi|hello|hey|dear|good (morning|afternoon|evening)|thanks|thank you)\b[^\n.!?]*[,!.]?\s*$",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\.[A-Za-z]{2,})")


def _has(text: str, words: Iterable[str]) -> list[str]:
    return [w for w in words if w in text]


def _level(lowered: str) -> tuple[Level, float]:
    if _has(lowered, _CRITICAL):
        return "critical", 0.8
    if _has(lowered, _HIGH):
        return "high", 0.65
    if _has(lowered, _LOW):
        return "low", 0.55
    return "normal", 0.4


def priority_for(level: Level, priorities: list[Choice]) -> Choice | None:
    """The PSA priority whose name says the level; "low" falls back to normal."""
    for wanted in (level, "normal") if level == "low" else (level,):
        for p in priorities:
            name = p.name.lower()
            if any(re.search(rf"\b{re.escape(w)}\b", name) for w in _LEVEL_WORDS[wanted]):
                return p
    return None


def summary_of(text: str) -> tuple[str, float]:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    lines = [ln for ln in lines if not _GREETING.match(ln)] or lines
    body = " ".join(lines)
    body = re.sub(r"^(hi|hello|hey|dear)\b[^,.!?]*[,!.]\s*", "", body, flags=re.IGNORECASE)
    first = re.split(r"(?<=[.!?])\s+", body, maxsplit=1)[0].strip().rstrip(".")
    first = re.sub(r"\s+", " ", first)
    if not first:
        return "New ticket", 0.1
    if len(first) <= 100:
        return first[0].upper() + first[1:], 0.6
    cut = first[:97].rsplit(" ", 1)[0]
    return cut[0].upper() + cut[1:] + "...", 0.4


def _word(haystack: str, needle: str) -> bool:
    return bool(needle) and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


def guess_board(lowered: str, options: FormOptions) -> s.Guess | None:
    """The board named in the text, else the default one (help or service desk)."""
    board = next((b for b in options.boards if _word(lowered, b.name.lower())), None)
    if board is not None:
        return s.Guess(id=board.id, name=board.name, confidence=0.8)
    if not options.boards:
        return None
    fallback = default_board(options.boards)
    return s.Guess(id=fallback.id, name=fallback.name, confidence=0.4)


def rules(text: str, options: FormOptions, description: str) -> s.TriageRead:
    lowered = text.lower()
    summary, summary_confidence = summary_of(text)

    level, level_confidence = _level(lowered)
    priority = priority_for(level, options.priorities)

    type_guess: s.Guess | None = None
    for words, names in _TYPES:
        if _has(lowered, words):
            found = next(
                (t for t in options.types if any(n in t.name.lower() for n in names)), None
            )
            if found is not None:
                type_guess = s.Guess(id=found.id, name=found.name, confidence=0.6)
                break

    board_guess = guess_board(lowered, options)

    company_guess, contact_guess = _company(lowered, options)
    return s.TriageRead(
        summary=summary,
        summary_confidence=summary_confidence,
        description=description,
        company=company_guess,
        contact=contact_guess,
        board=board_guess,
        type=type_guess,
        priority=s.Guess(id=priority.id, name=priority.name, confidence=level_confidence)
        if priority is not None
        else None,
        source="rules",
    )


def _company(lowered: str, options: FormOptions) -> tuple[s.Guess | None, s.Guess | None]:
    companies = {c.id: c for c in options.companies}

    def company(cid: str | None, confidence: float) -> s.Guess | None:
        found = companies.get(cid or "")
        return s.Guess(id=found.id, name=found.name, confidence=confidence) if found else None

    # 1. An e-mail address: a contact's exactly, else a company's domain.
    emails = [m.group(0).lower() for m in _EMAIL.finditer(lowered)]
    for email in emails:
        contact = next((c for c in options.contacts if (c.email or "").lower() == email), None)
        if contact is not None:
            return company(contact.company_id, 0.95), s.Guess(
                id=contact.id, name=contact.name, confidence=0.95
            )
    for email in emails:
        domain = email.rsplit("@", 1)[1]
        found = next(
            (
                c
                for c in options.companies
                if any(domain == d or domain.endswith("." + d) for d in c.domains)
            ),
            None,
        )
        if found is not None:
            return company(found.id, 0.85), None
    # 2. A contact's full name.
    contact = next((c for c in options.contacts if _word(lowered, c.name.lower())), None)
    # 3. A company's name or identifier, then the first word of its name.
    for c in options.companies:
        if _word(lowered, c.name.lower()) or (
            c.identifier and _word(lowered, c.identifier.lower())
        ):
            guess = company(c.id, 0.85)
            if contact is not None and contact.company_id == c.id:
                return guess, s.Guess(id=contact.id, name=contact.name, confidence=0.8)
            return guess, None
    if contact is not None:
        return company(contact.company_id, 0.75), s.Guess(
            id=contact.id, name=contact.name, confidence=0.8
        )
    for c in options.companies:
        first = c.name.lower().split()[0] if c.name.split() else ""
        if len(first) >= 4 and _word(lowered, first):
            return company(c.id, 0.6), None
    return None, None


def from_model(
    data: dict[str, object], options: FormOptions, fallback: s.TriageRead
) -> s.TriageRead:
    """A model's answer (names), mapped onto the PSA's choices; what it left out or named
    wrongly keeps the rules' guess."""

    def pick(field: str, choices: Iterable[Choice]) -> s.Guess | None:
        name = data.get(field)
        conf = data.get(f"{field}_confidence")
        confidence = float(conf) if isinstance(conf, (int, float)) else 0.7
        if not isinstance(name, str) or not name.strip():
            return None
        found = next((c for c in choices if c.name.lower() == name.strip().lower()), None)
        if found is None:
            return None
        return s.Guess(id=found.id, name=found.name, confidence=max(0.0, min(1.0, confidence)))

    summary = data.get("summary")
    return s.TriageRead(
        summary=summary.strip()[:100]
        if isinstance(summary, str) and summary.strip()
        else fallback.summary,
        summary_confidence=0.8
        if isinstance(summary, str) and summary.strip()
        else fallback.summary_confidence,
        description=fallback.description,
        company=pick("company", options.companies) or fallback.company,
        contact=pick("contact", options.contacts) or fallback.contact,
        board=pick("board", options.boards) or fallback.board,
        type=pick("type", options.types) or fallback.type,
        priority=pick("priority", options.priorities) or fallback.priority,
        source="model",
    )
