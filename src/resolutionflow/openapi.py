"""Print the OpenAPI document (`python -m resolutionflow.openapi`) for the frontend's client."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path


def main() -> None:
    from resolutionflow.app import create_app
    from resolutionflow.config import get_settings

    # Describing the API touches no database and no data directory: an in-memory database that
    # is never opened, and a scratch directory, so running it anywhere leaves nothing behind.
    with tempfile.TemporaryDirectory(prefix="rf-openapi-") as scratch:
        settings = get_settings().model_copy(
            update={"data_dir": Path(scratch), "database_url": "sqlite+aiosqlite:///:memory:"}
        )
        document = create_app(settings).openapi()
    json.dump(document, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
