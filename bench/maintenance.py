"""Maintenance batches at scale (the app in-process on SQLite, or on the PostgreSQL server named
by --database-url). Prints figures only, never asserts on timings.

1. Launch: `POST /maintenance/batches` over a target list of N targets (500 by default), timed
   end to end through the ASGI app: one batch, N sessions with the target filled in, N items.
   Target: < 2 s.
2. Status update latency: what the batch's SSE stream does after an event on one of its
   sessions — the appending request commits and wakes the batch's waiters, and the stream
   re-reads the whole batch (N items with their sessions and last events). Measured from the
   start of the append request to the re-read batch showing the change. Target: < 1 s.

    .venv/bin/python bench/maintenance.py [--targets 500] [--repeats 3] [--database-url URL]
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
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_DATA = Path(tempfile.mkdtemp(prefix="rf-bench-maintenance-"))
_parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
_parser.add_argument("--targets", type=int, default=500)
_parser.add_argument("--repeats", type=int, default=3)
_parser.add_argument("--updates", type=int, default=20)
_parser.add_argument("--database-url", default=f"sqlite+aiosqlite:///{_DATA / 'bench.db'}")
ARGS = _parser.parse_args()
os.environ.update(
    {
        "RESOLUTIONFLOW_DATA_DIR": str(_DATA),
        "RESOLUTIONFLOW_DATABASE_URL": ARGS.database_url,
        "RESOLUTIONFLOW_LOG_LEVEL": "WARNING",
        "RESOLUTIONFLOW_ARGON2_TIME_COST": "1",
        "RESOLUTIONFLOW_ARGON2_MEMORY_COST": "1024",
    }
)
os.environ.setdefault("RESOLUTIONFLOW_SECRET_KEY", secrets.token_urlsafe(32))
for _name in ("ENCRYPTION_KEYS", "LLM_PROVIDER", "SMTP_HOST"):
    os.environ.pop(f"RESOLUTIONFLOW_{_name}", None)

from httpx import ASGITransport, AsyncClient  # noqa: E402
from tests.fixtures.factories import Factory  # noqa: E402
from tests.maintenance.conftest import PATCH_FLOW  # noqa: E402

from resolutionflow.app import create_app  # noqa: E402
from resolutionflow.config import get_settings  # noqa: E402
from resolutionflow.db import migrate  # noqa: E402
from resolutionflow.maintenance import repository, service  # noqa: E402
from resolutionflow.sessions import live  # noqa: E402


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _verdict(value: float, limit: float) -> str:
    return "PASS" if value < limit else "MISS"


async def _post(client: AsyncClient, url: str, headers: dict[str, str], body: Any) -> Any:
    r = await client.post(url, headers=headers, json=body)
    if r.status_code not in (200, 201):
        raise SystemExit(f"{url}: {r.status_code} {r.text[:300]}")
    return r.json()


async def run() -> None:
    await migrate.upgrade_async(ARGS.database_url)
    app = create_app(get_settings())
    tenant = await Factory(app).tenant()
    h = tenant.admin.headers
    n = ARGS.targets
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://bench") as client:
        flow = await _post(client, "/api/v1/flows", h, PATCH_FLOW)
        await _post(client, f"/api/v1/flows/{flow['id']}/publish", h, {})
        targets = [
            {
                "label": f"SRV-{i:04d}",
                "client": f"Client {i % 7}",
                "fields": {"ip": f"10.{i // 250}.{i % 250}.10", "os": "Windows Server 2022"},
            }
            for i in range(n)
        ]
        target_list = await _post(
            client, "/api/v1/target-lists", h, {"name": "Bench", "targets": targets}
        )
        launches: list[float] = []
        batch: dict[str, Any] = {}
        for _ in range(ARGS.repeats):
            t0 = time.perf_counter()
            batch = await _post(
                client,
                "/api/v1/maintenance/batches",
                h,
                {"flow_id": flow["id"], "target_list_id": target_list["id"]},
            )
            launches.append(time.perf_counter() - t0)
            assert len(batch["items"]) == n
        best, median = min(launches), statistics.median(launches)
        print(f"database: {ARGS.database_url.split(':')[0]}")
        print(
            f"launch of {n} targets: median {_ms(median)}, best {_ms(best)}, "
            f"worst {_ms(max(launches))} over {len(launches)} — target < 2 s: "
            f"{_verdict(median, 2.0)}"
        )

        latencies: list[float] = []
        items = batch["items"]
        for k in range(min(ARGS.updates, n)):
            session_id = items[k]["session_id"]
            async with live.subscription(uuid_of(batch["id"])) as waiter:
                waiter.clear()
                t0 = time.perf_counter()
                await _post(
                    client,
                    f"/api/v1/sessions/{session_id}/events",
                    h,
                    {"type": "answer", "node_id": "c1", "answer": "", "items": [0, 1]},
                )
                await asyncio.wait_for(waiter.wait(), timeout=10)
                async with app.state.read_sessionmaker() as db:
                    row = await repository.get_batch(db, tenant.id, uuid_of(batch["id"]))
                    read = await service.batch_read(db, row)
                latencies.append(time.perf_counter() - t0)
                assert read.items[k].status == "in_progress", read.items[k]
        p50 = statistics.median(latencies)
        p95 = sorted(latencies)[max(0, int(len(latencies) * 0.95) - 1)]
        print(
            f"status update of a {n}-target batch (append -> wake -> batch re-read): "
            f"p50 {_ms(p50)}, p95 {_ms(p95)}, worst {_ms(max(latencies))} over "
            f"{len(latencies)} — target < 1 s: {_verdict(p95, 1.0)}"
        )
    await app.state.engine.dispose()
    await app.state.read_engine.dispose()


def uuid_of(text: str) -> Any:
    import uuid

    return uuid.UUID(text)


if __name__ == "__main__":
    asyncio.run(run())
