"""The one way session content reaches a model.

Three phases, so no database transaction is held open while a model thinks (SQLite has one
writer): `prepare()` reads the account's settings and budget inside a short transaction;
`run()`/`stream()` redact, fence and send the request with no database at all, falling back
to the offline engine on any failure; `save()` writes the call records and the redaction report
in the next short transaction.

Every call: redaction first, a timeout, retries with backoff on 429/529/5xx (the provider layer,
honouring Retry-After), a fallback to the offline engine with a visible note, and a record of
which engine and model served it and why.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.ai import images, routing, settings, usage
from resolutionflow.ai.prompt import GUARD, DataBlock, fence, redact_blocks, render
from resolutionflow.ai.routing import Tier
from resolutionflow.config import get_settings
from resolutionflow.outbound import reports
from resolutionflow.providers.llm import (
    Completion,
    CompletionRequest,
    ImageInput,
    LLMError,
    LLMProvider,
    Message,
    ProviderConfig,
    TextDelta,
    Usage,
    build_provider,
)
from resolutionflow.redaction import RedactionOptions, redact
from resolutionflow.redaction.policy import options_for

OFFLINE_MODEL = "offline"


@dataclass(frozen=True)
class Ask:
    action: str
    instructions: str  # the action's fixed instructions (the cacheable system prompt)
    blocks: list[DataBlock]  # context: redacted and fenced as data
    question: str  # the latest turn from the person (data too)
    history: tuple[tuple[str, str], ...] = ()  # earlier (role, text) turns
    images: tuple[ImageInput, ...] = ()
    json_schema: dict[str, Any] | None = None
    max_tokens: int = 1200


@dataclass(frozen=True)
class Plan:
    """What `prepare()` decided, carried out of the transaction."""

    account_id: uuid.UUID
    action: str
    tier: Tier
    ai: settings.EffectiveAI
    options: RedactionOptions
    # Set when the offline engine must answer without trying a model.
    offline_reason: str | None = None
    offline_note: str | None = None


@dataclass
class CallRecord:
    tier: Tier
    provider: str
    model: str
    reason: str
    outcome: str
    usage: Usage
    latency_ms: int
    attempts: int


@dataclass
class Served:
    text: str
    data: dict[str, Any] | None
    provider: str
    model: str
    tier: Tier
    reason: str
    # Shown to the person when the answer is not what they configured ("the model was rate
    # limited; this answer comes from the offline engine").
    note: str | None = None
    calls: list[CallRecord] = field(default_factory=list)
    redaction_counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Delta:
    text: str


@dataclass(frozen=True)
class Reset:
    """The text streamed so far is being replaced (a low-confidence fast answer is being
    asked again of the deep model, or a failed stream falls back to the offline engine)."""

    reason: str


GatewayEvent = Delta | Reset | Served

OfflineFn = Callable[[], Awaitable[tuple[str, dict[str, Any] | None]]]
ConfidenceFn = Callable[[str, dict[str, Any] | None], float | None]

# Tests replace this to point at a provider they built; production builds from the plan.
ProviderFactory = Callable[[ProviderConfig], LLMProvider]
_factory: ProviderFactory = build_provider


async def prepare(db: AsyncSession, account_id: uuid.UUID, action: str) -> Plan:
    ai = await settings.effective(db, account_id)
    tier = routing.tier_for(action)
    options = await options_for(db, account_id)
    if ai.provider == "offline":
        return Plan(account_id, action, tier, ai, options, offline_reason=ai.note)
    if ai.monthly_budget_usd is not None:
        spent = await usage.month_spend(db, account_id)
        if spent >= ai.monthly_budget_usd:
            return Plan(
                account_id,
                action,
                tier,
                ai,
                options,
                offline_reason="monthly AI budget reached",
                offline_note=(
                    f"This month's AI budget (${ai.monthly_budget_usd}) is used up; answers come "
                    "from the offline engine until next month or until a team admin raises it."
                ),
            )
    return Plan(account_id, action, tier, ai, options)


def _request(plan: Plan, ask: Ask, tier: Tier) -> tuple[CompletionRequest, dict[str, int]]:
    red = redact_blocks(ask.blocks, plan.options)
    question = redact(ask.question, plan.options)
    counts = dict(red.counts)
    for kind, n in question.report().items():
        counts[kind] = counts.get(kind, 0) + n
    messages: list[Message] = []
    for role, text in ask.history:
        r = redact(text, plan.options)
        for kind, n in r.report().items():
            counts[kind] = counts.get(kind, 0) + n
        messages.append(Message("assistant" if role == "assistant" else "user", r.redacted))
    context = render(red.blocks)
    turn = (context + "\n\n" if context else "") + fence(DataBlock("question", question.redacted))
    model = plan.ai.model_for(tier)
    # A text-only model refuses images: they go only where they can be read (ai/images.py).
    sent = ask.images if images.accepts_images(plan.ai.provider, model) else ()
    messages.append(Message("user", turn, images=sent))
    req = CompletionRequest(
        model=model,
        system=ask.instructions + "\n\n" + GUARD,
        messages=tuple(messages),
        max_tokens=ask.max_tokens,
        json_schema=ask.json_schema,
        schema_name=ask.action,
        timeout_s=plan.ai.timeout_s,
    )
    return req, counts


def _provider(plan: Plan) -> LLMProvider:
    ai = plan.ai
    s = get_settings()
    return _factory(
        ProviderConfig(
            provider=ai.provider,  # type: ignore[arg-type]
            api_key=ai.api_key or "not-needed",  # local OpenAI-compatible servers take none
            base_url=ai.base_url,
            max_retries=s.llm_max_retries,
            backoff_base_s=s.llm_backoff_base_s,
            outbound=settings.outbound_for(ai),
        )
    )


def _fallback_note(exc: LLMError) -> str:
    return (
        f"The AI model could not answer ({exc.message}) This answer comes from the offline engine."
    )


async def _offline(
    plan: Plan, offline: OfflineFn, reason: str, note: str | None, calls: list[CallRecord]
) -> Served:
    started = time.perf_counter()
    text, data = await offline()
    calls.append(
        CallRecord(
            plan.tier,
            "offline",
            OFFLINE_MODEL,
            reason,
            "fallback" if note else "ok",
            Usage(),
            int((time.perf_counter() - started) * 1000),
            1,
        )
    )
    return Served(text, data, "offline", OFFLINE_MODEL, plan.tier, reason, note, calls)


async def run(plan: Plan, ask: Ask, offline: OfflineFn, confidence: ConfidenceFn) -> Served:
    """One answer: the model of the action's tier (the deep one when a fast answer is unsure),
    or the offline engine when no model is configured, the budget is spent or the model fails."""
    calls: list[CallRecord] = []
    if plan.offline_reason is not None:
        return await _offline(plan, offline, plan.offline_reason, plan.offline_note, calls)
    tier: Tier = plan.tier
    reason = f"{tier} tier for {plan.action}"
    provider = _provider(plan)
    try:
        while True:
            req, counts = _request(plan, ask, tier)
            started = time.perf_counter()
            try:
                # The provider times out each attempt; this bounds the retries as a whole.
                done = await asyncio.wait_for(provider.complete(req), plan.ai.timeout_s * 3)
            except (LLMError, TimeoutError) as exc:
                err = exc if isinstance(exc, LLMError) else LLMError("timeout")
                calls.append(_failed(tier, plan, req.model, reason, err, started))
                served = await _offline(
                    plan, offline, f"fallback: {err.kind}", _fallback_note(err), calls
                )
                served.redaction_counts = counts
                return served
            calls.append(_ok(tier, plan, done, reason, started))
            score = confidence(done.text, done.data)
            if routing.should_escalate(tier, score, plan.ai.escalate_below):
                reason = f"escalated to deep: fast answer confidence {score:.2f}"
                tier = "deep"
                continue
            return Served(
                done.text,
                done.data,
                plan.ai.provider,
                done.model,
                tier,
                reason,
                None,
                calls,
                counts,
            )
    finally:
        await provider.aclose()


def _ok(tier: Tier, plan: Plan, done: Completion, reason: str, started: float) -> CallRecord:
    return CallRecord(
        tier,
        plan.ai.provider,
        done.model,
        reason,
        "ok",
        done.usage,
        int((time.perf_counter() - started) * 1000),
        done.attempts,
    )


def _failed(
    tier: Tier, plan: Plan, model: str, reason: str, err: LLMError, started: float
) -> CallRecord:
    return CallRecord(
        tier,
        plan.ai.provider,
        model,
        f"{reason}; failed: {err.kind}",
        "failed",
        Usage(),
        int((time.perf_counter() - started) * 1000),
        1,
    )


async def stream(
    plan: Plan,
    ask: Ask,
    offline: OfflineFn,
    confidence: ConfidenceFn,
    visible: Callable[[str], str],
) -> AsyncIterator[GatewayEvent]:
    """Like `run()`, streaming: Delta events with the part of the reply `visible()` allows so
    far, a Reset when the text is replaced, and the final Served last."""
    calls: list[CallRecord] = []
    if plan.offline_reason is not None:
        served = await _offline(plan, offline, plan.offline_reason, plan.offline_note, calls)
        async for ev in _chunked(served):
            yield ev
        return
    tier: Tier = plan.tier
    reason = f"{tier} tier for {plan.action}"
    provider = _provider(plan)
    try:
        while True:
            req, counts = _request(plan, ask, tier)
            started = time.perf_counter()
            shown = ""
            received = ""
            done: Completion | None = None
            try:
                async with asyncio.timeout(plan.ai.timeout_s * 3):
                    async for chunk in provider.stream(req):
                        if isinstance(chunk, TextDelta):
                            received += chunk.text
                            now = visible(received)
                            if len(now) > len(shown):
                                yield Delta(now[len(shown) :])
                                shown = now
                        else:
                            done = chunk
            except (LLMError, TimeoutError) as exc:
                err = exc if isinstance(exc, LLMError) else LLMError("timeout")
                calls.append(_failed(tier, plan, req.model, reason, err, started))
                if shown:
                    yield Reset(f"the model failed ({err.kind}); using the offline engine")
                served = await _offline(
                    plan, offline, f"fallback: {err.kind}", _fallback_note(err), calls
                )
                served.redaction_counts = counts
                async for ev in _chunked(served):
                    yield ev
                return
            assert done is not None
            calls.append(_ok(tier, plan, done, reason, started))
            score = confidence(done.text, done.data)
            if routing.should_escalate(tier, score, plan.ai.escalate_below):
                reason = f"escalated to deep: fast answer confidence {score:.2f}"
                tier = "deep"
                if shown:
                    yield Reset("asking the deep model: the fast answer was unsure")
                continue
            rest = visible(done.text)
            if len(rest) > len(shown):
                yield Delta(rest[len(shown) :])
            yield Served(
                done.text,
                done.data,
                plan.ai.provider,
                done.model,
                tier,
                reason,
                None,
                calls,
                counts,
            )
            return
    finally:
        await provider.aclose()


async def _chunked(served: Served) -> AsyncIterator[GatewayEvent]:
    # The offline engine answers at once; it is streamed in a few pieces so the client path
    # is the same whichever engine answered.
    text = served.text
    step = max(1, len(text) // 8)
    for i in range(0, len(text), step):
        yield Delta(text[i : i + step])
    yield served


async def save(
    db: AsyncSession,
    plan: Plan,
    served: Served,
    *,
    session_id: uuid.UUID | None = None,
    user_id: uuid.UUID | None = None,
) -> list[uuid.UUID]:
    """Write the call records, and the redaction report when content went to a model."""
    ids = []
    for c in served.calls:
        row = await usage.record(
            db,
            account_id=plan.account_id,
            action=plan.action,
            tier=c.tier,
            provider=c.provider,
            model=c.model,
            reason=c.reason,
            outcome=c.outcome,
            usage=c.usage,
            latency_ms=c.latency_ms,
            attempts=c.attempts,
            session_id=session_id,
            user_id=user_id,
        )
        ids.append(row.id)
    if any(c.provider != "offline" for c in served.calls):
        await reports.record(
            db,
            account_id=plan.account_id,
            session_id=session_id,
            channel="llm",
            detail=plan.action,
            counts=served.redaction_counts,
            actor_id=user_id,
        )
    return ids
