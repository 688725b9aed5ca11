"""Splitting extracted knowledge documents into retrieval-sized chunks."""

from __future__ import annotations

from dataclasses import dataclass

from resolutionflow.knowledge.extract import ExtractedDocument


@dataclass(frozen=True)
class Chunk:
    ordinal: int
    heading: str | None
    text: str
    page: int | None


def chunk(
    doc: ExtractedDocument, target_chars: int = 1200, overlap_chars: int = 150
) -> list[Chunk]:
    raise NotImplementedError
