"""FlowPilot's flow matching (pilot/matching.py): an opening in other words than the flow's
still gets the flow, an opening no flow fits gets none (also when it shares the flow's steps'
words but names none of the flow's own distinctive words), and close flows are told apart;
with the bundled sentence encoder, meaning bridges what no shared word does; through the API
the account's own library and resolved sessions are what it learns from, with the encoder on
and off."""

from __future__ import annotations

import asyncio
import itertools
import math
import uuid
from typing import Any

import pytest
from httpx import AsyncClient

from resolutionflow.config import get_settings
from resolutionflow.pilot import matching
from resolutionflow.pilot.matching import FlowText, Matcher, decide
from resolutionflow.providers.embeddings import minilm
from tests.fixtures.factories import Factory, Tenant

# A small library written for these tests (an MSP's own flows).
LCD = FlowText(
    uuid.uuid4(),
    "LCD panel faults",
    "The laptop's LCD panel stays dark, flickers or shows lines. laptops hardware",
    [
        "Is the LCD backlight on? Shine a torch at the panel.",
        "Connect an external monitor: is the picture fine there?",
        "Reseat the LCD cable at the hinge.",
        "Replace the LCD panel.",
    ],
)
POWER = FlowText(
    uuid.uuid4(),
    "No power",
    "The laptop does not power on when the power button is pressed. laptops hardware",
    [
        "Does the charger LED light when it is plugged in?",
        "Remove the battery, hold the power button for 30 seconds, try again.",
        "Does the laptop boot on AC power alone, without the battery?",
        "Try another AC adapter.",
    ],
)
PRINTER = FlowText(
    uuid.uuid4(),
    "Printer offline",
    "A network printer shows offline and jobs wait in the queue. printing",
    [
        "Can you ping the printer's IP address?",
        "Restart the print spooler service.",
        "Clear the stuck jobs from the queue.",
    ],
)
OUTLOOK_START = FlowText(
    uuid.uuid4(),
    "Outlook won't start",
    "Outlook hangs while loading or crashes when it opens. email",
    [
        "Start Outlook in safe mode (outlook.exe /safe).",
        "Disable the add-ins one by one.",
        "Create a new mail profile.",
    ],
)
OUTLOOK_SEARCH = FlowText(
    uuid.uuid4(),
    "Outlook search finds nothing",
    "Outlook search returns no results or misses recent mail. email",
    [
        "Check the indexing status in Outlook's search options.",
        "Rebuild the Windows search index.",
        "Is the mailbox cached or online?",
    ],
)
LIBRARY = [LCD, POWER, PRINTER, OUTLOOK_START, OUTLOOK_SEARCH]


def proposed(matcher: Matcher, opening: str) -> str | None:
    best = matcher.best(opening)
    return best.title if best else None


def test_an_opening_in_other_words_gets_the_right_flow() -> None:
    m = Matcher(LIBRARY)
    # "boot" is no word of the flow's title: the flow's own steps use it.
    assert proposed(m, "Laptop won't boot at all, nothing happens") == "No power"
    # Misspelt and inflected: character trigrams and stems meet the flow's words.
    assert proposed(m, "printr showing ofline again, everything stuck in the queu") == (
        "Printer offline"
    )


def test_resolved_sessions_teach_the_words_engineers_use() -> None:
    opening = "Screen went black after the lid was closed"
    # The LCD flow never says "screen": from the flows alone the opening is not matched to it.
    assert proposed(Matcher(LIBRARY), opening) != "LCD panel faults"
    history = [
        (LCD.id, "Screen flickering on Dell Latitude"),
        (LCD.id, "Black screen, external monitor fine"),
        (LCD.id, "Lines across the screen after a drop"),
        (POWER.id, "Laptop dead, charger light off"),
    ]
    assert proposed(Matcher(LIBRARY, history), opening) == "LCD panel faults"


def test_an_opening_no_flow_fits_gets_no_flow() -> None:
    m = Matcher(LIBRARY)
    assert proposed(m, "The badge reader at the front door beeps red for everyone") is None
    assert proposed(m, "Customer wants a quote for a new coffee machine") is None
    assert Matcher([]).best("Printer offline") is None


def test_a_flow_is_proposed_only_when_the_opening_says_its_distinctive_words() -> None:
    # Overheating is a cause several flows mention; only one is about it.
    heat = FlowText(
        uuid.uuid4(),
        "Laptop overheating",
        "The laptop overheats. laptops hardware",
        [
            "Is the fan spinning? Listen at the vents.",
            "Blow the dust out of the vents and the heatsink.",
            "Check the CPU temperature in the BIOS.",
            "Replace the thermal paste or the fan.",
        ],
    )
    power = FlowText(
        POWER.id,
        POWER.title,
        POWER.head,
        [*POWER.nodes, "Did it shut down because it overheated? Let it cool for ten minutes."],
    )
    printer = FlowText(
        PRINTER.id,
        PRINTER.title,
        PRINTER.head,
        [*PRINTER.nodes, "Has the printer overheated? Let the fuser cool down."],
    )
    m = Matcher([LCD, power, printer, OUTLOOK_START, OUTLOOK_SEARCH, heat])
    # The library's problem in the engineer's words: two words of the flow's name said.
    assert proposed(m, "My laptop keeps overheating and the fan is really loud") == (
        "Laptop overheating"
    )
    for opening in (
        "The projector fan is loud and it overheats",
        "Our delivery van overheats on the motorway",
    ):
        ranked = m.rank(opening)
        # Another device: the laptop flow ranks first and clearly ahead (its steps share the
        # words), and a decision on the score alone proposed it ...
        assert ranked[0].title == "Laptop overheating"
        assert decide(ranked, said_from=0.0) == ranked[0]
        # ... but of the flow's name the opening says only a word half the library uses.
        assert decide(ranked) is None


def test_close_flows_are_ranked_by_what_the_opening_says() -> None:
    m = Matcher(LIBRARY)
    ranked = [x.title for x in m.rank("Outlook search returns no results for last week's mail")]
    assert ranked[:2] == ["Outlook search finds nothing", "Outlook won't start"]
    ranked = [x.title for x in m.rank("Outlook hangs while loading and then crashes")]
    assert ranked[:2] == ["Outlook won't start", "Outlook search finds nothing"]
    # Both Outlook flows fit "Outlook is broken" about as well: FlowPilot does not guess.
    assert proposed(m, "Outlook is broken") is None


def test_with_the_encoder_meaning_bridges_what_no_word_shares() -> None:
    words_only = Matcher(LIBRARY)
    m = Matcher(LIBRARY, encoder=minilm.encoder())
    # No word of the LCD flow (title, description, steps) is in this opening.
    opening = "The ThinkPad shows nothing on the display but the fans spin"
    assert proposed(words_only, opening) is None
    assert proposed(m, opening) == "LCD panel faults"
    ranked = m.rank(opening)
    assert ranked[0].similarity is not None and 0.0 <= ranked[-1].score <= ranked[0].score <= 1.0
    # The vector of the opening may be passed in (the bench encodes each opening once).
    vector = minilm.encoder().encode([opening])[0]  # type: ignore[union-attr]
    assert m.rank(opening, vector) == ranked
    # Still no flow where none fits, and two equally fitting flows are not guessed between.
    assert proposed(m, "The badge reader at the front door beeps red for everyone") is None
    assert proposed(m, "Customer wants a quote for a new coffee machine") is None
    assert Matcher([], encoder=minilm.encoder()).best("Printer offline") is None


def test_name_vectors_are_reused_across_rebuilds() -> None:
    encoder = minilm.encoder()
    assert encoder is not None
    first = matching.name_vectors(encoder, [LCD, POWER])
    renamed = FlowText(LCD.id, "LCD panel faults", LCD.head + " displays", LCD.nodes)
    again = matching.name_vectors(encoder, [renamed, POWER])
    assert (again[1] == first[1]).all()  # the unchanged flow is the cached vector
    assert not (again[0] == first[0]).all()  # a changed name is encoded afresh


# --- through the API, on the account's own library --------------------------------------------


async def _publish(client: AsyncClient, tenant: Tenant, flow: FlowText) -> str:
    nodes = [
        {"id": f"q{i}", "type": "action", "title": text, "body": ""}
        for i, text in enumerate(flow.nodes)
    ] + [{"id": "end", "type": "resolution", "title": "Resolved", "outcome": "resolved"}]
    body = {
        "format": "resolutionflow.flow/1",
        "title": flow.title,
        "description": flow.head,
        "kind": "troubleshooting",
        "start": "q0",
        "nodes": nodes,
        "edges": [
            {"source": a["id"], "target": b["id"], "label": ""}
            for a, b in itertools.pairwise(nodes)
        ],
    }
    r = await client.post("/api/v1/flows", headers=tenant.admin.headers, json=body)
    assert r.status_code == 201, r.text
    fid = str(r.json()["id"])
    r = await client.post(f"/api/v1/flows/{fid}/publish", headers=tenant.admin.headers, json={})
    assert r.status_code == 200, r.text
    return fid


async def _proposal(client: AsyncClient, tenant: Tenant, opening: str) -> dict[str, Any] | None:
    """The flow FlowPilot proposes for a new pilot session with this intake (`matched_flow`)."""
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={"title": opening[:60], "mode": "pilot", "intake": {"text": opening}},
    )
    assert r.status_code == 201, r.text
    found: dict[str, Any] | None = r.json()["matched_flow"]
    return found


async def _matched(client: AsyncClient, tenant: Tenant, opening: str) -> str | None:
    m = await _proposal(client, tenant, opening)
    return None if m is None else str(m["id"])


@pytest.mark.parametrize("encoder", [True, False], ids=["encoder", "words-only"])
async def test_flowpilot_matches_from_the_accounts_library_and_history(
    client: AsyncClient, factory: Factory, monkeypatch: pytest.MonkeyPatch, encoder: bool
) -> None:
    monkeypatch.setattr(get_settings(), "offline_encoder", encoder)
    # No flow name encoded yet in this process (other tests encode the same library).
    monkeypatch.setattr(matching, "_VECTORS", {})
    tenant, other = await factory.tenant(), await factory.tenant()
    ids = {f.title: await _publish(client, tenant, f) for f in LIBRARY}
    # Another account's flows are never proposed, however well they fit.
    await _publish(client, other, LCD)

    async def no_power() -> None:
        m = await _proposal(client, tenant, "Laptop won't power on")
        assert m is not None and m["id"] == ids["No power"]
        # The proposal's figure is a 0..1 match either way (the UI shows it as a percentage).
        assert 0.0 < m["score"] <= 1.0

    def reading() -> bool:
        """Whether the account's matcher reads with the encoder."""
        ranked = matching._CACHE[tenant.id][1].rank("Laptop won't power on")
        return ranked[0].similarity is not None

    await no_power()
    # The first intake never waits for the library's names to be encoded: it is matched on
    # words alone while the encoding thread reads them ...
    assert not reading()
    await asyncio.to_thread(matching.wait_for_names)
    await no_power()
    # ... and from then on with the encoder, as the installation chose
    # (RESOLUTIONFLOW_OFFLINE_ENCODER).
    assert reading() is encoder

    assert await _matched(client, tenant, "Laptop won't power on at all") == ids["No power"]
    assert await _matched(client, tenant, "Customer wants a quote for a coffee machine") is None

    opening = "Screen went black after the lid was closed"
    assert await _matched(client, tenant, opening) != ids["LCD panel faults"]
    # Engineers resolve screen problems with the LCD flow; the matcher learns their word.
    for title in ("Screen flickering on Dell", "Black screen, monitor fine", "Screen lines"):
        r = await client.post(
            "/api/v1/sessions",
            headers=tenant.engineer.headers,
            json={"title": title, "flow_id": ids["LCD panel faults"]},
        )
        assert r.status_code == 201, r.text
        r = await client.post(
            f"/api/v1/sessions/{r.json()['id']}/events",
            headers=tenant.engineer.headers,
            json={"type": "resolve", "summary": "Reseated the LCD cable"},
        )
        assert r.status_code == 201, r.text
    assert await _matched(client, tenant, opening) == ids["LCD panel faults"]
    # The other account learnt nothing from this one's sessions.
    assert await _matched(client, other, opening) is None


# --- deciding on a ranking by fit (the encoder's) ---------------------------------------------


def _by_fit(*fits: float) -> list[matching.Match]:
    """A ranking by fit, best first, as `Matcher.rank` returns it with the encoder."""
    return [matching.Match(uuid.uuid4(), f"Flow {i}", fit, 0.0, fit) for i, fit in enumerate(fits)]


def test_a_fitting_flow_is_proposed_only_when_it_stands_out_from_the_library() -> None:
    # Every rule but the stand-out test passes: the fit is above FIT_FROM and it leads the
    # runner-up by far more than FIT_MARGIN ...
    crowded = _by_fit(0.45, 0.40, 0.36, 0.25, 0.20, 0.15, 0.10)
    assert crowded[0].score - crowded[1].score > matching.FIT_MARGIN
    # ... but much of the library fits the opening too: it is 1.9 deviations above the others,
    # no more than the best of 6 flows that fit nothing reaches by chance (sqrt(2 ln 6) = 1.9).
    deviations = matching.stand_out([m.score for m in crowded])
    assert deviations is not None and 1.8 < deviations < matching.stand_out_needed(6)
    assert decide(crowded) is None
    # The same best fit beside flows that fit nothing stands far out: proposed.
    alone = _by_fit(0.45, 0.36, 0.12, 0.10, 0.08, 0.06, 0.05)
    assert decide(alone) == alone[0]
    # Never below the floor, however far it stands out.
    assert decide(_by_fit(matching.FIT_FROM - 0.01, 0.02, 0.01, 0.0, 0.0)) is None


def test_standing_out_asks_more_of_a_bigger_library() -> None:
    # The best of n flows that fit nothing stands out by about sqrt(2 ln n) deviations by chance,
    # so the bar rises with the library: a fixed bar would let more through as it grows.
    needed = [matching.stand_out_needed(n) for n in (3, 10, 30, 100, 1000)]
    assert needed == sorted(needed)
    assert needed[0] == pytest.approx(matching.STAND_OUT * math.sqrt(2 * math.log(3)))
    # 3 deviations pass among 10 other flows and not among 1,000.
    spread = matching.stand_out([0.4] + [0.2, 0.3] * 5)
    assert spread == pytest.approx(3.0)
    assert matching.stand_out_needed(10) < 3.0 < matching.stand_out_needed(1000)


def test_a_small_library_falls_back_to_the_lead() -> None:
    # With fewer than 3 other flows their spread means nothing: the lead over the runner-up
    # decides instead.
    assert matching.stand_out([0.5, 0.2, 0.1]) is None
    assert decide(_by_fit(0.50, 0.49, 0.10)) is None
    close = _by_fit(0.50, 0.50 - matching.FIT_MARGIN - 0.01, 0.10)
    assert decide(close) == close[0]
    only = _by_fit(0.40)
    assert decide(only) == only[0]
    # Other flows that all fit alike: any best above them stands out.
    assert matching.stand_out([0.4, 0.1, 0.1, 0.1]) == math.inf
    assert decide(_by_fit(0.40, 0.10, 0.10, 0.10)) is not None
