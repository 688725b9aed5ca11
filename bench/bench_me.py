"""Requests/second of `GET /api/v1/me` (auth + database) beside a bare FastAPI endpoint.

Both run in one uvicorn process on a temporary SQLite database, driven by concurrent httpx
clients, so the printed ratio is the cost of authentication and the database round trip.
Figures are printed, never asserted.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

DURATION_S = float(os.environ.get("BENCH_SECONDS", "5"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "16"))
ROOT = Path(__file__).resolve().parents[1]

SERVER = """
import sys
from fastapi import FastAPI
import uvicorn
from resolutionflow.app import create_app

# The bare endpoint sits in front of the real app, in the same process and event loop.
outer = FastAPI()

@outer.get("/bench/bare")
async def bare_endpoint() -> dict[str, str]:
    return {"status": "ok"}

outer.mount("/", create_app())
uvicorn.run(outer, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _hammer(url: str, headers: dict[str, str]) -> tuple[int, int]:
    done = errors = 0
    deadline = time.perf_counter() + DURATION_S
    limits = httpx.Limits(max_connections=CONCURRENCY)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=10) as client:

        async def worker() -> None:
            nonlocal done, errors
            while time.perf_counter() < deadline:
                r = await client.get(url)
                if r.status_code == 200:
                    done += 1
                else:
                    errors += 1

        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return done, errors


def main() -> None:
    data_dir = tempfile.mkdtemp(prefix="rf-bench-")
    env = {**os.environ, "RESOLUTIONFLOW_DATA_DIR": data_dir, "RESOLUTIONFLOW_LOG_LEVEL": "WARNING"}
    bin_dir = Path(sys.executable).parent
    subprocess.run([bin_dir / "resolutionflow", "demo"], env=env, check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port)], env=env, cwd=ROOT)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                httpx.get(f"{base}/api/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        login = httpx.post(
            f"{base}/api/v1/auth/login",
            json={"email": "engineer@acme.example", "password": "resolutionflow-demo"},
        )
        login.raise_for_status()
        auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
        bare_ok, bare_err = asyncio.run(_hammer(f"{base}/bench/bare", {}))
        me_ok, me_err = asyncio.run(_hammer(f"{base}/api/v1/me", auth))
    finally:
        server.terminate()
        server.wait(timeout=10)
    bare_rps, me_rps = bare_ok / DURATION_S, me_ok / DURATION_S
    print(f"bench: {DURATION_S:.0f}s each, {CONCURRENCY} concurrent clients, SQLite, one process")
    print(f"  bare FastAPI endpoint  {bare_rps:9.1f} req/s  ({bare_err} errors)")
    print(f"  GET /api/v1/me         {me_rps:9.1f} req/s  ({me_err} errors)")
    print(f"  ratio me/bare          {me_rps / bare_rps if bare_rps else 0:9.3f}")


if __name__ == "__main__":
    main()
