"""The `resolutionflow` command as an operator uses it, on a fresh SQLite data dir."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

CLI = str(Path(sys.executable).parent / "resolutionflow")


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    drop = {
        "RESOLUTIONFLOW_DATABASE_URL",
        "RESOLUTIONFLOW_DATABASE_OWNER_URL",
        "RESOLUTIONFLOW_SECRET_KEY",
    }
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["RESOLUTIONFLOW_DATA_DIR"] = str(tmp_path / "data")
    return env


def _run(
    env: dict[str, str], *args: str, password: str | None = None
) -> subprocess.CompletedProcess[str]:
    if password is not None:
        env = {**env, "RESOLUTIONFLOW_ADMIN_PASSWORD": password}
    return subprocess.run([CLI, *args], env=env, capture_output=True, text=True, timeout=120)


def test_create_account_prints_its_id_and_the_admin_can_sign_in(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    r = _run(
        cli_env,
        "admin",
        "create-account",
        "Contoso IT",
        "--admin-email",
        "Lead@Contoso.example",
        password="contoso-lead-passphrase",
    )
    assert r.returncode == 0, r.stderr
    account_id = uuid.UUID(r.stdout.strip())
    assert (tmp_path / "data" / "resolutionflow.db").is_file()

    r = _run(
        cli_env,
        "admin",
        "create-user",
        "tech@contoso.example",
        "--account",
        str(account_id),
        "--role",
        "engineer",
        password="contoso-tech-passphrase",
    )
    assert r.returncode == 0, r.stderr
    uuid.UUID(r.stdout.strip())

    # The same account name again is refused with a message, not a traceback.
    r = _run(
        cli_env,
        "admin",
        "create-account",
        "contoso it",
        "--admin-email",
        "other@contoso.example",
        password="contoso-lead-passphrase",
    )
    assert r.returncode == 1
    assert "already exists" in r.stderr and "Traceback" not in r.stderr

    # And the stored users really work: sign in through the app on that database.
    _assert_can_sign_in(cli_env, "lead@contoso.example", "contoso-lead-passphrase")
    # No key was configured, so one was generated into the data dir, readable only by its owner.
    key_file = tmp_path / "data" / "secret_key"
    assert key_file.is_file() and (key_file.stat().st_mode & 0o077) == 0


def test_weak_admin_password_is_refused(cli_env: dict[str, str]) -> None:
    r = _run(
        cli_env,
        "admin",
        "create-account",
        "Weak Co",
        "--admin-email",
        "a@weak.example",
        password="short",
    )
    assert r.returncode == 1
    assert "at least 12 characters" in r.stderr


def test_demo_is_idempotent(cli_env: dict[str, str]) -> None:
    first = _run(cli_env, "demo")
    assert first.returncode == 0, first.stderr
    assert "demo data loaded" in first.stderr
    second = _run(cli_env, "demo")
    assert second.returncode == 0, second.stderr
    assert "already present" in second.stderr
    _assert_can_sign_in(cli_env, "viewer@acme.example", "resolutionflow-demo")


def test_db_upgrade_is_repeatable(cli_env: dict[str, str]) -> None:
    for _ in range(2):
        r = _run(cli_env, "db", "upgrade")
        assert r.returncode == 0, r.stderr


def _assert_can_sign_in(env: dict[str, str], email: str, password: str) -> None:
    code = (
        "import asyncio, httpx\n"
        "from resolutionflow.app import create_app\n"
        "async def main():\n"
        "    app = create_app()\n"
        "    t = httpx.ASGITransport(app=app)\n"
        "    async with httpx.AsyncClient(transport=t, base_url='http://x') as c:\n"
        f"        r = await c.post('/api/v1/auth/login', json={{'email': {email!r}, 'password': {password!r}}})\n"
        "        print(r.status_code)\n"
        "    await app.state.engine.dispose()\n"
        "asyncio.run(main())\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert r.stdout.strip() == "200", r.stderr


def test_rotate_keys_runs_on_a_fresh_install(cli_env: dict[str, str]) -> None:
    r = _run(cli_env, "admin", "rotate-keys")
    assert r.returncode == 0, r.stderr
    assert "psa_connection.secrets_encrypted: 0 re-encrypted" in r.stderr
    assert "All secrets are encrypted under the newest key." in r.stderr


def test_an_out_of_range_setting_is_named_and_nothing_starts(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    r = _run({**cli_env, "RESOLUTIONFLOW_DATABASE_POOL_SIZE": "0"}, "serve")
    assert r.returncode == 2
    assert (
        "invalid setting: RESOLUTIONFLOW_DATABASE_POOL_SIZE: Input should be greater than or "
        "equal to 1" in " ".join(r.stderr.split())
    )
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "data").exists()  # nothing started, nothing written
