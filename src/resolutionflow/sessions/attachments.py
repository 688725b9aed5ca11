"""Attachments: checked (size, real file type), stored, and recorded on the timeline."""

from __future__ import annotations

import contextlib
import hashlib
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.config import get_settings
from resolutionflow.errors import AppError, NotFound, ValidationFailed
from resolutionflow.models import SessionAttachment
from resolutionflow.sessions import repository, service
from resolutionflow.storage.base import Storage, StorageError

TEXT_EXTENSIONS = {
    ".txt",
    ".log",
    ".csv",
    ".json",
    ".xml",
    ".ps1",
    ".sh",
    ".cfg",
    ".conf",
    ".ini",
    ".yaml",
    ".yml",
    ".md",
    ".evtx.txt",
}


class UnsupportedFile(AppError):
    status = 415
    slug = "unsupported-media-type"
    title = "Unsupported file type"


@dataclass(frozen=True)
class Kind:
    content_type: str
    inline: bool  # images may show in the page; everything else downloads


def sniff(data: bytes, filename: str) -> Kind | None:
    """The file's real type from its first bytes, not from what the client claims."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return Kind("image/png", True)
    if data.startswith(b"\xff\xd8\xff"):
        return Kind("image/jpeg", True)
    if data.startswith((b"GIF87a", b"GIF89a")):
        return Kind("image/gif", True)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return Kind("image/webp", True)
    if data.startswith(b"%PDF-"):
        return Kind("application/pdf", False)
    if data.startswith(b"PK\x03\x04") and filename.lower().endswith(".zip"):
        return Kind("application/zip", False)
    suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix in TEXT_EXTENSIONS and b"\x00" not in data[:65536]:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        # Served as plain text, never as HTML, whatever it contains.
        return Kind("text/plain; charset=utf-8", False)
    return None


def clean_filename(raw: str) -> str:
    name = unicodedata.normalize("NFC", raw.replace("\\", "/").rsplit("/", 1)[-1])
    name = re.sub(r"[\x00-\x1f\x7f\"]", "", name).strip(" .")
    return name[:200] or "attachment"


async def upload(
    db: AsyncSession,
    principal: Principal,
    session_id: uuid.UUID,
    filename: str,
    data: bytes,
    storage: Storage,
) -> SessionAttachment:
    session = await service.get_session(db, principal, session_id, lock=True)
    service.may_work(principal, session)
    limit = get_settings().max_attachment_bytes
    name = clean_filename(filename)
    if not data:
        raise ValidationFailed(
            "The file is empty.",
            errors=[{"loc": ["body"], "msg": "empty file", "type": "value_error"}],
        )
    if len(data) > limit:
        raise ValidationFailed(f"Attachments can be at most {limit // (1024 * 1024)} MiB.")
    kind = sniff(data, name)
    if kind is None:
        raise UnsupportedFile(
            "Attach screenshots (PNG, JPEG, GIF, WebP), PDFs, zip archives or text files "
            "(.txt, .log, .csv, .json, .xml, .ps1 …)."
        )
    attachment_id = uuid.uuid4()
    key = f"{session.account_id.hex}/{attachment_id.hex}"
    await storage.put(key, data)
    attachment = SessionAttachment(
        id=attachment_id,
        account_id=session.account_id,
        session_id=session.id,
        filename=name,
        content_type=kind.content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        storage_key=key,
        uploaded_by_id=principal.user_id,
        created_at=datetime.now(UTC),
    )
    db.add(attachment)
    await service.append_entries(
        db,
        principal,
        session,
        [
            (
                "attachment",
                {
                    "attachment_id": str(attachment.id),
                    "filename": name,
                    "content_type": kind.content_type,
                    "size": len(data),
                },
            )
        ],
    )
    return attachment


async def fetch(
    db: AsyncSession,
    principal: Principal,
    session_id: uuid.UUID,
    attachment_id: uuid.UUID,
    storage: Storage,
) -> tuple[SessionAttachment, bytes]:
    session = await service.get_session(db, principal, session_id)
    attachment = await repository.attachment_of(db, session, attachment_id)
    if attachment is None:
        raise NotFound(f"No attachment with id {attachment_id} in this session.")
    return attachment, await storage.get(attachment.storage_key)


async def remove(
    db: AsyncSession,
    principal: Principal,
    session_id: uuid.UUID,
    attachment_id: uuid.UUID,
) -> str:
    """Deletes the attachment's row (so no model, export or download gets it again) and records
    the removal on the timeline (the earlier `attachment` event stays: the timeline is
    append-only). Returns the blob's key: the caller deletes it once this is committed."""
    session = await service.get_session(db, principal, session_id, lock=True)
    service.may_work(principal, session)
    attachment = await repository.attachment_of(db, session, attachment_id)
    if attachment is None:
        raise NotFound(f"No attachment with id {attachment_id} in this session.")
    await service.append_entries(
        db,
        principal,
        session,
        [
            (
                "attachment_removed",
                {"attachment_id": str(attachment.id), "filename": attachment.filename},
            )
        ],
    )
    key = attachment.storage_key
    await db.delete(attachment)
    await db.flush()
    return key


async def delete_blob(storage: Storage, key: str) -> None:
    # The row is gone, so nothing serves the blob; a leftover file is only disk space.
    with contextlib.suppress(StorageError, OSError):
        await storage.delete(key)
