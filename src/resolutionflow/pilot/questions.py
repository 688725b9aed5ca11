"""Discovery questions by category: what an experienced engineer asks first when the team's
knowledge has nothing specific. Each answer becomes a fact."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Discovery:
    key: str
    text: str
    options: tuple[str, ...]
    fact: str  # "{answer}" is replaced by the answer


COMMON = (
    Discovery(
        "scope",
        "Is it just this user, or are several users affected?",
        ("Just this user", "Several users", "Everyone at the site"),
        "Scope: {answer}",
    ),
    Discovery(
        "since",
        "When did it start?",
        ("Today", "In the last few days", "After a change or update", "It has never worked"),
        "Started: {answer}",
    ),
    Discovery(
        "error",
        "What exactly does the error say? Paste the message or code.",
        (),
        "Error shown: {answer}",
    ),
)

BY_CATEGORY: dict[str, tuple[Discovery, ...]] = {
    "remote access / VPN": (
        Discovery(
            "internet",
            "Does the internet work without the VPN?",
            ("Yes", "No", "Not sure"),
            "Internet without VPN: {answer}",
        ),
        Discovery(
            "network",
            "Where is the user connecting from?",
            ("Home", "Hotel or public Wi-Fi", "Mobile hotspot", "Office"),
            "Connecting from: {answer}",
        ),
    ),
    "printing": (
        Discovery(
            "queue",
            "Are jobs stuck in the queue, or do they vanish?",
            ("Stuck in the queue", "They vanish", "Printer shows offline"),
            "Print jobs: {answer}",
        ),
    ),
    "Microsoft 365 / email": (
        Discovery(
            "web",
            "Does it work in the browser (Outlook on the web / office.com)?",
            ("Yes, only the desktop app fails", "No, the web fails too"),
            "Web access: {answer}",
        ),
    ),
    "accounts and sign-in": (
        Discovery(
            "locked",
            "Is the account locked out or the password expired?",
            ("Locked out", "Password expired", "Neither", "Not sure"),
            "Account state: {answer}",
        ),
    ),
    "performance and stability": (
        Discovery(
            "when",
            "Is it slow all the time or only doing something specific?",
            ("All the time", "At start-up", "In one application", "After sleep"),
            "Slowness: {answer}",
        ),
    ),
    "network and file shares": (
        Discovery(
            "address",
            "What IP address does the device have (ipconfig)?",
            (),
            "IP configuration: {answer}",
        ),
    ),
}


def for_category(category: str | None) -> tuple[Discovery, ...]:
    specific = BY_CATEGORY.get(category or "", ())
    return COMMON[:1] + specific + COMMON[1:]
