"""Detector families. Each detector takes the text (and, where it gates on keywords, its
lower-cased copy, used for `in` tests only) and yields raw candidates; the engine merges them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from resolutionflow.redaction.model import Candidate
from resolutionflow.redaction.patterns import (
    assignments,
    identity,
    keys,
    pairs,
    passwords,
    pii,
    secrets,
    structure,
)

Detector = Callable[[str, str], Iterable[Candidate]]

# Always on: secrets and national identifiers.
ALWAYS: tuple[Detector, ...] = (
    lambda t, _low: keys.detect_private_keys(t),
    keys.detect_bitlocker,
    secrets.detect_vendor_tokens,
    structure.detect_structured_tokens,
    secrets.detect_jwt,
    assignments.detect_assignments,
    passwords.detect_prose_passwords,
    passwords.detect_command_passwords,
    passwords.detect_url_credentials,
    pairs.detect_credential_pairs,
    identity.detect_cards,
    identity.detect_national_ids,
)

EMAILS: Detector = lambda t, _low: pii.detect_emails(t)  # noqa: E731
PHONES: Detector = lambda t, _low: pii.detect_phones(t)  # noqa: E731


def phones(region: str) -> Detector:
    """Phone numbers read as national numbers of `region` (and international ones)."""
    return lambda t, _low: pii.detect_phones(t, region)


IP_ADDRESSES: Detector = lambda t, _low: pii.detect_ips(t)  # noqa: E731
