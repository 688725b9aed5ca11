"""The demo flow library: MSP service-desk runbooks in the interchange format
(`resolutionflow.flow/1`), one `<slug>.rfflow.json` file per flow.

Every file parses with `parse_document` and has no error-severity problem from `validate`, so the
flows can be imported and published as they are (e.g. by `resolutionflow demo`).
"""

from __future__ import annotations

from importlib import resources

from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.io import parse_document

SUFFIX = ".rfflow.json"


def demo_flow_files() -> list[tuple[str, bytes]]:
    """(file name, raw bytes) of every demo flow, sorted by file name."""
    folder = resources.files(__name__)
    return sorted(
        (entry.name, entry.read_bytes())
        for entry in folder.iterdir()
        if entry.is_file() and entry.name.endswith(SUFFIX)
    )


def load_demo_flows() -> list[tuple[str, FlowDocument]]:
    """(file name, parsed document) of every demo flow."""
    return [(name, parse_document(raw, filename=name)) for name, raw in demo_flow_files()]
