"""The flow engine: where a session is in its flow, and what each answer does to that.

Pure logic over a state dict (stored on the session) and flow graphs fetched through an injected
loader. Every operation returns the new state and the timeline entries to append; it never
edits the past. Entries carry the titles and labels they refer to, so documentation can be
written from the timeline alone.
"""

from __future__ import annotations

import copy
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from resolutionflow.errors import Conflict, ValidationFailed
from resolutionflow.flows.document import Edge, FlowDocument, Node
from resolutionflow.redaction.inputs import SECRET_CAPTURED, captured_value, shown_variables

# (flow id, version or None for the latest published) -> (version, graph, flow title)
GraphLoader = Callable[[uuid.UUID, int | None], Awaitable[tuple[int, FlowDocument, str]]]

# {{name}}, or a dotted name ({{target.ip}}: a maintenance batch fills in its target).
PLACEHOLDER = re.compile(r"{{\s*([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*)\s*}}")
MAX_VALUE = 2000


@dataclass
class Step:
    """The result of one engine operation: timeline entries to append, in order."""

    entries: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def add(self, kind: str, **payload: Any) -> None:
        self.entries.append((kind, payload))


def fill(text: str, variables: dict[str, str]) -> str:
    """Show captured values where node text says {{variable}}."""
    return PLACEHOLDER.sub(lambda m: variables.get(m.group(1), m.group(0)), text)


class Engine:
    def __init__(self, state: dict[str, Any], load: GraphLoader) -> None:
        self.state = copy.deepcopy(state) if state else {}
        self.state.setdefault("stack", [])
        self.state.setdefault("variables", {})
        self.state.setdefault("ticks", {})
        self.state.setdefault("trail", [])
        # Names of captured values kept only by the runner (secrets, redacted values).
        self.state.setdefault("withheld", [])
        # Sessions from before values were redacted on capture kept them in clear: later
        # steps' text must not show them either.
        self.state["variables"] = shown_variables(self.state["variables"])
        self.load = load
        self._graphs: dict[tuple[str, int], tuple[FlowDocument, str]] = {}

    # --- where we are -------------------------------------------------------------------

    @property
    def frame(self) -> dict[str, Any] | None:
        return self.state["stack"][-1] if self.state["stack"] else None

    @property
    def finished(self) -> dict[str, Any] | None:
        return self.state.get("finished")

    async def graph(self, frame: dict[str, Any]) -> tuple[FlowDocument, str]:
        key = (frame["flow_id"], frame["version"])
        if key not in self._graphs:
            _version, doc, title = await self.load(uuid.UUID(frame["flow_id"]), frame["version"])
            self._graphs[key] = (doc, title)
        return self._graphs[key]

    async def current(self) -> tuple[Node | None, FlowDocument | None]:
        frame = self.frame
        if frame is None or frame["node"] is None:
            return None, None
        doc, _ = await self.graph(frame)
        return _node(doc, frame["node"]), doc

    # --- starting and switching ---------------------------------------------------------------

    async def start(self, flow_id: uuid.UUID, version: int | None = None) -> Step:
        step = Step()
        number, doc, title = await self.load(flow_id, version)
        self._graphs[(str(flow_id), number)] = (doc, title)
        self.state["stack"] = [{"flow_id": str(flow_id), "version": number, "node": None}]
        self.state["finished"] = None
        await self._arrive(step, doc.start, title)
        return step

    async def switch(self, flow_id: uuid.UUID, version: int | None = None) -> Step:
        previous = self.frame
        prev_title = (await self.graph(previous))[1] if previous else None
        number, doc, title = await self.load(flow_id, version)
        step = Step()
        step.add(
            "flow_switched",
            from_flow_id=previous["flow_id"] if previous else None,
            from_flow_title=prev_title,
            flow_id=str(flow_id),
            flow_title=title,
            version=number,
        )
        self._graphs[(str(flow_id), number)] = (doc, title)
        self.state["stack"] = [{"flow_id": str(flow_id), "version": number, "node": None}]
        self.state["trail"] = []
        self.state["finished"] = None
        await self._arrive(step, doc.start, title, record_trail=False)
        return step

    # --- answering ------------------------------------------------------------------------

    async def answer(
        self,
        node_id: str,
        answer: str,
        *,
        value: str | None = None,
        items: list[int | str] | None = None,
        result: str | None = None,
    ) -> Step:
        node, doc = await self._expect_current(node_id)
        assert doc is not None
        frame = self.frame
        assert frame is not None
        out = [e for e in doc.edges if e.source == node.id]
        step = Step()
        base = {
            "node_id": node.id,
            "node_type": node.type,
            "title": fill(node.title, self.state["variables"]),
            "flow_id": frame["flow_id"],
            "version": frame["version"],
        }

        if node.type == "question":
            edge = _edge_for(out, answer)
            if edge is None:
                labels = ", ".join(f"“{e.label}”" for e in out) or "none"
                raise ValidationFailed(
                    f"“{answer}” is not an answer to this question. The answers are: {labels}.",
                    errors=[
                        {
                            "loc": ["body", "answer"],
                            "msg": "unknown answer",
                            "type": "unknown_answer",
                        }
                    ],
                )
            step.add("answer", **base, answer=edge.label, result=result)
            await self._follow(step, edge.target)
            return step

        if node.type == "resolution":
            raise Conflict("This flow has already ended here; resolve the session or go back.")

        edge = out[0] if len(out) == 1 else None
        if answer.strip():
            raise ValidationFailed(
                f'{node.type.capitalize()} steps have a single way on; answer with "".',
                errors=[{"loc": ["body", "answer"], "msg": "must be empty", "type": "value_error"}],
            )
        if node.type == "input" and node.secret:
            # The runner keeps a secret (for {{variable}} in later steps on its screen); a value
            # sent anyway is dropped here, unread: nothing downstream can leak what is not kept.
            name = node.variable or node.id
            self.state["variables"][name] = SECRET_CAPTURED
            self._withhold(name, True)
            step.add(
                "answer",
                **base,
                variable=node.variable,
                value=SECRET_CAPTURED,
                secret=True,
                result=result,
            )
        elif node.type == "input":
            text = (value or "").strip()
            if not text:
                raise ValidationFailed(
                    f"Enter a value for “{node.variable}”.",
                    errors=[{"loc": ["body", "value"], "msg": "required", "type": "missing"}],
                )
            if len(text) > MAX_VALUE:
                raise ValidationFailed(f"The value is longer than {MAX_VALUE} characters.")
            # Redacted with its prompt before it is kept ("Password: …" is a password even when
            # the value alone looks like nothing); only the runner that sent it knows the rest.
            shown = captured_value(node.title, node.variable, text)
            name = node.variable or node.id
            self.state["variables"][name] = shown
            self._withhold(name, shown != text)
            step.add("answer", **base, variable=node.variable, value=shown, result=result)
        elif node.type == "checklist":
            all_items = node.items or []
            ticked = set(self._ticks(frame, node.id))
            for item in items or []:
                ticked.add(_item_index(all_items, item))
            missing = [all_items[i] for i in range(len(all_items)) if i not in ticked]
            if missing:
                raise ValidationFailed(
                    f"{len(missing)} item{'s' if len(missing) > 1 else ''} still to tick: "
                    + "; ".join(missing[:5]),
                    errors=[
                        {
                            "loc": ["body", "items"],
                            "msg": "not all items ticked",
                            "type": "incomplete",
                        }
                    ],
                )
            self.state["ticks"][self._tick_key(frame, node.id)] = sorted(ticked)
            step.add("answer", **base, items=all_items, result=result)
        elif node.type == "subflow":
            if node.flow_id is None:
                raise Conflict("This subflow step names no flow; the flow needs fixing.")
            step.add("answer", **base, result=result)
            await self._enter_subflow(step, node)
            return step
        else:  # action
            step.add("answer", **base, result=result)
        if edge is None:
            raise Conflict(f"“{node.title}” has no next step; the flow needs fixing.")
        await self._follow(step, edge.target)
        return step

    async def tick(self, node_id: str, item: int | str, checked: bool) -> Step:
        node, _ = await self._expect_current(node_id)
        if node.type != "checklist":
            raise ValidationFailed("Only checklist steps have items to tick.")
        frame = self.frame
        assert frame is not None
        all_items = node.items or []
        index = _item_index(all_items, item)
        ticks = set(self._ticks(frame, node.id))
        if checked:
            ticks.add(index)
        else:
            ticks.discard(index)
        self.state["ticks"][self._tick_key(frame, node.id)] = sorted(ticks)
        step = Step()
        step.add(
            "item_checked" if checked else "item_unchecked",
            node_id=node.id,
            title=node.title,
            item=all_items[index],
            index=index,
        )
        return step

    async def back(self) -> Step:
        trail = self.state["trail"]
        if not trail:
            raise Conflict("There is no earlier step to go back to.")
        here = self.frame
        target = trail.pop()
        self.state["stack"] = target["stack"]
        self.state["finished"] = None
        frame = self.frame
        assert frame is not None
        doc, title = await self.graph(frame)
        node = _node(doc, frame["node"])
        step = Step()
        step.add(
            "went_back",
            from_node_id=here["node"] if here else None,
            node_id=frame["node"],
            title=node.title if node else frame["node"],
            flow_title=title,
        )
        return step

    # --- moving -----------------------------------------------------------------------------

    async def _expect_current(self, node_id: str) -> tuple[Node, FlowDocument]:
        if self.finished:
            raise Conflict("The flow has ended; resolve the session, go back, or switch flows.")
        node, doc = await self.current()
        if node is None or doc is None:
            raise Conflict("This session is not following a flow; start or switch to one first.")
        if node.id != node_id:
            raise Conflict(
                f"That step is not the current one (the current step is “{node.title}”); "
                "reload to see where the session is.",
            )
        return node, doc

    def _snapshot(self) -> dict[str, Any]:
        return {"stack": copy.deepcopy(self.state["stack"])}

    async def _follow(self, step: Step, target: str) -> None:
        frame = self.frame
        assert frame is not None
        self.state["trail"].append(self._snapshot())
        _, title = await self.graph(frame)
        await self._arrive(step, target, title, record_trail=False)

    async def _arrive(
        self, step: Step, node_id: str | None, flow_title: str, *, record_trail: bool = False
    ) -> None:
        frame = self.frame
        assert frame is not None
        if record_trail:
            self.state["trail"].append(self._snapshot())
        frame["node"] = node_id
        doc, _ = await self.graph(frame)
        node = _node(doc, node_id) if node_id else None
        if node is None:
            raise Conflict("The flow leads to a step that does not exist; the flow needs fixing.")
        step.add(
            "step_shown",
            node_id=node.id,
            node_type=node.type,
            title=fill(node.title, self.state["variables"]),
            flow_title=flow_title,
            flow_id=frame["flow_id"],
            version=frame["version"],
        )
        if node.type == "resolution":
            await self._resolution(step, node, flow_title)

    async def _resolution(self, step: Step, node: Node, flow_title: str) -> None:
        outcome = node.outcome or "resolved"
        if len(self.state["stack"]) > 1 and outcome == "resolved":
            # A subflow that resolved hands back to the step after the subflow in its parent.
            finished = self.state["stack"].pop()
            parent = self.frame
            assert parent is not None
            parent_doc, parent_title = await self.graph(parent)
            sub_node = _node(parent_doc, parent["node"])
            step.add(
                "subflow_returned",
                flow_id=finished["flow_id"],
                flow_title=flow_title,
                outcome=outcome,
                title=node.title,
            )
            out = [e for e in parent_doc.edges if e.source == (sub_node.id if sub_node else None)]
            if len(out) != 1:
                raise Conflict("The subflow step has no single next step; the flow needs fixing.")
            await self._arrive(step, out[0].target, parent_title)
            return
        self.state["finished"] = {"outcome": outcome, "node_id": node.id, "title": node.title}
        step.add(
            "flow_completed",
            node_id=node.id,
            title=fill(node.title, self.state["variables"]),
            outcome=outcome,
            flow_title=flow_title,
            body=node.body,
        )

    async def _enter_subflow(self, step: Step, node: Node) -> None:
        assert node.flow_id is not None
        number, doc, title = await self.load(node.flow_id, None)
        self._graphs[(str(node.flow_id), number)] = (doc, title)
        self.state["trail"].append(self._snapshot())
        self.state["stack"].append({"flow_id": str(node.flow_id), "version": number, "node": None})
        step.add(
            "subflow_entered",
            node_id=node.id,
            flow_id=str(node.flow_id),
            flow_title=title,
            version=number,
        )
        await self._arrive(step, doc.start, title)

    def _withhold(self, name: str, withheld: bool) -> None:
        names = set(self.state["withheld"])
        if withheld:
            names.add(name)
        else:
            names.discard(name)
        self.state["withheld"] = sorted(names)

    def _tick_key(self, frame: dict[str, Any], node_id: str) -> str:
        return f"{frame['flow_id']}:{frame['version']}:{node_id}"

    def _ticks(self, frame: dict[str, Any], node_id: str) -> list[int]:
        return list(self.state["ticks"].get(self._tick_key(frame, node_id), []))


def _node(doc: FlowDocument, node_id: str | None) -> Node | None:
    return next((n for n in doc.nodes if n.id == node_id), None)


def _edge_for(out: list[Edge], answer: str) -> Edge | None:
    wanted = answer.strip().casefold()
    return next((e for e in out if e.label.strip().casefold() == wanted), None)


def _item_index(items: list[str], item: int | str) -> int:
    if isinstance(item, int):
        if 0 <= item < len(items):
            return item
    else:
        for i, text in enumerate(items):
            if text.strip().casefold() == item.strip().casefold():
                return i
    raise ValidationFailed(
        f"“{item}” is not an item of this checklist.",
        errors=[{"loc": ["body", "items"], "msg": "unknown item", "type": "unknown_item"}],
    )
