"""Images attached to a session that go to the model with the next copilot question or FlowPilot
step: each once (the answer event that follows a model call lists the attachment ids it saw),
within the limits of ai/images.py, and only when the configured model accepts images.

Images are not redacted (they cannot be); `GET /sessions/{id}/model-images` shows the person
what the next call would send before it is sent.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.ai import gateway, images
from resolutionflow.assist import repository
from resolutionflow.auth.principal import Principal
from resolutionflow.common.schemas import ReadSchema
from resolutionflow.models import Session, SessionAttachment
from resolutionflow.providers.llm import ImageInput
from resolutionflow.sessions import service as sessions
from resolutionflow.storage.base import Storage, StorageError

# The events written after a model answered; their payload's `images_sent` lists what it saw.
ANSWER_EVENTS = ("copilot_reply", "pilot_step_shown")
NOTICE = (
    "Images are sent as they are — they can't be redacted. "
    "Remove an image from the session to keep it from the model."
)


class NotSent(StrEnum):
    offline = "offline"
    text_only_model = "text_only_model"
    too_large = "too_large"
    over_limit = "over_limit"
    already_sent = "already_sent"
    unreadable = "unreadable"


REASON_TEXT = {
    NotSent.offline: "No model is in use (the offline engine answers); it reads no images.",
    NotSent.text_only_model: "The configured model does not accept images.",
    NotSent.too_large: f"Larger than {images.MAX_IMAGE_BYTES // 1_048_576} MiB.",
    NotSent.over_limit: f"Only {images.MAX_IMAGES} images go with one request; "
    "this one waits for a later one.",
    NotSent.already_sent: "The model has already seen this image.",
    NotSent.unreadable: "The stored file could not be read.",
}


class ModelImageRead(ReadSchema):
    attachment_id: uuid.UUID
    filename: str
    content_type: str
    size: int
    url: str
    will_send: bool
    reason: NotSent | None = None
    reason_text: str | None = None


class ModelImagesRead(ReadSchema):
    provider: str
    model: str
    accepts_images: bool
    max_images: int
    max_image_bytes: int
    notice: str
    items: list[ModelImageRead]


@dataclass(frozen=True)
class Choice:
    attachment: SessionAttachment
    reason: NotSent | None

    @property
    def will_send(self) -> bool:
        return self.reason is None


def _model(plan: gateway.Plan) -> tuple[str, str]:
    if plan.offline_reason is not None or plan.ai.provider == "offline":
        return "offline", gateway.OFFLINE_MODEL
    return plan.ai.provider, plan.ai.model_for(plan.tier)


def choose(
    attachments: list[SessionAttachment],
    seen: set[str],
    provider: str,
    model: str,
    *,
    resend: bool = False,
) -> list[Choice]:
    """Oldest unseen images first, up to the limit; every image with why it is not sent.
    `resend`: the person asked for the images again, so those already seen count as new."""
    vision = images.accepts_images(provider, model)
    out: list[Choice] = []
    sending = 0
    for a in attachments:
        if a.content_type not in images.VISION_TYPES:
            continue
        reason: NotSent | None
        if str(a.id) in seen and not resend:
            reason = NotSent.already_sent
        elif provider == "offline":
            reason = NotSent.offline
        elif not vision:
            reason = NotSent.text_only_model
        elif images.too_large(a.size):
            reason = NotSent.too_large
        elif sending >= images.MAX_IMAGES:
            reason = NotSent.over_limit
        else:
            reason = None
            sending += 1
        out.append(Choice(a, reason))
    return out


async def _seen(db: AsyncSession, session: Session) -> set[str]:
    seen: set[str] = set()
    for payload in await repository.images_sent_payloads(db, session, ANSWER_EVENTS):
        seen.update(str(i) for i in payload.get("images_sent") or [])
    return seen


async def pending(
    db: AsyncSession, session: Session, plan: gateway.Plan, *, resend: bool = False
) -> list[Choice]:
    provider, model = _model(plan)
    return choose(
        await repository.session_images(db, session),
        await _seen(db, session),
        provider,
        model,
        resend=resend,
    )


@dataclass(frozen=True)
class Outgoing:
    images: tuple[ImageInput, ...] = ()
    ids: tuple[str, ...] = ()


async def outgoing(
    db: AsyncSession,
    session: Session,
    plan: gateway.Plan,
    storage: Storage | None,
    *,
    resend: bool = False,
) -> Outgoing:
    """The images the next model call carries, read from storage."""
    if storage is None:
        return Outgoing()
    data: list[ImageInput] = []
    ids: list[str] = []
    for c in await pending(db, session, plan, resend=resend):
        if not c.will_send:
            continue
        try:
            raw = await storage.get(c.attachment.storage_key)
        except (StorageError, OSError):
            continue
        data.append(ImageInput(c.attachment.content_type, raw))
        ids.append(str(c.attachment.id))
    return Outgoing(tuple(data), tuple(ids))


async def listing(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID, *, resend: bool = False
) -> ModelImagesRead:
    """What the next copilot question or FlowPilot step of the session would send."""
    session = await sessions.get_session(db, principal, session_id)
    # Both actions run on the fast tier; the session's own one names the model.
    action = "pilot_step" if session.mode == "pilot" else "copilot_chat"
    plan = await gateway.prepare(db, session.account_id, action)
    provider, model = _model(plan)
    return ModelImagesRead(
        provider=provider,
        model=model,
        accepts_images=images.accepts_images(provider, model),
        max_images=images.MAX_IMAGES,
        max_image_bytes=images.MAX_IMAGE_BYTES,
        notice=NOTICE,
        items=[
            ModelImageRead(
                attachment_id=c.attachment.id,
                filename=c.attachment.filename,
                content_type=c.attachment.content_type,
                size=c.attachment.size,
                url=f"/api/v1/sessions/{session.id}/attachments/{c.attachment.id}",
                will_send=c.will_send,
                reason=c.reason,
                reason_text=REASON_TEXT[c.reason] if c.reason else None,
            )
            for c in await pending(db, session, plan, resend=resend)
        ],
    )
