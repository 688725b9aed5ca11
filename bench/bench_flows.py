"""Flow benchmarks: validate+publish of a 2,000-node flow, and library search and listing
p50/p95 over 10,000 flows, on SQLite and (when its server binaries exist) PostgreSQL, the
server started by scripts/test-postgres.sh as `make test` does. Prints figures only.

    .venv/bin/python bench/bench_flows.py [--flows 10000] [--queries 200] [--no-postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

os.environ.setdefault("RESOLUTIONFLOW_LOG_LEVEL", "WARNING")
os.environ.setdefault("RESOLUTIONFLOW_SECRET_KEY", secrets.token_urlsafe(32))

from flowgen import WORDS, tree  # noqa: E402


async def _run(database_url: str, flows: int, queries: int) -> None:
    os.environ["RESOLUTIONFLOW_DATABASE_URL"] = database_url
    from httpx import ASGITransport, AsyncClient

    from resolutionflow.app import create_app
    from resolutionflow.common.schemas import encode_offset
    from resolutionflow.config import get_settings
    from resolutionflow.db import migrate
    from resolutionflow.demo import load_demo
    from resolutionflow.flows import search
    from resolutionflow.models import Account, Flow, User

    get_settings.cache_clear()
    await migrate.upgrade_async(database_url)
    app = create_app(get_settings())
    async with app.state.sessionmaker() as db:
        await load_demo(db)
        await db.commit()
    client = AsyncClient(transport=ASGITransport(app=app), base_url="http://bench")
    login = await client.post(
        "/api/v1/auth/login",
        json={"email": "admin@acme.example", "password": "resolutionflow-demo"},
    )
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}

    # 1. A 2,000-node flow: create, validate, publish.
    doc = tree(2000, seed=7, title="Bench: very large flow")
    started = time.perf_counter()
    created = await client.post("/api/v1/flows", json=doc, headers=headers)
    t_create = time.perf_counter() - started
    flow_id = created.json()["id"]
    started = time.perf_counter()
    report = await client.post(f"/api/v1/flows/{flow_id}/validate", headers=headers)
    t_validate = time.perf_counter() - started
    started = time.perf_counter()
    published = await client.post(f"/api/v1/flows/{flow_id}/publish", json={}, headers=headers)
    t_publish = time.perf_counter() - started
    print(
        f"  2,000-node flow ({len(doc['nodes'])} nodes): create {t_create * 1000:.0f} ms, "
        f"validate {t_validate * 1000:.0f} ms ({len(report.json()['problems'])} problems), "
        f"publish {t_publish * 1000:.0f} ms (status {published.status_code})"
    )

    # 2. Search over many flows, bulk-loaded through the same model and index code.
    started = time.perf_counter()
    async with app.state.sessionmaker() as db:
        account = (
            await db.execute(Account.__table__.select().where(Account.name == "Acme MSP"))
        ).first()
        owner = (
            await db.execute(User.__table__.select().where(User.email == "admin@acme.example"))
        ).first()
        assert account is not None and owner is not None
        for i in range(flows):
            graph = tree(random.Random(i).randint(8, 30), seed=i)
            flow = Flow(
                account_id=account.id,
                owner_id=owner.id,
                kind=graph["kind"],
                title=graph["title"],
                description=graph["description"],
                category=graph["category"],
                tags=graph["tags"],
                draft=graph,
                draft_revision=1,
                use_count=i % 17,
            )
            db.add(flow)
            await db.flush()
            await search.index(db, flow.id, account.id, graph)
            if i % 1000 == 999:
                await db.commit()
        await db.commit()
    print(f"  loaded {flows:,} flows in {time.perf_counter() - started:.1f} s")

    async def timed(label: str, requests: list[dict[str, Any]]) -> None:
        timings = []
        for params in requests:
            started = time.perf_counter()
            r = await client.get("/api/v1/flows", params=params, headers=headers)
            timings.append((time.perf_counter() - started) * 1000)
            assert r.status_code == 200, r.text
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"  {label}, {len(requests)} requests: p50 {p50:.1f} ms, p95 {p95:.1f} ms")

    rng = random.Random(42)
    searches = []
    for _ in range(queries):
        words = " ".join(rng.sample(WORDS, rng.choice([1, 1, 2, 2, 3])))
        if rng.random() < 0.3:
            words = words[: max(3, len(words) - 3)]  # a prefix, as while typing
        searches.append({"q": words, "limit": 20})
    await timed(f"search over {flows:,} flows", searches)
    # The plain listing: newest edits first and most used first, pages 1 to 5.
    listings = [
        {"limit": 20, "sort": ("updated", "used")[i % 2]}
        | ({"cursor": encode_offset(20 * (i // 2 % 5))} if i // 2 % 5 else {})
        for i in range(queries)
    ]
    await timed(f"listing of {flows:,} flows (pages 1-5, both orders)", listings)
    await client.aclose()
    await app.state.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--flows", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()

    data = Path(tempfile.mkdtemp(prefix="rf-bench-flows-"))
    print("flows bench: SQLite (embedded default)")
    asyncio.run(_run(f"sqlite+aiosqlite:///{data / 'bench.db'}", args.flows, args.queries))

    has_pg = any(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if args.no_postgres or not has_pg:
        print("flows bench: PostgreSQL skipped (no server binaries)" if not has_pg else "")
        return
    pg_dir = tempfile.mkdtemp(prefix="rf-bench-pg-")
    url = subprocess.run(
        [str(ROOT / "scripts/test-postgres.sh"), "start", pg_dir],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    try:
        subprocess.run(
            ["psql", url.replace("+asyncpg", ""), "-qc", "CREATE DATABASE bench"],
            check=True,
            capture_output=True,
        )
        print("flows bench: PostgreSQL")
        asyncio.run(_run(url.rsplit("/", 1)[0] + "/bench", args.flows, args.queries))
    finally:
        subprocess.run([str(ROOT / "scripts/test-postgres.sh"), "stop", pg_dir], check=False)


if __name__ == "__main__":
    main()
