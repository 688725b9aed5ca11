"""JSON logs on stderr, each line carrying the request id; secrets are scrubbed before output."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "request_id", default=None
)

# Record attributes that are not extra fields; uvicorn's color_message duplicates the message
# with terminal escapes.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "color_message"}
_SECRET_KEYS = re.compile(r"pass(word)?|secret|token|authorization|cookie|api[_-]?key", re.I)
# Bearer tokens, JWTs and our own token formats, wherever they appear in a message.
_SECRET_VALUES = re.compile(
    r"(Bearer\s+)[A-Za-z0-9._~+/=-]+|eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|rf_pat_[A-Za-z0-9_-]+"
)


# An absolute URL's path and query: Slack and Teams webhooks (and signed URLs generally) carry
# their credential there. The scheme and host stay, which is what a reader of the log needs.
_URL_REST = re.compile(r"""(\b[a-z][a-z0-9+.-]*://[^/\s?#"'<>]+)[/?#][^\s"'<>]+""", re.I)
# HTTP client libraries that log each request's full URL at INFO ("HTTP Request: POST <url>")
# or their connection details at DEBUG; their warnings still show. boto3/botocore (S3 storage)
# log signed request headers at DEBUG: the access key id and any session token.
QUIET_LOGGERS = (
    "httpx",
    "httpx2",
    "httpcore",
    "httpcore2",
    "boto3",
    "botocore",
    "s3transfer",
    "urllib3",
)


def scrub(value: Any) -> Any:
    if isinstance(value, str):
        value = _URL_REST.sub(r"\1/[redacted]", value)
        return _SECRET_VALUES.sub(lambda m: (m.group(1) or "") + "[redacted]", value)
    if isinstance(value, dict):
        return {
            k: "[redacted]" if _SECRET_KEYS.search(str(k)) else scrub(v) for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [scrub(v) for v in value]
    return value


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": scrub(record.getMessage()),
        }
        rid = request_id_var.get()
        if rid:
            entry["request_id"] = rid
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = "[redacted]" if _SECRET_KEYS.search(key) else scrub(value)
        if record.exc_info:
            entry["exc"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, default=str)


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # Uvicorn's access log prints the raw query string; our middleware logs requests instead.
    logging.getLogger("uvicorn.access").disabled = True
    quiet_http_clients()


def quiet_http_clients() -> None:
    """httpx logs "HTTP Request: POST <full URL>" at INFO: a webhook's URL is its credential."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
