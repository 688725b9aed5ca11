"""The shared keyword sweep (Hyperscan when installed, `str.find` otherwise) finds what a plain
search finds, and redaction comes out the same either way and from any thread."""

from __future__ import annotations

import threading

import pytest

from resolutionflow.redaction import RedactionOptions, engine, redact, use_cache
from resolutionflow.redaction.patterns import scan
from tests.redaction.cases import CASES, ORDINARY_TIMELINE

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
