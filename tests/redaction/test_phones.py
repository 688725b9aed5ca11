"""Phone numbers (an account option): found by `phonenumbers`' matcher in the installation's
region and internationally, in the formats people write them, while the numbers a ticket is full
of — versions, dates, IP addresses, serials, ticket numbers, money — stay as they are."""

from __future__ import annotations

import pytest

from resolutionflow.redaction import RedactionOptions, redact

PHONES = RedactionOptions(phones=True)


def redacted(text: str, options: RedactionOptions = PHONES) -> list[str]:
    return [text[f.start : f.end] for f in redact(text, options).findings if f.kind == "phone"]


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # North American, as written in tickets and signatures.
        ("Call back on (555) 201-3344 after 3pm", "(555) 201-3344"),
        ("cell 555.201.3344 if the VPN drops", "555.201.3344"),
        ("Desk: 212-555-0187 ext. 204", "212-555-0187 ext. 204"),
        ("reach me at 345-899-3560x4587", "345-899-3560x4587"),
        ("Mobile: 9498777106", "9498777106"),
        ("front desk 555-0134", "555-0134"),
        # International, with "+" or the "00" most of the world dials out with.
        ("office +44 20 7946 0958, ask for Priya", "+44 20 7946 0958"),
        ("fax +46 (0)8 928 571 38", "+46 (0)8 928 571 38"),
        ("her mobile is +447700 900123.", "+447700 900123"),
        ("+1-903-140-4508x769 (after hours)", "+1-903-140-4508x769"),
        ("dial 0049 30 901820 for the Berlin site", "0049 30 901820"),
        ("fax 001-518-640-0854", "001-518-640-0854"),
        ("Kontakt +49 (0)30 901820-0", "+49 (0)30 901820-0"),
        # Another country's national format, grouped, beside a phone word or with a trunk 0.
        ("Can someone call me on 01.84.17.61.18?", "01.84.17.61.18"),
        ("I would like to stop receiving messages to 0688 872 49 99", "0688 872 49 99"),
        ("Mobile: 0341 8387176 Desk: none", "0341 8387176"),
        ("call 07700 900 123 when on site", "07700 900 123"),
    ],
)
def test_phone_numbers_are_redacted(text: str, phone: str) -> None:
    assert redacted(text) == [phone]
    assert redact(text, PHONES).redacted == text.replace(phone, "[REDACTED:phone]")


@pytest.mark.parametrize(
    "text",
    [
        "Updated to 10.0.19045.3930 (build 22631.4317), firmware 7.1.2.30",
        "Agent version 2.10.14.1002 installed",
        "Reboot scheduled 2024-11-05 14:33, again on 12/31/2024 at 10:30",
        "Backups from 05.11.2024 and 2024.11.05 verified",
        "Host 192.168.100.200 and 10.20.30.40 reachable; range 10.0.0.0/24",
        "Ticket #4821337 merged into ticket 4821338; case 01234567",
        "order number 4481-2290-1187, PO 4500012345, invoice 20241105001",
        "Serial 4829 3849 2938, SN: 1234567890, asset tag 004512",
        "IMEI 356938035643809 on the phone",
        "Renewal quote $1,234,567.89, last year 1 234 567 EUR",
        "KB5034441 failed with 0x80070643; Event ID 4625",
        "Timestamp 1699181234 in the log, 1,000,000 rows copied in 2,345 ms",
        "Listening on port 8443 and 3389",
        "my driver's license number is 2270-66-1551",
        "Delivered to 636 1812 Rue De La Gare",
    ],
)
def test_numbers_that_are_not_phones_stay(text: str) -> None:
    assert redacted(text) == []


def test_plain_text_without_a_phone_shaped_run_never_reaches_the_matcher(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import phonenumbers

    calls: list[str] = []
    real = phonenumbers.PhoneNumberMatcher

    def spy(text: str, *args: object, **kwargs: object) -> object:
        calls.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(phonenumbers, "PhoneNumberMatcher", spy)
    redact("Outlook prompts for a password after KB5034441; rebuilt the profile.", PHONES)
    assert calls == []
    redact("Please call (555) 201-3344", PHONES)
    assert calls == ["(555) 201-3344"]


def test_the_region_decides_how_a_national_number_is_read() -> None:
    text = "ring 020 7946 0958"  # London, written as a UK caller would
    assert redacted(text, RedactionOptions(phones=True, phone_region="GB")) == ["020 7946 0958"]
    # In a US installation it is still a grouped number with a trunk 0 beside a phone word;
    # written as one run it is only a UK number where the region says so.
    assert redacted(text) == ["020 7946 0958"]
    assert redacted("tel 02079460958") == []
    assert redacted("tel 02079460958", RedactionOptions(phones=True, phone_region="GB")) == [
        "02079460958"
    ]
    us_local = "ring 201-3344"
    assert redacted(us_local) == ["201-3344"]
    # International numbers are found whatever the region.
    for region in ("US", "GB", "DE"):
        options = RedactionOptions(phones=True, phone_region=region)
        assert redacted("fax +1 (555) 201-3344", options) == ["+1 (555) 201-3344"]


def test_phones_are_kept_unless_the_account_asks() -> None:
    assert redact("Call back on (555) 201-3344").findings == []


async def test_accounts_read_national_numbers_in_the_installations_region(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import uuid

    from resolutionflow.config import Settings
    from resolutionflow.redaction import policy

    class NoAccount:
        async def get(self, *_: object) -> None:
            return None

    monkeypatch.setattr(policy, "get_settings", lambda: Settings(phone_region="gb"))
    options = await policy.options_for(NoAccount(), uuid.uuid4())  # type: ignore[arg-type]
    assert options.phone_region == "GB"
    # A UK number written as one run: a phone in a UK installation, a mere number in a US one.
    assert redacted("tel 02079460958", policy.for_mode(options, "strict")) == ["02079460958"]
    assert redacted("tel 02079460958") == []


def test_the_phone_region_setting_is_a_country_code() -> None:
    from pydantic import ValidationError

    from resolutionflow.config import Settings

    assert Settings().phone_region == "US"
    with pytest.raises(ValidationError):
        Settings(phone_region="United Kingdom")
