"""Reading and writing `.rfflow.json` files and whole-library zip archives, with errors that
name the line (broken JSON) or the field (wrong shape), never a partial result."""

from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile
from typing import Any

from pydantic import ValidationError

from resolutionflow.errors import PayloadTooLarge, ValidationFailed
from resolutionflow.flows.document import FlowDocument

MAX_ARCHIVE_FILES = 2000
MAX_FILE_BYTES = 8 * 1024 * 1024
# What a whole library may expand to: a 16 MiB upload of highly compressible JSON could
# otherwise expand to gigabytes (a zip bomb). Checked on the declared sizes before anything is
# decompressed, and again on the bytes actually read (declared sizes can lie).
MAX_ARCHIVE_BYTES = 64 * 1024 * 1024
# Entries of any kind: a central directory of millions of tiny entries costs memory by itself.
MAX_ARCHIVE_ENTRIES = 5000


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:80] or "flow"


def parse_document(raw: bytes | str, *, filename: str | None = None) -> FlowDocument:
    """Parse one interchange file; raise a 422 naming where it is wrong."""
    where = f"{filename}: " if filename else ""
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        raise ValidationFailed(
            f"{where}the file is not UTF-8 text.",
            errors=[{"loc": ["file"], "msg": "not UTF-8", "type": "encoding", "file": filename}],
        ) from exc
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationFailed(
            f"{where}the file is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.",
            errors=[
                {
                    "loc": ["file"],
                    "msg": exc.msg,
                    "type": "json_invalid",
                    "line": exc.lineno,
                    "column": exc.colno,
                    "file": filename,
                }
            ],
        ) from exc
    if not isinstance(data, dict):
        raise ValidationFailed(
            f'{where}expected a JSON object with "format": "resolutionflow.flow/1".',
            errors=[{"loc": [], "msg": "not an object", "type": "type_error", "file": filename}],
        )
    if data.get("format") != "resolutionflow.flow/1":
        raise ValidationFailed(
            f'{where}this is not a ResolutionFlow flow file ("format" must be '
            '"resolutionflow.flow/1").',
            errors=[
                {
                    "loc": ["format"],
                    "msg": "unsupported format",
                    "type": "literal_error",
                    "file": filename,
                }
            ],
        )
    try:
        return FlowDocument.model_validate(data)
    except ValidationError as exc:
        details = exc.errors(include_url=False, include_input=False)
        errors: list[dict[str, Any]] = [
            {"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"], "file": filename}
            for e in details
        ]
        path = ".".join(str(p) for p in details[0]["loc"]) or "(top level)"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ValidationFailed(f"{where}{path}: {details[0]['msg']}{more}.", errors=errors) from exc


def dump_document(doc: FlowDocument) -> bytes:
    return (json.dumps(doc.export(), indent=2, ensure_ascii=False) + "\n").encode()


def build_archive(docs: list[FlowDocument]) -> bytes:
    buffer = io.BytesIO()
    names: list[str] = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for doc in docs:
            base, n = slugify(doc.title), 1
            name = f"{base}.rfflow.json"
            while name in names:
                n += 1
                name = f"{base}-{n}.rfflow.json"
            names.append(name)
            archive.writestr(name, dump_document(doc))
        manifest = {"format": "resolutionflow.library/1", "flows": names}
        archive.writestr("manifest.json", json.dumps(manifest, indent=2) + "\n")
    return buffer.getvalue()


def _too_large(detail: str, filename: str | None = None) -> PayloadTooLarge:
    error: dict[str, Any] = {"loc": ["file"], "msg": "too large", "type": "too_large"}
    if filename:
        error["file"] = filename
    return PayloadTooLarge(detail, errors=[error])


def parse_archive(raw: bytes) -> list[tuple[str, FlowDocument]]:
    """Every flow of a library archive, or a 413/422 naming the first problem (nothing partial).

    Blocking and CPU-bound: call it from a thread. Members are read one at a time and parsed
    at once, so at most one member's bytes are held besides the parsed flows; the limits on
    entries and total uncompressed size are checked before anything is decompressed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile as exc:
        raise ValidationFailed(
            "The file is not a zip archive.",
            errors=[{"loc": ["file"], "msg": "not a zip archive", "type": "archive_invalid"}],
        ) from exc
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ARCHIVE_ENTRIES:
            raise _too_large(f"The archive holds more than {MAX_ARCHIVE_ENTRIES} entries.")
        members = [
            i
            for i in entries
            if not i.is_dir()
            and i.filename.endswith(".rfflow.json")
            and not i.filename.startswith(("__MACOSX/", "."))
        ]
        if not members:
            raise ValidationFailed(
                "The archive holds no .rfflow.json files.",
                errors=[{"loc": ["file"], "msg": "no flows", "type": "archive_empty"}],
            )
        if len(members) > MAX_ARCHIVE_FILES:
            raise _too_large(f"The archive holds more than {MAX_ARCHIVE_FILES} flows.")
        limit_mib = MAX_ARCHIVE_BYTES // (1024 * 1024)
        if sum(i.file_size for i in members) > MAX_ARCHIVE_BYTES:
            raise _too_large(f"The flows in the archive expand to more than {limit_mib} MiB.")
        out = []
        total = 0
        for info in members:
            # Declared sizes can lie (zip bombs): read at most the limit and check.
            with archive.open(info) as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                raise _too_large(
                    f"{info.filename}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB.",
                    info.filename,
                )
            total += len(data)
            if total > MAX_ARCHIVE_BYTES:
                raise _too_large(
                    f"The flows in the archive expand to more than {limit_mib} MiB.", info.filename
                )
            out.append((info.filename, parse_document(data, filename=info.filename)))
        return out
