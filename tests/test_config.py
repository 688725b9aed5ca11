"""Settings: safe defaults, and production refuses to start without real secrets."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from resolutionflow.config import Settings


def test_production_requires_a_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RESOLUTIONFLOW_SECRET_KEY", raising=False)
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(environment="production", _env_file=None)  # type: ignore[call-arg]


def test_password_hashing_defaults_meet_owasp_minimums() -> None:
    # OWASP: argon2id with at least 19 MiB and 2 iterations. Tests lower these via environment.
    assert Settings.model_fields["argon2_memory_cost"].default >= 19 * 1024
    assert Settings.model_fields["argon2_time_cost"].default >= 2


def test_default_database_is_sqlite_in_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RESOLUTIONFLOW_DATABASE_URL", raising=False)
    settings = Settings(data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]
    assert (
        settings.effective_database_url == f"sqlite+aiosqlite:///{tmp_path / 'resolutionflow.db'}"
    )


def test_plain_postgres_urls_get_the_async_driver() -> None:
    settings = Settings(database_url="postgresql://u:p@db:5432/rf", _env_file=None)  # type: ignore[call-arg]
    assert settings.effective_database_url == "postgresql+asyncpg://u:p@db:5432/rf"


def test_secret_key_is_generated_once_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RESOLUTIONFLOW_SECRET_KEY", raising=False)
    first = Settings(data_dir=tmp_path, _env_file=None).signing_key()  # type: ignore[call-arg]
    second = Settings(data_dir=tmp_path, _env_file=None).signing_key()  # type: ignore[call-arg]
    assert first == second and len(first) >= 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_refresh_cookie_is_secure_by_default_only_in_production() -> None:
    prod = Settings(environment="production", secret_key="k" * 40, _env_file=None)  # type: ignore[call-arg]
    dev = Settings(environment="development", _env_file=None)  # type: ignore[call-arg]
    forced = Settings(
        environment="production", secret_key="k" * 40, cookie_secure=False, _env_file=None
    )  # type: ignore[call-arg]
    assert (prod.secure_cookies, dev.secure_cookies, forced.secure_cookies) == (True, False, False)
