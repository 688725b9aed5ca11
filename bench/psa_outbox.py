"""PSA push path against the local ConnectWise stand-in (tests/fakes/connectwise.py). Prints
figures only, never asserts on timings.

1. Outbox: the app in-process (SQLite, ASGI transport, no background worker), a tenant connected
   to the stand-in, N sessions started from ticket 1001 with a note each. Every session's push
   is queued (`POST /sessions/{id}/psa/push` -> 202, timed per request), then the queue is
   drained with `app.state.psa_outbox.run_due()`. Reports enqueue p50/p95, drain throughput, the
   enqueue -> sent latency read from `psa_push.created_at`/`sent_at` (every push is queued before
   the drain starts, so it includes waiting behind the rest of the queue) and the gap between
   consecutive `sent_at` (the time one push takes). Run twice on the same sessions: once clean,
   once with the stand-in answering 429 (Retry-After: 0) to every 3rd note POST, where the gap
   between a refused POST and its retry arriving at the stand-in is the retry's cost. After each
   run the ticket must hold exactly one note per push marker ("duplicates: 0"); the script
   exits 1 when it does not.
2. Paging: `ConnectWise(...).list_members()` against a stand-in with 2,000 extra members.

    .venv/bin/python bench/psa_outbox.py [--pushes 200] [--members 2000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Settings are read from the environment once: set them before the app is imported.
_DATA = Path(tempfile.mkdtemp(prefix="rf-bench-psa-"))
DATABASE_URL = f"sqlite+aiosqlite:///{_DATA / 'bench.db'}"
os.environ.update(
    {
        "RESOLUTIONFLOW_DATA_DIR": str(_DATA),
        "RESOLUTIONFLOW_DATABASE_URL": DATABASE_URL,
        "RESOLUTIONFLOW_LOG_LEVEL": "WARNING",
        # Only the factory's one password hash uses these; nothing measured signs in.
        "RESOLUTIONFLOW_ARGON2_TIME_COST": "1",
        "RESOLUTIONFLOW_ARGON2_MEMORY_COST": "1024",
    }
)
os.environ.setdefault("RESOLUTIONFLOW_SECRET_KEY", secrets.token_urlsafe(32))
for _name in ("ENCRYPTION_KEYS", "LLM_PROVIDER", "SMTP_HOST"):
    os.environ.pop(f"RESOLUTIONFLOW_{_name}", None)

from fastapi import FastAPI  # noqa: E402
from httpx import ASGITransport, AsyncClient  # noqa: E402
from sqlalchemy import select  # noqa: E402
from tests.fakes.connectwise import FakeConnectWise  # noqa: E402
from tests.fixtures.factories import Factory, Tenant  # noqa: E402

from resolutionflow.app import create_app  # noqa: E402
from resolutionflow.config import get_settings  # noqa: E402
from resolutionflow.db import migrate  # noqa: E402
from resolutionflow.models.psa import PsaPush  # noqa: E402
from resolutionflow.providers.psa.connectwise import ConnectWise  # noqa: E402
from resolutionflow.psa.outbox import marker_line  # noqa: E402

TICKET = "1001"
NOTES_PATH = f"/service/tickets/{TICKET}/notes"


class ThrottlingConnectWise(FakeConnectWise):
    """The stand-in, arming a one-shot 429 (Retry-After: 0) before every `throttle_every`-th
    note POST. `fail_next(count=k)` alone would refuse k consecutive POSTs instead."""

    throttle_every = 0
    note_posts = 0

    def _take_fault(self, method: str, path: str) -> Any:
        if self.throttle_every and method == "POST" and path.endswith("/notes"):
            self.note_posts += 1
            if self.note_posts % self.throttle_every == 0:
                self.fail_next(429, count=1, retry_after=0, method="POST", path_contains="/notes")
        return super()._take_fault(method, path)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * q + 0.5) - 1)] if ordered else 0.0


def _ms(values: list[float]) -> str:
    return (
        f"p50 {statistics.median(values):7.1f} ms  p95 {_pct(values, 0.95):7.1f} ms  "
        f"max {max(values):7.1f} ms"
    )


def _check(r: Any, status: int) -> Any:
    if r.status_code != status:
        raise RuntimeError(f"{r.request.method} {r.request.url.path}: {r.status_code} {r.text}")
    return r.json()


async def _sessions(client: AsyncClient, tenant: Tenant, n: int) -> tuple[list[str], float]:
    """N sessions started from ticket 1001 (the ticket is fetched from the stand-in), a note each."""
    headers = tenant.engineer.headers
    started = time.perf_counter()
    ids: list[str] = []
    for i in range(n):
        session = _check(
            await client.post(
                "/api/v1/sessions",
                headers=headers,
                json={"title": f"Bench push {i}", "ticket_id": TICKET},
            ),
            201,
        )
        _check(
            await client.post(
                f"/api/v1/sessions/{session['id']}/events",
                headers=headers,
                json={"type": "note", "text": f"Cleared the Outlook profile cache on PC-{i:04d}."},
            ),
            201,
        )
        ids.append(session["id"])
    return ids, time.perf_counter() - started


async def _round(
    app: FastAPI,
    client: AsyncClient,
    tenant: Tenant,
    srv: ThrottlingConnectWise,
    ids: list[str],
    label: str,
    throttle_every: int,
    *,
    quiet: bool = False,
) -> bool:
    """Queues one push per session, drains the outbox, and checks what reached the ticket."""
    srv.reset()  # the ticket's notes back to the seed: this round's notes only
    srv.note_posts, srv.throttle_every = 0, throttle_every
    headers = tenant.engineer.headers
    n = len(ids)
    since = datetime.now(UTC)

    enqueue_ms: list[float] = []
    started = time.perf_counter()
    for sid in ids:
        t0 = time.perf_counter()
        _check(
            await client.post(
                f"/api/v1/sessions/{sid}/psa/push", headers=headers, json={"note_type": "internal"}
            ),
            202,
        )
        enqueue_ms.append((time.perf_counter() - t0) * 1000)
    enqueue_s = time.perf_counter() - started

    before = len(srv.api_requests())
    started = time.perf_counter()
    handled = await app.state.psa_outbox.run_due()
    drain_s = time.perf_counter() - started
    calls = srv.api_requests()[before:]
    note_posts = [c for c in calls if c["method"] == "POST" and c["path"] == NOTES_PATH]
    posts = len(note_posts)
    throttled = srv.note_posts // throttle_every if throttle_every else 0
    # The drain is sequential, so the POST after each refused one is its in-call retry: the gap
    # between the two arriving at the stand-in is what the retry cost.
    retry_ms = [
        (note_posts[k + 1]["at"] - note_posts[k]["at"]) * 1000
        for k in range(len(note_posts) - 1)
        if throttle_every and (k + 1) % throttle_every == 0
    ]

    async with app.state.sessionmaker() as db:
        pushes = list(
            (
                await db.execute(
                    select(PsaPush).where(
                        PsaPush.session_id.in_([uuid.UUID(s) for s in ids]),
                        PsaPush.created_at >= since,
                    )
                )
            ).scalars()
        )
    states: dict[str, int] = {}
    for p in pushes:
        states[p.state] = states.get(p.state, 0) + 1
    e2e_ms = [(p.sent_at - p.created_at).total_seconds() * 1000 for p in pushes if p.sent_at]
    sent = sorted(p.sent_at for p in pushes if p.sent_at)
    gaps_ms = [(b - a).total_seconds() * 1000 for a, b in pairwise(sent)]
    outbox_retries = sum(max(0, p.attempts - 1) for p in pushes)

    texts = [note["text"] for note in srv.notes(int(TICKET))]
    ours = [t for t in texts if "[ResolutionFlow RF-" in t]
    per_marker = [sum(marker_line(p.marker) in t for t in ours) for p in pushes]
    duplicates = sum(max(0, c - 1) for c in per_marker)
    missing = sum(1 for c in per_marker if c == 0)

    ok = len(ours) == n and duplicates == 0 and missing == 0 and states == {"sent": n}
    if quiet:
        return ok
    print(f"  {label}")
    print(f"    enqueue (POST .../psa/push -> 202): {_ms(enqueue_ms)}  ({n / enqueue_s:.0f} req/s)")
    print(
        f"    drain run_due(): {handled} pushes in {drain_s:.2f} s = {handled / drain_s:.0f} "
        f"pushes/s; {posts} note POSTs ({throttled} answered 429, retried in-call), "
        f"{len(calls)} PSA calls, {outbox_retries} outbox re-queues"
    )
    if e2e_ms:
        print(f"    enqueue -> sent (psa_push.created_at -> sent_at): {_ms(e2e_ms)}")
    if gaps_ms:
        print(f"    per push in the drain (gap between sent_at):      {_ms(gaps_ms)}")
    if retry_ms:
        print(
            f"    429 -> its retry arriving at the stand-in:         {_ms(retry_ms)}; "
            f"{len(retry_ms)} retries = {sum(retry_ms) / 1000:.2f} s "
            f"({sum(retry_ms) / 1000 / drain_s:.0%} of the drain)"
        )
    state_text = ", ".join(f"{k} {v}" for k, v in sorted(states.items()))
    print(
        f"    ticket {TICKET}: {len(ours)} notes with markers for {n} pushes ({state_text}); "
        f"duplicates: {duplicates}, missing: {missing}"
    )
    return ok


async def _outbox_bench(n: int) -> bool:
    get_settings.cache_clear()
    await migrate.upgrade_async(DATABASE_URL)
    app = create_app(get_settings())
    tenant = await Factory(app).tenant()
    with ThrottlingConnectWise() as srv:
        transport = ASGITransport(app=app, client=("10.9.8.7", 40000))
        async with AsyncClient(transport=transport, base_url="http://bench") as client:
            _check(
                await client.put(
                    "/api/v1/integrations/psa",
                    headers=tenant.admin.headers,
                    json={"provider": "connectwise", **srv.credentials()},
                ),
                200,
            )
            # Warm up (first-use imports, caches, connection pools) before measuring.
            warm, _ = await _sessions(client, tenant, min(n, 10))
            ok = await _round(app, client, tenant, srv, warm, "warm-up", 3, quiet=True)
            ids, setup_s = await _sessions(client, tenant, n)
            print(
                f"outbox bench: {n} pushes per run to one ConnectWise ticket, SQLite, "
                "in-process ASGI, stand-in in a thread of the same process"
            )
            print(
                f"  setup: {n} sessions started from ticket {TICKET} + a note each in "
                f"{setup_s:.1f} s; both runs push from these sessions"
            )
            ok &= await _round(app, client, tenant, srv, ids, "run 1: every note POST answered", 0)
            ok &= await _round(
                app,
                client,
                tenant,
                srv,
                ids,
                "run 2: 429 (Retry-After: 0) to every 3rd note POST",
                3,
            )
    await app.state.engine.dispose()
    return ok


async def _paging_bench(members: int, repeats: int) -> None:
    with FakeConnectWise(extra_members=members) as srv:
        timings: list[float] = []
        pages: list[int] = []
        found = 0
        for _ in range(repeats):
            before = len(srv.api_requests())
            client = ConnectWise(srv.credentials())
            t0 = time.perf_counter()
            listed = await client.list_members()
            timings.append(time.perf_counter() - t0)
            await client.aclose()
            found = len(listed)
            pages.append(
                sum(1 for c in srv.api_requests()[before:] if c["path"] == "/system/members")
            )
    median = statistics.median(timings)
    print(
        f"paging bench: ConnectWise.list_members() against {members + 5} members "
        f"(page size {ConnectWise.page_size}, conditions inactiveFlag = false), {repeats} runs"
    )
    print(
        f"  {found} active members in {pages[-1]} pages: median {median:.2f} s "
        f"({median / pages[-1] * 1000:.0f} ms/page), max {max(timings):.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pushes", type=int, default=200, help="sessions (and pushes) per run")
    parser.add_argument("--members", type=int, default=2000, help="extra members for paging")
    parser.add_argument("--repeats", type=int, default=3, help="list_members() runs (median)")
    args = parser.parse_args()
    if args.pushes < 2 or args.repeats < 1:
        parser.error("--pushes must be at least 2 and --repeats at least 1")

    started = time.perf_counter()
    ok = asyncio.run(_outbox_bench(args.pushes))
    asyncio.run(_paging_bench(args.members, args.repeats))
    print(f"(whole bench {time.perf_counter() - started:.0f} s)")
    if not ok:
        print("delivery check FAILED: a push was lost, duplicated or not sent")
        sys.exit(1)


if __name__ == "__main__":
    main()
