"""PII is optional per account setting and off by default; secrets are always redacted."""

from __future__ import annotations

import pytest

from resolutionflow.redaction import RedactionOptions, redact

TEXT = "Ticket from anna.kowalski@contoso.com, call +44 7700 900123, host 10.20.30.40 / 2001:db8::15, pw: Qx7!mK2p"


def test_pii_is_kept_by_default_but_secrets_are_not() -> None:
    result = redact(TEXT)
    assert result.report() == {"password": 1}
    assert "anna.kowalski@contoso.com" in result.redacted
    assert "+44 7700 900123" in result.redacted and "10.20.30.40" in result.redacted


@pytest.mark.parametrize(
    ("options", "kind", "values"),
    [
        (RedactionOptions(emails=True), "email", ["anna.kowalski@contoso.com"]),
        (RedactionOptions(phones=True), "phone", ["+44 7700 900123"]),
        (RedactionOptions(ip_addresses=True), "ip_address", ["10.20.30.40", "2001:db8::15"]),
    ],
)
def test_each_option_turns_on_only_its_own_kind(
    options: RedactionOptions, kind: str, values: list[str]
) -> None:
    result = redact(TEXT, options)
    assert result.report() == {"password": 1, kind: len(values)}
    for value in values:
        assert value not in result.redacted


@pytest.mark.parametrize(
    "phone",
    [
        "+1 (555) 201-3344",
        "(555) 201-3344",
        "555-201-3344",
        "+44 20 7946 0958",
        "+46 (0)8 928 571 38",
        "001-518-640-0854",
    ],
)
def test_phone_formats(phone: str) -> None:
    result = redact(f"Please call {phone} today", RedactionOptions(phones=True))
    assert result.redacted == "Please call [REDACTED:phone] today"


@pytest.mark.parametrize(
    "text",
    [
        "build 10.0.19045.3930",
        "version 2.10.1.4",
        "2024-11-05 14:33",
        "KB5034441",
        "MAC 00:1A:2B:3C:4D:5E",
    ],
)
def test_pii_options_do_not_take_versions_dates_or_macs(text: str) -> None:
    assert (
        redact(text, RedactionOptions(emails=True, phones=True, ip_addresses=True)).findings == []
    )
