"""Text extraction from uploaded knowledge documents (Markdown, text, HTML, PDF, DOCX).

`extract()` turns the bytes of one upload into titled sections of plain text (Markdown keeps its
source, so code blocks stay verbatim; HTML `<pre>` becomes a fenced block). Everything a user
can upload is bad input, so every failure is an `ExtractionError` with a sentence to show them,
never another exception. Nothing is executed or fetched: HTML goes through the stdlib parser,
DOCX through python-docx (entities not resolved) after a zip-bomb check, PDF through pypdf.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePosixPath
from typing import Any

import docx
from docx.table import Table
from markdown_it import MarkdownIt
from pypdf import PasswordType, PdfReader

SUPPORTED: dict[str, str] = {
    "text/markdown": "markdown",
    "text/plain": "text",
    "text/html": "html",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}

# Limits. The upload route should cap the request body too; these bound the work done here.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT_CHARS = 5_000_000
MAX_PDF_PAGES = 2_000
MAX_DOCX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_DOCX_MEMBERS = 10_000
MAX_TITLE_CHARS = 200

_log = logging.getLogger(__name__)

_ALLOWED = "upload Markdown, text, HTML, PDF or DOCX"

_EXTENSIONS: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".log": "text",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}

# Names browsers and tools use for the same formats.
_CONTENT_TYPE_ALIASES: dict[str, str] = {
    "text/x-markdown": "markdown",
    "text/x-log": "text",
    "application/xhtml+xml": "html",
    "application/x-pdf": "pdf",
}


class ExtractionError(Exception):
    """A document that cannot be used; `message` is a plain sentence to show the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Section:
    """A run of text under one heading. `heading` is the path ("VPN > Split tunnel") or None;
    `page` is the 1-based PDF page the text came from."""

    heading: str | None
    text: str
    page: int | None = None


@dataclass(frozen=True)
class ExtractedDocument:
    title: str
    format: str
    sections: tuple[Section, ...]
    char_count: int


# --------------------------------------------------------------------------------------------
# Format detection


def _extension(filename: str) -> str:
    name = PurePosixPath(filename.replace("\\", "/")).name
    return PurePosixPath(name).suffix.lower()


def _stem(filename: str) -> str:
    name = PurePosixPath(filename.replace("\\", "/")).name
    stem = PurePosixPath(name).stem if PurePosixPath(name).suffix else name
    stem = _clean(stem).strip()
    return stem[:MAX_TITLE_CHARS] or "Untitled document"


def _zip_names(data: bytes) -> list[str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return None


def _looks_like_text(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls <= len(head) // 100


def _unsupported(ext: str, content_type: str) -> ExtractionError:
    if ext:
        return ExtractionError(f"Unsupported file type {ext} — {_ALLOWED}")
    if content_type and content_type != "application/octet-stream":
        return ExtractionError(f"Unsupported file type ({content_type}) — {_ALLOWED}")
    return ExtractionError(f"Unsupported file type — {_ALLOWED}")


def detect_format(filename: str, content_type: str | None, data: bytes) -> str:
    """The format key ("markdown", "text", "html", "pdf", "docx") of an upload.

    The bytes win over the name: a PDF called `notes.txt` is a PDF. Then the extension, then the
    declared content type. A name-less, type-less upload that is plainly text is taken as text.
    """
    ext = _extension(filename)
    ctype = (content_type or "").split(";", 1)[0].strip().lower()

    # PDF readers accept the header anywhere in the first KiB, so do we.
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        names = _zip_names(data)
        if names is not None and "word/document.xml" in names:
            return "docx"
        if ext == ".docx" or SUPPORTED.get(ctype) == "docx":
            raise ExtractionError("Not a valid DOCX file")
        raise _unsupported(ext, ctype)

    if ext in _EXTENSIONS:
        return _EXTENSIONS[ext]
    by_type = SUPPORTED.get(ctype) or _CONTENT_TYPE_ALIASES.get(ctype)
    if by_type is not None:
        return by_type
    if not ext and _looks_like_text(data):
        head = data[:1024].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")):
            return "html"
        return "text"
    raise _unsupported(ext, ctype)


# --------------------------------------------------------------------------------------------
# Shared helpers

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_WHITESPACE = re.compile(r"\s+")


def _clean(text: str) -> str:
    """NULs out, newlines normalised to \\n."""
    return _NEWLINES.sub("\n", text.replace("\x00", ""))


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _clean(data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _clean(data.decode("utf-16", errors="replace"))
    try:
        return _clean(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return _clean(data.decode("cp1252"))
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return _clean(data.decode("latin-1"))


def _check_size(chars: int) -> None:
    if chars > MAX_TEXT_CHARS:
        raise ExtractionError(
            f"This document has more than {MAX_TEXT_CHARS:,} characters of text — "
            "split it into smaller documents"
        )


def _title(text: str | None) -> str | None:
    if text is None:
        return None
    title = _WHITESPACE.sub(" ", _clean(text)).strip()
    return title[:MAX_TITLE_CHARS] or None


def _document(title: str, fmt: str, sections: Iterable[Section], empty: str) -> ExtractedDocument:
    kept = tuple(s for s in sections if s.text.strip())
    if not kept:
        raise ExtractionError(empty)
    char_count = sum(len(s.text) for s in kept)
    _check_size(char_count)
    return ExtractedDocument(title=title, format=fmt, sections=kept, char_count=char_count)


class _Outline:
    """Heading path bookkeeping: a heading of level n closes every open heading of level >= n."""

    def __init__(self) -> None:
        self._open: list[tuple[int, str]] = []

    def enter(self, level: int, title: str) -> None:
        while self._open and self._open[-1][0] >= level:
            self._open.pop()
        self._open.append((level, title))

    @property
    def path(self) -> str | None:
        return " > ".join(title for _, title in self._open) or None


def _fence(code: str) -> str:
    """`code` as a fenced block, with a fence longer than any backtick run inside it."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    marker = "`" * max(3, longest + 1)
    return f"{marker}\n{code.strip(chr(10))}\n{marker}"


def _tidy(text: str) -> str:
    """Trailing spaces off each line, runs of blank lines collapsed, outer blank lines gone."""
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", text).strip("\n")


# --------------------------------------------------------------------------------------------
# Plain text


def _extract_text(filename: str, data: bytes) -> ExtractedDocument:
    text = _decode(data)
    _check_size(len(text))
    return _document(
        _stem(filename), "text", [Section(None, _tidy(text))], "No text found in this file"
    )


# --------------------------------------------------------------------------------------------
# Markdown

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)


def _inline_text(token: Any) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_inline_text(child))
    return "".join(parts) if parts else str(token.content)


def _extract_markdown(filename: str, data: bytes) -> ExtractedDocument:
    text = _decode(data)
    _check_size(len(text))

    # YAML front matter would otherwise parse as a rule plus a setext heading.
    meta_title: str | None = None
    front = _FRONT_MATTER.match(text)
    if front:
        found = _FRONT_MATTER_TITLE.search(front.group(1))
        meta_title = _title(found.group(1).strip("\"'")) if found else None
        # Keep line numbers stable for the token maps below.
        text = "\n" * front.group(0).count("\n") + text[front.end() :]

    lines = text.split("\n")
    tokens = MarkdownIt("commonmark").parse(text)
    # (first line, line after the heading, level, heading text) of each top-level heading.
    headings: list[tuple[int, int, int, str]] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0 and token.map:
            inline = tokens[index + 1]
            headings.append((token.map[0], token.map[1], int(token.tag[1]), _inline_text(inline)))

    sections: list[Section] = []
    outline = _Outline()
    title: str | None = None
    start = 0
    heading: str | None = None
    for first, after, level, heading_text in headings:
        sections.append(Section(heading, _tidy("\n".join(lines[start:first]))))
        label = _title(heading_text) or "Untitled section"
        if level == 1 and title is None:
            title = label
        outline.enter(level, label)
        heading = outline.path
        start = after
    sections.append(Section(heading, _tidy("\n".join(lines[start:]))))
    return _document(
        title or meta_title or _stem(filename), "markdown", sections, "No text found in this file"
    )


# --------------------------------------------------------------------------------------------
# HTML

_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "nav", "svg", "math", "iframe", "object",
     "embed", "canvas", "select", "button", "datalist"}
)  # fmt: skip
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
     "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "header", "hr", "html",
     "legend", "li", "main", "ol", "p", "section", "summary", "table", "tbody", "tfoot",
     "thead", "ul"}
)  # fmt: skip
_HEADING_TAGS = {f"h{n}": n for n in range(1, 7)}


class _HTMLText(HTMLParser):
    """Collects visible text into sections; never fetches or runs anything."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = []
        self.title: str | None = None
        self.first_h1: str | None = None
        self._outline = _Outline()
        self._blocks: list[str] = []
        self._inline: list[str] = []
        self._skip: list[str] = []
        self._in_title = False
        self._title_parts: list[str] = []
        self._heading_level = 0
        self._heading_parts: list[str] = []
        self._pre_depth = 0
        self._pre_parts: list[str] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self.chars = 0

    # Text is collected into whichever buffer is open: title, heading, pre, cell, or inline.
    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
            return
        if self._skip:
            return
        self.chars += len(data)
        if self.chars > MAX_TEXT_CHARS * 2:
            _check_size(MAX_TEXT_CHARS + 1)
        if self._pre_depth:
            self._pre_parts.append(data)
        elif self._heading_level:
            self._heading_parts.append(data)
        elif self._cell is not None:
            self._cell.append(data)
        else:
            # Source newlines are plain whitespace in HTML; only <br> breaks a line.
            self._inline.append(data.replace("\n", " "))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and not self._skip:
            self._in_title = True
            return
        if self._skip or tag in _SKIP_TAGS or any(name == "hidden" for name, _ in attrs):
            if tag not in _VOID_TAGS:
                self._skip.append(tag)
            return
        if tag == "pre":
            if not self._pre_depth:
                self._flush_inline()
            self._pre_depth += 1
        elif self._pre_depth:
            return
        elif tag in _HEADING_TAGS:
            self._flush_block()
            self._heading_level = _HEADING_TAGS[tag]
            self._heading_parts = []
        elif tag == "tr":
            self._flush_inline()
            self._row = []
        elif tag in ("td", "th"):
            self._end_cell()
            self._cell = []
        elif tag == "br":
            if self._cell is not None:
                self._cell.append(" ")
            else:
                self._inline.append("\n")
        elif tag == "li":
            self._flush_inline()
            self._inline.append("- ")
        elif tag in _BLOCK_TAGS:
            self._flush_inline()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._in_title = False
            if self.title is None:
                self.title = _title("".join(self._title_parts))
            return
        if self._skip:
            if tag in self._skip:
                while self._skip.pop() != tag:
                    pass
            return
        if tag == "pre" and self._pre_depth:
            self._pre_depth -= 1
            if not self._pre_depth:
                code = "".join(self._pre_parts)
                self._pre_parts = []
                if code.strip():
                    self._blocks.append(_fence(_clean(code)))
        elif self._pre_depth:
            return
        elif tag in _HEADING_TAGS and self._heading_level:
            text = _title("".join(self._heading_parts))
            level = self._heading_level
            self._heading_level = 0
            if text:
                if level == 1 and self.first_h1 is None:
                    self.first_h1 = text
                self._outline.enter(level, text)
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table":
            self._end_row()
            self._flush_inline()
        elif tag in _BLOCK_TAGS:
            self._flush_inline()

    def _end_cell(self) -> None:
        if self._cell is not None:
            if self._row is None:
                self._row = []
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row is not None:
            cells = [cell for cell in self._row if cell]
            if cells:
                self._blocks.append(" | ".join(cells))
            self._row = None

    def _flush_inline(self) -> None:
        if self._cell is not None:
            return
        raw = "".join(self._inline)
        self._inline = []
        lines = (" ".join(line.split()) for line in raw.split("\n"))
        text = "\n".join(line for line in lines if line and line != "-")
        if text:
            self._blocks.append(text)

    def _flush_block(self) -> None:
        self._end_row()
        self._flush_inline()
        if self._pre_parts:
            self._blocks.append(_fence(_clean("".join(self._pre_parts))))
            self._pre_parts = []
        if self._blocks:
            self.sections.append(Section(self._outline.path, "\n\n".join(self._blocks)))
            self._blocks = []

    def close(self) -> None:
        super().close()
        self._skip = []
        self._pre_depth = 0
        self._heading_level = 0
        self._flush_block()


def _extract_html(filename: str, data: bytes) -> ExtractedDocument:
    text = _decode(data)
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    return _document(
        parser.title or parser.first_h1 or _stem(filename),
        "html",
        parser.sections,
        "No text found in this file",
    )


# --------------------------------------------------------------------------------------------
# PDF

_PDF_EMPTY = "No text found in this PDF — it may be a scanned image"


def _pdf_headings(reader: Any, page_count: int) -> dict[int, str]:
    """Page index -> heading path of the last outline entry that starts on that page."""
    by_page: dict[int, str] = {}
    seen = 0

    def walk(items: Any, parents: tuple[str, ...], depth: int) -> None:
        nonlocal seen
        last: tuple[str, ...] = parents
        for item in items:
            seen += 1
            if seen > 10_000 or depth > 20:
                return
            if isinstance(item, list):
                walk(item, last, depth + 1)
                continue
            title = _title(str(getattr(item, "title", "") or ""))
            if not title:
                continue
            last = (*parents, title)
            page = reader.get_destination_page_number(item)
            if page is not None and 0 <= page < page_count:
                by_page[page] = " > ".join(last)

    try:
        walk(reader.outline, (), 0)
    except Exception:  # a broken outline only costs us the headings
        return {}
    return by_page


def _pdf_pages(data: bytes) -> tuple[Any, list[Section]]:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            decrypted = reader.decrypt("") != PasswordType.NOT_DECRYPTED
        except Exception:  # missing AES support, broken encryption dictionary
            decrypted = False
        if not decrypted:
            raise ExtractionError("This PDF is encrypted — remove the password and upload it again")
    pages = reader.pages
    count = len(pages)
    if count > MAX_PDF_PAGES:
        raise ExtractionError(
            f"This PDF has {count:,} pages; the limit is {MAX_PDF_PAGES:,} — split it into "
            "smaller documents"
        )
    headings = _pdf_headings(reader, count)
    sections: list[Section] = []
    heading: str | None = None
    total = 0
    for index in range(count):
        heading = headings.get(index, heading)
        try:
            text = pages[index].extract_text() or ""
        except Exception:  # one unreadable page should not cost the rest of the document
            _log.warning("pdf page %d could not be read", index + 1, exc_info=True)
            continue
        text = _tidy(_clean(text))
        total += len(text)
        _check_size(total)
        sections.append(Section(heading, text, page=index + 1))
    return reader, sections


def _pdf_title(reader: Any) -> str | None:
    try:
        metadata = reader.metadata
        return _title(str(metadata.title)) if metadata and metadata.title else None
    except Exception:  # metadata is optional; a broken info dictionary is no reason to fail
        return None


def _first_line(sections: Iterable[Section]) -> str | None:
    for section in sections:
        for line in section.text.split("\n"):
            line = line.strip()
            if line and any(ch.isalpha() for ch in line) and len(line) <= 120:
                return _title(line)
            if line:
                return None
    return None


def _extract_pdf(filename: str, data: bytes) -> ExtractedDocument:
    try:
        reader, sections = _pdf_pages(data)
    except ExtractionError:
        raise
    except Exception as exc:  # pypdf raises many types on malformed input
        raise ExtractionError("This PDF could not be read — it may be damaged") from exc
    kept = [s for s in sections if s.text.strip()]
    title = _pdf_title(reader) or _first_line(kept) or _stem(filename)
    return _document(title, "pdf", kept, _PDF_EMPTY)


# --------------------------------------------------------------------------------------------
# DOCX

_HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_NOT_DOCX = "Not a valid DOCX file"


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise ExtractionError(_NOT_DOCX) from exc
    if len(infos) > MAX_DOCX_MEMBERS:
        raise ExtractionError(f"{_NOT_DOCX} — it holds more than {MAX_DOCX_MEMBERS:,} parts")
    if not any(info.filename == "word/document.xml" for info in infos):
        raise ExtractionError(_NOT_DOCX)
    # zipfile stops at the declared size (and fails the CRC past it), so declared sizes bound
    # what python-docx will inflate.
    expanded = sum(info.file_size for info in infos)
    if expanded > MAX_DOCX_UNCOMPRESSED_BYTES:
        raise ExtractionError(
            f"This DOCX expands to more than {MAX_DOCX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB "
            "— it may be a zip bomb, or too large to index"
        )


def _heading_level(paragraph: Any) -> int | None:
    """1..9 for Heading n styles (or styles based on one), 0 for Title, None otherwise."""
    style = paragraph.style
    for _ in range(5):
        if style is None:
            return None
        name = str(style.name or "")
        if name.lower() == "title":
            return 0
        match = _HEADING_STYLE.match(name)
        if match:
            return int(match.group(1))
        style = style.base_style
    return None


def _is_list_item(paragraph: Any) -> bool:
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return True
    # "List Bullet", "List Number 2", ...: the numbering lives in the style.
    style = paragraph.style
    return style is not None and str(style.name or "").lower().startswith("list ")


def _docx_blocks(document: Any) -> Iterator[tuple[int | None, str]]:
    """(heading level or None, text) for each paragraph and table in body order."""
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            rows: list[str] = []
            for row in item.rows:
                cells: list[str] = []
                last: object = None
                for cell in row.cells:
                    if cell._tc is last:  # a merged cell repeats across the grid
                        continue
                    last = cell._tc
                    text = " ".join(_clean(cell.text).split())
                    if text:
                        cells.append(text)
                if cells:
                    rows.append(" | ".join(cells))
            if rows:
                yield None, "\n".join(rows)
            continue
        text = _clean(item.text).strip()
        if not text:
            continue
        level = _heading_level(item)
        if level is None and _is_list_item(item):
            text = f"- {text}"
        yield level, text


def _extract_docx(filename: str, data: bytes) -> ExtractedDocument:
    _check_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
        core_title = _title(document.core_properties.title or "")
        blocks = list(_docx_blocks(document))
    except ExtractionError:
        raise
    except Exception as exc:  # python-docx and lxml raise many types on malformed input
        raise ExtractionError(_NOT_DOCX) from exc

    sections: list[Section] = []
    outline = _Outline()
    texts: list[str] = []
    style_title: str | None = None
    first_h1: str | None = None
    total = 0
    for level, text in blocks:
        total += len(text)
        _check_size(total)
        if level is None:
            texts.append(text)
            continue
        heading = _title(text)
        if level == 0:
            style_title = style_title or heading
            continue
        sections.append(Section(outline.path, "\n\n".join(texts)))
        texts = []
        if heading:
            if level == 1 and first_h1 is None:
                first_h1 = heading
            outline.enter(level, heading)
    sections.append(Section(outline.path, "\n\n".join(texts)))
    title = core_title or style_title or first_h1 or _stem(filename)
    return _document(title, "docx", sections, "No text found in this file")


# --------------------------------------------------------------------------------------------

_EXTRACTORS = {
    "markdown": _extract_markdown,
    "text": _extract_text,
    "html": _extract_html,
    "pdf": _extract_pdf,
    "docx": _extract_docx,
}


def extract(filename: str, content_type: str | None, data: bytes) -> ExtractedDocument:
    """Sections of text from one uploaded document, or `ExtractionError` saying why not."""
    if len(data) > MAX_FILE_BYTES:
        raise ExtractionError(
            f"This file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB — "
            "split it into smaller documents"
        )
    if not data.strip():
        raise ExtractionError("This file is empty")
    fmt = detect_format(filename, content_type, data)
    try:
        return _EXTRACTORS[fmt](filename, data)
    except ExtractionError:
        raise
    except RecursionError as exc:
        raise ExtractionError("This document is too deeply nested to read") from exc
    except Exception as exc:  # a parser bug must still reach the user as a sentence, not a 500
        _log.exception("knowledge extraction failed", extra={"format": fmt})
        raise ExtractionError(f"This {fmt.upper()} file could not be read") from exc
