"""Secrets of shapes no detector lists are caught by their structure (a prefix and a random body,
a checksum, three signed parts, a long random run, a secret-sounding name), and placeholders,
documentation samples and ordinary identifiers are left as they are."""

from __future__ import annotations

import base64
import random
import string
import zlib

import pytest

from resolutionflow.redaction import redact

_BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def _random_body(n: int, seed: int) -> str:
    rng = random.Random(seed)
    while True:
        body = "".join(rng.choice(_BASE62) for _ in range(n))
        if any(c.isdigit() for c in body) and any(c.isupper() for c in body):
            return body


def _crc_suffix(body: str) -> str:
    value, n = "", zlib.crc32(body.encode())
    while n:
        n, r = divmod(n, 62)
        value = _BASE62[r] + value
    return value.rjust(6, "0")


def _redacted(text: str, secret: str) -> str:
    out = redact(text).redacted
    assert secret not in out, out
    return out


@pytest.mark.parametrize(
    "prefix",
    ["zpk_live_", "acme-", "NVX_", "tok_prod_", "qq9_"],
)
def test_unknown_vendor_prefix_with_a_random_body_is_redacted(prefix: str) -> None:
    token = prefix + _random_body(32, seed=len(prefix))
    out = _redacted(f"Deploy failed, the service used {token} to call the API.", token)
    assert out == "Deploy failed, the service used [REDACTED:api_key] to call the API."


def test_checksum_proves_a_token_whose_body_looks_plain() -> None:
    body = "supportticketnotesfromthedeskqueue"[:30]
    token = "acme_" + body + _crc_suffix(body)
    _redacted(f"token {token} leaked", token)
    # The same shape with a wrong checksum is just a long word.
    wrong = "acme_" + body + "abcdef"
    assert redact(f"token {wrong} leaked").redacted == f"token {wrong} leaked"


def test_three_part_signed_token_is_redacted() -> None:
    token = ".".join(
        [_random_body(24, seed=1), _random_body(6, seed=2), _random_body(38, seed=3)]
    ).replace("Q", "-", 1)
    _redacted(f"bot login with {token}", token)


def test_long_random_base64_run_is_redacted_but_encoded_text_is_not() -> None:
    rng = random.Random(5)
    key = base64.b64encode(bytes(rng.randrange(256) for _ in range(48))).decode()
    _redacted(f"storage connection failed for {key} on retry", key)
    readable = base64.b64encode(b"this is a plain sentence that was encoded for transport").decode()
    assert redact(f"payload {readable}").findings == []


def test_secret_sounding_name_of_an_unseen_vendor_takes_its_value() -> None:
    value = _random_body(28, seed=9)
    out = _redacted(f'acmeSigningSecret = "{value}"', value)
    assert out == 'acmeSigningSecret = "[REDACTED:api_key]"'


@pytest.mark.parametrize(
    "text",
    [
        "password=<your-token-here>",
        "api_key: xxxxxxxxxxxxxxxxxxxx",
        "export API_TOKEN=${API_TOKEN}",
        "Authorization: Bearer YOUR_API_KEY",
        "Authorization: Bearer " + "AKIA" + "IOSFODNN7" + "EXAMPLE",
        "aws_access_key_id = " + "AKIA" + "IOSFODNN7" + "EXAMPLE",
        "password=changeme",
        "db password: CHANGE_ME",
        "token: aaaaaaaaaaaaaaaaaaaaaaaa",
        "client_secret = 0000000000000000",
        "sk" + "_live_" + "x" * 24,
        "gh" + "p_" + "x" * 36,
        'const keyStr = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"',
        'public_key = "' + _random_body(43, seed=4) + '"',
        "postgres://app:{{ secrets.DB_PASSWORD }}@db.internal:5432/app",
    ],
)
def test_placeholders_and_samples_are_left_untouched(text: str) -> None:
    assert redact(text).findings == [], redact(text).redacted


@pytest.mark.parametrize(
    "text",
    [
        "Called getUserAccountDetailsForTenant2 from the portal script.",
        "Image Windows10Enterprise2019Build_LTSC_x64 deployed to 14 devices.",
        "Installed KB5034441_x64_2024-01-Cumulative and rebooted.",
        "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 matches.",
        "Log at /var/log/vendor/agent/2024/11/05/collector-service-output.log rotated.",
    ],
)
def test_ordinary_identifiers_hashes_and_paths_are_left_untouched(text: str) -> None:
    assert redact(text).findings == [], redact(text).redacted
