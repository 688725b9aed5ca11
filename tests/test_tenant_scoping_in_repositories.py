"""Tenant scoping lives in one place: a query filters by account inside its domain's
`repository.py` (or through `db/scoping.py`), never inline in a service, route or job.

A ratchet: the files below still filter inline and are being moved; the set may only shrink. A
file that no longer filters inline must leave the set, so it cannot slip back."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "resolutionflow"

INLINE_FILTER = re.compile(r"\.account_id(\s*==|\.in_\()")

# Where account filters belong (or are not queries of tenant rows at all).
EXEMPT_DIRS = ("models", "migrations")
EXEMPT_FILES = ("db/scoping.py",)

# Files that still filter inline (relative to src/resolutionflow): none are left. Keep it empty.
ALLOWED: frozenset[str] = frozenset()


def _exempt(rel: str) -> bool:
    parts = rel.split("/")
    return parts[-1] == "repository.py" or rel in EXEMPT_FILES or parts[0] in EXEMPT_DIRS


def _inline_filters() -> dict[str, list[int]]:
    """Each non-exempt file with an inline account filter, and the lines it is on."""
    found: dict[str, list[int]] = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if _exempt(rel):
            continue
        lines = [
            n
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if INLINE_FILTER.search(line)
        ]
        if lines:
            found[rel] = lines
    return found


def test_the_scan_sees_an_inline_filter() -> None:
    assert INLINE_FILTER.search("select(Flow).where(Flow.account_id == account_id)")
    assert INLINE_FILTER.search("Flow.account_id.in_(ids)")
    assert not INLINE_FILTER.search("Flow(account_id=account_id)")
    assert _exempt("flows/repository.py") and _exempt("db/scoping.py")
    assert _exempt("models/flow.py") and not _exempt("flows/service.py")


def test_account_filters_live_in_repositories() -> None:
    offenders = {f: lines for f, lines in _inline_filters().items() if f not in ALLOWED}
    assert not offenders, (
        "Tenant scoping lives in one place: put the query in the domain's repository.py "
        "(a function taking db and the account id or the principal; raise NotFound so another "
        "account's row is a 404) and call it from here. Inline account filters in: "
        + "; ".join(
            f"src/resolutionflow/{f} lines {', '.join(map(str, ls))}" for f, ls in offenders.items()
        )
    )


def test_the_allowed_set_only_shrinks() -> None:
    still = _inline_filters()
    cleaned = sorted(f for f in ALLOWED if f not in still)
    assert not cleaned, (
        f"No inline account filter left in {', '.join(cleaned)}: remove them from ALLOWED in "
        "tests/test_tenant_scoping_in_repositories.py so they stay clean."
    )
