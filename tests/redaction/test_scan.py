"""The shared keyword sweep (Hyperscan when installed, `str.find` otherwise) finds what a plain
search finds, and redaction comes out the same either way and from any thread."""

from __future__ import annotations

import os
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolutionflow.redaction import RedactionOptions, engine, redact, use_cache
from resolutionflow.redaction.patterns import identity, keys, scan, secrets, structure
from tests.redaction.cases import AWS_ID, CASES, GH_PAT, JWT, ORDINARY_TIMELINE

TEXTS = [
    *(c.text for c in CASES),
    ORDINARY_TIMELINE,
    # Characters outside Latin-1 before a keyword must not shift its position.
    "Пароль от почты: password=Zx9!kq27mPw — 🔑 token: 8f3kLq9ZxW2pR7tY5uV1",
    "naïve café user admin / Kx9#mPq2zz ünd ssh root@host P4ss!word",
]


def _plain_positions(lower: str, keyword: str) -> list[int]:
    out, i = [], lower.find(keyword)
    while i != -1:
        out.append(i)
        i = lower.find(keyword, i + 1)
    return out


@pytest.mark.skipif(scan._hs is None, reason="hyperscan not installed")
def test_sweep_positions_match_plain_search() -> None:
    for text in TEXTS:
        lower = text.lower()
        found = scan._sweep(lower)
        for keyword in scan._keywords:
            assert found.positions(keyword) == _plain_positions(lower, keyword), (keyword, text)


def test_redaction_is_the_same_without_hyperscan(monkeypatch: pytest.MonkeyPatch) -> None:
    options = RedactionOptions(emails=True, phones=True, ip_addresses=True)
    expected = [engine.redact(t, options) for t in TEXTS]
    assert any(r.findings for r in expected)
    monkeypatch.setattr(scan, "_hs", None)
    assert [engine.redact(t, options) for t in TEXTS] == expected


def test_redaction_from_many_threads_matches_one_thread() -> None:
    options = RedactionOptions()
    expected = [engine.redact(t, options).redacted for t in TEXTS]
    results: dict[int, list[str]] = {}

    def work(n: int) -> None:
        results[n] = [engine.redact(t, options).redacted for t in TEXTS * 3][: len(TEXTS)]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results.values())
    assert len(results) == 4


def test_repeated_short_texts_give_the_same_result_each_time() -> None:
    text = "admin / Kx9#mPq2zz and password=Zx9!kq27mPw"
    first = redact(text)
    first.findings.clear()  # a caller changing its copy changes nothing for the next one
    again = redact(text)
    assert again.redacted == "admin / [REDACTED:password] and password=[REDACTED:password]"
    assert [f.kind for f in again.findings] == ["password", "password"]


def test_the_cache_replays_nothing_once_turned_off() -> None:
    text = "password=Zx9!kq27mPw"
    assert redact(text).redacted == "password=[REDACTED:password]"
    use_cache(False)
    try:
        assert redact(text).redacted == "password=[REDACTED:password]"
    finally:
        use_cache(True)


# The regexes matched inside token runs only (scan.finditer_in_runs) instead of over the whole
# text: each must find exactly what a scan of the whole text finds.
RUN_SCANNED = [
    (structure._PREFIXED_RE, structure._PREFIXED_MIN),
    (structure._DOTTED_RE, structure._DOTTED_MIN),
    (structure._LONG_RE, structure._LONG_MIN),
    (secrets._JWT_RE, secrets._JWT_MIN),
]
# Token characters, the look-around characters just outside the run alphabet ("[", "]"), blanks
# and non-ASCII letters and digits, so runs start and end against every kind of neighbour.
_RUN_ALPHABET = "aZx9eyJ_-.~+/=:!%@[] \n\"'|é٣K"
_run_texts = st.lists(
    st.one_of(
        st.text(alphabet=_RUN_ALPHABET, max_size=30),
        st.sampled_from([GH_PAT, JWT, AWS_ID, "zpk_live_" + "Ab3xQ9" * 5, "eyJ", "A" * 41]),
    ),
    max_size=10,
).map("".join)


def _whole_and_in_runs(text: str) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    runs = scan.Hits(text.lower(), {}, None, None).token_runs(text)
    return [
        (
            [m.span() for m in rx.finditer(text)],
            [m.span() for m in scan.finditer_in_runs(rx, text, runs, shortest)],
        )
        for rx, shortest in RUN_SCANNED
    ]


@settings(max_examples=int(os.environ.get("RF_HYPOTHESIS_EXAMPLES", "300")), deadline=None)
@given(_run_texts)
def test_token_regexes_find_in_runs_what_they_find_in_the_whole_text(text: str) -> None:
    for whole, in_runs in _whole_and_in_runs(text):
        assert in_runs == whole


def test_token_regexes_in_runs_on_the_cases() -> None:
    for text in TEXTS:
        for whole, in_runs in _whole_and_in_runs(text):
            assert in_runs == whole
    # The cases hold every shape, so this compares real matches, not empty lists.
    per_regex = zip(*(_whole_and_in_runs(t) for t in TEXTS), strict=True)
    assert all(any(whole for whole, _ in results) for results in per_regex)


# The regexes tried only where their gate shape's ends allow a match to start.
GATED = [
    (identity._SSN_RE, "ssn", identity._SSN_REACH),
    (identity._NINO_RE, "nino", identity._NINO_REACH),
    (keys._BITLOCKER_RE, "bitlocker", keys._BITLOCKER_REACH),
]
_DIGIT_ALPHABET = "0123456789-- ABCDJKNZab[]٣"
_digit_texts = st.lists(
    st.one_of(
        st.text(alphabet=_DIGIT_ALPHABET, max_size=24),
        st.sampled_from(["123-45-6789", "AB 12 34 56 C", "JK123456D", "445907-219813-632357-"]),
    ),
    max_size=12,
).map("".join)


def _whole_and_gated(text: str) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    found = scan._sweep(text.lower())
    return [
        (
            [m.span() for m in rx.finditer(text)],
            [m.span() for m in found.gated_finditer(rx, text, shape, reach)],
        )
        for rx, shape, reach in GATED
    ]


@pytest.mark.skipif(scan._hs is None, reason="hyperscan not installed")
@settings(max_examples=int(os.environ.get("RF_HYPOTHESIS_EXAMPLES", "300")), deadline=None)
@given(_digit_texts)
def test_gated_regexes_find_what_they_find_in_the_whole_text(text: str) -> None:
    for whole, gated in _whole_and_gated(text):
        assert gated == whole


@pytest.mark.skipif(scan._hs is None, reason="hyperscan not installed")
def test_gated_regexes_on_the_cases() -> None:
    per_regex = zip(*(_whole_and_gated(t) for t in TEXTS), strict=True)
    for results in per_regex:
        assert all(gated == whole for whole, gated in results)
        assert any(whole for whole, _ in results)
