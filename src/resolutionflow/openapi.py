"""Print the OpenAPI document (`python -m resolutionflow.openapi`) for the frontend's client."""

from __future__ import annotations

import json
import sys


def main() -> None:
    from resolutionflow.app import create_app

    json.dump(create_app().openapi(), sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
