"""The redaction module's value types: findings, results, options, and the kind ranking that
decides which kind a merged finding keeps."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True)
class Finding:
    """One redacted span; `start`/`end` are offsets into the ORIGINAL text."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class RedactionResult:
    redacted: str
    findings: list[Finding] = field(default_factory=list)

    def report(self) -> dict[str, int]:
        """Kind -> count. Never carries the values: safe to log and to show."""
        return dict(Counter(f.kind for f in self.findings))


@dataclass(frozen=True)
class RedactionOptions:
    """Optional PII families; secrets and national ids are always redacted."""

    emails: bool = False
    phones: bool = False
    ip_addresses: bool = False
    # Where a phone number without "+" is read as a national number (ISO 3166 code, as
    # `phonenumbers` takes it); international "+" numbers are found whatever it is.
    phone_region: str = "US"


class Candidate(NamedTuple):
    """A detector's raw hit, before overlapping hits are merged."""

    kind: str
    start: int
    end: int


# Higher wins when overlapping hits merge. Vendor formats are proof of what a value is; keyword
# context ("password:", "token=") only says what the writer called it; PII is the weakest claim.
SPECIFICITY: dict[str, int] = {
    "private_key": 100,
    "anthropic_key": 95,
    "aws_access_key": 90,
    "aws_secret_key": 90,
    "azure_client_secret": 90,
    "github_token": 90,
    "slack_token": 90,
    "stripe_key": 90,
    "openai_key": 90,
    "npm_token": 90,
    "jwt": 85,
    "bitlocker_key": 80,
    "card_number": 75,
    "national_id": 75,
    "url_credentials": 70,
    "wifi_passphrase": 65,
    "password": 60,
    "api_key": 50,
    "email": 30,
    "phone": 20,
    "ip_address": 20,
}

KINDS: tuple[str, ...] = tuple(SPECIFICITY)
SECRET_KINDS: frozenset[str] = frozenset(KINDS) - {"email", "phone", "ip_address"}
