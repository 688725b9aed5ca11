"""Each kind is found in realistic MSP phrasing, replaced by its marker, and only the value goes."""

from __future__ import annotations

import pytest

from resolutionflow.redaction import KINDS, RedactionOptions, redact
from tests.redaction.cases import CASES, JWT, Case

POSITIVE = [c for c in CASES if c.secrets]


def _id(case: Case) -> str:
    return case.text[:50]


@pytest.mark.parametrize("case", POSITIVE, ids=_id)
def test_each_labelled_value_is_replaced_by_its_kind(case: Case) -> None:
    result = redact(case.text, case.options or RedactionOptions())
    found = {(f.kind, case.text[f.start : f.end]) for f in result.findings}
    for kind, value in case.secrets:
        assert (kind, value) in found, f"{kind} {value!r} not redacted: {result.redacted!r}"
        assert value not in result.redacted
        assert f"[REDACTED:{kind}]" in result.redacted


@pytest.mark.parametrize("case", POSITIVE, ids=_id)
def test_nothing_but_the_labelled_values_is_redacted(case: Case) -> None:
    result = redact(case.text, case.options or RedactionOptions())
    labelled = {value for _kind, value in case.secrets}
    extra = [
        case.text[f.start : f.end]
        for f in result.findings
        if case.text[f.start : f.end] not in labelled
    ]
    assert extra == []


def test_every_kind_has_positive_cases() -> None:
    covered = {kind for case in POSITIVE for kind, _value in case.secrets}
    assert covered == set(KINDS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("password is hunter2", "password is [REDACTED:password]"),
        ("The wifi password is Summer2024!", "The wifi password is [REDACTED:wifi_passphrase]"),
        ("pw: Qx7!mK2p", "pw: [REDACTED:password]"),
        (
            "Password=Qx7!mK2p;Trusted_Connection=False",
            "Password=[REDACTED:password];Trusted_Connection=False",
        ),
        (
            "https://admin:Qx7!mK2p@nas01.local/",
            "https://admin:[REDACTED:url_credentials]@nas01.local/",
        ),
        (
            "net use \\\\fs01\\it /user:bob Qx7!mK2p",
            "net use \\\\fs01\\it /user:bob [REDACTED:password]",
        ),
    ],
)
def test_context_words_stay_and_only_the_value_is_replaced(text: str, expected: str) -> None:
    assert redact(text).redacted == expected


def test_the_most_specific_kind_wins_when_findings_overlap() -> None:
    text = f"password: {JWT}"
    result = redact(text)
    assert result.redacted == "password: [REDACTED:jwt]"
    assert [f.kind for f in result.findings] == ["jwt"]


def test_every_copy_of_a_found_secret_is_redacted() -> None:
    text = "New password: Winter#2024x. User retyped Winter#2024x twice before it worked."
    result = redact(text)
    assert "Winter#2024x" not in result.redacted
    assert result.report() == {"password": 2}


def test_report_counts_kinds_and_never_carries_values() -> None:
    text = "pw: Qx7!mK2p and card 4111 1111 1111 1111 and SSN 123-45-6789"
    report = redact(text).report()
    assert report == {"password": 1, "card_number": 1, "national_id": 1}
    assert "Qx7!mK2p" not in repr(report)


@pytest.mark.parametrize(
    "text",
    [
        "card 4111 1111 1111 1112 failed",  # Luhn fails
        "ids 666-12-3456, 000-12-3456 and 912-34-5678",  # invalid SSN areas
        "NI GB 12 34 56 A",  # GB is not an NI prefix
        "key: 123456-234567-345678",  # three groups is not a BitLocker key
    ],
)
def test_near_misses_of_checked_formats_are_kept(text: str) -> None:
    assert redact(text).findings == []


def test_a_key_word_is_never_taken_for_the_value() -> None:
    # The first "password" introduces nothing; the second introduces the secret.
    text = "User read me the password: password is Hunter2-Winter!"
    result = redact(text)
    assert result.redacted == "User read me the password: password is [REDACTED:password]"
    assert [text[f.start : f.end] for f in result.findings] == ["Hunter2-Winter!"]
    for quiet in ("password: pass", "pwd: token", "the password is the password"):
        assert redact(quiet).redacted == quiet
