"""One retry loop for every provider: backoff with jitter, Retry-After, streams, malformed replies."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import random
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from resolutionflow.providers.llm.base import (
    Completion,
    LLMError,
    ProviderConfig,
    StreamEvent,
    TextDelta,
)

logger = logging.getLogger(__name__)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class RetryPolicy:
    max_retries: int = 3
    backoff_base_s: float = 0.5
    backoff_max_s: float = 8.0
    # A server asking for a longer wait than this is treated as "not now": we give up at once.
    retry_after_cap_s: float = 30.0
    # A reply that is not the structured answer asked for is tried once more, then reported.
    malformed_retries: int = 1

    @classmethod
    def from_config(cls, config: ProviderConfig) -> RetryPolicy:
        return cls(
            max_retries=max(0, config.max_retries),
            backoff_base_s=config.backoff_base_s,
            backoff_max_s=config.backoff_max_s,
        )


class Retrier:
    """Runs attempts under a RetryPolicy. `sleep` and `rand` are injectable so tests can watch the waits."""

    def __init__(
        self,
        policy: RetryPolicy,
        *,
        sleep: Sleep | None = None,
        rand: Callable[[], float] | None = None,
    ) -> None:
        self.policy = policy
        self._sleep: Sleep = sleep or asyncio.sleep
        self._rand = rand or random.random

    def backoff(self, retry_number: int) -> float:
        """Wait before retry `retry_number` (1-based): exponential, capped, with equal jitter."""
        ceiling = min(
            self.policy.backoff_max_s, self.policy.backoff_base_s * (2.0 ** (retry_number - 1))
        )
        return ceiling / 2 + self._rand() * ceiling / 2

    def _delay(self, error: LLMError, retries: int, malformed: int) -> float | None:
        """Seconds to wait before trying again, or None to give up (raising `error`)."""
        if error.kind == "malformed":
            return 0.0 if malformed < self.policy.malformed_retries else None
        if not error.retryable or retries >= self.policy.max_retries:
            return None
        if error.retry_after is not None:
            if error.retry_after > self.policy.retry_after_cap_s:
                return None
            return error.retry_after
        return self.backoff(retries + 1)

    def _give_up(self, error: LLMError) -> LLMError:
        if (
            error.retryable
            and error.retry_after is not None
            and error.retry_after > self.policy.retry_after_cap_s
        ):
            return LLMError(
                "rate_limited",
                f"The provider asked us to wait {error.retry_after:.0f} s before trying again; try again later.",
                status=error.status,
                retry_after=error.retry_after,
            )
        return error

    async def call(self, attempt: Callable[[], Awaitable[T]]) -> tuple[T, int]:
        """(result, attempts used); raises the last LLMError when retrying stops."""
        attempts = retries = malformed = 0
        while True:
            attempts += 1
            try:
                return await attempt(), attempts
            except LLMError as error:
                delay = self._delay(error, retries, malformed)
                if delay is None:
                    final = self._give_up(error)
                    if final is error:
                        raise
                    raise final from None
                if error.kind == "malformed":
                    malformed += 1
                else:
                    retries += 1
                logger.info(
                    "llm attempt %d failed (%s, status %s); retrying in %.2fs",
                    attempts,
                    error.kind,
                    error.status,
                    delay,
                )
                await self._sleep(delay)

    async def stream(
        self, open_stream: Callable[[], AsyncGenerator[StreamEvent, None]]
    ) -> AsyncIterator[StreamEvent]:
        """Re-open the stream on failure, but only while nothing has reached the caller yet."""
        attempts = retries = malformed = 0
        while True:
            attempts += 1
            yielded = False
            try:
                async with contextlib.aclosing(open_stream()) as events:
                    async for event in events:
                        if isinstance(event, Completion):
                            yield dataclasses.replace(event, attempts=attempts)
                            return
                        if isinstance(event, TextDelta) and not event.text:
                            continue
                        yielded = True
                        yield event
                raise LLMError("malformed", "The model provider ended the stream early; try again.")
            except LLMError as error:
                delay = None if yielded else self._delay(error, retries, malformed)
                if delay is None:
                    final = self._give_up(error)
                    if final is error:
                        raise
                    raise final from None
                if error.kind == "malformed":
                    malformed += 1
                else:
                    retries += 1
                logger.info(
                    "llm stream attempt %d failed (%s, status %s); retrying in %.2fs",
                    attempts,
                    error.kind,
                    error.status,
                    delay,
                )
                await self._sleep(delay)
