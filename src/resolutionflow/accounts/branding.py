"""Account branding of exported documents (PDFs): a logo, the colour of headings and a footer
line. The logo is checked by content (PNG or JPEG only, size- and pixel-limited), re-encoded so
nothing but pixels is kept (no metadata, no trailing data), and stored through the storage
abstraction like attachments."""

from __future__ import annotations

import contextlib
import io
import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.accounts.schemas import BrandingLogo, BrandingRead, BrandingUpdate
from resolutionflow.accounts.service import get_account
from resolutionflow.audit.service import record_by
from resolutionflow.auth.principal import Principal
from resolutionflow.common.context import ClientInfo
from resolutionflow.errors import AppError, NotFound, ValidationFailed
from resolutionflow.models import Account
from resolutionflow.storage.base import Storage, StorageError

MAX_LOGO_BYTES = 512 * 1024
MAX_LOGO_PIXELS = 2000
LOGO_URL = "/api/v1/account/branding/logo"


class UnsupportedLogo(AppError):
    status = 415
    slug = "unsupported-media-type"
    title = "Unsupported file type"


@dataclass(frozen=True)
class Logo:
    content_type: str
    data: bytes


def read(account: Account) -> BrandingRead:
    logo = None
    if account.brand_logo_key and account.brand_logo_type:
        # The key's tail changes with every upload: the URL doubles as a cache buster.
        version = account.brand_logo_key.rsplit("-", 1)[-1]
        logo = BrandingLogo(content_type=account.brand_logo_type, url=f"{LOGO_URL}?v={version}")
    return BrandingRead(
        primary_color=account.brand_color, footer_text=account.brand_footer or "", logo=logo
    )


async def get(db: AsyncSession, account_id: uuid.UUID) -> BrandingRead:
    return read(await get_account(db, account_id))


def _audit(
    db: AsyncSession,
    principal: Principal,
    client: ClientInfo,
    account: Account,
    detail: dict[str, object],
) -> None:
    # What customers' PDFs carry is the account's face: who changed it, and to what.
    record_by(
        db,
        principal,
        "account.branding_changed",
        client=client,
        target_type="account",
        target_id=account.id,
        detail=detail,
    )


async def update(
    db: AsyncSession, principal: Principal, body: BrandingUpdate, client: ClientInfo
) -> BrandingRead:
    account = await get_account(db, principal.account_id)
    before = {"primary_color": account.brand_color, "footer_text": account.brand_footer or ""}
    account.brand_color = body.primary_color.lower() if body.primary_color else None
    account.brand_footer = body.footer_text or None
    after = {"primary_color": account.brand_color, "footer_text": account.brand_footer or ""}
    if after != before:
        _audit(db, principal, client, account, {"from": before, "to": after})
    await db.flush()
    return read(account)


def clean_logo(data: bytes) -> Logo:
    """PNG or JPEG, re-encoded from its pixels; anything else is refused with what to send."""
    if not data:
        raise ValidationFailed(
            "The logo file is empty.",
            errors=[{"loc": ["body"], "msg": "empty file", "type": "value_error"}],
        )
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationFailed(
            f"The logo can be at most {MAX_LOGO_BYTES // 1024} KB.",
            errors=[{"loc": ["body"], "msg": "file too large", "type": "too_large"}],
        )
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        fmt, content_type = "PNG", "image/png"
    elif data.startswith(b"\xff\xd8\xff"):
        fmt, content_type = "JPEG", "image/jpeg"
    else:
        raise UnsupportedLogo("Upload the logo as a PNG or JPEG image.")
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data), formats=[fmt]) as image:
            if max(image.size) > MAX_LOGO_PIXELS:
                raise ValidationFailed(
                    f"The logo can be at most {MAX_LOGO_PIXELS} x {MAX_LOGO_PIXELS} pixels.",
                    errors=[{"loc": ["body"], "msg": "image too large", "type": "too_large"}],
                )
            image.load()
            out = io.BytesIO()
            if fmt == "PNG":
                keep = (
                    image
                    if image.mode in ("RGB", "RGBA", "L", "LA", "P")
                    else image.convert("RGBA")
                )
                keep.save(out, "PNG", optimize=True)
            else:
                image.convert("RGB").save(out, "JPEG", quality=90)
    except ValidationFailed:
        raise
    except Exception as exc:
        # A crafted file can fail in any of the decoder's corners (struct, index, EOF errors,
        # a decompression bomb): whatever it is, the upload is not a usable image.
        raise UnsupportedLogo("The logo could not be read as a PNG or JPEG image.") from exc
    return Logo(content_type, out.getvalue())


async def set_logo(
    db: AsyncSession, principal: Principal, data: bytes, storage: Storage, client: ClientInfo
) -> BrandingRead:
    logo = clean_logo(data)
    account = await get_account(db, principal.account_id)
    old = account.brand_logo_key
    key = f"{account.id.hex}/brand-logo-{uuid.uuid4().hex}"
    await storage.put(key, logo.data)
    account.brand_logo_key = key
    account.brand_logo_type = logo.content_type
    _audit(db, principal, client, account, {"logo": "replaced" if old else "added"})
    await db.flush()
    if old:
        await _forget(storage, old)
    return read(account)


async def remove_logo(
    db: AsyncSession, principal: Principal, storage: Storage, client: ClientInfo
) -> BrandingRead:
    account = await get_account(db, principal.account_id)
    old = account.brand_logo_key
    account.brand_logo_key = None
    account.brand_logo_type = None
    if old:
        _audit(db, principal, client, account, {"logo": "removed"})
    await db.flush()
    if old:
        await _forget(storage, old)
    return read(account)


async def logo(db: AsyncSession, account_id: uuid.UUID, storage: Storage) -> Logo:
    account = await get_account(db, account_id)
    if not account.brand_logo_key or not account.brand_logo_type:
        raise NotFound("The account has no logo.")
    try:
        data = await storage.get(account.brand_logo_key)
    except (StorageError, OSError) as exc:
        raise NotFound("The account's logo is no longer stored; upload it again.") from exc
    return Logo(account.brand_logo_type, data)


async def _forget(storage: Storage, key: str) -> None:
    # An orphaned blob is harmless; the account no longer points at it.
    with contextlib.suppress(StorageError, OSError):
        await storage.delete(key)
