"""Flow editor in Debian's Chromium: first render of a 500-node flow, and how quickly it answers
an edit (add a node) and undo, measured in the browser. Prints figures only.

    .venv/bin/python bench/bench_editor.py [--nodes 500] [--runs 5] [--static DIR]

Each run opens a new copy of the generated flow, so every run measures the same thing:

- first open, no stored positions: the draft as an import leaves it; the editor lays it out;
- reopen, positions stored: the same draft once the editor saved it (the first edit saves the
  layout with it), opened again by loading the page;
- from the library: the "Edit" action on /flows, a navigation inside the app (no page load, no
  sign-in, the app's code already running), positions stored.

The first two load the whole page, so they include starting the app (sign-in refresh, the
signed-in shell, the route's code), not only the editor. `--static DIR` serves the UI from
another build (to compare two builds under the same conditions).
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
from playwright.sync_api import Page, expect, sync_playwright

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

# `resolutionflow serve`, with the SPA read from another directory.
SERVE_FROM = (
    "import pathlib, sys; import resolutionflow.app as a; a.STATIC_DIR = pathlib.Path(sys.argv[1]); "
    "from resolutionflow.cli import app; sys.argv = ['resolutionflow', *sys.argv[2:]]; app()"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _nodes_on_canvas(page: Page) -> None:
    page.locator(".react-flow__node").first.wait_for()
    page.get_by_test_id("save-status").wait_for()


def _open_by_loading(page: Page, flow_id: str) -> float:
    page.goto("/flows")
    page.get_by_label("Search flows").wait_for()
    started = time.perf_counter()
    page.goto(f"/flows/{flow_id}/edit")
    _nodes_on_canvas(page)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--static", type=Path, help="serve the UI from this build directory")
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="rf-bench-editor-")
    port = _free_port()
    env = {**os.environ, "RESOLUTIONFLOW_DATA_DIR": data, "RESOLUTIONFLOW_LOG_LEVEL": "WARNING"}
    env.pop("RESOLUTIONFLOW_DATABASE_URL", None)
    serve = ["serve", "--demo", "--port", str(port)]
    if args.static:
        cmd = [sys.executable, "-c", SERVE_FROM, str(args.static.resolve()), *serve]
    else:
        cmd = [str(Path(sys.executable).parent / "resolutionflow"), *serve]
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/health/ready", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        login = httpx.post(
            f"{base}/api/v1/auth/login",
            json={"email": "admin@acme.example", "password": "resolutionflow-demo"},
        )
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        node_count = 0

        def new_flow(run: int) -> tuple[str, str]:
            nonlocal node_count
            title = f"Bench: {args.nodes}-node flow #{run + 1}"
            doc = tree(args.nodes, seed=3, title=title)
            node_count = len(doc["nodes"])
            created = httpx.post(f"{base}/api/v1/flows", json=doc, headers=headers, timeout=30)
            return created.json()["id"], title

        unplaced, placed, in_app, adds, undos = [], [], [], [], []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            # The UI's Content-Security-Policy forbids eval, which wait_for_function needs.
            page = browser.new_page(
                base_url=base, viewport={"width": 1440, "height": 900}, bypass_csp=True
            )
            page.goto("/sign-in")
            page.get_by_label("Email").fill("admin@acme.example")
            page.get_by_label("Password").fill("resolutionflow-demo")
            page.get_by_role("button", name="Sign in").click()
            page.get_by_role("button", name="User menu").wait_for()
            for run in range(args.runs):
                flow_id, title = new_flow(run)
                unplaced.append(_open_by_loading(page, flow_id))

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
                # Autosave stores the draft with the positions the layout gave it.
                expect(page.get_by_test_id("save-status")).to_have_text("Saved", timeout=15_000)

                placed.append(_open_by_loading(page, flow_id))

                page.goto("/flows")
                page.get_by_label("Search flows").fill(title)
                actions = page.get_by_role("button", name=f"Actions for {title}", exact=True)
                actions.click()
                edit = page.get_by_role("menuitem", name="Edit")
                edit.wait_for()
                started = time.perf_counter()
                edit.click()
                _nodes_on_canvas(page)
                in_app.append((time.perf_counter() - started) * 1000)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=15)

    def figures(values: list[float]) -> str:
        return f"median {statistics.median(values):.0f} ms, max {max(values):.0f} ms"

    print(f"editor bench: {node_count}-node flow in Debian chromium (headless), {args.runs} runs")
    print(
        f"  first render, page load to nodes on the canvas (no stored positions): {figures(unplaced)}"
    )
    print(
        f"  first render, page load to nodes on the canvas (positions stored):    {figures(placed)}"
    )
    print(
        f"  first render, the library's Edit to nodes on the canvas:              {figures(in_app)}"
    )
    print(
        f"  add a node from the palette until its panel shows:  median {statistics.median(adds):.0f} ms"
    )
    print(
        f"  undo until the canvas shows the previous graph:     median {statistics.median(undos):.0f} ms"
    )


if __name__ == "__main__":
    main()
