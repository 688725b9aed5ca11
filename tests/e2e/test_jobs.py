"""Journey: a Slack notice dies because the account has no Slack webhook; the team admin opens
Jobs from the sidebar, sees it under "Needs attention" with its error, connects Slack, presses
Retry with the keyboard, and the notice is sent: the job leaves "Needs attention" and is listed
under "Done", and the stand-in Slack server received it once."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from tests.e2e.conftest import DEMO_PASSWORD, sign_in
from tests.fakes.local_server import LocalServer

ADMIN = "admin@acme.example"
REMOVED = "The Slack webhook was removed; nothing to send to."


class FakeSlack(LocalServer):
    """An incoming webhook that accepts every message (http on loopback is allowed)."""

    vendor = "slack"

    def routes(self) -> Sequence[BaseRoute]:
        return [Route("/hook", self._hook, methods=["POST"])]

    async def _hook(self, request: Request) -> Response:
        await self._record(request)
        return PlainTextResponse("ok")


async def _queue_slack_notice(db_file: Path, account_id: uuid.UUID, title: str) -> uuid.UUID:
    """Queues a Slack notice for the account in the server's database, the way the app does."""
    from resolutionflow.config import get_settings
    from resolutionflow.db import uow
    from resolutionflow.db.engine import make_engine, make_sessionmaker
    from resolutionflow.jobs.queue import enqueue
    from resolutionflow.outbound.notices import WEBHOOK, WebhookPayload

    engine = make_engine(get_settings(), f"sqlite+aiosqlite:///{db_file}")
    try:
        async with uow.transaction(make_sessionmaker(engine)) as db:
            job = await enqueue(
                db,
                WEBHOOK,
                WebhookPayload(channel="slack", title=title, text="A test notice.", link="/"),
                account_id=account_id,
            )
            job_id: uuid.UUID = job.id
            return job_id
    finally:
        await engine.dispose()


@pytest.fixture
def admin_api(base_url: str) -> Iterator[httpx.Client]:
    token = httpx.post(
        f"{base_url}/api/v1/auth/login", json={"email": ADMIN, "password": DEMO_PASSWORD}
    ).json()["access_token"]
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}) as client:
        # The notice must die for want of a webhook; other journeys expect none set, too.
        client.put(
            "/api/v1/account/escalation-channels", json={"slack_webhook_url": ""}
        ).raise_for_status()
        yield client
        client.put("/api/v1/account/escalation-channels", json={"slack_webhook_url": ""})


def _wait_for_state(api: httpx.Client, job_id: uuid.UUID, state: str) -> dict[str, object]:
    deadline = time.monotonic() + 30  # the server's worker polls every 5 s
    while True:
        job: dict[str, object] = api.get(f"/api/v1/jobs/{job_id}").raise_for_status().json()
        if job["state"] == state or time.monotonic() > deadline:
            assert job["state"] == state, job
            return job
        time.sleep(0.25)


def test_admin_retries_a_dead_slack_notice_from_the_jobs_page(
    page: Page, base_url: str, admin_api: httpx.Client, server_data_dir: Path
) -> None:
    account_id = uuid.UUID(str(admin_api.get("/api/v1/me").raise_for_status().json()["account_id"]))
    title = f"Jobs journey {uuid.uuid4().hex[:8]}"
    db_file = server_data_dir / "resolutionflow.db"
    assert db_file.is_file(), db_file
    # Playwright's sync API keeps an event loop on this thread: run ours on another.
    with ThreadPoolExecutor(1) as pool:
        job_id = pool.submit(asyncio.run, _queue_slack_notice(db_file, account_id, title)).result()
    dead = _wait_for_state(admin_api, job_id, "dead")
    assert dead["last_error"] == REMOVED

    sign_in(page, ADMIN)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Jobs").click()
    expect(page.get_by_role("heading", name="Jobs")).to_be_visible()
    tabs = page.get_by_role("tablist", name="Job state")
    expect(tabs.get_by_role("tab", name="Needs attention")).to_have_attribute(
        "aria-selected", "true"
    )
    jobs = page.get_by_role("table", name="Jobs")
    row = jobs.locator(f'[data-testid="job-row"][data-job-id="{job_id}"]')
    expect(row).to_have_attribute("data-state", "dead")
    expect(row).to_contain_text(f"Slack: {title}")
    expect(row.get_by_test_id("job-state")).to_have_text("Dead")
    expect(row.get_by_test_id("job-error")).to_have_text(REMOVED)
    expect(row.get_by_test_id("job-attempts")).to_have_text("1 of 4")

    with FakeSlack() as slack:
        admin_api.put(
            "/api/v1/account/escalation-channels", json={"slack_webhook_url": f"{slack.url}/hook"}
        ).raise_for_status()

        retry = row.get_by_role("button", name="Retry")
        retry.focus()
        expect(retry).to_be_focused()
        page.keyboard.press("Enter")

        # Sent at once by the server's worker: it leaves "Needs attention"…
        expect(row).to_have_count(0)
        _wait_for_state(admin_api, job_id, "succeeded")
        # …and is listed under "Done".
        tabs.get_by_role("tab", name="Done").click()
        done = jobs.locator(f'[data-testid="job-row"][data-job-id="{job_id}"]')
        expect(done).to_have_attribute("data-state", "succeeded")
        expect(done.get_by_test_id("job-state")).to_have_text("Done")
        expect(done.get_by_test_id("job-attempts")).to_have_text("1 of 4")
        expect(done.get_by_role("button", name="Retry")).to_have_count(0)

        sent = [r for r in slack.requests if title in str(r["json"])]
        assert len(sent) == 1, slack.requests
