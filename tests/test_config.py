"""Settings: safe defaults, and production refuses to start without real secrets."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
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


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask, under which files and directories come out readable by everyone."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_generated_key_is_private_from_its_first_moment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask_022: None
) -> None:
    monkeypatch.delenv("RESOLUTIONFLOW_SECRET_KEY", raising=False)
    # A chmod after writing leaves a moment when the key is readable: only a mode given when
    # the file (and the directory) is created counts here.
    monkeypatch.setattr(os, "chmod", lambda *a, **k: None)
    monkeypatch.setattr(Path, "chmod", lambda *a, **k: None)
    data_dir = tmp_path / "srv" / "data"
    key = Settings(data_dir=data_dir, _env_file=None).signing_key()  # type: ignore[call-arg]
    assert _mode(data_dir) == 0o700 and _mode(data_dir.parent) == 0o700
    assert _mode(data_dir / "secret_key") == 0o600
    assert (data_dir / "secret_key").read_text() == key
    assert [p.name for p in data_dir.iterdir()] == ["secret_key"]  # no temporary file left


def test_a_readable_key_and_data_dir_from_an_earlier_version_are_tightened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RESOLUTIONFLOW_SECRET_KEY", raising=False)
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    (data_dir / "secret_key").write_text("k" * 64)
    (data_dir / "secret_key").chmod(0o644)
    key = Settings(data_dir=data_dir, _env_file=None).signing_key()  # type: ignore[call-arg]
    assert key == "k" * 64
    assert _mode(data_dir) == 0o700 and _mode(data_dir / "secret_key") == 0o600


def test_processes_starting_at_once_agree_on_one_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RESOLUTIONFLOW_SECRET_KEY", raising=False)
    start = threading.Barrier(8)

    def first_start() -> str:
        settings = Settings(data_dir=tmp_path / "data", _env_file=None)  # type: ignore[call-arg]
        start.wait()
        return settings.signing_key()

    with ThreadPoolExecutor(8) as pool:
        keys = list(pool.map(lambda _: first_start(), range(8)))
    assert len(set(keys)) == 1 and len(keys[0]) >= 40
    assert (tmp_path / "data" / "secret_key").read_text() == keys[0]
    assert [p.name for p in (tmp_path / "data").iterdir()] == ["secret_key"]
