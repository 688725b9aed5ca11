"""Password hashing (argon2id via pwdlib) and the password policy."""

from __future__ import annotations

import asyncio
from functools import cache
from pathlib import Path

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from resolutionflow.config import get_settings
from resolutionflow.errors import ValidationFailed

MIN_LENGTH = 12
MAX_LENGTH = 256  # argon2 has no limit, but an unbounded input is a cheap denial of service.


@cache
def _hasher() -> PasswordHash:
    s = get_settings()
    return PasswordHash(
        (Argon2Hasher(time_cost=s.argon2_time_cost, memory_cost=s.argon2_memory_cost),)
    )


@cache
def _common_passwords() -> frozenset[str]:
    text = (Path(__file__).parent / "common_passwords.txt").read_text()
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return _hasher().verify(password, password_hash)
    except Exception:  # a malformed stored hash must read as "wrong password", not a 500
        return False


_DUMMY_HASH: str | None = None


def burn_verification_time(password: str) -> None:
    """Spend what a real verification costs, so an unknown email is not faster to reject."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password("resolutionflow-timing-equaliser")
    verify_password(password, _DUMMY_HASH)


async def hash_password_async(password: str) -> str:
    # Argon2 takes ~100 ms of CPU by design; off the event loop so other requests keep flowing.
    return await asyncio.to_thread(hash_password, password)


async def verify_password_async(password: str, password_hash: str) -> bool:
    return await asyncio.to_thread(verify_password, password, password_hash)


async def burn_verification_time_async(password: str) -> None:
    await asyncio.to_thread(burn_verification_time, password)


def password_problems(password: str, *, email: str | None = None) -> list[str]:
    """Every reason the password is refused; empty when it is acceptable."""
    problems: list[str] = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Use at least {MIN_LENGTH} characters.")
    if len(password) > MAX_LENGTH:
        problems.append(f"Use at most {MAX_LENGTH} characters.")
    lowered = password.lower()
    if lowered in _common_passwords():
        problems.append("This password is on a list of commonly used passwords; choose another.")
    elif len(set(password)) < 4:
        problems.append("Use more than a few different characters.")
    if email and len(email.split("@")[0]) >= 4 and lowered == email.lower():
        problems.append("Don't use your email address as your password.")
    return problems


def check_password(password: str, email: str, field: str = "password") -> None:
    """Raise a 422 naming `field` with every policy problem of the password."""
    problems = password_problems(password, email=email)
    if problems:
        raise ValidationFailed(
            " ".join(problems),
            errors=[
                {"loc": ["body", field], "msg": p, "type": "password_policy"} for p in problems
            ],
        )
