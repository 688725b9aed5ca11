"""`python -m resolutionflow.openapi` (the Makefile and the image build run it) prints the API
document and leaves nothing behind where it runs: no data directory, no database file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def test_prints_the_document_and_creates_nothing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESOLUTIONFLOW_")}
    out = subprocess.run(
        [sys.executable, "-m", "resolutionflow.openapi"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    document = json.loads(out)
    assert "/api/v1/me" in document["paths"]
    assert list(tmp_path.iterdir()) == []
