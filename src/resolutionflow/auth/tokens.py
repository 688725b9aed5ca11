"""Access tokens (PyJWT, algorithm pinned) and opaque secrets stored only as hashes."""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from collections import OrderedDict
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


# Tokens whose signature and claims were verified, with their expiry: a browser sends the same
# token with every request for its whole life, and checking the HMAC and parsing the claims
# again each time was a tenth of a small request's cost. Keyed by the signing key as well, so a
# rotated key verifies afresh; expiry is still checked on every use. What is cached is only
# "this exact string was valid": revocation (sign-out, a new token version) is checked against
# the database on every request as before.
_VERIFIED_MAX = 4096
_verified: OrderedDict[tuple[str, str], tuple[AccessClaims, float]] = OrderedDict()


def decode_access_token(settings: Settings, token: str) -> AccessClaims | None:
    key = (settings.signing_key(), token)
    hit = _verified.get(key)
    if hit is not None:
        claims, expires = hit
        if time.time() < expires:
            _verified.move_to_end(key)
            return claims
        del _verified[key]
        return None
    try:
        # Pinning `algorithms` is what stops "alg": "none" and key-confusion tricks.
        payload = jwt.decode(
            token,
            settings.signing_key(),
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": ["exp", "iat", "sub", "iss"]},
        )
        claims = AccessClaims(
            user_id=uuid.UUID(payload["sub"]),
            account_id=uuid.UUID(payload["acc"]),
            token_version=int(payload.get("ver", 0)),
            family_id=uuid.UUID(payload["fam"]) if payload.get("fam") is not None else None,
        )
        expires = float(payload["exp"])
    except (jwt.PyJWTError, KeyError, ValueError, TypeError):
        return None
    _verified[key] = (claims, expires)
    if len(_verified) > _VERIFIED_MAX:
        _verified.popitem(last=False)
    return claims


def new_secret(prefix: str = "") -> str:
    return prefix + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    # The secrets are 256 random bits, so a fast hash is enough; no salt or stretching needed.
    return hashlib.sha256(secret.encode()).hexdigest()
