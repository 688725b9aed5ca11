"""Serving the built SPA: cache headers, compressed bodies, conditional requests.

Files under `assets/` carry a content hash in their names (Vite), so they are cached for a year
and never revalidated; everything else (index.html for every client-side route, favicon, ...)
is revalidated on each use (`no-cache` + ETag, usually a 304). Bodies are compressed when the
client accepts it: `name.br` / `name.gz` written next to a file at build time
(frontend/scripts/compress-static.mjs) are sent as they are; without a `.gz`, a compressible file
is gzipped here once and kept in memory.
"""

from __future__ import annotations

import gzip
import mimetypes
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

import anyio.to_thread
from fastapi import Request
from fastapi.responses import Response

from resolutionflow.errors import NotFound

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Smaller bodies gain less from compression than the Content-Encoding costs.
MIN_COMPRESS_BYTES = 1024
NOT_BUILT = "The web UI is not built. Run `make install` (or `npm run build` in frontend/)."

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".wasm": "application/wasm",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
}
# Formats that are compressed already (images, fonts) gain nothing from another pass.
_COMPRESSIBLE = frozenset(
    {
        ".html",
        ".js",
        ".mjs",
        ".css",
        ".json",
        ".map",
        ".webmanifest",
        ".svg",
        ".txt",
        ".xml",
        ".wasm",
    }
)
# What we can send, best first when the client likes several equally.
_ENCODINGS = ("br", "gzip")
_SUFFIX = {"br": ".br", "gzip": ".gz"}


@dataclass(frozen=True)
class _Body:
    path: Path  # what to read: the file, or its .br/.gz sibling
    encoding: str | None
    etag: str
    gzip_here: bool = False  # no .gz was built: compress `path` now


class SpaFiles:
    """The built SPA in `root`: `await files.response(request, path)` answers a GET or HEAD."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.assets = self.root / "assets"
        self.index = self.root / "index.html"

    async def response(self, request: Request, path: str) -> Response:
        # Every file system call (stat, read, compress) happens in one trip to a worker thread.
        status, headers, content = await anyio.to_thread.run_sync(
            self._serve,
            path,
            request.headers.get("accept-encoding", ""),
            request.headers.get("if-none-match"),
        )
        if status == 404:
            # A missing chunk is a 404, not the SPA: the browser would run HTML as JavaScript.
            raise NotFound(f"No file /{path}.")
        if request.method == "HEAD":
            content = b""  # Content-Length still tells the size of the GET's body
        return Response(content, status_code=status, headers=headers)

    def _serve(
        self, path: str, accept_encoding: str, if_none_match: str | None
    ) -> tuple[int, dict[str, str], bytes]:
        file = self._file(path)
        if file is None:
            if path.startswith("assets/"):
                return 404, {}, b""
            if not self.index.is_file():
                return 503, {"Content-Type": "text/plain; charset=utf-8"}, NOT_BUILT.encode()
            # Client-side routes all load the SPA; the router in the browser takes it from there.
            file = self.index

        hashed = self.assets in file.parents
        headers = {"Cache-Control": IMMUTABLE if hashed else REVALIDATE}
        compressible = file.suffix.lower() in _COMPRESSIBLE
        if compressible:
            # The body depends on Accept-Encoding, so caches must keep one copy per encoding.
            headers["Vary"] = "Accept-Encoding"
        body = _pick(file, _accepted(accept_encoding) if compressible else [])
        headers["ETag"] = body.etag
        if _matches(if_none_match, body.etag):
            return 304, headers, b""

        content = _gzip(file, *_version(file)) if body.gzip_here else body.path.read_bytes()
        if body.encoding is not None:
            headers["Content-Encoding"] = body.encoding
        headers["Content-Type"] = _content_type(file)
        headers["Content-Length"] = str(len(content))
        return 200, headers, content

    def _file(self, path: str) -> Path | None:
        """The file `path` names inside the build, or None (also for anything that tries to leave it)."""
        if not path or "\\" in path or "\0" in path:
            return None
        pure = PurePosixPath(path)
        # No "..", no dotfiles (e.g. Vite's .vite/manifest.json), nothing absolute.
        if pure.is_absolute() or any(part.startswith(".") for part in pure.parts):
            return None
        candidate = (self.root / pure).resolve()
        if self.root not in candidate.parents or not candidate.is_file():
            return None
        return candidate


def _pick(file: Path, accepted: list[str]) -> _Body:
    """The representation to send: a precompressed sibling, gzip made here, or the file itself."""
    mtime_ns, size = _version(file)
    for encoding in accepted:
        try:
            sibling = file.with_name(file.name + _SUFFIX[encoding])
            s = sibling.stat()
        except OSError:
            continue
        # A sibling older than its file is left over from an earlier build.
        if s.st_mtime_ns >= mtime_ns:
            return _Body(sibling, encoding, _etag(s.st_mtime_ns, s.st_size))
    if "gzip" in accepted and size >= MIN_COMPRESS_BYTES:
        return _Body(file, "gzip", _etag(mtime_ns, size, "gz"), gzip_here=True)
    return _Body(file, None, _etag(mtime_ns, size))


def _accepted(header: str) -> list[str]:
    """The encodings we have that Accept-Encoding allows (q > 0), preferred first."""
    weights: dict[str, float] = {}
    for item in header.split(","):
        name, _, params = item.partition(";")
        weight = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if name.strip():
            weights[name.strip().lower()] = weight
    wildcard = weights.get("*", 0.0)
    ranked = sorted(
        ((weights.get(e, wildcard), -i, e) for i, e in enumerate(_ENCODINGS)), reverse=True
    )
    return [e for weight, _, e in ranked if weight > 0]


def _matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    tags = [t.strip() for t in if_none_match.split(",")]
    # If-None-Match compares weakly (RFC 9110 13.1.2).
    return "*" in tags or any(t.removeprefix("W/") == etag for t in tags)


def _version(file: Path) -> tuple[int, int]:
    stat = file.stat()
    return stat.st_mtime_ns, stat.st_size


def _etag(mtime_ns: int, size: int, variant: str = "") -> str:
    return f'"{mtime_ns:x}-{size:x}{"-" + variant if variant else ""}"'


def _content_type(file: Path) -> str:
    known = _TYPES.get(file.suffix.lower())
    if known:
        return known
    guessed, _ = mimetypes.guess_type(file.name)
    return guessed or "application/octet-stream"


@lru_cache(maxsize=128)
def _gzip(file: Path, mtime_ns: int, size: int) -> bytes:
    """gzip of a file; mtime and size are in the cache key, so a rebuilt file is compressed anew."""
    del mtime_ns, size
    return gzip.compress(file.read_bytes(), compresslevel=9, mtime=0)
