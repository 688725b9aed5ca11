"""Documentation is a pure function of the timeline: golden files per format.

Regenerate after an intended change with `RF_UPDATE_GOLDEN=1 pytest tests/documentation`, then
read the diff of tests/documentation/golden/ like any other change.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from resolutionflow.documentation.render import Event, Meta, Template, render

GOLDEN = Path(__file__).parent / "golden"
T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def _events() -> list[Event]:
    raw: list[tuple[int, str, dict[str, Any]]] = [
        (0, "started", {"title": "VPN drops every 10 minutes", "ticket_id": "T20261125.0042"}),
        (0, "step_shown", {"node_id": "q1", "node_type": "question", "title": "One user or many?"}),
        (
            1,
            "answer",
            {
                "node_id": "q1",
                "node_type": "question",
                "title": "One user or many?",
                "answer": "Just this user",
            },
        ),
        (
            2,
            "answer",
            {
                "node_id": "i1",
                "node_type": "input",
                "title": "VPN client and version",
                "variable": "client",
                "value": "GlobalProtect 6.2.1",
            },
        ),
        (3, "note", {"text": "User is on hotel Wi-Fi; works on phone hotspot."}),
        (
            4,
            "command_output",
            {
                "command": "ping -n 4 vpn.contoso.com",
                "text": "Reply from 203.0.113.10: bytes=32 time=41ms TTL=54\nRequest timed out.\n",
            },
        ),
        (
            5,
            "answer",
            {
                "node_id": "c1",
                "node_type": "checklist",
                "title": "Client reset",
                "items": ["Sign out of GlobalProtect", "Clear the portal cache"],
            },
        ),
        (6, "went_back", {"node_id": "q2", "title": "Does the tunnel come up?"}),
        (
            7,
            "answer",
            {
                "node_id": "a1",
                "node_type": "action",
                "title": "Switch the portal to TCP 443",
                "result": "Tunnel stable for 30 minutes",
            },
        ),
        (
            8,
            "flow_completed",
            {
                "node_id": "r1",
                "title": "Fixed by forcing TCP",
                "outcome": "resolved",
                "body": "Add the TCP setting to the user's portal profile.",
            },
        ),
        (
            12,
            "resolved",
            {
                "summary": "Hotel network blocks UDP 4501; forced the portal to TCP.",
                "follow_ups": ["Add a KB article for hotel Wi-Fi", "Check the other travellers"],
            },
        ),
    ]
    return [
        Event(seq=i + 1, type=t, created_at=T0 + timedelta(minutes=m), payload=p)
        for i, (m, t, p) in enumerate(raw)
    ]


META = Meta(
    title="VPN drops every 10 minutes",
    status="resolved",
    ticket_id="T20261125.0042",
    owner_name="Erin Engineer",
    flow_title="VPN won't connect",
    flow_version=3,
    started_at=T0,
    ended_at=T0 + timedelta(minutes=12),
    active_seconds=11 * 60 + 20,
)


@pytest.mark.parametrize("fmt,ext", [("markdown", "md"), ("text", "txt"), ("html", "html")])
def test_note_matches_the_golden_file(fmt: str, ext: str) -> None:
    note = render(META, _events(), fmt)  # type: ignore[arg-type]
    golden = GOLDEN / f"vpn-session.{ext}"
    if os.environ.get("RF_UPDATE_GOLDEN"):
        golden.write_text(note)
    assert note == golden.read_text()


def test_rendering_is_deterministic_and_ignores_event_order_of_creation() -> None:
    assert render(META, _events(), "markdown") == render(META, list(_events()), "markdown")


def test_plain_text_has_no_markup_and_wraps() -> None:
    note = render(META, _events(), "text")
    assert "**" not in note and "```" not in note and "## " not in note
    assert all(len(line) <= 76 for line in note.splitlines() if not line.startswith("    "))
    # Command output is kept verbatim, indented.
    assert "    Request timed out." in note


def test_html_is_sanitised() -> None:
    events = _events()
    events.append(
        Event(
            seq=99,
            type="note",
            created_at=T0,
            payload={"text": "<script>alert(1)</script><img src=x onerror=alert(2)>"},
        )
    )
    note = render(META, events, "html")
    # Shown as text, never as markup: no tags, no live attributes.
    assert "<script" not in note and "<img" not in note
    assert "&lt;script&gt;" in note and "&lt;img src=x onerror=alert(2)&gt;" in note


def test_every_free_text_passes_through_the_cleaner() -> None:
    note = render(META, _events(), "markdown", clean=lambda s: s.replace("GlobalProtect", "[X]"))
    assert "GlobalProtect" not in note and "[X] 6.2.1" in note


def test_templates_choose_order_headings_header_and_footer() -> None:
    template = Template(
        sections=("resolution", "steps"),
        headings={"steps": "What we did"},
        header="Prepared by the Acme service desk.",
        footer="-- Acme MSP",
    )
    note = render(META, _events(), "markdown", template=template)
    assert note.index("## Resolution") < note.index("## What we did")
    assert "## Time spent" not in note and "## Notes" not in note
    assert "Prepared by the Acme service desk." in note and note.rstrip().endswith("-- Acme MSP")


def test_an_open_session_says_so() -> None:
    events = [e for e in _events() if e.type not in ("resolved",)]
    note = render(META, events, "markdown")
    assert "still open" in note
