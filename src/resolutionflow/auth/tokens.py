"""Access tokens (PyJWT, algorithm pinned) and opaque secrets stored only as hashes."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

from resolutionflow.config import Settings

ALGORITHM = "HS256"
ISSUER = "resolutionflow"
API_TOKEN_PREFIX = "rf_pat_"  # noqa: S105  (a public marker, not a secret)


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    account_id: uuid.UUID
    token_version: int
    # The sign-in (refresh-token family) it was issued for; signing out or a detected reuse of
    # that family ends it at once. None for tokens minted outside a sign-in (tests, tools).
    family_id: uuid.UUID | None = None


def issue_access_token(
    settings: Settings,
    *,
    user_id: uuid.UUID,
    account_id: uuid.UUID,
    token_version: int,
    family_id: uuid.UUID | None = None,
) -> str:
    now = datetime.now(UTC)
    payload = {
        "iss": ISSUER,
        "sub": str(user_id),
        "acc": str(account_id),
        "ver": token_version,
        "iat": now,
        "nbf": now,
        "exp": now + timedelta(seconds=settings.access_token_ttl_s),
        "jti": secrets.token_hex(8),
    }
    if family_id is not None:
        payload["fam"] = str(family_id)
    return jwt.encode(payload, settings.signing_key(), algorithm=ALGORITHM)


def decode_access_token(settings: Settings, token: str) -> AccessClaims | None:
    try:
        # Pinning `algorithms` is what stops "alg": "none" and key-confusion tricks.
        payload = jwt.decode(
            token,
            settings.signing_key(),
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": ["exp", "iat", "sub", "iss"]},
        )
        return AccessClaims(
            user_id=uuid.UUID(payload["sub"]),
            account_id=uuid.UUID(payload["acc"]),
            token_version=int(payload.get("ver", 0)),
            family_id=uuid.UUID(payload["fam"]) if payload.get("fam") is not None else None,
        )
    except (jwt.PyJWTError, KeyError, ValueError, TypeError):
        return None


def new_secret(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    # The secrets are 256 random bits, so a fast hash is enough; no salt or stretching needed.
    return hashlib.sha256(secret.encode()).hexdigest()
