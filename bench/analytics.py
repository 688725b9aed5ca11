"""Analytics benchmark: a year of one account's work — 100,000 sessions with 2,000,000 timeline
entries by default, plus noise in three other accounts — then p50/p95 of every analytics
endpoint for 90-day views, on SQLite and (when its server binaries exist) PostgreSQL.

The data is written the way the app would have left it: sessions walking real published flows
(questions, actions, resolutions), pauses, escalations with handoffs and pickups, copilot replies
and accepted suggestions, linked tickets with a client, FlowPilot sessions with tiers and a
proposed flow, PSA pushes in every state. Session facts and step visits are folded from those
timelines by the same code the append hook runs (analytics/timeline.py), then everything is bulk
inserted with Core executemany in chunks. On PostgreSQL the app connects as a role under
row-level security, as the tests and docs/operations.md set it up.

Requests go through the app in-process (httpx ASGI transport): the figures are the app and the
database, without a network. Prints figures only; the target is p95 < 500 ms.

    .venv/bin/python bench/analytics.py [--sessions 100000] [--events 2000000] [--noise 0.1]
        [--requests 20] [--no-postgres] [--no-sqlite] [--seed 7]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

os.environ.setdefault("RESOLUTIONFLOW_LOG_LEVEL", "WARNING")
os.environ.setdefault("RESOLUTIONFLOW_SECRET_KEY", secrets.token_urlsafe(32))
# No background jobs while measuring (the catch-up schedule would find nothing to do anyway).
os.environ["RESOLUTIONFLOW_JOBS_IN_PROCESS"] = "false"

from sqlalchemy import text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from flowgen import tree  # noqa: E402

P95_TARGET_MS = 500.0
FLOWS = 40
ENGINEERS = 40
TEAMS = 4
CLIENTS = [f"Client {i:02d}" for i in range(60)]
CHUNK = 2_000  # sessions per insert transaction
ZIPF = [1 / (rank + 1) for rank in range(FLOWS)]


def _pct(ordered: list[float], p: float) -> float:
    return ordered[max(0, math.ceil(p * len(ordered)) - 1)] if ordered else 0.0


# --- the generated world -------------------------------------------------------------------------


@dataclass
class Account:
    id: uuid.UUID
    admin: uuid.UUID
    engineers: list[uuid.UUID]
    teams: list[tuple[uuid.UUID, list[uuid.UUID]]]
    flows: list[tuple[uuid.UUID, dict[str, Any]]] = field(default_factory=list)


@dataclass
class Rows:
    session: list[dict[str, Any]] = field(default_factory=list)
    session_event: list[dict[str, Any]] = field(default_factory=list)
    session_fact: list[dict[str, Any]] = field(default_factory=list)
    step_visit: list[dict[str, Any]] = field(default_factory=list)
    handoff: list[dict[str, Any]] = field(default_factory=list)
    psa_push: list[dict[str, Any]] = field(default_factory=list)

    def clear(self) -> None:
        for name in self.__dataclass_fields__:
            getattr(self, name).clear()


class Walker:
    """One session's timeline, as the engine and the other features would have written it."""

    def __init__(self, rng: random.Random, start: datetime) -> None:
        self.rng = rng
        self.t = start
        self.entries: list[tuple[str, datetime, dict[str, Any]]] = []
        self.active = 0.0
        self.running = True

    def add(self, kind: str, **payload: Any) -> None:
        self.entries.append((kind, self.t, payload))

    def wait(self, seconds: float, active: bool = True) -> None:
        self.t += timedelta(seconds=seconds)
        if active and self.running:
            self.active += seconds


def _session(
    rng: random.Random,
    account: Account,
    created: datetime,
    now: datetime,
    target_events: int,
) -> tuple[dict[str, Any], list[tuple[str, datetime, dict[str, Any]]], dict[str, Any]]:
    """(session columns, timeline entries, extras: handoff / pushes)."""
    owner = rng.choice(account.engineers)
    w = Walker(rng, created)
    flow_id: uuid.UUID | None = None
    pilot: dict[str, Any] | None = None
    mode = "guided"
    extras: dict[str, Any] = {"handoff": None, "pushes": []}
    # Popular flows get most runs (Zipf: the busiest gets about a quarter), as in a library.
    pick = rng.choices(range(len(account.flows)), ZIPF[: len(account.flows)])[0]
    roll = rng.random()
    w.add("started")
    if roll < 0.12:
        mode = "pilot"
        tier = rng.choice(["discovery", "exploring", "guided"])
        decision = rng.choice([None, "proposed", "accepted", "declined"])
        pilot = {"tier": tier, "flow_decision": decision, "triage": {"category": "Printing"}}
        w.add("pilot_intake", text="printer offline")
        if decision == "accepted":
            flow_id, graph = account.flows[pick]
    elif roll < 0.22:
        graph = {}
    else:
        flow_id, graph = account.flows[pick]
    if rng.random() < 0.4:
        w.add("ticket_linked", company=rng.choice(CLIENTS), ticket_id="1001")
    status = "resolved"
    if flow_id is not None:
        nodes = {n["id"]: n for n in graph["nodes"]}
        out: dict[str, list[dict[str, Any]]] = {}
        for e in graph["edges"]:
            out.setdefault(e["source"], []).append(e)
        node = nodes[graph["start"]]
        escalated = False
        while True:
            w.add("step_shown", node_id=node["id"], flow_id=str(flow_id), version=1)
            if node["type"] == "resolution":
                outcome = node.get("outcome", "resolved")
                w.add("flow_completed", node_id=node["id"], outcome=outcome)
                status = {"resolved": "resolved", "unresolved": "unresolved"}.get(
                    outcome, "resolved" if escalated else "escalated"
                )
                break
            if rng.random() < 0.04:
                status = "abandoned"
                break
            w.wait(rng.uniform(8, 240))
            if rng.random() < 0.05:
                w.add("paused")
                w.running = False
                w.wait(rng.uniform(60, 3600), active=False)
                w.running = True
                w.add("resumed")
                w.wait(rng.uniform(5, 60))
            if not escalated and rng.random() < 0.03:
                escalated = True
                w.add("escalated", handoff_id="h")
                w.running = False
                w.wait(rng.uniform(300, 7200), active=False)
                w.running = True
                w.add("claimed", handoff_id="h")
                extras["handoff"] = "claimed"
                w.wait(rng.uniform(5, 60))
            edge = rng.choice(out[node["id"]])
            w.add("answer", node_id=node["id"], answer=edge["label"], flow_id=str(flow_id))
            node = nodes[edge["target"]]
    else:
        status = rng.choices(["resolved", "unresolved", "abandoned"], [0.75, 0.1, 0.15])[0]
        w.wait(rng.uniform(60, 1800))
    if rng.random() < 0.15:
        w.add("copilot_reply", content="Try this", suggestions=[{"title": "Restart"}])
        if rng.random() < 0.5:
            w.add("suggestion_accepted", title="Restart")
    # Notes and command output fill the timeline to its size.
    while len(w.entries) + 1 < target_events:
        w.wait(rng.uniform(5, 60))
        w.add(rng.choice(["note", "command_output"]), text="Checked the event log.")
    if status == "escalated":
        extras["handoff"] = "unclaimed"
        w.add("escalated", handoff_id="h")
        w.running = False
    elif created > now - timedelta(days=2) and rng.random() < 0.5:
        status = "active"
    else:
        w.wait(rng.uniform(2, 30))
        w.add(status, summary="done")
        w.running = False
    if status == "resolved" and rng.random() < 0.3:
        extras["pushes"] = [rng.choices(["sent", "failed", "queued"], [0.85, 0.1, 0.05])[0]]
    ended = status in ("resolved", "unresolved", "abandoned")
    columns = {
        "owner_id": owner,
        "status": status,
        "flow_id": flow_id,
        "flow_version": 1 if flow_id else None,
        "outcome": status if ended else None,
        "active_seconds": int(w.active),
        "ended_at": w.t if ended else None,
        "updated_at": w.t,
        "mode": mode,
        "pilot": pilot,
    }
    return columns, w.entries, extras


def generate(
    rng: random.Random,
    account: Account,
    sessions: int,
    events: int,
    now: datetime,
) -> Iterator[Rows]:
    """Chunks of rows for `sessions` sessions over the last year (about `events` entries)."""
    from resolutionflow.analytics.timeline import Entry, fold

    mean = events / sessions
    rows = Rows()
    for _ in range(sessions):
        created = now - timedelta(seconds=rng.uniform(0, 365 * 86400))
        target = max(3, int(rng.gauss(mean, mean / 4)))
        columns, entries, extras = _session(rng, account, created, now, target)
        sid = uuid.uuid4()
        rows.session.append(
            {
                "id": sid,
                "account_id": account.id,
                "created_at": created,
                "title": "Generated session",
                "owner_id": columns["owner_id"],
                "status": columns["status"],
                "flow_id": columns["flow_id"],
                "flow_version": columns["flow_version"],
                "ticket_id": None,
                "state": {},
                "current_node": None,
                "outcome": columns["outcome"],
                "summary": "",
                "active_seconds": columns["active_seconds"],
                "active_since": None,
                "ended_at": columns["ended_at"],
                "last_seq": len(entries),
                "mode": columns["mode"],
                "pilot": columns["pilot"],
                "updated_at": columns["updated_at"],
            }
        )
        folded_in: list[Entry] = []
        for seq, (kind, when, payload) in enumerate(entries, 1):
            rows.session_event.append(
                {
                    "id": uuid.uuid4(),
                    "account_id": account.id,
                    "session_id": sid,
                    "seq": seq,
                    "type": kind,
                    "actor_id": columns["owner_id"],
                    "created_at": when,
                    "payload": payload,
                }
            )
            folded_in.append(Entry(seq, kind, when, payload))
        folded = fold(folded_in)
        rows.session_fact.append(
            {
                "session_id": sid,
                "account_id": account.id,
                "through_seq": len(entries),
                "client": folded.client,
                "escalated": folded.escalated,
                "copilot_suggested": folded.copilot_suggested,
                "copilot_accepted": folded.copilot_accepted,
                "state": folded.state.model_dump(mode="json"),
            }
        )
        for v in folded.opened.values():
            rows.step_visit.append(
                {
                    "id": uuid.uuid4(),
                    "account_id": account.id,
                    "session_id": sid,
                    "seq": v.seq,
                    "flow_id": v.flow_id,
                    "flow_version": v.flow_version,
                    "node_id": v.node_id,
                    "shown_at": v.shown_at,
                    "ended_at": v.ended_at,
                    "answered": v.answered,
                    "active_seconds": v.active_seconds,
                    "prev_node_id": v.prev_node_id,
                    "last_in_flow": v.last_in_flow,
                }
            )
        if extras["handoff"]:
            rows.handoff.append(
                {
                    "id": uuid.uuid4(),
                    "account_id": account.id,
                    "session_id": sid,
                    "escalated_by_id": columns["owner_id"],
                    "reason": "Need a senior",
                    "priority": "medium",
                    "target_user_id": None,
                    "target_team_id": None,
                    "snapshot": {},
                    "assessment": None,
                    "assessment_status": "ready",
                    "status": extras["handoff"],
                    "claimed_by_id": None,
                    "claimed_at": None,
                    "cause_correct": None,
                    "created_at": created,
                    "updated_at": created,
                }
            )
        for state in extras["pushes"]:
            rows.psa_push.append(
                {
                    "id": uuid.uuid4(),
                    "account_id": account.id,
                    "session_id": sid,
                    "connection_id": None,
                    "provider": "connectwise",
                    "ticket_id": "1001",
                    "trigger": "resolve",
                    "note_type": "resolution",
                    "notify_customer": False,
                    "body": "note",
                    "marker": secrets.token_hex(10),
                    "time_minutes": None,
                    "target_status": None,
                    "state": state,
                    "attempts": 1,
                    "next_attempt_at": created,
                    "lease_until": None,
                    "last_error": "",
                    "psa_note_id": None,
                    "outcome": {},
                    "requested_by_id": None,
                    "sent_at": None,
                    "created_at": created,
                    "updated_at": created,
                }
            )
        if len(rows.session) >= CHUNK:
            yield rows
            rows = Rows()
    if rows.session:
        yield rows


# --- setting up and loading ----------------------------------------------------------------------


async def _account(app: Any, name: str, rng: random.Random) -> Account:
    from resolutionflow.auth.passwords import hash_password
    from resolutionflow.db import uow
    from resolutionflow.models import Account as AccountRow
    from resolutionflow.models import Flow, FlowVersion, Team, TeamMembership, User

    password = hash_password("bench-password-not-used")
    async with uow.transaction(app.state.sessionmaker) as db:
        slug = f"{name.lower()}-{secrets.token_hex(3)}"
        account = AccountRow(name=f"{name} {slug}", slug=slug)
        db.add(account)
        await db.flush()

        def user(role: str, i: int) -> User:
            return User(
                account_id=account.id,
                email=f"{role}{i}-{slug}@bench.example",
                name=f"{role} {i}",
                role=role,
                password_hash=password,
            )

        admin = user("team_admin", 0)
        engineers = [user("engineer", i) for i in range(ENGINEERS)]
        db.add_all([admin, *engineers])
        await db.flush()
        teams = []
        for t in range(TEAMS):
            team = Team(account_id=account.id, name=f"Team {t}", description="")
            db.add(team)
            await db.flush()
            members = [e.id for e in engineers[t::TEAMS]]
            for m in members:
                db.add(TeamMembership(account_id=account.id, team_id=team.id, user_id=m))
            teams.append((team.id, members))
        result = Account(account.id, admin.id, [e.id for e in engineers], teams)
        now = datetime.now(UTC)
        for _ in range(FLOWS):
            graph = tree(rng.randint(12, 40), seed=rng.randint(0, 10**6))
            flow = Flow(
                account_id=account.id,
                kind="troubleshooting",
                title=graph["title"],
                description="",
                category=graph["category"],
                tags=graph["tags"],
                draft=graph,
                draft_revision=1,
                draft_updated_at=now - timedelta(days=rng.randint(0, 400)),
                published_revision=1,
                latest_version=1,
            )
            db.add(flow)
            await db.flush()
            db.add(
                FlowVersion(
                    account_id=account.id,
                    flow_id=flow.id,
                    number=1,
                    graph=graph,
                    published_at=now,
                )
            )
            result.flows.append((flow.id, graph))
    return result


async def _load(app: Any, rows: Rows) -> None:
    from sqlalchemy import insert

    from resolutionflow.db import uow
    from resolutionflow.models import (
        Handoff,
        PsaPush,
        Session,
        SessionEvent,
        SessionFact,
        StepVisit,
    )

    # Through the app's units of work: on PostgreSQL they state the tenant (here: the
    # installation, all accounts) that row-level security checks every row against.
    async with uow.transaction(app.state.sessionmaker) as db:
        for model, batch in (
            (Session, rows.session),
            (SessionEvent, rows.session_event),
            (SessionFact, rows.session_fact),
            (StepVisit, rows.step_visit),
            (Handoff, rows.handoff),
            (PsaPush, rows.psa_push),
        ):
            for start in range(0, len(batch), 5000):
                await db.execute(insert(model.__table__), batch[start : start + 5000])


async def _generate(app: Any, args: argparse.Namespace) -> tuple[Account, int]:
    rng = random.Random(args.seed)
    now = datetime.now(UTC)
    main = await _account(app, "Main", rng)
    noise = [await _account(app, f"Noise{i}", rng) for i in range(3)]
    started = time.perf_counter()
    total_events = 0
    plans = [(main, args.sessions, args.events)]
    per_noise = int(args.sessions * args.noise / len(noise))
    plans += [(a, per_noise, per_noise * args.events // args.sessions) for a in noise]
    for account, sessions, events in plans:
        if sessions <= 0:
            continue
        for rows in generate(rng, account, sessions, events, now):
            total_events += len(rows.session_event)
            await _load(app, rows)
    elapsed = time.perf_counter() - started
    print(
        f"  generated {args.sessions:,} sessions in the main account and {per_noise * 3:,} in "
        f"three others ({total_events:,} timeline entries in all) in {elapsed:.0f} s"
    )
    # Fresh statistics (and PostgreSQL's visibility map, for index-only scans), as autovacuum
    # or `PRAGMA optimize` would leave them; on PostgreSQL as the tables' owner.
    owner = os.environ.get("RESOLUTIONFLOW_DATABASE_OWNER_URL")
    engine = create_async_engine(owner, isolation_level="AUTOCOMMIT") if owner else app.state.engine
    try:
        if engine.dialect.name == "postgresql":
            async with engine.connect() as conn:
                await conn.execute(text("VACUUM ANALYZE"))
        else:
            async with engine.begin() as conn:
                await conn.execute(text("ANALYZE"))
    finally:
        if owner:
            await engine.dispose()
    return main, total_events


# --- measuring ----------------------------------------------------------------------------------


async def _measure(
    app: Any, main: Account, requests: int, seed: int
) -> list[tuple[str, float, float]]:
    from httpx import ASGITransport, AsyncClient

    from resolutionflow.auth.tokens import issue_access_token
    from resolutionflow.config import get_settings

    def headers(user_id: uuid.UUID) -> dict[str, str]:
        token = issue_access_token(
            get_settings(), user_id=user_id, account_id=main.id, token_version=0
        )
        return {"Authorization": f"Bearer {token}"}

    admin, engineer = headers(main.admin), headers(main.engineers[0])
    busiest = main.flows[0][0]
    rng = random.Random(seed)
    today = datetime.now(UTC).date()

    def window() -> str:
        end = today - timedelta(days=rng.randint(0, 270))
        return f"from={(end - timedelta(days=89)).isoformat()}&to={end.isoformat()}"

    cases: list[tuple[str, dict[str, str], Any]] = [
        ("overview", admin, lambda: f"/api/v1/analytics/overview?{window()}"),
        ("overview, team filter", admin,
         lambda: f"/api/v1/analytics/overview?{window()}&team_id={rng.choice(main.teams)[0]}"),
        ("overview, an engineer's own", engineer, lambda: f"/api/v1/analytics/overview?{window()}"),
        ("overview as CSV", admin, lambda: f"/api/v1/analytics/overview?{window()}&format=csv"),
        ("flow table", admin, lambda: f"/api/v1/analytics/flows?{window()}"),
        ("busiest flow's path view", admin,
         lambda: f"/api/v1/analytics/flows/{busiest}?{window()}"),
        ("a random flow's path view", admin,
         lambda: f"/api/v1/analytics/flows/{rng.choice(main.flows)[0]}?{window()}"),
        ("coverage category x outcome", admin, lambda: f"/api/v1/analytics/coverage?{window()}"),
        ("coverage client x category", admin,
         lambda: f"/api/v1/analytics/coverage?{window()}&rows=client&cols=category"),
        ("sessions of a cell", admin,
         lambda: f"/api/v1/analytics/sessions?{window()}&category=Email&outcome=resolved"),
    ]  # fmt: skip
    results = []
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://bench") as client:
        for label, who, path in cases:
            timings = []
            for i in range(requests + 2):
                started = time.perf_counter()
                r = await client.get(path(), headers=who)
                took = (time.perf_counter() - started) * 1000
                assert r.status_code == 200, (label, r.status_code, r.text[:300])
                if i >= 2:  # the first two warm the caches
                    timings.append(took)
            timings.sort()
            results.append((label, statistics.median(timings), _pct(timings, 0.95)))
    return results


def _report(label: str, results: list[tuple[str, float, float]]) -> None:
    width = max(len(r[0]) for r in results)
    for name, p50, p95 in results:
        verdict = "PASS" if p95 < P95_TARGET_MS else "MISS"
        print(f"  {name:<{width}}  p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   {verdict}")
    worst = max(r[2] for r in results)
    print(f"  {label}: worst p95 {worst:.1f} ms (target < {P95_TARGET_MS:.0f} ms)")


async def _run(url: str, owner_url: str, args: argparse.Namespace, label: str) -> None:
    os.environ["RESOLUTIONFLOW_DATABASE_URL"] = url
    os.environ["RESOLUTIONFLOW_DATABASE_OWNER_URL"] = owner_url
    from resolutionflow.app import create_app
    from resolutionflow.config import get_settings

    get_settings.cache_clear()
    app = create_app(get_settings())
    try:
        main, _ = await _generate(app, args)
        results = await _measure(app, main, args.requests, args.seed)
        _report(label, results)
    finally:
        await app.state.read_engine.dispose()
        await app.state.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=2_000_000)
    parser.add_argument("--noise", type=float, default=0.1, help="other accounts' share")
    parser.add_argument("--requests", type=int, default=20, help="per endpoint")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    print(
        f"analytics bench: {args.sessions:,} sessions, ~{args.events:,} timeline entries over a "
        f"year; 90-day views, {args.requests} requests per endpoint; {os.cpu_count()} CPUs"
    )

    from tests.fixtures.database import create_test_database, drop_test_database

    if not args.no_sqlite:
        data = Path(tempfile.mkdtemp(prefix="rf-bench-analytics-"))
        os.environ["RESOLUTIONFLOW_DATA_DIR"] = str(data)
        database = create_test_database(None, data)
        print("SQLite (embedded default)")
        asyncio.run(_run(database.url, "", args, "SQLite"))

    has_pg = any(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if args.no_postgres or not has_pg:
        if not has_pg:
            print("PostgreSQL skipped: no server binaries (apt-get install postgresql)")
        return
    pg_dir = tempfile.mkdtemp(prefix="rf-bench-pg-")
    server = subprocess.run(
        [str(ROOT / "scripts/test-postgres.sh"), "start", pg_dir],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    try:
        data = Path(tempfile.mkdtemp(prefix="rf-bench-analytics-"))
        os.environ["RESOLUTIONFLOW_DATA_DIR"] = str(data)
        database = create_test_database(server, data)
        print("PostgreSQL (the app's role under row-level security)")
        try:
            asyncio.run(_run(database.url, database.owner_url, args, "PostgreSQL"))
        finally:
            drop_test_database(database)
    finally:
        subprocess.run([str(ROOT / "scripts/test-postgres.sh"), "stop", pg_dir], check=False)


if __name__ == "__main__":
    main()
