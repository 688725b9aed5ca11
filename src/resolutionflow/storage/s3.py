"""Object storage over the S3 API (AWS S3, MinIO, Cloudflare R2, Azure Blob through an S3
gateway), with boto3. Blobs live at `<prefix>/<key>` in one bucket.

boto3 is synchronous: each call runs in a worker thread (`asyncio.to_thread`) on one shared,
thread-safe client. Credentials come from boto3's usual chain (AWS_ACCESS_KEY_ID /
AWS_SECRET_ACCESS_KEY, a profile, an instance or workload role) and never appear in a message
or a log line: errors name the bucket, the endpoint and the S3 error code only.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from resolutionflow.storage.base import StorageError, StorageUnavailable, check_key

_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_PREFIX_SEGMENT = re.compile(r"^[A-Za-z0-9_.-]{1,128}$")
_MISSING = {"NoSuchKey", "404", "NotFound"}


@dataclass(frozen=True)
class S3Location:
    bucket: str
    prefix: str  # "" or "a/b" (no leading or trailing slash)

    def key(self, key: str) -> str:
        check_key(key)
        return f"{self.prefix}/{key}" if self.prefix else key

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}" if self.prefix else f"s3://{self.bucket}"


def parse_url(url: str) -> S3Location:
    """`s3://bucket` or `s3://bucket/prefix`; anything else is a ValueError saying why."""
    parts = urlsplit(url.strip())
    if parts.scheme != "s3":
        raise ValueError(f"must look like s3://bucket/prefix (not {parts.scheme or url!r}://)")
    if "@" in parts.netloc:
        raise ValueError(
            "must not carry credentials; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
        )
    if parts.query or parts.fragment or ":" in parts.netloc:
        raise ValueError(
            "takes no port, query or fragment (the endpoint goes in "
            "RESOLUTIONFLOW_S3_ENDPOINT_URL or AWS_ENDPOINT_URL)"
        )
    if not _BUCKET.match(parts.netloc) or ".." in parts.netloc:
        raise ValueError(
            f"{parts.netloc!r} is not a bucket name (3-63 lowercase letters, digits, dots, hyphens)"
        )
    segments = [s for s in parts.path.strip("/").split("/") if s] if parts.path else []
    if parts.path.strip("/") and len(segments) != len(parts.path.strip("/").split("/")):
        raise ValueError("the prefix has an empty segment (//)")
    for segment in segments:
        if not _PREFIX_SEGMENT.match(segment) or segment in {".", ".."}:
            raise ValueError(
                f"prefix segment {segment!r} may use letters, digits, '.', '_' and '-' only"
            )
    return S3Location(parts.netloc, "/".join(segments))


def parse_endpoint(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"{url!r} is not an http(s) URL")
    if parts.username or parts.password:
        raise ValueError("must not carry credentials; set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY")
    return url.strip()


class S3Storage:
    def __init__(
        self,
        location: S3Location,
        *,
        endpoint_url: str | None = None,
        region: str | None = None,
        addressing_style: str = "auto",
        timeout_s: float = 10.0,
        max_attempts: int = 3,
    ) -> None:
        self.location = location
        self.endpoint_url = endpoint_url
        if addressing_style == "auto" and endpoint_url:
            # MinIO, gateways and most self-hosted endpoints serve buckets as paths; a
            # virtual-hosted name (bucket.minio:9000) would not resolve.
            addressing_style = "path"
        common: dict[str, Any] = {
            "signature_version": "s3v4",
            "s3": {"addressing_style": addressing_style},
            # The newer default CRC checksums are not understood by every S3-compatible store;
            # uploads carry Content-MD5 instead, which they all verify.
            "request_checksum_calculation": "when_required",
            "response_checksum_validation": "when_required",
            "user_agent_extra": "resolutionflow",
        }
        session = boto3.session.Session()
        make = session.client
        self._client = make(
            "s3",
            endpoint_url=endpoint_url,
            region_name=region,
            config=Config(
                connect_timeout=timeout_s,
                read_timeout=max(timeout_s, 30.0),
                retries={"max_attempts": max_attempts, "mode": "standard"},
                max_pool_connections=20,
                **common,
            ),
        )
        # Readiness probes answer quickly and never wait on retries' backoff.
        self._probe = make(
            "s3",
            endpoint_url=endpoint_url,
            region_name=region,
            config=Config(
                connect_timeout=min(timeout_s, 3.0),
                read_timeout=min(timeout_s, 3.0),
                retries={"total_max_attempts": 1, "mode": "standard"},
                **common,
            ),
        )

    def describe(self) -> str:
        where = f" at {self.endpoint_url}" if self.endpoint_url else ""
        return f"{self.location}{where}"

    def _unavailable(self, exc: Exception) -> StorageUnavailable:
        if isinstance(exc, ClientError):
            code = exc.response.get("Error", {}).get("Code", "error")
            reason = f"it answered {code}"
        else:
            reason = type(exc).__name__
        return StorageUnavailable(
            f"Attachment storage {self.describe()} is not reachable ({reason})."
        )

    async def _call(self, name: str, key: str | None = None, **kw: Any) -> Any:
        params: dict[str, Any] = {"Bucket": self.location.bucket, **kw}
        if key is not None:
            params["Key"] = self.location.key(key)
        try:
            return await asyncio.to_thread(getattr(self._client, name), **params)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in _MISSING:
                raise StorageError("the file is missing from storage") from exc
            raise self._unavailable(exc) from exc
        except BotoCoreError as exc:
            raise self._unavailable(exc) from exc

    async def put(self, key: str, data: bytes) -> None:
        md5 = base64.b64encode(hashlib.md5(data, usedforsecurity=False).digest()).decode()
        await self._call(
            "put_object",
            key,
            Body=data,
            ContentMD5=md5,
            ContentType="application/octet-stream",
        )

    async def get(self, key: str) -> bytes:
        def read() -> bytes:
            body = self._client.get_object(Bucket=self.location.bucket, Key=self.location.key(key))[
                "Body"
            ]
            try:
                return bytes(body.read())
            finally:
                body.close()

        try:
            return await asyncio.to_thread(read)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in _MISSING:
                raise StorageError("the file is missing from storage") from exc
            raise self._unavailable(exc) from exc
        except BotoCoreError as exc:
            raise self._unavailable(exc) from exc

    async def delete(self, key: str) -> None:
        await self._call("delete_object", key)

    async def exists(self, key: str) -> bool:
        try:
            await self._call("head_object", key)
        except StorageUnavailable:
            raise
        except StorageError:
            return False
        return True

    async def check(self) -> None:
        try:
            await asyncio.to_thread(self._probe.head_bucket, Bucket=self.location.bucket)
        except (ClientError, BotoCoreError) as exc:
            raise self._unavailable(exc) from exc
