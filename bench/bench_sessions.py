"""Session benchmarks. Prints figures only, never asserts.

1. Event append throughput: `POST /api/v1/sessions/{id}/events` with a note, beside a bare FastAPI
   endpoint taking a similar JSON body, both in one uvicorn process (like bench_me.py), driven by
   concurrent httpx clients. Once with one session per client, once with every client on one
   shared session (appends to a session are serialised by its lock). SQLite, and PostgreSQL when
   its server binaries exist.
2. Ticket note generation for a 1,000-event session built through the real API in-process
   (a demo flow walked over and over with back events, notes and command output):
   `GET /sessions/{id}/documentation` per format beside `render()` alone on the loaded events,
   with and without redaction.

    .venv/bin/python bench/bench_sessions.py [--seconds 5] [--concurrency 16] [--events 1000]
        [--repeats 10] [--no-postgres] [--only append|docs]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

os.environ.setdefault("RESOLUTIONFLOW_LOG_LEVEL", "WARNING")
os.environ.setdefault("RESOLUTIONFLOW_SECRET_KEY", secrets.token_urlsafe(32))

from sessiongen import walk  # noqa: E402

ENGINEER = {"email": "engineer@acme.example", "password": "resolutionflow-demo"}
NOTE = {"type": "note", "text": "Checked the VPN client log again; the tunnel came up at 09:42."}

SERVER = """
import sys
from fastapi import FastAPI
from pydantic import BaseModel
import uvicorn
from resolutionflow.app import create_app

# The bare endpoint sits in front of the real app, in the same process and event loop, and
# parses a body of the same shape as a note event.
class Body(BaseModel):
    type: str
    text: str

outer = FastAPI()

@outer.post("/bench/bare", status_code=201)
async def bare_endpoint(body: Body) -> dict[str, str]:
    return {"status": "ok", "type": body.type}

outer.mount("/", create_app())
uvicorn.run(outer, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)] if ordered else 0.0


# --- 1. append throughput ----------------------------------------------------------------------


async def _hammer(
    base: str,
    headers: dict[str, str],
    paths: list[str],
    seconds: float,
    concurrency: int,
) -> tuple[int, int, list[float]]:
    """POST the note body from `concurrency` workers for `seconds`; worker i uses paths[i % n].
    Returns (successes, errors, latencies in ms of the successes)."""
    done = errors = 0
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(
        base_url=base, headers=headers, limits=limits, timeout=30
    ) as client:
        deadline = time.perf_counter() + seconds

        async def worker(path: str) -> None:
            nonlocal done, errors
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                r = await client.post(path, json=NOTE)
                if r.status_code == 201:
                    latencies.append((time.perf_counter() - started) * 1000)
                    done += 1
                else:
                    errors += 1

        await asyncio.gather(*(worker(paths[i % len(paths)]) for i in range(concurrency)))
    return done, errors, latencies


def _append_bench(label: str, database_url: str | None, seconds: float, concurrency: int) -> None:
    data_dir = tempfile.mkdtemp(prefix="rf-bench-sessions-")
    env = {**os.environ, "RESOLUTIONFLOW_DATA_DIR": data_dir}
    env.pop("RESOLUTIONFLOW_DATABASE_URL", None)
    if database_url:
        env["RESOLUTIONFLOW_DATABASE_URL"] = database_url
    bin_dir = Path(sys.executable).parent
    subprocess.run([bin_dir / "resolutionflow", "demo"], env=env, check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port)], env=env, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            if server.poll() is not None:
                raise RuntimeError(f"server exited with {server.returncode}")
            try:
                httpx.get(f"{base}/api/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        login = httpx.post(f"{base}/api/v1/auth/login", json=ENGINEER)
        login.raise_for_status()
        auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
        sessions = []
        for i in range(concurrency + 1):
            r = httpx.post(
                f"{base}/api/v1/sessions", json={"title": f"Bench session {i}"}, headers=auth
            )
            r.raise_for_status()
            sessions.append(f"/api/v1/sessions/{r.json()['id']}/events")
        shared, own = sessions[0], sessions[1:]
        # Warm both paths (imports, pools, first-use caches) before measuring.
        asyncio.run(_hammer(base, auth, ["/bench/bare"], 0.5, concurrency))
        asyncio.run(_hammer(base, auth, own, 0.5, concurrency))
        bare = asyncio.run(_hammer(base, {}, ["/bench/bare"], seconds, concurrency))
        per_client = asyncio.run(_hammer(base, auth, own, seconds, concurrency))
        one = asyncio.run(_hammer(base, auth, [shared], seconds, concurrency))
        last_seq = httpx.get(f"{base}{shared.rsplit('/', 1)[0]}", headers=auth).json()["last_seq"]
    finally:
        server.terminate()
        server.wait(timeout=10)

    bare_rps = bare[0] / seconds
    print(
        f"append bench: {label}, {seconds:g}s each, {concurrency} concurrent clients, "
        "one uvicorn process"
    )
    print(f"  {'':34} {'per s':>9} {'p50 ms':>8} {'p95 ms':>8} {'ratio':>7}  errors")
    rows = [
        ("bare POST endpoint (req/s)", bare),
        ("append, one session per client", per_client),
        ("append, one shared session", one),
    ]
    for name, (ok, err, lat) in rows:
        rate = ok / seconds
        ratio = rate / bare_rps if bare_rps else 0.0
        p50 = statistics.median(lat) if lat else 0.0
        print(f"  {name:34} {rate:9.1f} {p50:8.2f} {_p95(lat):8.2f} {ratio:7.3f}  {err}")
    print(f"  (shared session ended at seq {last_seq}; ratio = events/s / bare req/s)")


# --- 2. documentation of a 1,000-event session ---------------------------------------------------


async def _docs_bench(target_events: int, repeats: int) -> None:
    data = Path(tempfile.mkdtemp(prefix="rf-bench-docs-"))
    database_url = f"sqlite+aiosqlite:///{data / 'bench.db'}"
    os.environ["RESOLUTIONFLOW_DATABASE_URL"] = database_url
    os.environ["RESOLUTIONFLOW_DATA_DIR"] = str(data)
    from httpx import ASGITransport, AsyncClient

    from resolutionflow.app import create_app
    from resolutionflow.config import get_settings
    from resolutionflow.db import migrate
    from resolutionflow.demo import load_demo
    from resolutionflow.documentation.render import Event, Meta, render
    from resolutionflow.models import Session
    from resolutionflow.redaction import RedactionOptions, redact
    from resolutionflow.sessions import service as sessions

    get_settings.cache_clear()
    await migrate.upgrade_async(database_url)
    app = create_app(get_settings())
    async with app.state.sessionmaker() as db:
        await load_demo(db)
        await db.commit()
    client = AsyncClient(transport=ASGITransport(app=app), base_url="http://bench")
    login = await client.post("/api/v1/auth/login", json=ENGINEER)
    login.raise_for_status()
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}

    flows = await client.get("/api/v1/flows", params={"q": "VPN"}, headers=headers)
    flow = next(f for f in flows.json()["items"] if f["title"] == "VPN won't connect")
    started = time.perf_counter()
    created = await client.post(
        "/api/v1/sessions",
        json={
            "title": "Remote user can't connect to the VPN",
            "flow_id": flow["id"],
            "ticket_id": "T-48213",
        },
        headers=headers,
    )
    created.raise_for_status()
    session_id = created.json()["id"]
    counts = await walk(client, headers, session_id, target_events - 1, seed=7)
    resolved = await client.post(
        f"/api/v1/sessions/{session_id}/events",
        json={
            "type": "resolve",
            "summary": "Split-tunnel routes were missing after the client update; re-pushed "
            "the profile. Old PSK was secret=hunter2-Acme-2023 and has been rotated.",
            "follow_ups": ["Check the other remote users on client 6.1.3", "Rotate the PSK"],
        },
        headers=headers,
    )
    resolved.raise_for_status()
    build_s = time.perf_counter() - started
    last_seq = resolved.json()["session"]["last_seq"]
    made = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    print(f"docs bench: SQLite, in-process ASGI, median of {repeats}")
    print(f"  built a {last_seq}-event session through the API in {build_s:.1f} s ({made})")

    # The endpoint, as a client sees it.
    bodies: dict[str, str] = {}
    endpoint: dict[str, float] = {}
    for fmt in ("markdown", "text", "html"):
        url = f"/api/v1/sessions/{session_id}/documentation"
        timings = []
        for i in range(repeats + 1):
            t0 = time.perf_counter()
            r = await client.get(url, params={"format": fmt}, headers=headers)
            if i:  # the first call warms up
                timings.append((time.perf_counter() - t0) * 1000)
            r.raise_for_status()
        bodies[fmt] = r.text
        endpoint[fmt] = statistics.median(timings)

    # render() alone, on the events loaded the way documentation.service.document loads them.
    async with app.state.sessionmaker() as db:
        session = await db.get(Session, uuid.UUID(session_id))
        if session is None:
            raise RuntimeError("the bench session vanished")
        t0 = time.perf_counter()
        events = await sessions.events_of(db, session)
        names = await sessions._names(db, {session.owner_id, *(e.actor_id for e in events)})
        titles = await sessions._flow_titles(db, {session.flow_id})
        load_ms = (time.perf_counter() - t0) * 1000
    meta = Meta(
        title=session.title,
        status=session.status,
        ticket_id=session.ticket_id,
        owner_name=names.get(session.owner_id) if session.owner_id else None,
        flow_title=titles.get(session.flow_id) if session.flow_id else None,
        flow_version=session.flow_version,
        started_at=session.created_at,
        ended_at=session.ended_at,
        active_seconds=sessions.active_seconds(session),
    )
    timeline = [
        Event(
            seq=e.seq,
            type=e.type,
            created_at=e.created_at,
            payload=e.payload,
            actor_name=names.get(e.actor_id) if e.actor_id else None,
        )
        for e in events
    ]
    options = RedactionOptions()
    calls = 0

    def clean(value: str) -> str:
        nonlocal calls
        calls += 1
        return redact(value, options).redacted

    def identity(value: str) -> str:
        return value

    def median_ms(fmt: Any, fn: Any) -> float:
        timings = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            render(meta, timeline, fmt, clean=fn)
            timings.append((time.perf_counter() - t0) * 1000)
        return statistics.median(timings)

    print(f"  loading the {len(events)} events + names + titles once: {load_ms:.1f} ms")
    print(
        f"  {'format':9} {'endpoint':>9} {'render+redact':>14} {'render only':>12} "
        f"{'redaction':>10} {'share of endpoint':>18} {'note KB':>8} {'same':>5}"
    )
    for fmt in ("markdown", "text", "html"):
        calls = 0
        real = render(meta, timeline, fmt, clean=clean)
        per_render = calls
        with_redaction = median_ms(fmt, clean)
        without = median_ms(fmt, identity)
        redaction = with_redaction - without
        share = redaction / endpoint[fmt] if endpoint[fmt] else 0.0
        same = "yes" if real == bodies[fmt] else "NO"
        print(
            f"  {fmt:9} {endpoint[fmt]:7.1f}ms {with_redaction:12.1f}ms {without:10.1f}ms "
            f"{redaction:8.1f}ms {share:17.0%} {len(bodies[fmt].encode()) / 1024:8.1f} {same:>5}"
        )
    print(
        f"  ({per_render} clean() calls per render; {bodies['markdown'].count('[REDACTED')} "
        "redactions in the note; 'same' = render() output equals the endpoint body)"
    )
    await client.aclose()
    await app.state.engine.dispose()


# --- main ----------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0, help="per append measurement")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--events", type=int, default=1000, help="size of the documented session")
    parser.add_argument("--repeats", type=int, default=10, help="timings per format (median)")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--only", choices=["append", "docs"])
    args = parser.parse_args()

    if args.only != "docs":
        _append_bench("SQLite", None, args.seconds, args.concurrency)
        has_pg = any(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if not has_pg:
            print("append bench: PostgreSQL skipped (no server binaries)")
        elif not args.no_postgres:
            pg_dir = tempfile.mkdtemp(prefix="rf-bench-pg-")
            script = str(ROOT / "scripts/test-postgres.sh")
            url = subprocess.run(
                [script, "start", pg_dir], check=True, capture_output=True, text=True
            ).stdout.strip()
            try:
                subprocess.run(
                    ["psql", url.replace("+asyncpg", ""), "-qc", "CREATE DATABASE bench"],
                    check=True,
                    capture_output=True,
                )
                bench_url = url.rsplit("/", 1)[0] + "/bench"
                _append_bench("PostgreSQL", bench_url, args.seconds, args.concurrency)
            finally:
                subprocess.run([script, "stop", pg_dir], check=False)
    if args.only != "append":
        asyncio.run(_docs_bench(args.events, args.repeats))


if __name__ == "__main__":
    main()
