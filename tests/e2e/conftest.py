"""Browser tests: a real server (`resolutionflow serve --demo`) and Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

# Assertions wait as long as actions do: CI runs everything on two busy cores, where a list that
# refreshes after an upload can take longer than the default 5 s.
expect.set_options(timeout=15_000)

CHROMIUM = os.environ.get("RF_CHROMIUM", "/usr/bin/chromium")
# As root Chromium needs --no-sandbox; the rest keep it from calling home on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DEMO_PASSWORD = "resolutionflow-demo"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server_data_dir() -> Path:
    """The e2e server's data directory (its SQLite database lives there), for tests that set
    up what the UI cannot (a job that has already died)."""
    return Path(tempfile.mkdtemp(prefix="rf-e2e-"))


@pytest.fixture(scope="session")
def base_url(server_data_dir: Path) -> Iterator[str]:
    static = Path(__file__).resolve().parents[2] / "src/resolutionflow/static/index.html"
    assert static.is_file(), "build the UI first (make install)"
    data_dir = str(server_data_dir)
    port = _free_port()
    env = {
        **os.environ,
        "RESOLUTIONFLOW_DATA_DIR": data_dir,
        "RESOLUTIONFLOW_BASE_URL": f"http://127.0.0.1:{port}",
        "RESOLUTIONFLOW_ARGON2_TIME_COST": "1",
        "RESOLUTIONFLOW_ARGON2_MEMORY_COST": "1024",
        # The single sign-on journey's OpenID Provider listens on loopback (tests/oidc).
        "RESOLUTIONFLOW_OUTBOUND_ALLOW": "127.0.0.1/32",
    }
    env.pop("RESOLUTIONFLOW_DATABASE_URL", None)
    env.pop("RESOLUTIONFLOW_DATABASE_OWNER_URL", None)
    log = open(Path(data_dir) / "server.log", "w")  # noqa: SIM115
    cli = Path(sys.executable).parent / "resolutionflow"
    server = subprocess.Popen(
        [str(cli), "serve", "--demo", "--port", str(port)], env=env, stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if server.poll() is not None:
                raise RuntimeError(f"server exited; see {data_dir}/server.log")
            try:
                if httpx.get(f"{url}/api/health/ready", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        else:
            raise RuntimeError("server did not become ready")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(15_000)
    pg = context.new_page()
    yield pg
    context.close()


def sign_in(page: Page, email: str, password: str = DEMO_PASSWORD, *, wait: bool = True) -> None:
    """Sign in through the form; by default wait until the app shell shows, so the next
    navigation cannot race the sign-in request."""
    page.goto("/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if wait:
        page.get_by_role("button", name="User menu").wait_for()


def start_pilot(page: Page, intake: str) -> None:
    """From the Sessions page, start a FlowPilot session described by `intake` (the title comes
    from it) and wait for the session's page."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sessions").click()
    page.get_by_role("button", name="Start session").click()
    page.get_by_role("radio", name="FlowPilot").check()
    page.get_by_label("Describe the problem").fill(intake)
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page).to_have_url(re.compile(r"/sessions/[0-9a-f-]{36}$"))
