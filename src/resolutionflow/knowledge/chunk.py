"""Splitting extracted knowledge documents into retrieval-sized chunks.

A chunk stays inside one section, so its heading says where it came from. The exception is a run
of tiny sections under the same parent ("VPN > Split tunnel", "VPN > Full tunnel"), which share
one chunk headed by the parent, each part introduced by its own heading line. Long sections are
split at paragraphs, then lines, then sentences, then words, then anywhere; each chunk after a
split repeats the tail of the one before (`overlap_chars`) so a fact that straddles the cut is
still found whole. Fenced code blocks are never cut, because a half command is worse than none,
unless one alone exceeds twice the target; then it is cut at lines and every piece is re-fenced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from resolutionflow.knowledge.extract import ExtractedDocument, Section

_SEP = " > "
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_SENTENCE_TAIL = re.compile(r"[.!?]\s+(?=\S)")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Chunk:
    ordinal: int
    heading: str | None
    text: str
    page: int | None


@dataclass(frozen=True)
class _Unit:
    """Text that is never cut further; `sep` joins it to the unit before it in a chunk."""

    text: str
    sep: str
    code: bool = False


# --------------------------------------------------------------------------------------------
# Grouping sections


def _parent(heading: str | None) -> str | None:
    if heading is None or _SEP not in heading:
        return None
    return heading.rsplit(_SEP, 1)[0]


def _common(headings: Sequence[str | None]) -> str | None:
    paths = [h.split(_SEP) if h else [] for h in headings]
    common: list[str] = []
    for parts in zip(*paths, strict=False):
        if any(part != parts[0] for part in parts):
            break
        common.append(parts[0])
    return _SEP.join(common) or None


def _group_heading(group: Sequence[Section]) -> str | None:
    headings = [s.heading for s in group]
    return _common(headings) or headings[0]


def _relative(heading: str | None, base: str | None) -> str:
    if heading is None or heading == base:
        return ""
    if base and heading.startswith(base + _SEP):
        return heading[len(base) + len(_SEP) :]
    return heading


def _group_text(group: Sequence[Section]) -> str:
    if len(group) == 1:
        return group[0].text
    base = _group_heading(group)
    parts: list[str] = []
    for section in group:
        label = _relative(section.heading, base)
        parts.append(f"{label}\n\n{section.text}" if label else section.text)
    return "\n\n".join(parts)


def _mergeable(group: Sequence[Section], section: Section) -> bool:
    headings = [s.heading for s in group]
    if all(h == section.heading for h in headings):
        return True
    common = _common([*headings, section.heading])
    return _parent(section.heading) == common or section.heading == common


def _groups(sections: Sequence[Section], target: int) -> list[list[Section]]:
    small = target // 3
    groups: list[list[Section]] = []
    for section in sections:
        if groups:
            group = groups[-1]
            tiny = len(section.text) < small or len(_group_text(group)) < small
            if (
                tiny
                and _mergeable(group, section)
                and len(_group_text([*group, section])) <= target
            ):
                group.append(section)
                continue
        groups.append([section])
    return groups


# --------------------------------------------------------------------------------------------
# Splitting one text into units


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return (
        len(stripped) >= len(fence)
        and set(stripped) == {fence[0]}
        and len(line) - len(line.lstrip(" ")) <= 3
    )


def _blocks(text: str) -> list[tuple[str, bool]]:
    """Paragraphs (split at blank lines) and fenced code blocks (kept whole), in order."""
    blocks: list[tuple[str, bool]] = []
    paragraph: list[str] = []
    lines = text.split("\n")

    def flush() -> None:
        if paragraph:
            blocks.append(("\n".join(paragraph), False))
            paragraph.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        opening = _FENCE.match(line)
        if opening:
            flush()
            fence = opening.group(1)
            end = i + 1
            while end < len(lines) and not _closes(lines[end], fence):
                end += 1
            # An unclosed fence runs to the end of the text, as in CommonMark.
            blocks.append(("\n".join(lines[i : end + 1]), True))
            i = end + 1
        elif line.strip():
            paragraph.append(line)
            i += 1
        else:
            flush()
            i += 1
    flush()
    return blocks


def _prose_pieces(text: str, limit: int, level: int = 0) -> list[tuple[str, str]]:
    """(piece, separator before it) with every piece at most `limit` characters."""
    if len(text) <= limit:
        return [(text, "")]
    if level == 0:
        parts, sep = [p.rstrip() for p in text.split("\n")], "\n"
    elif level == 1:
        parts, sep = [p.strip() for p in _SENTENCE_END.split(text)], " "
    elif level == 2:
        parts, sep = text.split(), " "
    else:
        return [(text[i : i + limit], "") for i in range(0, len(text), limit)]
    pieces: list[tuple[str, str]] = []
    for part in parts:
        if not part.strip():
            continue
        for index, (piece, inner_sep) in enumerate(_prose_pieces(part, limit, level + 1)):
            pieces.append((piece, sep if index == 0 else inner_sep))
    return pieces


def _wrap(line: str, room: int) -> list[str]:
    """`line` in pieces of at most `room` characters, cut at spaces where there are any."""
    pieces: list[str] = []
    while len(line) > room:
        cut = line.rfind(" ", 0, room + 1)
        if cut <= 0:
            pieces.append(line[:room])
            line = line[room:]
        else:
            pieces.append(line[:cut])
            line = line[cut + 1 :]
    pieces.append(line)
    return pieces


_OPENING_REST = re.compile(r"^(\s*[`~]{3,})(\S*)\s+(.*)$")


def _code_units(block: str, target: int) -> list[_Unit]:
    if len(block) <= 2 * target:
        return [_Unit(block, "\n\n", code=True)]
    lines = block.split("\n")
    opening = lines[0]
    fence = _FENCE.match(opening)
    marker = fence.group(1) if fence else "```"
    if len(lines) > 1 and _closes(lines[-1], marker):
        closing, inner = lines[-1].strip(), lines[1:-1]
    else:
        closing, inner = marker, lines[1:]
    # Text after the info string on the opening line ("``` Get-Service Spooler") is content as
    # far as search is concerned: split it off so no word is lost when the block is cut.
    head = _OPENING_REST.match(opening)
    if head and head.group(3).strip():
        opening = head.group(1) + head.group(2)
        inner = [head.group(3), *inner]
    room = max(target // 2, target - len(opening) - len(closing) - 2)
    pieces: list[list[str]] = [[]]
    size = 0
    for line in inner:
        for part in _wrap(line, room):
            if pieces[-1] and size + 1 + len(part) > room:
                pieces.append([])
                size = 0
            size += len(part) + (1 if pieces[-1] else 0)
            pieces[-1].append(part)
    return [
        _Unit(f"{opening}\n" + "\n".join(piece) + f"\n{closing}", "\n\n", code=True)
        for piece in pieces
        if any(line.strip() for line in piece)
    ]


def _units(text: str, target: int, overlap: int) -> list[_Unit]:
    # Room for the overlap and a separator, so a chunk with both still fits the target.
    limit = max(1, target - overlap - 2)
    units: list[_Unit] = []
    for block, is_code in _blocks(text):
        if is_code:
            units.extend(_code_units(block, target))
            continue
        for index, (piece, sep) in enumerate(_prose_pieces(block, limit)):
            units.append(_Unit(piece, "\n\n" if index == 0 else sep))
    return units


# --------------------------------------------------------------------------------------------
# Packing units into chunks


def _tail(text: str, size: int) -> str:
    """The last `size` or so characters of `text`, starting at a sentence or word boundary."""
    if size <= 0 or not text:
        return ""
    if len(text) <= size:
        return text.strip()
    tail = text[-size:]
    sentence = _SENTENCE_TAIL.search(tail)
    if sentence and len(tail) - sentence.end() >= size // 3:
        return tail[sentence.end() :].strip()
    space = _WHITESPACE.search(tail)
    if space and tail[space.end() :].strip():
        return tail[space.end() :].strip()
    return tail.strip()


def _pack(units: Sequence[_Unit], target: int, overlap: int) -> list[str]:
    texts: list[str] = []
    current = ""
    has_content = False
    # The overlap must not reach back into a code block: a copied closing fence would open one.
    prose_from = 0
    for unit in units:
        if has_content and len(current) + len(unit.sep) + len(unit.text) > target:
            texts.append(current)
            prefix = "" if unit.code else _tail(current[prose_from:], overlap)
            if prefix and len(prefix) + len(unit.sep) + len(unit.text) <= target:
                current = prefix + unit.sep + unit.text
            else:
                current = unit.text
            prose_from = 0
        elif has_content:
            current = current + unit.sep + unit.text
        else:
            current = unit.text
        has_content = True
        if unit.code:
            prose_from = len(current)
    if has_content:
        texts.append(current)
    return texts


def _finish(text: str) -> str:
    return text.strip("\n").rstrip()


def chunk(
    doc: ExtractedDocument, target_chars: int = 1200, overlap_chars: int = 150
) -> list[Chunk]:
    """The document as ordered chunks of about `target_chars` characters (see the module doc).

    Deterministic: the same document and settings always give the same chunks.
    """
    if target_chars < 40:
        raise ValueError("target_chars must be at least 40")
    if not 0 <= overlap_chars <= target_chars // 2:
        raise ValueError("overlap_chars must be between 0 and half of target_chars")

    chunks: list[Chunk] = []
    for group in _groups([s for s in doc.sections if s.text.strip()], target_chars):
        heading = _group_heading(group)
        page = group[0].page
        text = _group_text(group)
        if len(text) <= target_chars:
            texts = [text]
        else:
            texts = _pack(_units(text, target_chars, overlap_chars), target_chars, overlap_chars)
        for piece in texts:
            finished = _finish(piece)
            if finished.strip():
                chunks.append(Chunk(len(chunks), heading, finished, page))
    return chunks
