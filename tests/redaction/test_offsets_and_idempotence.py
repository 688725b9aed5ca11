"""Finding offsets index the ORIGINAL text, findings never overlap, and redacting twice is a no-op."""

from __future__ import annotations

import pytest

from resolutionflow.redaction import RedactionOptions, redact
from tests.redaction.cases import CASES, ORDINARY_TIMELINE, Case

ALL_ON = RedactionOptions(emails=True, phones=True, ip_addresses=True)
WITH_SECRETS = [c for c in CASES if c.secrets]


@pytest.mark.parametrize("case", WITH_SECRETS, ids=lambda c: c.text[:50])
def test_each_finding_slices_the_original_to_the_secret_value(case: Case) -> None:
    result = redact(case.text, case.options or RedactionOptions())
    values = {value for _kind, value in case.secrets}
    for f in result.findings:
        assert case.text[f.start : f.end] in values


def test_findings_are_sorted_disjoint_and_rebuild_the_redacted_text() -> None:
    text = "\n".join(c.text for c in CASES) + "\n" + ORDINARY_TIMELINE
    result = redact(text, ALL_ON)
    rebuilt, pos = [], 0
    for f in result.findings:
        assert pos <= f.start < f.end <= len(text)
        rebuilt += [text[pos : f.start], f"[REDACTED:{f.kind}]"]
        pos = f.end
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == result.redacted


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.text[:50])
def test_redacting_redacted_text_changes_nothing(case: Case) -> None:
    options = case.options or RedactionOptions()
    once = redact(case.text, options)
    twice = redact(once.redacted, options)
    assert twice.redacted == once.redacted
    assert twice.findings == []


def test_markers_already_in_the_text_are_left_alone() -> None:
    text = "password: [REDACTED:password] and token=[REDACTED:api_key]"
    assert redact(text, ALL_ON).redacted == text


def test_empty_text() -> None:
    result = redact("")
    assert result.redacted == "" and result.findings == [] and result.report() == {}
