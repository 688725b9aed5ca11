"""Precision/recall of `resolutionflow.redaction` per kind and per public labelled set, beside the
`detect-secrets` library (peer baseline) on the same secret data, plus throughput in MB/s.

How a match is scored (the same for us and for the peer):

* A labelled secret counts as FOUND when at least one finding overlaps its span. The "full"
  column is stricter: the findings cover every character of the span (nothing of it leaks).
* A sample labelled not-secret counts as a FALSE POSITIVE when any finding lands on it (for
  CredSweeper's false rows: when a finding overlaps the candidate value the row names, since the
  same line may hold a real secret too).
* recall = found / labelled secrets; precision = found / (found + false positives). For our own
  cases and for PII, precision is over findings: findings overlapping a label / all findings.
* The peer scans each line with `detect_secrets.core.scan.scan_line` under its default settings
  (all plugins, default filters). It reports values, not offsets; a value's span is where it
  occurs in that line. Its IP-address plugin is ignored on secret sets (IPs are optional PII
  here, off by default).

* HARD NEGATIVES are samples a careless redactor would mask: the public sets' look-alikes
  (gitleaks not-secret rows its rule regex matches, detect-secrets' not-secret rows, CredSweeper's
  rejected candidates) and placeholders this bench writes itself (`<your-token-here>`, `xxxx`,
  `EXAMPLE`, `changeme`, one character repeated, documentation keys) under secret-looking names.
  Untouched = share with no finding on the value.
* GENERALISATION: the same sets with the vendor format list switched off, so every family counts
  as one never seen: what structure (prefix + randomness, checksums, dotted tokens, long random
  runs) and key/value context still catch, beside the same without the structure detector.

`--baseline REV` (default: the commit before issue 20's redaction work) runs the same figures on
that commit's code in a subprocess of this run (same data, same machine load) and prints them
beside ours. Public sets are read where they are (RF_EVAL_DIR, default ../shared/data/eval beside
the checkout) and never copied. Without them only our own cases (tests/redaction/cases.py) are
scored. Figures are printed, never asserted.

    .venv/bin/python bench/redaction.py [-v] [--quick] [--baseline REV | --no-baseline]
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# RF_BENCH_SRC: another checkout's src/ (the baseline run of `--baseline`); default this one.
SRC = Path(os.environ.get("RF_BENCH_SRC", ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(SRC))

import phonenumbers  # noqa: E402
from tests.redaction.cases import CASES, ORDINARY_TIMELINE  # noqa: E402

from resolutionflow.redaction import RedactionOptions, redact  # noqa: E402
from resolutionflow.redaction.model import Candidate  # noqa: E402

if hasattr(sys.modules["resolutionflow.redaction"], "use_cache"):
    # This bench swaps detectors (baselines, ablations): every call must do the work.
    sys.modules["resolutionflow.redaction"].use_cache(False)

EVAL = Path(os.environ.get("RF_EVAL_DIR", ROOT.parent / "shared" / "data" / "eval"))
PII_ON = RedactionOptions(emails=True, phones=True, ip_addresses=True)
Span = tuple[int, int]
Scanner = Callable[[str], list[Span]]


def ours(text: str) -> list[Span]:
    return [(f.start, f.end) for f in redact(text).findings]


try:
    from detect_secrets.core.scan import scan_line
    from detect_secrets.settings import default_settings

    def peer(text: str) -> list[Span]:
        spans: list[Span] = []
        offset = 0
        with default_settings():
            for line in text.split("\n"):
                for secret in scan_line(line):
                    if "IP" in secret.type or not secret.secret_value:
                        continue
                    pos = line.find(secret.secret_value)
                    while pos != -1:
                        spans.append((offset + pos, offset + pos + len(secret.secret_value)))
                        pos = line.find(secret.secret_value, pos + 1)
                offset += len(line) + 1
        return spans

    PEER: Scanner | None = peer
except ImportError:  # pragma: no cover - the bench still scores us without the peer
    PEER = None


def overlaps(spans: Iterable[Span], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def covers(spans: list[Span], start: int, end: int) -> bool:
    covered = [False] * (end - start)
    for s, e in spans:
        for i in range(max(s, start), min(e, end)):
            covered[i - start] = True
    return all(covered)


@dataclass
class Score:
    pos: int = 0
    found: int = 0
    full: int = 0
    neg: int = 0
    fp: int = 0
    misses: list[str] = field(default_factory=list)
    fps: list[str] = field(default_factory=list)

    def recall(self) -> float:
        return self.found / self.pos if self.pos else float("nan")

    def precision(self) -> float:
        return self.found / (self.found + self.fp) if self.found + self.fp else float("nan")

    def add_positive(self, spans: list[Span], start: int, end: int, note: str) -> None:
        self.pos += 1
        if overlaps(spans, start, end):
            self.found += 1
            self.full += covers(spans, start, end)
        elif len(self.misses) < 400:
            self.misses.append(note)

    def add_negative(self, flagged: bool, note: str = "") -> None:
        self.neg += 1
        self.fp += flagged
        if flagged and note and len(self.fps) < 400:
            self.fps.append(note)


def _shown(text: str, spans: list[Span]) -> str:
    """The text with what was flagged in it shown as <<...>> (for -v)."""
    out, pos = [], 0
    for s, e in sorted(spans):
        if s < pos:
            continue
        out += [text[pos:s], "<<", text[s:e], ">>"]
        pos = e
    out.append(text[pos:])
    return repr("".join(out)[:160])


def fmt(x: float) -> str:
    return "  -  " if x != x else f"{x:.3f}"


def row(name: str, s: Score, p: Score | None) -> str:
    line = f"  {name:<34} {s.pos:>5} {s.neg:>5} | {fmt(s.recall())} {fmt(s.full / s.pos if s.pos else float('nan'))} {fmt(s.precision())} {s.fp:>4}"
    if p is not None:
        line += f" | {fmt(p.recall())} {fmt(p.full / p.pos if p.pos else float('nan'))} {fmt(p.precision())} {p.fp:>4}"
    return line


HEADER = f"  {'set / group':<34} {'pos':>5} {'neg':>5} | {'R':^5} {'full':^5} {'P':^5} {'FP':>4} | peer {'R':^5} {'full':^5} {'P':^5} {'FP':>4}"


def print_table(
    title: str, groups: dict[str, tuple[Score, Score | None]], show_groups: bool = True
) -> None:
    print(f"\n{title}")
    print(HEADER)
    total, ptotal = Score(), Score()
    for name in sorted(groups):
        s, p = groups[name]
        for attr in ("pos", "found", "full", "neg", "fp"):
            setattr(total, attr, getattr(total, attr) + getattr(s, attr))
            if p is not None:
                setattr(ptotal, attr, getattr(ptotal, attr) + getattr(p, attr))
        if show_groups:
            print(row(name, s, p))
    print(row("OVERALL", total, ptotal if PEER else None))


# --------------------------------------------------------------------------------------- sets


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return [json.loads(x) for x in fh]
    with path.open(encoding="utf-8") as fh:
        return [json.loads(x) for x in fh]


def gitleaks(quiet: bool = False) -> dict[str, tuple[Score, Score | None]]:
    rows = _jsonl(EVAL / "gitleaks_rules_samples/rule_samples_dev.jsonl.gz")
    path_rules = {r["rule_id"] for r in rows if r.get("path")}
    secrets_all = {r["secret"] for r in rows if r["label"] == "secret"}
    groups: dict[str, tuple[Score, Score | None]] = defaultdict(
        lambda: (Score(), Score() if PEER else None)
    )
    skipped = 0
    for r in rows:
        if r["rule_id"] in path_rules:
            skipped += 1
            continue
        fam = r["rule_id"]
        s, p = groups[fam]
        text = r["text"]
        if r["label"] == "secret":
            a, b = r["secret_span"]
            s.add_positive(ours(text), a, b, f"{fam}: {text[:90]!r}")
            if p is not None and PEER:
                p.add_positive(PEER(text), a, b, fam)
        else:
            if any(sec in text for sec in secrets_all):
                skipped += 1  # README caveat: holds another row's secret
                continue
            s.add_negative(bool(ours(text)), f"{fam}: {_shown(text, ours(text))}")
            if p is not None and PEER:
                p.add_negative(bool(PEER(text)))
    if not quiet:
        print(
            f"\n[gitleaks] left out {skipped} rows (path-dependent rules; negatives holding another row's secret)"
        )
    return groups


def detect_secrets_cases() -> tuple[dict[str, tuple[Score, Score | None]], Score]:
    rows = _jsonl(EVAL / "detect_secrets_plugin_cases/cases.jsonl")
    groups: dict[str, tuple[Score, Score | None]] = defaultdict(
        lambda: (Score(), Score() if PEER else None)
    )
    ip = Score()
    for r in rows:
        text = r["text"]
        if r["plugin"] == "ip_public":
            spans = [
                (f.start, f.end) for f in redact(text, PII_ON).findings if f.kind == "ip_address"
            ]
            if r["label"] == "secret":
                ip.add_positive(spans, 0, len(text), text)
            else:
                ip.add_negative(bool(spans))
            continue
        s, p = groups[r["plugin"]]
        if r["label"] == "secret":
            exp = r.get("expected_secret")
            a, b = (
                (text.find(exp), text.find(exp) + len(exp))
                if exp and exp in text
                else (0, len(text))
            )
            s.add_positive(ours(text), a, b, f"{r['plugin']}: {text[:90]!r}")
            if p is not None and PEER:
                p.add_positive(PEER(text), a, b, text)
        else:
            s.add_negative(bool(ours(text)), f"{r['plugin']}: {_shown(text, ours(text))}")
            if p is not None and PEER:
                p.add_negative(bool(PEER(text)))
    return groups, ip


def _read_text(path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if b"\x00" in data[:4096]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def credsweeper() -> dict[str, tuple[Score, Score | None]]:
    base = EVAL / "credsweeper_samples"
    labels: dict[tuple[str, int, int, int], dict[str, object]] = {}
    for r in _jsonl(base / "labels.jsonl"):
        if r["value_end"] <= r["value_start"]:
            continue
        key = (r["file"], r["line_num"], r["value_start"], r["value_end"])
        prev = labels.get(key)
        if prev is None or r["reported_by_default_credsweeper"]:
            labels[key] = r
    by_file: dict[str, list[dict[str, object]]] = defaultdict(list)
    for r in labels.values():
        by_file[str(r["file"])].append(r)
    groups: dict[str, tuple[Score, Score | None]] = defaultdict(
        lambda: (Score(), Score() if PEER else None)
    )
    for fname, rows in by_file.items():
        text = _read_text(base / "samples" / fname)
        cache: dict[str, tuple[list[Span], list[Span]]] = {}

        def scan(
            t: str, cache: dict[str, tuple[list[Span], list[Span]]] = cache
        ) -> tuple[list[Span], list[Span]]:
            if t not in cache:
                cache[t] = (ours(t), PEER(t) if PEER else [])
            return cache[t]

        for r in rows:
            line = str(r["line"])
            vs, ve = int(str(r["value_start"])), int(str(r["value_end"]))
            offset = -1
            if text is not None:
                lines = text.split("\n")
                ln = int(str(r["line_num"])) - 1
                if 0 <= ln < len(lines):
                    start = sum(len(x) + 1 for x in lines[:ln])
                    if text.startswith(line, start):
                        offset = start
                if offset < 0:
                    offset = text.find(line)
            unit = text if (text is not None and offset >= 0) else line
            if unit is line:
                offset = 0
            o, pr = scan(unit)
            rule = str(r["rule"])
            fam = "doc_* (prose)" if fname.startswith("doc_") else rule
            s, p = groups[fam]
            a, b = offset + vs, offset + ve
            if r["reported_by_default_credsweeper"]:
                s.add_positive(o, a, b, f"{fname}:{r['line_num']} {rule}: {line[:90]!r}")
                if p is not None:
                    p.add_positive(pr, a, b, fname)
            else:
                s.add_negative(
                    overlaps(o, a, b), f"{fname}:{r['line_num']} {rule}: {unit[a:b][:60]!r}"
                )
                if p is not None:
                    p.add_negative(overlaps(pr, a, b))
    return groups


PRESIDIO_KINDS = {
    "EMAIL_ADDRESS": "email",
    "PHONE_NUMBER": "phone",
    "IP_ADDRESS": "ip_address",
    "CREDIT_CARD": "card_number",
    "US_SSN": "national_id",
    "US_DRIVER_LICENSE": "national_id",  # we redact ids named as such ("driver's license no.")
}


def presidio() -> dict[str, Score]:
    data = json.loads((EVAL / "presidio_synth_pii/synth_dataset_v2_dev.json").read_text())
    scores: dict[str, Score] = defaultdict(Score)
    for rec in data:
        text = rec["full_text"]
        findings = redact(text, PII_ON).findings
        gold = [(s["entity_type"], s["start_position"], s["end_position"]) for s in rec["spans"]]
        for etype, a, b in gold:
            kind = PRESIDIO_KINDS.get(etype)
            if kind is None:
                continue
            spans = [(f.start, f.end) for f in findings if f.kind == kind]
            scores[kind].add_positive(spans, a, b, f"{etype}: {text[a:b]!r} in {text[:80]!r}")
        for f in findings:
            hit = any(
                PRESIDIO_KINDS.get(t) == f.kind and a < f.end and f.start < b for t, a, b in gold
            )
            scores[f.kind].neg += 0 if hit else 1
            scores[f.kind].fp += 0 if hit else 1
    return scores


def own_cases() -> tuple[dict[str, Score], Score, Score]:
    """Per-kind scores on our MSP cases; overall for us and the peer (kind-agnostic)."""
    per_kind: dict[str, Score] = defaultdict(Score)
    overall, peer_overall = Score(), Score()
    for case in CASES:
        text = case.text
        opts = case.options if case.options is not None else RedactionOptions()
        findings = redact(text, opts).findings
        spans = [(f.start, f.end) for f in findings]
        pspans = PEER(text) if PEER else []
        label_spans: list[Span] = []
        for kind, value in case.secrets:
            a = text.find(value)
            assert a >= 0, (value, text)
            label_spans.append((a, a + len(value)))
            kspans = [(f.start, f.end) for f in findings if f.kind == kind]
            per_kind[kind].add_positive(
                kspans, a, a + len(value), f"{kind}: {value!r} in {text[:80]!r}"
            )
            if kind not in ("email", "phone", "ip_address"):
                overall.add_positive(spans, a, a + len(value), value)
                peer_overall.add_positive(pspans, a, a + len(value), value)
        for f in findings:
            if not overlaps(label_spans, f.start, f.end):
                per_kind[f.kind].fp += 1
                per_kind[f.kind].misses.append(
                    f"FP {f.kind}: {text[f.start : f.end]!r} in {text[:80]!r}"
                )
                overall.fp += 1
        for s, e in pspans:
            if not overlaps(label_spans, s, e):
                peer_overall.fp += 1
    return per_kind, overall, peer_overall


# --------------------------------------------------------------------------------- throughput


def throughput() -> None:
    docs = [c.text for c in CASES] + [ORDINARY_TIMELINE]
    tickets_path = EVAL / "helpdesk_tickets_conversations/tickets_dev.jsonl.gz"
    ticket_docs: list[str] = []
    if tickets_path.exists():
        for t in _jsonl(tickets_path):
            parts = [str(t.get("subject", "")), str(t.get("body", ""))]
            for c in t.get("comments", []) or []:
                parts.append(
                    str(c.get("body", c.get("text", ""))) if isinstance(c, dict) else str(c)
                )
            ticket_docs.append("\n".join(parts))

    def measure(label: str, corpus: list[str], target: int = 6_000_000) -> None:
        size = sum(len(d.encode()) for d in corpus)
        if size == 0:
            return
        reps = max(1, target // size)
        t0 = time.perf_counter()
        for _ in range(reps):
            for d in corpus:
                redact(d)
        dt = time.perf_counter() - t0
        print(
            f"  {label:<58} {size * reps / dt / 1e6:6.1f} MB/s  ({size * reps / 1e6:.1f} MB, {len(corpus) * reps} calls)"
        )

    print("\nThroughput (single process, default options)")
    measure("ordinary timeline text (no secrets), one call", [ORDINARY_TIMELINE])
    measure("our MSP cases + ordinary timeline, one call per document", docs)
    big = "\n".join(docs) * 40
    measure("the same, concatenated into one ~MB document", [big])
    if ticket_docs:
        measure("helpdesk_tickets_conversations (real tickets), per ticket", ticket_docs)
    t0 = time.perf_counter()
    for d in docs:
        redact(d, PII_ON)
    dt = time.perf_counter() - t0
    size = sum(len(d.encode()) for d in docs)
    print(f"  {'our cases with all PII options on (1 pass)':<58} {size / dt / 1e6:6.1f} MB/s")


def _real_text() -> dict[str, list[str]]:
    """Unlabelled real text (help-desk tickets, #ubuntu IRC, cloud post-mortems), where a finding
    is almost always a false alarm: the tickets are masked by their authors, the others rarely
    hold a live credential."""
    out: dict[str, list[str]] = {}
    tickets = EVAL / "helpdesk_tickets_conversations/tickets_dev.jsonl.gz"
    if tickets.exists():
        out["helpdesk tickets"] = [
            "\n".join(str(c.get("text", "")) for c in t.get("comments", []) or [])
            for t in _jsonl(tickets)
        ]
    irc = EVAL / "ubuntu_irc_disentangled/threads_dev.jsonl"
    if irc.exists():
        out["ubuntu IRC threads"] = [
            "\n".join(str(m.get("text", "")) for m in t.get("messages", []) or [])
            for t in _jsonl(irc)
        ]
    pm = EVAL / "cloud_postmortems/incidents_dev.jsonl"
    if pm.exists():
        out["cloud post-mortems"] = [
            "\n".join(str(v) for v in r.values() if isinstance(v, str)) for r in _jsonl(pm)
        ]
    return out


def real_text_findings(verbose: bool) -> None:
    """Findings on real text with and without the user/password pair detector (the baseline run
    in the same process): how much false-alarm noise the pairs add where nothing is labelled."""
    from resolutionflow.redaction import patterns
    from resolutionflow.redaction.patterns import pairs

    corpora = _real_text()
    if not corpora:
        return
    print("\nFindings on unlabelled real text (nearly all would be false alarms), by kind")
    print(f"  {'corpus':<24} {'docs':>5} | {'without pairs':<28} | with pairs")
    full = patterns.ALWAYS
    without = tuple(d for d in full if d is not pairs.detect_credential_pairs)
    for name, docs in corpora.items():
        counts = []
        for detectors in (without, full):
            patterns.ALWAYS = detectors
            try:
                found: dict[str, int] = defaultdict(int)
                for d in docs:
                    for f in redact(d).findings:
                        found[f.kind] += 1
            finally:
                patterns.ALWAYS = full
            counts.append(", ".join(f"{k} {v}" for k, v in sorted(found.items())) or "none")
        print(f"  {name:<24} {len(docs):>5} | {counts[0]:<28} | {counts[1]}")
        if verbose:
            for d in docs:
                for c in pairs.detect_credential_pairs(d, d.lower()):
                    print("    pair:", repr(d[max(0, c.start - 60) : c.end + 10]))


# ------------------------------------------------------------------------------ phone numbers

# The phone detector before issue 20 (regexes), kept here only as this bench's baseline.
_OLD_PHONE_RE = re.compile(
    r"""(?x)
    (?<![\w.+/\]-])
    (?:
        (?:\+|00)\d{1,3}[ .-]?(?:\(0\)[ ]?)?(?:\(?\d{1,4}\)?[ .-]?){1,5}\d{2,4}
      | 001-\d{3}-\d{3}-\d{4}
      | \(\d{2,4}\)[ ]?\d{2,4}[ .-]?\d{2,4}(?:[ .-]\d{2,4})?
      | \d{2,4}(?:[ .-]\d{2,4}){2,4}
      | \d{3}[ .-]\d{4}
      | \d{10}
    )
    (?:[ ]?(?:x|ext\.?)[ ]?\d{1,5})?
    (?![\w/\[-]|[.:]\d)
    """
)
_OLD_CONTEXT_RE = re.compile(
    r"(?i)(?:phone|tel|mobile|cell|call|fax|number|no\.|contact|whatsapp|sms)\W{0,20}$"
)
_OLD_DATE_RE = re.compile(
    r"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,2}:\d{2})"
)


def _old_phones(text: str) -> Iterable[Candidate]:
    from resolutionflow.redaction.patterns import pii

    for m in _OLD_PHONE_RE.finditer(text):
        value = m.group()
        digits = sum(c.isdigit() for c in value)
        if not 7 <= digits <= 15 or _OLD_DATE_RE.match(value):
            continue
        if pii._IPV4_RE.fullmatch(value) or pii._VERSION_BEFORE_RE.search(
            text, max(0, m.start() - 12), m.start()
        ):
            continue
        strong = value.startswith(("+", "(", "00")) or "x" in value or "ext" in value
        grouped = value.count(" ") + value.count("-") + value.count(".") >= 2 and digits >= 9
        if strong or grouped or _OLD_CONTEXT_RE.search(text, max(0, m.start() - 30), m.start()):
            yield Candidate("phone", m.start(), m.end())


def _with_phone_detector(kind: str, fn: Callable[[], None]) -> None:
    """Runs `fn` with the engine's phone detector swapped for the baseline (`old`) or the
    matcher at another leniency (`possible`, `valid`, ...)."""
    from resolutionflow.redaction import patterns
    from resolutionflow.redaction.patterns import pii

    real_phones, real_leniency = patterns.phones, pii._LENIENCY
    try:
        if kind == "old":
            patterns.phones = lambda region: lambda t, _low: _old_phones(t)
        elif kind != "matcher":
            pii._LENIENCY = getattr(phonenumbers.Leniency, kind.upper())
        fn()
    finally:
        patterns.phones, pii._LENIENCY = real_phones, real_leniency


def phone_numbers() -> None:
    """Phone recall/precision on the public PII set and throughput with phones on, for the
    `phonenumbers` matcher at each leniency and the previous regex detector, in this run."""
    path = EVAL / "presidio_synth_pii/synth_dataset_v2_dev.json"
    data = json.loads(path.read_text()) if path.exists() else []
    tickets = (
        [
            "\n".join(str(c.get("text", "")) for c in t.get("comments", []) or [])
            for t in _jsonl(EVAL / "helpdesk_tickets_conversations/tickets_dev.jsonl.gz")
        ]
        if (EVAL / "helpdesk_tickets_conversations/tickets_dev.jsonl.gz").exists()
        else []
    )
    contacts = "\n".join(r["full_text"] for r in data[:200]) or "Call (555) 201-3344."
    corpora = [
        ("ordinary timeline text (no phones)", [ORDINARY_TIMELINE]),
        ("real help-desk tickets, per ticket", tickets),
        ("phone-dense PII sentences, one ~60 KB document", [contacts]),
    ]
    print(
        "\nPhone numbers: presidio_synth_pii PHONE_NUMBER spans (R, full, P over phone findings);"
    )
    print("MB/s with phones on, single process: whole redaction / the phone detector alone")
    header = f"  {'detector':<30} {'R':^5} {'full':^5} {'P':^5} {'FP':>3}"
    print(header + "".join(f" | {name[:26]:>26}" for name, _ in corpora))
    from resolutionflow.redaction import patterns

    opts = RedactionOptions(phones=True)
    for kind in ("old", "matcher", "valid", "strict_grouping"):
        score = Score()
        speeds: list[str] = []

        def run(score: Score = score, speeds: list[str] = speeds) -> None:
            for rec in data:
                text = rec["full_text"]
                found = [(f.start, f.end) for f in redact(text, opts).findings if f.kind == "phone"]
                gold = [
                    (s["start_position"], s["end_position"])
                    for s in rec["spans"]
                    if s["entity_type"] == "PHONE_NUMBER"
                ]
                for a, b in gold:
                    score.add_positive(found, a, b, text[a:b])
                for s, e in found:
                    if not overlaps(gold, s, e):
                        score.fp += 1
            for _name, docs in corpora:
                size = sum(len(d.encode()) for d in docs)
                if not size:
                    speeds.append("-")
                    continue
                reps = max(1, 2_000_000 // size)
                t0 = time.perf_counter()
                for _ in range(reps):
                    for d in docs:
                        redact(d, opts)
                whole = size * reps / (time.perf_counter() - t0) / 1e6
                # The phone detector alone, as the engine calls it (the rest is unchanged).
                detector = patterns.phones(opts.phone_region)
                reps *= 4
                t0 = time.perf_counter()
                for _ in range(reps):
                    for d in docs:
                        list(detector(d, d))
                alone = size * reps / (time.perf_counter() - t0) / 1e6
                speeds.append(f"{whole:.1f} / {alone:.1f} MB/s")

        _with_phone_detector(kind, run)
        name = {
            "old": "regexes (before, baseline)",
            "matcher": f"matcher, {_leniency_name()} (now)",
        }.get(kind, f"matcher, {kind.upper()}")
        print(
            f"  {name:<30} {fmt(score.recall())} {fmt(score.full / score.pos if score.pos else float('nan'))} {fmt(score.precision())} {score.fp:>3}"
            + "".join(f" | {sp:>26}" for sp in speeds)
        )


def _leniency_name() -> str:
    from resolutionflow.redaction.patterns import pii

    return {int(v): n for n, v in vars(phonenumbers.Leniency).items() if n.isupper()}.get(
        int(pii._LENIENCY), str(pii._LENIENCY)
    )


# ----------------------------------------------------------------------------- hard negatives

# Placeholders as documentation and templates write them (this bench's own, not eval data),
# under names that make a redactor look twice. Built from parts so no line reads as a credential.
_PLACEHOLDER_VALUES = [
    "<your-token-here>",
    "<YOUR_API_KEY>",
    "YOUR_API_KEY",
    "your-secret-here",
    "xxxxxxxxxxxxxxxxxxxx",
    "XXXX-XXXX-XXXX-XXXX",
    "****************",
    "changeme",
    "CHANGE_ME",
    "replace-me",
    "EXAMPLE",
    "EXAMPLEKEY123456",
    "aaaaaaaaaaaaaaaaaaaaaaaa",
    "0000000000000000",
    "${API_TOKEN}",
    "{{ secrets.TOKEN }}",
    "%API_KEY%",
    "$env:API_KEY",
    "AKIA" + "IOSFODNN7" + "EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY",
    "gh" + "p_" + "x" * 36,
    "sk" + "_live_" + "x" * 24,
    "xo" + "xb-" + "0" * 10 + "-" + "x" * 24,
    "sk-" + "...",
]
_PLACEHOLDER_CONTEXTS = [
    "password={}",
    "api_key: {}",
    "Authorization: Bearer {}",
    "export API_TOKEN={}",
    '"client_secret": "{}"',
    "AWS_SECRET_ACCESS_KEY={}",
    "The token is {} (see the setup guide).",
    "postgres://app:{}@db.internal:5432/app",
    "{}",
]


def generated_placeholders() -> list[str]:
    return [ctx.format(v) for v in _PLACEHOLDER_VALUES for ctx in _PLACEHOLDER_CONTEXTS]


def hard_negatives() -> dict[str, tuple[Score, Score | None]]:
    """Untouched hard negatives per source, ours and the peer's (fp = touched)."""
    out: dict[str, tuple[Score, Score | None]] = {}

    def score(texts: list[tuple[str, Span | None]]) -> tuple[Score, Score | None]:
        s, p = Score(), Score() if PEER else None
        for text, span in texts:
            mine = ours(text)
            hit = overlaps(mine, *span) if span else bool(mine)
            s.add_negative(hit, _shown(text, mine))
            if p is not None and PEER:
                theirs = PEER(text)
                p.add_negative(overlaps(theirs, *span) if span else bool(theirs))
        return s, p

    out["placeholders (this bench's own)"] = score([(t, None) for t in generated_placeholders()])
    if not EVAL.exists():
        return out
    rows = _jsonl(EVAL / "gitleaks_rules_samples/rule_samples_dev.jsonl.gz")
    secrets_all = {r["secret"] for r in rows if r["label"] == "secret"}
    out["gitleaks look-alikes (regex matches)"] = score(
        [
            (r["text"], None)
            for r in rows
            if r["label"] == "not_secret"
            and r.get("regex_match")
            and not r.get("path")
            and not any(sec in r["text"] for sec in secrets_all)
        ]
    )
    ds = [
        r
        for r in _jsonl(EVAL / "detect_secrets_plugin_cases/cases.jsonl")
        if r["label"] == "not_secret" and r["plugin"] != "ip_public"
    ]
    # The set's README: "the universal negatives are the ones whose comment says fake / empty /
    # ${var} / key too noisy / too short"; the other rows are negative for one file type or one
    # vendor's format only (a random token with the wrong prefix), scored below as WIDER.
    universal = re.compile(r"(?i)fake|\$\{|nothing in|alphanumeric|too short|noisy|empty")
    out["detect-secrets universal negatives"] = score(
        [(r["text"], None) for r in ds if universal.search(r.get("comment") or "")]
    )
    out[WIDER + "detect-secrets other not-secret lines"] = score(
        [(r["text"], None) for r in ds if not universal.search(r.get("comment") or "")]
    )
    cs: list[tuple[str, Span | None]] = []
    for r in _jsonl(EVAL / "credsweeper_samples/labels.jsonl"):
        if not r["reported_by_default_credsweeper"] and r["value_end"] > r["value_start"]:
            cs.append((str(r["line"]), (int(r["value_start"]), int(r["value_end"]))))
    # CredSweeper's labels are its regression snapshots: a candidate its ML rejected is
    # "probably" not a secret (many are credential pairs a person would redact).
    out[WIDER + "credsweeper rejected candidates"] = score(cs)
    return out


WIDER = "(wider) "


def print_hard_negatives(groups: dict[str, tuple[Score, Score | None]]) -> Score:
    print("\nHard negatives left untouched (placeholders, examples, look-alikes)")
    print(f"  {'source':<48} {'n':>5} | {'ours':>6} | {'peer':>6}")
    totals = {"HARD NEGATIVES": (Score(), Score()), "(wider) all of the above": (Score(), Score())}
    for name, (s, p) in groups.items():
        for key, (total, ptotal) in totals.items():
            if name.startswith(WIDER) and not key.startswith(WIDER):
                continue
            total.neg += s.neg
            total.fp += s.fp
            if p is not None:
                ptotal.neg += p.neg
                ptotal.fp += p.fp
        print(
            f"  {name:<48} {s.neg:>5} | {fmt(untouched(s)):>6} | {fmt(untouched(p)) if p else '  -':>6}"
        )
    for key, (total, ptotal) in totals.items():
        print(
            f"  {key:<48} {total.neg:>5} | {fmt(untouched(total)):>6} | {fmt(untouched(ptotal)) if PEER else '  -':>6}"
        )
    return totals["HARD NEGATIVES"][0]


def _hn_figures(groups: dict[str, tuple[Score, Score | None]]) -> dict[str, float]:
    figures = {k: untouched(v[0]) for k, v in groups.items()}
    headline = Score()
    for k, (s, _p) in groups.items():
        if not k.startswith(WIDER):
            headline.neg += s.neg
            headline.fp += s.fp
    figures["HARD NEGATIVES (headline)"] = untouched(headline)
    return figures


def untouched(s: Score | None) -> float:
    return 1 - s.fp / s.neg if s is not None and s.neg else float("nan")


# ----------------------------------------------------------------------------- generalisation


def generalisation() -> None:
    """Recall per set with the vendor format list off (every family unseen), with and without
    the structure detector: what structure and key/value context catch on their own."""
    from resolutionflow.redaction import patterns
    from resolutionflow.redaction.patterns import secrets, structure

    full = patterns.ALWAYS
    no_list = tuple(d for d in full if d is not secrets.detect_vendor_tokens)
    neither = tuple(d for d in no_list if d is not structure.detect_structured_tokens)
    global PEER
    peer, PEER = PEER, None
    print("\nGeneralisation: the vendor format list switched off (every family counts as unseen)")
    print(f"  {'set':<28} {'list on':>13} | {'list off':>13} | {'list off, no structure':>22}")
    try:
        rows: dict[str, list[str]] = defaultdict(list)
        for detectors in (full, no_list, neither):
            patterns.ALWAYS = detectors
            for name, groups in _set_scores().items():
                t = _total(groups)
                rows[name].append(f"R {fmt(t.recall())} P {fmt(t.precision())}")
        for name, cols in rows.items():
            print(f"  {name:<28} {cols[0]:>13} | {cols[1]:>13} | {cols[2]:>22}")
    finally:
        patterns.ALWAYS = full
        PEER = peer


def _set_scores() -> dict[str, dict[str, tuple[Score, Score | None]]]:
    return {
        "gitleaks_rules_samples": gitleaks(quiet=True),
        "detect_secrets_plugin_cases": detect_secrets_cases()[0],
        "credsweeper_samples": credsweeper(),
    }


def _total(groups: dict[str, tuple[Score, Score | None]], peer: bool = False) -> Score:
    total = Score()
    for s, p in groups.values():
        src = p if peer else s
        if src is None:
            continue
        for attr in ("pos", "found", "full", "neg", "fp"):
            setattr(total, attr, getattr(total, attr) + getattr(src, attr))
    return total


# --------------------------------------------------------------------- summary and baseline


def _mbps(docs: list[str], target: int = 3_000_000) -> float:
    """MB/s of the redaction engine over `docs` (without the public function's cache of short
    texts), best of three rounds, CPU time of this process (the machine is shared)."""
    from resolutionflow.redaction import engine  # uncached: every call does the work

    size = sum(len(d.encode()) for d in docs)
    reps = max(1, target // size // 3)
    options = RedactionOptions()
    engine.redact(docs[0][:100], options)  # warm-up (compiles lazily built matchers)
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for _ in range(reps):
            for d in docs:
                engine.redact(d, options)
        best = min(best, time.process_time() - t0)
    return size * reps / best / 1e6


def speed_corpora() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    tickets = EVAL / "helpdesk_tickets_conversations/tickets_dev.jsonl.gz"
    if tickets.exists():
        out["ordinary ticket text (real tickets, per ticket)"] = [
            "\n".join(str(c.get("text", "")) for c in t.get("comments", []) or [])
            for t in _jsonl(tickets)
        ]
    out["ordinary timeline (no secrets, near misses)"] = [ORDINARY_TIMELINE]
    dense = "\n".join(c.text for c in CASES if c.secrets)
    out["secret-dense: our cases in one document"] = [dense * 8]
    out["secret-dense: our cases, one call each"] = [c.text for c in CASES if c.secrets]
    return out


def summary(quick: bool) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    if EVAL.exists():
        for name, groups in _set_scores().items():
            t = _total(groups)
            figures[name] = [t.recall(), t.precision(), t.fp]
        figures["hard negatives"] = _hn_figures(hard_negatives())
    if not quick:
        figures["MB/s"] = {k: _mbps(v) for k, v in speed_corpora().items()}
    return figures


def baseline_summary(rev: str, quick: bool) -> dict[str, Any] | None:
    """This bench's summary on commit `rev`'s redaction code, in a subprocess of this run."""
    with tempfile.TemporaryDirectory(prefix="rf-bench-baseline-") as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "src/resolutionflow"],
            capture_output=True,
            check=False,
        )
        if archive.returncode:
            print(f"(baseline {rev} not available: {archive.stderr.decode().strip()})")
            return None
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        env = {**os.environ, "RF_BENCH_SRC": str(Path(tmp) / "src")}
        done = subprocess.run(
            [sys.executable, __file__, "--summary-json", *(["--quick"] if quick else [])],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            print(f"(baseline {rev} failed: {done.stderr.strip()[-300:]})")
            return None
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        return result


def print_beside_baseline(now: dict[str, Any], before: dict[str, Any] | None, rev: str) -> None:
    load = os.getloadavg()
    print(f"\nNow beside the baseline ({rev}), same run; load average {load[0]:.2f} {load[1]:.2f}")
    b = before or {}
    for name in ("gitleaks_rules_samples", "detect_secrets_plugin_cases", "credsweeper_samples"):
        if name in now:
            r, p, fp = now[name]
            line = f"  {name:<48} R {fmt(r)} P {fmt(p)} FP {fp:>3}"
            if name in b:
                br, bp, bfp = b[name]
                line += f"   | before R {fmt(br)} P {fmt(bp)} FP {bfp:>3}"
            print(line)
    for name, value in now.get("hard negatives", {}).items():
        old = b.get("hard negatives", {}).get(name)
        print(
            f"  hard negatives untouched: {name:<34} {fmt(value)}"
            + (f"   | before {fmt(old)}" if old is not None else "")
        )
    for name, value in now.get("MB/s", {}).items():
        old = b.get("MB/s", {}).get(name)
        print(
            f"  MB/s {name:<52} {value:6.1f}"
            + (f"   | before {old:6.1f}" if old is not None else "")
        )


def main() -> None:
    verbose = "-v" in sys.argv
    quick = "--quick" in sys.argv  # secret sets and hard negatives only: no phones, no speed
    if "--summary-json" in sys.argv:
        print(json.dumps(summary(quick)))
        return
    rev = "1d9ced8"  # the commit before issue 20's redaction work (items 5 and 6)
    if "--baseline" in sys.argv:
        rev = sys.argv[sys.argv.index("--baseline") + 1]
    before = None if "--no-baseline" in sys.argv else baseline_summary(rev, quick)
    print(
        "ResolutionFlow redaction bench"
        + ("" if PEER else "  (detect-secrets not installed: no peer column)")
    )
    per_kind, overall, peer_overall = own_cases()
    print("\nOur MSP cases (tests/redaction/cases.py): per kind, precision over findings")
    print(f"  {'kind':<34} {'pos':>5} {'FP':>5} | {'R':^5} {'full':^5} {'P':^5}")
    for kind in sorted(per_kind):
        s = per_kind[kind]
        prec = s.found / (s.found + s.fp) if s.found + s.fp else float("nan")
        print(
            f"  {kind:<34} {s.pos:>5} {s.fp:>5} | {fmt(s.recall())} {fmt(s.full / s.pos if s.pos else float('nan'))} {fmt(prec)}"
        )
    print(
        f"  {'OVERALL secrets (ours)':<34} {overall.pos:>5} {overall.fp:>5} | {fmt(overall.recall())} {fmt(overall.full / overall.pos)} {fmt(overall.precision())}"
    )
    if PEER:
        print(
            f"  {'OVERALL secrets (detect-secrets)':<34} {peer_overall.pos:>5} {peer_overall.fp:>5} | {fmt(peer_overall.recall())} {fmt(peer_overall.full / peer_overall.pos)} {fmt(peer_overall.precision())}"
        )
    if verbose:
        for s in per_kind.values():
            for m in s.misses:
                print("    miss/fp", m)

    if not EVAL.exists():
        print(f"\nEvaluation data not found at {EVAL}: scored our own cases only.")
        throughput()
        return

    g = gitleaks()
    print_table(
        "gitleaks_rules_samples (per rule id where recall < 1 or FP > 0)",
        {k: v for k, v in g.items() if v[0].recall() < 1 or v[0].fp},
        True,
    )
    print_table("gitleaks_rules_samples (all rule ids)", g, False)
    ds, ip = detect_secrets_cases()
    print_table("detect_secrets_plugin_cases (per plugin)", ds)
    print(
        f"  ip_public (ours with ip_addresses=True; we mask private IPs too): R {fmt(ip.recall())}  FP on private/invalid {ip.fp}/{ip.neg}"
    )
    cs = credsweeper()
    print_table(
        "credsweeper_samples labels.jsonl, file-level (per rule where recall < 1 or FP > 0)",
        {k: v for k, v in cs.items() if v[0].recall() < 1 or v[0].fp},
        True,
    )
    print_table("credsweeper_samples (all rules)", cs, False)
    pres = presidio()
    print("\npresidio_synth_pii (all PII options on), span overlap, precision over findings")
    print(f"  {'kind':<34} {'pos':>5} {'FP':>5} | {'R':^5} {'full':^5} {'P':^5}")
    for kind in sorted(pres):
        s = pres[kind]
        prec = s.found / (s.found + s.fp) if s.found + s.fp else float("nan")
        print(
            f"  {kind:<34} {s.pos:>5} {s.fp:>5} | {fmt(s.recall())} {fmt(s.full / s.pos if s.pos else float('nan'))} {fmt(prec)}"
        )

    total, ptotal = Score(), Score()
    for groups in (g, ds, cs):
        for s, p in groups.values():
            for attr in ("pos", "found", "full", "neg", "fp"):
                setattr(total, attr, getattr(total, attr) + getattr(s, attr))
                if p is not None:
                    setattr(ptotal, attr, getattr(ptotal, attr) + getattr(p, attr))
    if not quick:
        real_text_findings(verbose)
    print("\nAll public secret sets together")
    print(HEADER)
    print(row("gitleaks + detect-secrets + credsweeper", total, ptotal if PEER else None))
    print("\nPer set (overall)")
    print(HEADER)
    for name, groups in (
        ("gitleaks_rules_samples", g),
        ("detect_secrets_plugin_cases", ds),
        ("credsweeper_samples", cs),
    ):
        print(row(name, _total(groups), _total(groups, peer=True) if PEER else None))
    hn = hard_negatives()
    print_hard_negatives(hn)
    if verbose:
        for s, _p in hn.values():
            for m in s.fps:
                print("    touched", m)
    generalisation()
    now: dict[str, Any] = {
        name: [_total(groups).recall(), _total(groups).precision(), _total(groups).fp]
        for name, groups in (
            ("gitleaks_rules_samples", g),
            ("detect_secrets_plugin_cases", ds),
            ("credsweeper_samples", cs),
        )
    }
    now["hard negatives"] = _hn_figures(hn)
    if not quick:
        now["MB/s"] = {k: _mbps(v) for k, v in speed_corpora().items()}
    print_beside_baseline(now, before, rev)
    if quick:
        return
    if verbose:
        for groups in (g, ds, cs):
            for s, _p in groups.values():
                for m in s.misses:
                    print("    miss", m)
                for m in s.fps:
                    print("    fp", m)
        for s in pres.values():
            for m in s.misses[:40]:
                print("    miss", m)
    phone_numbers()
    throughput()


if __name__ == "__main__":
    main()
