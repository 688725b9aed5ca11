"""ASGI middleware: request ids + request logs, body size limit, security headers (CSP, HSTS)."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import time
import uuid
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from resolutionflow.logging import request_id_var

log = logging.getLogger("resolutionflow.request")

_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]

# The web UI: code and styles only from its own files. Vite's build has no inline script or
# style element, and React applies `style=` props through the CSSOM, which CSP does not govern
# (tests/e2e/test_csp.py walks the built UI and fails on any violation).
SPA_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
# API answers are data, never pages: nothing in them may load or run (a `text/html` ticket note
# opened directly included).
API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
# The OpenAPI explorer (/api/docs) is FastAPI's Swagger UI page: its assets come from the
# jsDelivr CDN and it starts with an inline script, allowed by its hash (computed from the page).
_DOCS_CDN = "https://cdn.jsdelivr.net"
HSTS = b"max-age=31536000; includeSubDomains"
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


def docs_policy(page: bytes) -> str:
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(m).digest()).decode()}'"
        for m in _INLINE_SCRIPT.findall(page)
    )
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src {_DOCS_CDN} {hashes}".rstrip(),
            f"style-src {_DOCS_CDN} 'unsafe-inline'",
            "img-src 'self' data: https://fastapi.tiangolo.com",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        )
    )


def _policy_for(path: str) -> str:
    return API_POLICY if path == "/api" or path.startswith("/api/") else SPA_POLICY


def _is_docs_page(scope: Scope, headers: list[tuple[bytes, bytes]]) -> bool:
    docs_url = getattr(scope.get("app"), "docs_url", None)
    if not docs_url or not scope["path"].startswith(docs_url):
        return False
    return any(k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in headers)


def _hsts(scope: Scope) -> bool:
    """Strict-Transport-Security when the installation says it is reached over https (a TLS
    proxy in front: the request itself may arrive as plain http)."""
    state = getattr(scope.get("app"), "state", None)
    settings = getattr(state, "settings", None)
    return str(getattr(settings, "base_url", "")).lower().startswith("https://")


class RequestContextMiddleware:
    """Gives every request an id (echoed as X-Request-ID) and logs one line when it ends."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500

        held: Message | None = None  # the explorer page's start, until its body is known
        body = b""

        async def send_wrapper(message: Message) -> None:
            nonlocal status, held, body
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"x-request-id"]
                headers.append((b"x-request-id", request_id.encode()))
                # A route may set a stricter value (share pages: no-referrer; attachments: their
                # own sandboxing CSP); never send two.
                present = {h[0].lower() for h in headers}
                headers.extend(h for h in _SECURITY_HEADERS if h[0] not in present)
                if b"strict-transport-security" not in present and _hsts(scope):
                    headers.append((b"strict-transport-security", HSTS))
                message["headers"] = headers
                if b"content-security-policy" not in present:
                    if _is_docs_page(scope, headers):
                        held = message
                        return
                    csp = _policy_for(scope["path"]).encode()
                    headers.append((b"content-security-policy", csp))
            elif message["type"] == "http.response.body" and held is not None:
                body += message.get("body", b"")
                if message.get("more_body", False):
                    return
                held["headers"].append((b"content-security-policy", docs_policy(body).encode()))
                await send(held)
                held = None
                message = {"type": "http.response.body", "body": body}
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            # The route template, not the raw path or query: both can carry credentials
            # (an invite token is a path segment).
            route = scope.get("route")
            log.info(
                "request",
                extra={
                    "method": scope["method"],
                    "route": getattr(route, "path_format", None) or "(unmatched)",
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            request_id_var.reset(token)


class BodySizeLimitMiddleware:
    """Refuses bodies over the limit with 413 problem+json, before the app reads them."""

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int,
        large_bytes: int | None = None,
        large_paths: re.Pattern[str] | None = None,
    ) -> None:
        self.app = app
        self.default_bytes = max_bytes
        self.large_bytes = large_bytes or max_bytes
        self.large_paths = large_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.default_bytes
        if self.large_paths is not None and self.large_paths.match(scope["path"]):
            limit = self.large_bytes
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(scope, send, limit)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # An HTTPException passes through FastAPI's body parsing unchanged (other
                    # errors become a generic 400), and the app's handler renders it.
                    raise _BodyTooLarge(413, f"The request body is larger than {limit} bytes.")
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _BodyTooLarge:
            await self._refuse(scope, send, limit)

    async def _refuse(self, scope: Scope, send: Send, limit: int) -> None:
        body: dict[str, Any] = {
            "type": "https://resolutionflow.dev/problems/payload-too-large",
            "title": "Request body too large",
            "status": 413,
            "detail": f"The request body is larger than {limit} bytes.",
        }
        rid = scope.get("state", {}).get("request_id")
        if rid:
            body["request_id"] = rid
        payload = json.dumps(body).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"content-length", str(len(payload)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": payload})


class _BodyTooLarge(HTTPException):
    pass
