"""Redaction of session content before it leaves ResolutionFlow. Every outbound path (exports, PSA
notes, share pages, LLM prompts, escalation briefings, webhooks) calls `redact()` first.

Pure Python, no I/O, regexes compiled at import. Each secret value is replaced by
`[REDACTED:<kind>]`; the words that give it context stay ("password is [REDACTED:password]").
Redacting already-redacted text changes nothing. `RedactionResult.report()` counts findings per
kind and never carries values, so it is safe to log.

Kinds (stable strings; stored and shown, so never rename one):

    password              passwords in prose, config, connection strings, command lines
                          (`net use ... /user:x y`, `--password`, ConvertTo-SecureString),
                          network-device config (`password 7 ...`, SNMP communities)
    url_credentials       the password part of `scheme://user:pass@host` (the user name stays)
    wifi_passphrase       "wifi password is ...", "PSK: ...", "passphrase ...", `wpa-psk ...`
    aws_access_key        AKIA/ASIA/... access key ids
    aws_secret_key        40-character AWS secret access keys under an AWS-ish name
    azure_client_secret   Entra ID client secrets (`xxx8Q~...`) and values of azure-named secrets
    github_token          ghp_/gho_/ghu_/ghs_/ghr_ and github_pat_ tokens
    slack_token           xox?- tokens, xapp- tokens, Slack webhook URLs
    stripe_key            sk_/rk_ live/test keys, whsec_ webhook secrets
    openai_key            sk-, sk-proj-, sk-svcacct- keys
    anthropic_key         sk-ant-... keys
    npm_token             npm_ tokens and `.npmrc` `_authToken` values
    jwt                   JSON Web Tokens (header must decode to JSON)
    api_key               other vendors' keys by format (GCP, GitLab, Hugging Face, SendGrid, ...),
                          `Authorization:` header values, and high-entropy values next to
                          key-like words (api_key=, token:, secret ..., clientSecret)
    private_key           PEM/OpenSSH/PGP private key blocks, PuTTY private lines, base64 PEM
    bitlocker_key         BitLocker recovery keys (8 groups of 6 digits)
    card_number           payment card numbers (13-19 digits, Luhn, known issuer ranges)
    national_id           US SSN (valid ranges), UK NI numbers, ids after a label (SIN, passport no.)
    email                 email addresses             (only with RedactionOptions.emails)
    phone                 phone numbers               (only with RedactionOptions.phones; found by
                          `phonenumbers`' matcher, national numbers read in
                          RedactionOptions.phone_region, "+" numbers anywhere)
    ip_address            IPv4 and IPv6 addresses     (only with RedactionOptions.ip_addresses)

Overlapping findings merge into one, keeping the most specific kind (vendor format over keyword
context over PII). Once a value is found, its other copies in the same text are redacted too.
Ordinary troubleshooting facts stay: hostnames, error codes, KB numbers, ports, ticket numbers,
interface names, event ids, builds, GUIDs used as object ids, MAC addresses, paths, versions, dates.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from resolutionflow.redaction import engine
from resolutionflow.redaction.model import (
    KINDS,
    SECRET_KINDS,
    Finding,
    RedactionOptions,
    RedactionResult,
)

__all__ = [
    "KINDS",
    "SECRET_KINDS",
    "Finding",
    "RedactionOptions",
    "RedactionResult",
    "redact",
    "use_cache",
]

_DEFAULT_OPTIONS = RedactionOptions()

# A ticket note redacts the same short strings again and again (step titles, answers, the flow's
# questions: ~90 distinct strings in a 1,000-event note's 1,400 calls). Results of short texts
# are kept by a digest of the text, never the text itself, so no secret stays in memory here;
# the redacted text and the offsets hold none.
_CACHE_MAX_TEXT = 2048
_CACHE_SIZE = 4096
_cache: OrderedDict[tuple[bytes, RedactionOptions], RedactionResult] = OrderedDict()
_cache_lock = threading.Lock()


_cache_on = True


def use_cache(enabled: bool) -> None:
    """Turns the cache of short texts off (or on) and empties it: for benches and tests that
    swap detectors, whose results a cache would otherwise replay."""
    global _cache_on
    with _cache_lock:
        _cache_on = enabled
        _cache.clear()


def redact(text: str, options: RedactionOptions = _DEFAULT_OPTIONS) -> RedactionResult:
    """Returns `text` with every secret (and, per `options`, PII) replaced by `[REDACTED:kind]`."""
    if len(text) > _CACHE_MAX_TEXT or not _cache_on:
        return engine.redact(text, options)
    key = (hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest(), options)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return RedactionResult(hit.redacted, list(hit.findings))
    result = engine.redact(text, options)
    with _cache_lock:
        _cache[key] = result
        if len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return RedactionResult(result.redacted, list(result.findings))
