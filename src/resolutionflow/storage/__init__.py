"""Where uploaded files live, behind a small interface: local disk under the data dir (the
default) or an S3-compatible object store (RESOLUTIONFLOW_STORAGE_URL=s3://bucket/prefix)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resolutionflow.config import Settings
    from resolutionflow.storage.base import Storage


def from_settings(settings: Settings) -> Storage:
    """The storage the settings name. A configured object store is used or fails loudly; it
    never falls back to local disk."""
    if settings.storage_url.strip():
        from resolutionflow.storage.s3 import S3Storage, parse_endpoint, parse_url

        endpoint = settings.s3_endpoint_url
        if not endpoint and os.environ.get("AWS_ENDPOINT_URL", "").strip():
            try:
                endpoint = parse_endpoint(os.environ["AWS_ENDPOINT_URL"])
            except ValueError as exc:
                raise ValueError(f"AWS_ENDPOINT_URL: {exc}") from None
        region = (
            settings.s3_region
            or os.environ.get("AWS_REGION")
            or os.environ.get("AWS_DEFAULT_REGION")
            or None
        )
        return S3Storage(
            parse_url(settings.storage_url),
            endpoint_url=endpoint,
            region=region,
            addressing_style=settings.s3_addressing_style,
            timeout_s=settings.s3_timeout_s,
            max_attempts=settings.s3_max_attempts,
        )
    from resolutionflow.storage.local import LocalStorage

    return LocalStorage(settings.data_dir / "attachments")
