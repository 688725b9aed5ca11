"""Where a request came from, for the audit log and sign-in throttling."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request


@dataclass(frozen=True)
class ClientInfo:
    ip: str
    user_agent: str | None


def client_info(request: Request) -> ClientInfo:
    ip = request.client.host if request.client else "unknown"
    ua = request.headers.get("user-agent")
    if ua:
        # Headers are attacker-controlled and PostgreSQL refuses NUL in text.
        ua = "".join(ch for ch in ua if ch >= " " and ch != "\x7f")[:400] or None
    return ClientInfo(ip=ip[:64], user_agent=ua)
