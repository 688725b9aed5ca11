"""Checking a structured reply against the JSON Schema it was asked to match (lightly)."""

from __future__ import annotations

import json
from typing import Any

from resolutionflow.providers.llm.errors import malformed_error


def parse_object(raw: str | dict[str, Any] | None, schema: dict[str, Any]) -> dict[str, Any]:
    """The reply as a dict, or raises LLMError(kind="malformed").

    Only the top-level shape is checked (an object carrying the schema's required keys); the
    callers validate the rest with their own pydantic models.
    """
    if raw is None:
        raise malformed_error("no structured answer in the reply")
    if isinstance(raw, str):
        text = _strip_fence(raw)
        try:
            value: Any = json.loads(text)
        except ValueError:
            raise malformed_error("the reply is not valid JSON") from None
    else:
        value = raw
    if not isinstance(value, dict):
        raise malformed_error("the reply is not a JSON object")
    required = schema.get("required")
    if isinstance(required, list):
        missing = [key for key in required if isinstance(key, str) and key not in value]
        if missing:
            raise malformed_error(f"missing {', '.join(missing[:5])}")
    return value


def _strip_fence(text: str) -> str:
    # Local models often wrap JSON in a Markdown fence despite being asked not to.
    stripped = text.strip()
    if stripped.startswith("```"):
        first_newline = stripped.find("\n")
        if first_newline != -1 and stripped.endswith("```"):
            return stripped[first_newline + 1 : -3].strip()
    return stripped
