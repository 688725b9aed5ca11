"""The shared keyword sweep (Hyperscan when installed, `str.find` otherwise) finds what a plain
search finds, and redaction comes out the same either way and from any thread."""

from __future__ import annotations

import os
import re
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolutionflow.redaction import RedactionOptions, engine, redact, use_cache
from resolutionflow.redaction.patterns import (
    assignments,
    identity,
    keys,
    passwords,
    scan,
    secrets,
    structure,
)
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
    (structure._PREFIXED_RE, structure._PREFIXED_MIN, structure._PREFIXED_NEEDS),
    (structure._DOTTED_RE, structure._DOTTED_MIN, structure._DOTTED_NEEDS),
    (structure._LONG_RE, structure._LONG_MIN, ()),
    (secrets._JWT_RE, secrets._JWT_MIN, secrets._JWT_NEEDS),
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
            [m.span() for m in scan.finditer_in_runs(rx, text, runs, shortest, needs)],
        )
        for rx, shortest, needs in RUN_SCANNED
    ]


@settings(max_examples=int(os.environ.get("RF_HYPOTHESIS_EXAMPLES", "300")), deadline=None)
@given(_run_texts)
def test_token_regexes_find_in_runs_what_they_find_in_the_whole_text(text: str) -> None:
    for whole, in_runs in _whole_and_in_runs(text):
        assert in_runs == whole


# One token of each shape standing alone between blanks.
_RUN_EXAMPLES = [
    "session AbCdEfGh12345678.Zx9Qk2.AbCdEfGh1234567890XyZw ok",
    "key zpk_live_Ab3xQ9Ab3xQ9Ab3xQ9Ab3xQ9 ok",
    "blob QWxhZGRpbjpvcGVuIHNlc2FtZQ9xK2mZ7pL4vR8sT1uW3yB6nD0fH5jG ok",
    f"jwt {JWT} ok",
]


def test_token_regexes_in_runs_on_the_cases() -> None:
    for text in [*TEXTS, *_RUN_EXAMPLES]:
        for whole, in_runs in _whole_and_in_runs(text):
            assert in_runs == whole
    # The cases hold every shape, so this compares real matches, not empty lists.
    per_regex = zip(*(_whole_and_in_runs(t) for t in _RUN_EXAMPLES), strict=True)
    assert all(any(whole for whole, _ in results) for results in per_regex)


# The regexes tried only where their gate shape's ends allow a match to start.
GATED = [
    (identity._SSN_RE, "ssn", identity._SSN_REACH),
    (identity._NINO_RE, "nino", identity._NINO_REACH),
    (keys._BITLOCKER_RE, "bitlocker", keys._BITLOCKER_REACH),
]
_DIGIT_ALPHABET = "0123456789-- ABCDJKNZab[]٣.+/:_"
_digit_texts = st.lists(
    st.one_of(
        st.text(alphabet=_DIGIT_ALPHABET, max_size=24),
        st.sampled_from(
            ["123-45-6789", "AB 12 34 56 C", "JK123456D", "445907-219813-632357-", "4111 1111 "]
        ),
    ),
    max_size=12,
).map("".join)


def _whole_and_gated(text: str) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    found = scan._sweep(text.lower())
    gated = [
        (rx.finditer(text), found.gated_finditer(rx, text, shape, reach))
        for rx, shape, reach in GATED
    ]
    card = identity._CARD_RE
    started = found.started_finditer(card, text, "card_start", identity._CARD_START_OFFSETS)
    return [
        ([m.span() for m in whole], [m.span() for m in fast])
        for whole, fast in [*gated, (card.finditer(text), started)]
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


# The password regexes tried only where they can start (their keywords, "-" and "/").
_PW_FRAGMENTS = [
    "password", "PassWord", "passwd", "pwd", "pw", "PIN", "pin code", "psk", "pre-shared key",
    "passphrase", "wifi", "Wi-Fi", "WLAN", "SSID", "guest network", "Guest Network", "network",
    "network_key", "WPA2-Personal", "kennwort", "contrasena", "mot de passe", "secret", "key",
    "Key-String", " 7 ", " 5 ", " is ", " was set to ", ": ", "=", " to ", " - ", "-p", "--password ",
    "/pass:", "-pw ", "--api-key=", "/token ", "net use \\\\fs\\s ", "/user:bob ", "\n", "\t",
    "Qx7!mK2p", "Summer2024!", "hunter2", "xxxx", "for the printer", "(", '"', "'",
]  # fmt: skip
_pw_texts = st.lists(
    st.one_of(st.sampled_from(_PW_FRAGMENTS), st.text(alphabet="aZ9 -/:=.\n_", max_size=8)),
    max_size=40,
).map("".join)


def _password_candidates(text: str, monkeypatch: pytest.MonkeyPatch, min_span: int) -> list[object]:
    monkeypatch.setattr(passwords, "_STARTS_MIN_SPAN", min_span)
    scan.release()
    lower = text.lower()
    try:
        return [
            *passwords.detect_prose_passwords(text, lower),
            *passwords.detect_command_passwords(text, lower),
        ]
    finally:
        scan.release()


@settings(max_examples=int(os.environ.get("RF_HYPOTHESIS_EXAMPLES", "300")), deadline=None)
@given(_pw_texts)
def test_password_regexes_tried_at_their_starts_find_the_same(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        everywhere = _password_candidates(text, monkeypatch, 10**9)
        at_starts = _password_candidates(text, monkeypatch, 0)
    assert at_starts == everywhere


# Matches that start before any keyword ("network_key", "Guest Network key"), switches of
# each kind, device config, and non-ASCII text (where every position is tried).
_PW_EXAMPLES = [
    "password reset done. network_key: Qx7!mK2p, then the Guest Network key: Zx9!kq27",
    "run it with -p Qx7!mK2p or --password=Zx9!kq27 or /pass:Tr0ub4dor; a-p b, x--token y",
    "interface Gi0/1\n password 7 0822455D0A16\n Key-String 0 Zx9kq27mPw\n secret 5 $1$abc",
    "Kennwort für das WLAN: Qx7!mK2p (pa\u017f\u017fword: Zx9!kq27, \u212aey 7 0822455D0A16)",
]


def test_password_regexes_tried_at_their_starts_on_the_cases(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for text in ["\n".join(TEXTS), *(t * 8 for t in _PW_EXAMPLES)]:
        everywhere = _password_candidates(text, monkeypatch, 10**9)
        assert everywhere
        assert _password_candidates(text, monkeypatch, 0) == everywhere


# The switch patterns as written before their look-behinds moved after the "-" or "/".
_SWITCH_BEFORE = r"(?i)(?<![\w-])(?:--?|/)"
_SWITCH_RES = [rx for _kind, rx in passwords._CMD_RES if rx.pattern.startswith(passwords._SWITCH)]


@settings(max_examples=int(os.environ.get("RF_HYPOTHESIS_EXAMPLES", "300")), deadline=None)
@given(_pw_texts)
def test_switch_patterns_match_as_written_before(text: str) -> None:
    assert len(_SWITCH_RES) == 2
    for rx in _SWITCH_RES:
        before = re.compile(_SWITCH_BEFORE + rx.pattern[len(passwords._SWITCH) :])
        for pos in (0, len(text) // 2):
            assert [m.span("value") for m in rx.finditer(text, pos)] == [
                m.span("value") for m in before.finditer(text, pos)
            ]


# The value regexes with the unquoted value as one character class, used where no "&" or "\"
# can be read: the same match, group by group, as the full regexes.
_VALUE_FRAGMENTS = [
    *_PW_FRAGMENTS, "api_key", "clientSecret", "Authorization", ": Bearer ", " = ", '"', "`",
    "&quot;", "&amp;", "&x=", "\\", "\\n", "\\\\srv", ",", ";", "<", " is ", "str", "[0]",
]  # fmt: skip
_value_texts = st.lists(
    st.one_of(st.sampled_from(_VALUE_FRAGMENTS), st.text(alphabet="aZ9 &\\;#=:\n_", max_size=6)),
    max_size=30,
).map("".join)


def _same_match(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groupdict() == b.groupdict()


@settings(max_examples=int(os.environ.get("RF_HYPOTHESIS_EXAMPLES", "300")), deadline=None)
@given(_value_texts)
def test_plain_value_regexes_match_as_the_full_ones(text: str) -> None:
    for pos in range(0, len(text), 3):
        assert _same_match(
            assignments._tail_match(text, pos), assignments._TAIL_RE.match(text, pos)
        )
        end = min(len(text), pos + 40)
        for starts in (None, list(range(len(text)))):
            assert _same_match(
                passwords._pw_search(text, pos, end, starts),
                passwords._PW_RE.search(text, pos, end),
            )
