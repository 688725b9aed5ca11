"""Encryption at rest for secrets people give us (LLM API keys, PSA keys, SMTP passwords).

MultiFernet over a list of keys: the first encrypts, all decrypt, so keys rotate without
downtime (add a new key first, re-encrypt, then drop the old one). Keys come from
RESOLUTIONFLOW_ENCRYPTION_KEYS (comma-separated Fernet keys); without it, one key is derived from
the installation's secret key (HKDF), so the embedded default needs no configuration.
"""

from __future__ import annotations

import base64
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from resolutionflow.config import get_settings


class DecryptionFailed(Exception):
    """A stored secret no key can open (the keys changed without re-encryption)."""


def _derived_key(secret: str) -> bytes:
    raw = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=b"resolutionflow", info=b"secrets-at-rest"
    ).derive(secret.encode())
    return base64.urlsafe_b64encode(raw)


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...], signing_key: str) -> MultiFernet:
    fernets = [Fernet(k.strip().encode()) for k in keys if k.strip()]
    # The derived key stays readable after explicit keys are introduced, so secrets saved
    # before keep working until they are re-encrypted.
    fernets.append(Fernet(_derived_key(signing_key)))
    return MultiFernet(fernets)


def _current() -> MultiFernet:
    settings = get_settings()
    keys = settings.encryption_keys.get_secret_value() if settings.encryption_keys else ""
    return _fernet(tuple(keys.split(",")), settings.signing_key())


def encrypt(plaintext: str) -> str:
    return _current().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _current().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise DecryptionFailed(
            "A stored secret could not be decrypted with the current keys"
        ) from exc


def rotate(token: str) -> str:
    """Re-encrypts under the first (newest) key."""
    try:
        return _current().rotate(token.encode()).decode()
    except InvalidToken as exc:
        raise DecryptionFailed(
            "A stored secret could not be decrypted with the current keys"
        ) from exc
