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
    return ClientInfo(ip=ip[:64], user_agent=ua[:400] if ua else None)
