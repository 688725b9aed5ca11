"""Flow editor in Debian's Chromium: first render of a 500-node flow, and how quickly it answers
an edit (add a node) and undo, measured in the browser. Prints figures only.

    .venv/bin/python bench/bench_editor.py [--nodes 500] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from flowgen import tree  # noqa: E402

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="rf-bench-editor-")
    port = _free_port()
    env = {**os.environ, "RESOLUTIONFLOW_DATA_DIR": data, "RESOLUTIONFLOW_LOG_LEVEL": "WARNING"}
    env.pop("RESOLUTIONFLOW_DATABASE_URL", None)
    cli = Path(sys.executable).parent / "resolutionflow"
    server = subprocess.Popen(
        [str(cli), "serve", "--demo", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(f"{base}/api/health/ready", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        login = httpx.post(
            f"{base}/api/v1/auth/login",
            json={"email": "admin@acme.example", "password": "resolutionflow-demo"},
        )
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        doc = tree(args.nodes, seed=3, title=f"Bench: {args.nodes}-node flow")
        flow_id = httpx.post(f"{base}/api/v1/flows", json=doc, headers=headers, timeout=30).json()[
            "id"
        ]

        renders, adds, undos = [], [], []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(base_url=base, viewport={"width": 1440, "height": 900})
            page.goto("/sign-in")
            page.get_by_label("Email").fill("admin@acme.example")
            page.get_by_label("Password").fill("resolutionflow-demo")
            page.get_by_role("button", name="Sign in").click()
            page.get_by_role("button", name="User menu").wait_for()
            for _ in range(args.runs):
                page.goto("/flows")
                page.get_by_label("Search flows").wait_for()
                started = time.perf_counter()
                page.goto(f"/flows/{flow_id}/edit")
                page.locator(".react-flow__node").first.wait_for()
                page.get_by_test_id("save-status").wait_for()
                renders.append((time.perf_counter() - started) * 1000)

                count = page.locator(".react-flow__node").count()
                started = time.perf_counter()
                page.get_by_role("button", name="Add action").click()
                page.get_by_label("Node title").wait_for()
                adds.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                page.keyboard.press("Escape")
                page.get_by_role("button", name="Undo").click()
                page.wait_for_function(
                    f"document.querySelectorAll('.react-flow__node').length <= {count}"
                )
                undos.append((time.perf_counter() - started) * 1000)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=15)

    print(f"editor bench: {args.nodes}-node flow in Debian chromium (headless), {args.runs} runs")
    print(
        f"  first render (navigation to nodes on the canvas): median {statistics.median(renders):.0f} ms, "
        f"max {max(renders):.0f} ms"
    )
    print(
        f"  add a node from the palette until its panel shows:  median {statistics.median(adds):.0f} ms"
    )
    print(
        f"  undo until the canvas shows the previous graph:     median {statistics.median(undos):.0f} ms"
    )


if __name__ == "__main__":
    main()
