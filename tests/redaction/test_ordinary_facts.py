"""Over-redaction is a bug too: the facts an engineer needs to work a ticket survive."""

from __future__ import annotations

import pytest

from resolutionflow.redaction import RedactionOptions, redact
from tests.redaction.cases import CASES, ORDINARY_TIMELINE


def test_a_long_msp_timeline_comes_through_untouched() -> None:
    result = redact(ORDINARY_TIMELINE)
    leaked = [(f.kind, ORDINARY_TIMELINE[f.start : f.end]) for f in result.findings]
    assert leaked == []
    assert result.redacted == ORDINARY_TIMELINE


@pytest.mark.parametrize("case", [c for c in CASES if not c.secrets], ids=lambda c: c.text[:50])
def test_near_miss_sentences_are_kept(case: object) -> None:
    text = case.text  # type: ignore[attr-defined]
    assert redact(text).findings == []


@pytest.mark.parametrize(
    "fact",
    [
        "SRV-DC01.contoso.local",
        "0x80070005",
        "KB5034441",
        "port 8443",
        "#12345",
        "T20241105.0012",
        "eth0",
        "GigabitEthernet0/1",
        "Event ID 4625",
        "build 22631.4317",
        "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}",
        "00:1A:2B:3C:4D:5E",
        "C:\\Windows\\System32\\drivers\\etc\\hosts",
        "/var/log/syslog",
        "v7.2.8",
        "2024-11-05T08:02:11Z",
        "05/11/2024",
        "order 4481-2290-1187",
        "PasswordLastSet 2024-10-01 09:14:22",
        "token cache cleared",
    ],
)
def test_ordinary_facts_are_kept(fact: str) -> None:
    text = f"Checked {fact} during troubleshooting."
    assert redact(text).redacted == text


def test_ordinary_timeline_keeps_hostnames_with_pii_options_off() -> None:
    assert redact("mx01.contoso.com[203.0.113.25]:25 for anna@contoso.com").findings == []


def test_pii_options_redact_only_pii_in_the_timeline() -> None:
    result = redact(
        ORDINARY_TIMELINE, RedactionOptions(emails=True, phones=True, ip_addresses=True)
    )
    kinds = {f.kind for f in result.findings}
    assert kinds <= {"email", "ip_address", "phone"}
    assert "KB5034441" in result.redacted and "0x80070643" in result.redacted
