"""The fold that derives step visits, the active clock, the client and copilot use from a
timeline: durations exclude pauses and escalation waits, going back opens a new visit, and
folding in pieces (as appends do) equals folding the whole timeline at once."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from resolutionflow.analytics.timeline import Entry, Folded, fold

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
FLOW = uuid.uuid4()
SUB = uuid.uuid4()


class Story:
    def __init__(self) -> None:
        self.t = 0.0
        self.entries: list[Entry] = []

    def wait(self, seconds: float) -> Story:
        self.t += seconds
        return self

    def add(self, kind: str, **payload: Any) -> Story:
        when = T0 + timedelta(seconds=self.t)
        self.entries.append(Entry(len(self.entries) + 1, kind, when, payload))
        return self

    def show(self, node: str, flow: uuid.UUID = FLOW) -> Story:
        return self.add("step_shown", node_id=node, flow_id=str(flow), version=1)

    def answer(self, node: str, then: str | None = None) -> Story:
        self.add("answer", node_id=node, answer="")
        return self.show(then) if then else self


def visits(result: Folded) -> list[tuple[int, str, bool, float | None]]:
    """(seq, node, answered, seconds) of the visits a fold opened, in order."""
    return [
        (v.seq, v.node_id, v.answered, v.active_seconds)
        for v in sorted(result.opened.values(), key=lambda v: v.seq)
    ]


def test_an_answered_step_lasts_from_showing_to_answering() -> None:
    s = Story().add("started").show("q1").wait(30).answer("q1", "a1").wait(45).answer("a1", "r")
    result = fold(s.add("resolved").entries)
    assert visits(result) == [(2, "q1", True, 30.0), (4, "a1", True, 45.0), (6, "r", False, None)]
    assert result.opened[2].flow_id == FLOW and result.opened[2].flow_version == 1
    assert result.through_seq == 7


def test_pauses_are_not_counted() -> None:
    s = Story().add("started").show("q1").wait(10).add("paused").wait(600).add("resumed")
    s.wait(20).answer("q1", "a1")
    assert visits(fold(s.entries))[0] == (2, "q1", True, 30.0)


def test_waiting_for_an_escalation_pickup_is_not_counted() -> None:
    s = Story().add("started").show("q1").wait(5).add("escalated", handoff_id="h")
    s.wait(3600).add("claimed", handoff_id="h").wait(15).answer("q1")
    result = fold(s.entries)
    assert visits(result)[0] == (2, "q1", True, 20.0)
    assert result.escalated is True


def test_a_step_left_unanswered_has_no_duration_and_going_back_opens_a_new_visit() -> None:
    s = Story().add("started").show("q1").wait(10).answer("q1", "a1").wait(7)
    s.add("went_back", node_id="q1", from_node_id="a1").wait(40).answer("q1", "a1")
    result = fold(s.entries)
    assert visits(result) == [
        (2, "q1", True, 10.0),
        (4, "a1", False, None),
        (5, "q1", True, 40.0),
        (7, "a1", False, None),
    ]
    # The visit gone back to belongs to the flow it was first shown in.
    assert result.opened[5].flow_id == FLOW
    assert result.opened[4].ended_at == T0 + timedelta(seconds=17)


def test_an_answer_for_another_node_does_not_close_the_open_step() -> None:
    s = Story().add("started").show("q1").wait(10).add("answer", node_id="zz").wait(5).answer("q1")
    assert visits(fold(s.entries)) == [(2, "q1", True, 15.0)]


def test_subflow_steps_carry_the_subflows_id() -> None:
    s = Story().add("started").show("s1").wait(3).add("answer", node_id="s1")
    s.add("subflow_entered", node_id="s1", flow_id=str(SUB)).show("x", flow=SUB)
    result = fold(s.entries)
    assert [(v.node_id, v.flow_id) for v in result.opened.values()] == [("s1", FLOW), ("x", SUB)]


def test_the_session_ending_closes_the_open_step() -> None:
    s = Story().add("started").show("q1").wait(12).add("abandoned")
    result = fold(s.entries)
    assert visits(result) == [(2, "q1", False, None)]
    assert result.opened[2].ended_at == T0 + timedelta(seconds=12)
    assert result.state.running_since is None and result.state.clock == 12.0


def test_client_comes_from_the_latest_ticket_or_the_maintenance_target() -> None:
    batch = fold(Story().add("started", client="Northwind  Traders").entries)
    assert batch.client == "Northwind Traders"
    linked = Story().add("started", client="Northwind").add("ticket_linked", company="Contoso")
    linked.add("ticket_linked", company="Fabrikam").add("ticket_linked", summary="no company")
    assert fold(linked.entries).client == "Fabrikam"
    assert fold(Story().add("started").entries).client is None


def test_copilot_use_counts_replies_with_suggestions_and_accepted_ones() -> None:
    s = Story().add("started").add("copilot_reply", content="hi", suggestions=[])
    s.add("copilot_reply", suggestions=[{"title": "Restart"}]).add("suggestion_accepted")
    s.add("suggestion_accepted")
    result = fold(s.entries)
    assert (result.copilot_suggested, result.copilot_accepted) == (1, 2)


def test_odd_payloads_are_left_out_not_raised() -> None:
    s = Story().add("started").add("step_shown").add("step_shown", node_id=7)
    s.add("step_shown", node_id="ok", flow_id="not-a-uuid", version="one").add("answer")
    result = fold(s.entries)
    assert [(v.node_id, v.flow_id, v.flow_version) for v in result.opened.values()] == [
        ("ok", None, None)
    ]


def _long_story() -> list[Entry]:
    s = Story().add("started").show("q1").wait(10).answer("q1", "a1").wait(3).add("paused")
    s.wait(50).add("resumed").wait(4).add("note", text="x").answer("a1", "c1").wait(9)
    s.add("copilot_reply", suggestions=[{"t": 1}]).add("suggestion_accepted")
    s.add("went_back", node_id="a1").wait(2).add("escalated").wait(99).add("claimed")
    s.wait(6).answer("a1", "c1").add("ticket_linked", company="Contoso").wait(1)
    s.answer("c1", "r").add("resolved")
    return s.entries


FIELDS = ("node_id", "answered", "active_seconds", "ended_at", "prev_node_id", "last_in_flow")


@given(st.lists(st.integers(min_value=1, max_value=24), max_size=6))
def test_folding_in_pieces_equals_folding_at_once(cuts: list[int]) -> None:
    entries = _long_story()
    whole = fold(entries)
    state, through, carried = None, 0, {}
    rows: dict[int, dict[str, Any]] = {}
    bounds = sorted({c for c in cuts if c < len(entries)} | {len(entries)})
    start = 0
    for end in bounds:
        part = fold(entries[start:end], state=state, through_seq=through, **carried)
        for seq, v in part.opened.items():
            rows[seq] = {name: getattr(v, name) for name in FIELDS}
        for seq, values in part.changed.items():
            rows[seq].update(values)
        state, through = part.state, part.through_seq
        carried = {
            "client": part.client,
            "escalated": part.escalated,
            "copilot_suggested": part.copilot_suggested,
            "copilot_accepted": part.copilot_accepted,
        }
        start = end
    assert rows == {
        seq: {name: getattr(v, name) for name in FIELDS} for seq, v in whole.opened.items()
    }
    assert carried == {
        "client": "Contoso",
        "escalated": True,
        "copilot_suggested": 1,
        "copilot_accepted": 1,
    }
    # a1: 3 s, a pause, 4 s; gone back to: 2 s, the escalation wait, 6 s.
    assert (rows[4]["node_id"], rows[4]["answered"], rows[4]["active_seconds"]) == (
        "a1",
        True,
        7.0,
    )
    assert (rows[12]["answered"], rows[12]["active_seconds"]) == (True, 8.0)
    # Edges taken: q1 -> a1, a1 -> c1 twice (not a1 -> a1 by going back), c1 -> r.
    assert {seq: r["prev_node_id"] for seq, r in rows.items()} == {
        2: None,
        4: "q1",
        9: "a1",
        12: None,
        16: "a1",
        19: "c1",
    }
    assert [seq for seq, r in rows.items() if r["last_in_flow"]] == [19]


def test_only_a_step_answered_just_before_is_the_way_in() -> None:
    s = Story().add("started").show("q1").wait(1).answer("q1", "a1").wait(1)
    s.add("paused").add("resumed").add("note", text="x").answer("a1", "r")
    result = fold(s.entries)
    assert [(v.node_id, v.prev_node_id) for v in result.opened.values()] == [
        ("q1", None),
        ("a1", "q1"),
        ("r", "a1"),
    ]
    # A subflow's first step is not reached by an edge of the parent flow.
    s = Story().add("started").show("s1").wait(3).add("answer", node_id="s1")
    s.add("subflow_entered", node_id="s1", flow_id=str(SUB)).show("x", flow=SUB)
    subflow = fold(s.entries)
    assert [v.prev_node_id for v in subflow.opened.values()] == [None, None]
    # Each flow has its own latest visit.
    assert [v.last_in_flow for v in subflow.opened.values()] == [True, True]


def test_the_latest_visit_moves_on_across_folds() -> None:
    s = Story().add("started").show("q1").wait(2).answer("q1", "a1")
    first = fold(s.entries[:2])
    assert first.opened[2].last_in_flow is True
    second = fold(
        s.entries[2:], state=first.state, through_seq=first.through_seq, client=first.client
    )
    assert second.changed == {
        2: {
            "ended_at": T0 + timedelta(seconds=2),
            "answered": True,
            "active_seconds": 2.0,
            "last_in_flow": False,
        }
    }
    assert second.opened[4].last_in_flow is True and second.opened[4].prev_node_id == "q1"
