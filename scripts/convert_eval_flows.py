"""Convert the public third-party decision trees under the evaluation data directory into the
flow interchange format (`resolutionflow.flow/1`) and report what the publish validator says.

    .venv/bin/python scripts/convert_eval_flows.py [EVAL_DIR]

The data is read at run time and never copied into the repository: FloDial and the ARRIS flows
have no licence and are for evaluation only. EVAL_DIR defaults to $RF_EVAL_DIR, else
`../shared/data/eval` next to the repository.

The converters translate, and say in the report every place where the source needed reading
(placeholder starts, typos in references, missing steps, steps left out): every converted flow
passes the publish validator, so all of them can be published.

Mapping
- FloDial (`flodial/knowledge-sources/*.json`): a non-terminal node is a question whose answers
  are its `yes` / `no` edges; a terminal node is a resolution. The supporting FAQs go into the
  start node's body (they answer "how do I check X?" along the way).
- ARRIS SURFboard (`arris_surfboard_tier1_flows/flows/*.json`): a step's exits are its Buttons
  (answer = button text), its LED chart rows (answer = the LED pattern) and LEDfail (the default
  pattern), and its Skips (a jump taken when an action was already done earlier in the call;
  answer = "Already done: <action>"). A step with two or more exits is a question, with one
  an action; a step with no button or LED chart is a resolution (outcome from its wording) —
  or, when it carries a Skip, a question whose answers are the skips and "Finish here" (a
  resolution `<id>--end`). Step ids that do not fit the id pattern get a stable derived id (a
  slug, or slug + hash when the slug would be ambiguous).
  Each file becomes a flow that runs to its end on its own, as the upstream tool's modules do
  together: it starts at START (a module whose START is a placeholder starts where the other
  files jump in most), and the steps of other files it jumps to are copied in with their
  file's name in front of their id (`Slow_Speed--Done-5`). A reference that matches no step
  exactly but one step ignoring case, spaces and punctuation (then: with one letter wrong) is
  read as that step (a typo);
  a reference to a step no file has becomes a resolution named after it, outcome unresolved
  unless its name says otherwise, marked "missing in the source". Steps not reachable from the
  flow's start (entered only from other files, or from nowhere) are left out and listed.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from resolutionflow.flows.document import Edge, FlowDocument, Node
from resolutionflow.flows.validation import Problem, errors_only, validate

REPO_ROOT = Path(__file__).resolve().parent.parent
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
TITLE_MAX = 200
LABEL_MAX = 200
BODY_MAX = 20000


def eval_dir() -> Path:
    """Where the evaluation data lives: $RF_EVAL_DIR, else ../shared/data/eval from the repo."""
    env = os.environ.get("RF_EVAL_DIR")
    if env:
        return Path(env)
    return (REPO_ROOT.parent / "shared" / "data" / "eval").resolve()


# --------------------------------------------------------------------------------------------
# Small text helpers


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_ANCHOR = re.compile(r"<a\s[^>]*href\s*=\s*['\"]([^'\"]+)['\"][^>]*>(.*?)</a>", re.I | re.S)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def _html_to_markdown(text: str) -> str:
    """The ARRIS tool's light HTML (links, <br>) as Markdown; other tags dropped, text kept."""
    text = _ANCHOR.sub(lambda m: f"[{_TAG.sub('', m.group(2)).strip()}]({m.group(1)})", text)
    text = re.sub(r"<\s*/?\s*br\s*/?\s*>", "\n", text, flags=re.I)
    return html.unescape(_TAG.sub("", text))


def _plain(text: str) -> str:
    return " ".join(_html_to_markdown(text).replace("***", "").split())


def _line(text: str) -> str:
    """One ARRIS `Text` line: `***` marks highlighted text."""
    md = _html_to_markdown(text).strip()
    if md.startswith("***"):
        inner = md.lstrip("*").strip()
        return f"**{inner}**" if inner else ""
    return md


# --------------------------------------------------------------------------------------------
# FloDial


def _flodial_outcome(label: str, utterance: str) -> str:
    box, text = label.casefold(), f"{label} {utterance}".casefold()
    # The tree ends by sending you to another flowchart: not solved here.
    if re.match(r"(proceed|go to)\b", box) or re.search(
        r"flowchart|not related to|not a car steering problem", text
    ):
        return "unresolved"
    # Hand the problem to someone else: a mechanic, the ISP, an administrator, a repair shop.
    if re.search(
        r"mechanic|network provider|service provider|\bisp\b|administrator|reach out|contact"
        r"|get (?:it|them) (?:checked|fixed|repaired|replaced)"
        r"|get (?:your|the) \w+ (?:repaired|replaced)|service manual|see model manual",
        text,
    ):
        return "escalate"
    return "resolved"


def convert_flodial_tree(data: dict[str, Any]) -> FlowDocument:
    source_nodes: dict[str, dict[str, Any]] = data.get("nodes", {})
    source_edges: dict[str, dict[str, str]] = data.get("edges", {})
    nodes: list[Node] = []
    for node_id, raw in source_nodes.items():
        label = str(raw.get("label", "")).strip()
        utterance = str(raw.get("utterance", "")).strip()
        if raw.get("terminal"):
            title = label or utterance
            body = utterance if utterance != title else ""
            node = Node(
                id=node_id,
                type="resolution",
                title=_clip(title, TITLE_MAX),
                body=body,
                outcome=_flodial_outcome(label, utterance),
            )
        else:
            # Ask the question as the agent asks it; keep the flowchart's box text alongside.
            title = utterance if 0 < len(utterance) <= TITLE_MAX else label
            body = f"Flowchart box: *{label}*" if label and label != title else ""
            if len(utterance) > TITLE_MAX:
                body = f"{utterance}\n\n{body}".strip()
            node = Node(id=node_id, type="question", title=_clip(title, TITLE_MAX), body=body)
        nodes.append(node)

    edges: list[Edge] = []
    for source, answers in source_edges.items():
        for answer, target in answers.items():
            edges.append(
                Edge(source=str(source), target=str(target), label=str(answer).capitalize())
            )

    faqs = data.get("supporting_faqs") or []
    start = "1" if "1" in source_nodes else (next(iter(source_nodes), None))
    if faqs and start is not None:
        lines = ["", "**Supporting FAQs** (for “how do I check …?” along the way)", ""]
        for faq in faqs:
            q, a = str(faq.get("q", "")).strip(), str(faq.get("a", "")).strip()
            lines.append(f"- **{q}** {a}")
        for node in nodes:
            if node.id == start:
                node.body = (node.body + "\n" + "\n".join(lines)).strip()[:BODY_MAX]
    name = str(data.get("name", "flow"))
    category = str(data.get("category", "")).strip()
    return FlowDocument(
        title=name.replace("_", " ").capitalize(),
        kind="troubleshooting",
        description=_clip(
            f"{str(data.get('problem_description', '')).strip()} "
            "(FloDial troubleshooting flowchart, Raghu et al., EMNLP 2021; evaluation use only.)",
            5000,
        ),
        category=category.capitalize(),
        tags=["flodial", category] if category else ["flodial"],
        start=start,
        nodes=nodes,
        edges=edges,
    )


def convert_flodial(path: Path | str) -> list[tuple[str, FlowDocument]]:
    """Every FloDial tree under `path` (the `flodial/` folder or its `knowledge-sources/`)."""
    root = Path(path)
    folder = root / "knowledge-sources" if (root / "knowledge-sources").is_dir() else root
    out = []
    for file in sorted(folder.glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        out.append((file.name, convert_flodial_tree(data)))
    return out


# --------------------------------------------------------------------------------------------
# ARRIS SURFboard Tier-1 flows

LED_NAMES = {4: ("Power", "Receive", "Send", "Online"), 3: ("Power", "US/DS", "Online")}


def _led_label(pattern: list[str]) -> str:
    names = LED_NAMES.get(len(pattern), tuple(f"LED {i + 1}" for i in range(len(pattern))))
    parts = [f"{n}: {'any' if s == '*' else s}" for n, s in zip(names, pattern, strict=False)]
    return _clip(", ".join(parts), LABEL_MAX)


@dataclass
class SourceNote:
    """Something about the source the report should mention (not a validator problem)."""

    step: str
    message: str


@dataclass
class ArrisExit:
    target: str  # the raw step name referenced
    label: str
    kind: str  # button | led | ledfail | skip


@dataclass
class ArrisFlow:
    file: str
    doc: FlowDocument
    id_map: dict[str, str]
    exits: dict[str, list[ArrisExit]]
    notes: list[SourceNote] = field(default_factory=list)
    # Steps of the file not reachable from its entry (not in the flow).
    left_out: list[str] = field(default_factory=list)


def _skips(step_name: str, raw: dict[str, Any], notes: list[SourceNote]) -> list[tuple[str, str]]:
    """(remembered action, target) pairs. Two source shapes are malformed: a flat list of
    strings (the inner brackets were forgotten: read as one pair) and a pair with extra
    entries (the upstream tool only reads the first two)."""
    value = list(raw.get("Skips") or []) + list(raw.get("skips") or [])
    if "skips" in raw:
        notes.append(SourceNote(step_name, "uses `skips` (lower case) for `Skips`"))
    if value and all(isinstance(v, str) for v in value):
        notes.append(SourceNote(step_name, f"Skips is a flat list {value!r}; read as one pair"))
        value = [value]
    pairs = []
    for item in value:
        if not isinstance(item, list) or len(item) < 2:
            notes.append(SourceNote(step_name, f"unusable Skips entry {item!r}; ignored"))
            continue
        if len(item) > 2:
            notes.append(
                SourceNote(step_name, f"Skips entry {item!r} has extra items; first two used")
            )
        pairs.append((str(item[0]), str(item[1])))
    return pairs


def _arris_exits(step_name: str, raw: dict[str, Any], notes: list[SourceNote]) -> list[ArrisExit]:
    exits: list[ArrisExit] = []
    for button in raw.get("Buttons") or []:
        if not isinstance(button, list) or not button:
            notes.append(SourceNote(step_name, f"unusable button {button!r}; ignored"))
            continue
        label = str(button[1]) if len(button) > 1 else ""
        exits.append(ArrisExit(str(button[0]), _clip(_plain(label), LABEL_MAX), "button"))
    for key in ("LEDchart", "LEDchart3led"):
        for row in raw.get(key) or []:
            exits.append(ArrisExit(str(row[0]), _led_label([str(s) for s in row[1:]]), "led"))
    if raw.get("LEDfail"):
        exits.append(ArrisExit(str(raw["LEDfail"]), "Any other LED pattern", "ledfail"))
    for remembered, target in _skips(step_name, raw, notes):
        exits.append(ArrisExit(target, _clip(f"Already done: {remembered}", LABEL_MAX), "skip"))
    return exits


def _derive_ids(names: list[str]) -> dict[str, str]:
    """A node id for every name (step or referenced target) of one file, stable and unique.

    Valid names are kept. Others become a slug; when a slug is too long or would equal another
    name's id, the name's hash is appended, so two different names never share an id (which
    would silently repair a dangling reference)."""

    def slug(name: str) -> str:
        return re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")

    def hashed(name: str) -> str:
        digest = hashlib.sha1(name.encode(), usedforsecurity=False).hexdigest()[:8]
        return f"{slug(name)[:55].rstrip('-') or 'step'}-{digest}"

    unique = list(dict.fromkeys(names))
    valid = {n for n in unique if ID_PATTERN.match(n)}
    candidates = {n: slug(n) for n in unique if n not in valid}
    taken = Counter(candidates.values())
    out: dict[str, str] = {}
    for name in unique:
        if name in valid:
            out[name] = name
            continue
        candidate = candidates[name]
        if ID_PATTERN.match(candidate) and taken[candidate] == 1 and candidate not in valid:
            out[name] = candidate
        else:
            out[name] = hashed(name)
    return out


def _arris_outcome(text: str, default: str = "resolved") -> str:
    t = text.casefold()
    if re.search(r"working unit|case is resolved|working as expected", t):
        return "resolved"
    if re.search(
        r"does not apply|not compatible|may not compatible|unable to|incomplete|^[\w-]+\?$", t
    ):
        return "unresolved"
    if re.search(r"re-?direct|tier 2|tech's visit|call service provider|contact mso", t):
        return "escalate"
    return default


def _arris_body(raw: dict[str, Any], question: str, exits: list[ArrisExit]) -> str:
    parts: list[str] = []
    if len(question) > TITLE_MAX:
        parts.append(question)
    lines = [_line(str(t)) for t in raw.get("Text") or []]
    text = "\n\n".join(line for line in lines if line.strip())
    if text:
        parts.append(text)
    table = raw.get("Table") or []
    if table:
        rows = [[_plain(str(c)).replace("|", "\\|") or " " for c in row] for row in table]
        width = max(len(r) for r in rows)
        rows = [r + [" "] * (width - len(r)) for r in rows]
        md = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        md += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        parts.append("\n".join(md))
    if raw.get("Popmsg"):
        parts.append("> **Info:** " + _plain(str(raw["Popmsg"])))
    if raw.get("Poplink"):
        parts.append(f"[More information]({str(raw['Poplink']).strip()})")
    template = [str(q).strip() for q in raw.get("QuestionsTemplate") or [] if str(q).strip()]
    if template:
        parts.append("**Ask and note:**\n\n" + "\n".join(f"- {q}" for q in template))
    boxes = [str(q).strip() for q in raw.get("TextCheckbox") or [] if str(q).strip()]
    if boxes:
        parts.append("\n".join(f"- [ ] {b}" for b in boxes))
    if len(exits) == 1 and exits[0].label:
        parts.append(f"Then: *{exits[0].label}*")
    if raw.get("Comments"):
        parts.append(f"_Author's note: {_plain(str(raw['Comments']))}_")
    return "\n\n".join(parts)[:BODY_MAX]


def _arris_node(
    node_id: str, name: str, raw: dict[str, Any], out: list[ArrisExit], target_ids: list[str]
) -> tuple[list[Node], list[Edge]]:
    """One ARRIS step as nodes and edges; `target_ids` are the node ids of `out`'s targets."""
    question = _plain(str(raw.get("Question") or ""))
    first_text = next((_plain(str(t)) for t in raw.get("Text") or [] if _plain(str(t))), "")
    title = _clip(question or first_text or name, TITLE_MAX)
    body = _arris_body(raw, question, out)
    visible = [e for e in out if e.kind != "skip"]
    pairs = list(zip(out, target_ids, strict=True))
    if not visible:
        # Nothing for the agent to press: the step ends the call.
        outcome = _arris_outcome(f"{question} {first_text}".strip() or name)
        if not out:
            return [
                Node(id=node_id, type="resolution", title=title, body=body, outcome=outcome)
            ], []
        # A Skip on a final step ("already done X: go to Y instead") is a choice before the
        # end: a question whose answers are the skips and "Finish here", which ends the call.
        end_id = _sub_id(node_id, "end")
        nodes = [
            Node(id=node_id, type="question", title=title, body=body),
            Node(id=end_id, type="resolution", title=title, outcome=outcome),
        ]
        edges = [Edge(source=node_id, target=t, label=e.label) for e, t in pairs]
        edges.append(Edge(source=node_id, target=end_id, label="Finish here"))
        return nodes, edges
    if len(out) >= 2:
        node = Node(id=node_id, type="question", title=title, body=body)
        return [node], [Edge(source=node_id, target=t, label=e.label) for e, t in pairs]
    node = Node(id=node_id, type="action", title=title, body=body)
    return [node], [Edge(source=node_id, target=target_ids[0], label="")]


def _sub_id(node_id: str, suffix: str) -> str:
    """A node id derived from another, within the id pattern (hashed when too long)."""
    candidate = f"{node_id}--{suffix}"
    if len(candidate) <= 64:
        return candidate
    digest = hashlib.sha1(candidate.encode(), usedforsecurity=False).hexdigest()[:8]
    return f"{candidate[:45].rstrip('-')}-{digest}"


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold())


@dataclass
class _ArrisSet:
    """Every file of the set, with each step's exits and where each reference leads."""

    files: dict[str, dict[str, Any]]
    exits: dict[str, dict[str, list[ArrisExit]]]
    ids: dict[str, dict[str, str]]
    notes: dict[str, list[SourceNote]]

    def steps(self, file: str) -> dict[str, dict[str, Any]]:
        return dict(self.files[file].get("steps", {}))

    def resolve(self, file: str, target: str) -> tuple[str, str, str] | None:
        """(file, step, how) a reference leads to, or None when no file has such a step.

        How the upstream tool finds it: a step of the same file, else of another file (the
        modules jump between files). A name that matches no step exactly but one step when case,
        spaces and punctuation are ignored ("Advise Cust. to switch devices to 5GHz band." for
        "... 5 GHz band."), or then with one letter wrong ("Peform"), is taken as that step: a
        typo in the reference, not a missing step."""
        if target in self.steps(file):
            return file, target, "same_file"
        elsewhere = [f for f in self.files if f != file and target in self.steps(f)]
        if elsewhere:
            return elsewhere[0], target, "cross_file"
        key = _norm(target)
        for same in (_norm_equal, _one_typo):
            for scope in ([file], [f for f in self.files if f != file]):
                hits = [(f, n) for f in scope for n in self.steps(f) if same(key, _norm(n))]
                if hits:
                    # Several alike ("… 5 GHz band." and "… 5GHz band"): the closest spelling.
                    f, n = max(hits, key=lambda h: SequenceMatcher(None, target, h[1]).ratio())
                    return f, n, "fuzzy_name"
        return None


def _norm_equal(a: str, b: str) -> bool:
    return bool(a) and a == b


def _one_typo(a: str, b: str) -> bool:
    """One letter added, dropped or changed ("Peform", "chekled"), in names long enough that
    one letter can't make a different word of them."""
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


def _load_arris(path: Path | str) -> _ArrisSet:
    files = {
        f.name: json.loads(f.read_text(encoding="utf-8"))
        for f in sorted(_arris_folder(path).glob("*.json"))
    }
    exits: dict[str, dict[str, list[ArrisExit]]] = {}
    ids: dict[str, dict[str, str]] = {}
    notes: dict[str, list[SourceNote]] = {}
    for name, data in files.items():
        steps = data.get("steps", {})
        notes[name] = []
        exits[name] = {step: _arris_exits(step, raw, notes[name]) for step, raw in steps.items()}
        names = list(steps) + [e.target for ex in exits[name].values() for e in ex]
        ids[name] = _derive_ids(names)
    return _ArrisSet(files, exits, ids, notes)


def _arris_entry(arris: _ArrisSet, file: str) -> str | None:
    steps = arris.steps(file)
    start = "START" if "START" in steps else next(iter(steps), None)
    if start is None or arris.exits[file].get(start):
        return start
    # A module file: START is only a placeholder ("1led?") and the flow is entered from
    # start.json. Begin where the other files jump in most.
    entries: Counter[str] = Counter()
    for other in arris.files:
        if other == file:
            continue
        for out in arris.exits[other].values():
            for e in out:
                if e.target not in arris.steps(other) and e.target in steps:
                    entries[e.target] += 1
    if not entries:
        return start
    order = list(steps)
    entry = max(entries, key=lambda n: (entries[n], -order.index(n)))
    arris.notes[file].append(SourceNote(start, f"placeholder start; entry taken as {entry!r}"))
    return entry


def convert_arris_file(arris: _ArrisSet, file: str) -> ArrisFlow:
    """One ARRIS flow file as a flow of its own: the steps reachable from its entry, with the
    steps of other files it jumps to copied in (ids prefixed with their file), so the flow runs
    to its end as the upstream tool does. A reference to a step no file has becomes a
    resolution named after it ("missing in the source"); steps not reachable from the entry
    (entered only from other files, or from nowhere) are left out and listed."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(file).stem)

    def node_id(owner: str, step: str) -> str:
        own = arris.ids[owner][step]
        if owner == file:
            return own
        return _sub_id(re.sub(r"[^A-Za-z0-9_-]+", "-", Path(owner).stem), own)

    entry = _arris_entry(arris, file)
    nodes: list[Node] = []
    edges: list[Edge] = []
    notes = arris.notes[file]
    seen: set[tuple[str, str]] = set()
    missing: dict[str, Node] = {}
    queue: list[tuple[str, str]] = [(file, entry)] if entry is not None else []
    if queue:
        seen.add(queue[0])
    while queue:
        owner, step = queue.pop(0)
        out = arris.exits[owner][step]
        targets: list[str] = []
        for e in out:
            hit = arris.resolve(owner, e.target)
            if hit is None:
                # No file has this step: it ends the call here, named as the button named it.
                target_id = node_id(owner, e.target)
                if target_id not in missing:
                    title = _clip(_plain(e.target) or e.target, TITLE_MAX)
                    missing[target_id] = Node(
                        id=target_id,
                        type="resolution",
                        title=title,
                        body="*This step is missing in the source flow; the button above names "
                        "it.*",
                        # Not known to have solved anything unless its name says so.
                        outcome=_arris_outcome(e.target, default="unresolved"),
                    )
                    notes.append(SourceNote(step, f"dangling reference {e.target!r}: a resolution"))
                targets.append(target_id)
                continue
            t_file, t_step, how = hit
            if how == "fuzzy_name":
                notes.append(
                    SourceNote(step, f"reference {e.target!r} read as the step {t_step!r}")
                )
            targets.append(node_id(t_file, t_step))
            if (t_file, t_step) not in seen:
                seen.add((t_file, t_step))
                queue.append((t_file, t_step))
        raw = arris.steps(owner)[step]
        new_nodes, new_edges = _arris_node(node_id(owner, step), step, raw, out, targets)
        if owner != file:
            for n in new_nodes:
                n.body = (f"*From the `{Path(owner).stem}` flow.*\n\n" + n.body).strip()[:BODY_MAX]
        nodes += new_nodes
        edges += new_edges
    nodes += missing.values()
    left_out = [s for s in arris.steps(file) if (file, s) not in seen]
    if left_out:
        notes.append(
            SourceNote(
                "*",
                f"{len(left_out)} step(s) not reachable from the entry left out: "
                + ", ".join(repr(s) for s in left_out[:6])
                + (" …" if len(left_out) > 6 else ""),
            )
        )
    # Own steps first, in source order, then the copied ones as reached (stable output).
    order = {arris.ids[file][s]: i for i, s in enumerate(arris.steps(file))}
    nodes.sort(key=lambda n: order.get(n.id, len(order)))
    data = arris.files[file]
    comments = data.get("comments") or []
    description = (
        f"ARRIS SURFboard Tier-1 support flow `{file}` "
        f"({'; '.join(str(c) for c in comments[:3])}). Vendor data, evaluation use only."
    )
    title = str(data.get("title") or "SURFboard flow").strip()
    doc = FlowDocument(
        title=_clip(f"{title} ({stem})", TITLE_MAX),
        kind="troubleshooting",
        description=_clip(description, 5000),
        category="Cable modem",
        tags=["arris", "surfboard", "tier-1"],
        start=arris.ids[file][entry] if entry is not None else None,
        nodes=nodes,
        edges=edges,
    )
    return ArrisFlow(
        file=file,
        doc=doc,
        id_map=arris.ids[file],
        exits=arris.exits[file],
        notes=notes,
        left_out=left_out,
    )


def _arris_folder(path: Path | str) -> Path:
    root = Path(path)
    return root / "flows" if (root / "flows").is_dir() else root


def convert_arris_detailed(path: Path | str) -> list[ArrisFlow]:
    arris = _load_arris(path)
    return [convert_arris_file(arris, name) for name in arris.files]


def convert_arris(path: Path | str) -> list[tuple[str, FlowDocument]]:
    """Every ARRIS flow under `path` (the set's folder or its `flows/`)."""
    return [(f.file, f.doc) for f in convert_arris_detailed(path)]


def arris_broken_references(path: Path | str) -> list[dict[str, str]]:
    """Every exit whose target is not a step of its own file: `dangling` when no file has such a
    step, `cross_file` when another file does (the upstream tool's modules jump between files)."""
    flows = convert_arris_detailed(path)
    folder = _arris_folder(path)
    all_steps = {
        f.name: set(json.loads(f.read_text(encoding="utf-8")).get("steps", {}))
        for f in sorted(folder.glob("*.json"))
    }
    out = []
    for flow in flows:
        own = all_steps[flow.file]
        for step, exits in flow.exits.items():
            for e in exits:
                if e.target in own:
                    continue
                elsewhere = sorted(f for f, s in all_steps.items() if e.target in s)
                out.append(
                    {
                        "file": flow.file,
                        "step": step,
                        "node_id": flow.id_map[step],
                        "target": e.target,
                        "target_id": flow.id_map[e.target],
                        "exit": e.kind,
                        "kind": "cross_file" if elsewhere else "dangling",
                        "found_in": ", ".join(elsewhere),
                    }
                )
    return out


# --------------------------------------------------------------------------------------------
# Report


def describe(problem: Problem) -> str:
    where = problem.node_id or "-"
    if problem.edge is not None:
        where += f" [{problem.edge.source} -> {problem.edge.target}]"
    return f"{problem.code} @ {where}: {problem.message}"


def _report_set(name: str, flows: list[tuple[str, FlowDocument]]) -> tuple[int, Counter[str]]:
    print(f"\n== {name}: {len(flows)} flows")
    invalid = 0
    codes: Counter[str] = Counter()
    for file, doc in flows:
        problems = validate(doc)
        errors = errors_only(problems)
        warnings = len(problems) - len(errors)
        state = "valid" if not errors else f"INVALID ({len(errors)} errors)"
        extra = f", {warnings} warnings" if warnings else ""
        print(f"- {file}: {len(doc.nodes)} nodes, {len(doc.edges)} edges: {state}{extra}")
        if errors:
            invalid += 1
            for problem in errors:
                codes[problem.code] += 1
                print(f"    {describe(problem)}")
    print(f"  {name}: {len(flows) - invalid} valid, {invalid} invalid")
    if codes:
        print("  errors by code: " + ", ".join(f"{c} {n}" for c, n in codes.most_common()))
    return invalid, codes


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else eval_dir()
    if not root.is_dir():
        print(f"evaluation data not found at {root} (set RF_EVAL_DIR)", file=sys.stderr)
        return 2
    flodial = convert_flodial(root / "flodial")
    arris_detail = convert_arris_detailed(root / "arris_surfboard_tier1_flows")
    arris = [(f.file, f.doc) for f in arris_detail]

    bad_flodial, _ = _report_set("FloDial", flodial)
    bad_arris, _ = _report_set("ARRIS SURFboard", arris)

    broken = arris_broken_references(root / "arris_surfboard_tier1_flows")
    dangling = [b for b in broken if b["kind"] == "dangling"]
    print(
        f"\nARRIS references outside their own file: {len(broken)} "
        f"({len(broken) - len(dangling)} cross-file jumps, {len(dangling)} dangling)"
    )
    for b in dangling:
        print(f"  dangling: {b['file']} {b['node_id']} -> {b['target']!r} ({b['exit']})")
    notes = [(f.file, n) for f in arris_detail for n in f.notes]
    if notes:
        print("ARRIS source notes:")
        for file, note in notes:
            print(f"  {file} {note.step!r}: {note.message}")

    total = len(flodial) + len(arris)
    print(
        f"\nSummary: {total} flows converted (FloDial {len(flodial)}, ARRIS {len(arris)}); "
        f"{total - bad_flodial - bad_arris} valid, {bad_flodial + bad_arris} invalid "
        f"(FloDial {bad_flodial}, ARRIS {bad_arris})."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
