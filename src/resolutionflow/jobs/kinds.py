"""The registry of job kinds: what each kind's payload is, who runs it, and its retry policy.

Features register their kinds at import (`jobs/handlers.py` imports them all), so a worker
process knows every kind the app can enqueue.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

if TYPE_CHECKING:
    from resolutionflow.jobs.context import JobContext

P = TypeVar("P", bound=BaseModel)


class JobRetry(Exception):
    """Raised by a handler: try again later (after `after_s` when given), counting the attempt."""

    def __init__(self, message: str, after_s: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.after_s = after_s


class JobFailed(Exception):
    """Raised by a handler: retrying cannot help (bad config, a vanished row); the job is dead."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class JobKind(Generic[P]):
    name: str
    payload: type[P]
    run: Callable[[JobContext, P], Awaitable[None]]
    title: str  # what an admin sees in the jobs list
    max_attempts: int = 5
    # Waits between attempts, in seconds: `delays[n-1]` after the n-th failure, the last one
    # repeating; each is spread by ±jitter so a burst of failures does not retry in lockstep.
    delays: tuple[float, ...] = (10, 60, 300, 1800)
    jitter: float = 0.2
    # The longest an attempt may take (then it counts as failed and is retried).
    timeout_s: float = 120.0
    # At most this many of the kind run at once across every worker (None: no limit).
    concurrency: int | None = None
    describe: Callable[[P], str] = field(default=lambda _p: "")
    # Called in the admin's transaction when a failed or dead job is retried (e.g. a PSA push
    # gets a fresh budget of its own), before the job is queued again.
    on_retry: Callable[[AsyncSession, uuid.UUID, P], Awaitable[None]] | None = None

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        base = self.delays[min(attempt, len(self.delays)) - 1]
        spread = (rng or random).uniform(-self.jitter, self.jitter)
        return max(0.0, base * (1 + spread))

    def parse(self, payload: dict[str, Any]) -> P:
        return self.payload.model_validate(payload)


_KINDS: dict[str, JobKind[Any]] = {}


def register(kind: JobKind[Any]) -> JobKind[Any]:
    existing = _KINDS.get(kind.name)
    if existing is not None and existing.run is not kind.run:
        raise ValueError(f"job kind {kind.name!r} is registered twice")
    _KINDS[kind.name] = kind
    return kind


def get(name: str) -> JobKind[Any] | None:
    return _KINDS.get(name)


def names() -> list[str]:
    return sorted(_KINDS)


def title_of(name: str) -> str:
    kind = _KINDS.get(name)
    return kind.title if kind else name
