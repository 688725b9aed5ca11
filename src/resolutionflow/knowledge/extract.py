"""Text extraction from uploaded knowledge documents (Markdown, text, HTML, PDF, DOCX)."""

from __future__ import annotations

from dataclasses import dataclass

SUPPORTED: dict[str, str] = {
    "text/markdown": "markdown",
    "text/plain": "text",
    "text/html": "html",
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}


class ExtractionError(Exception):
    """A document that cannot be used; `message` is a plain sentence to show the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Section:
    heading: str | None
    text: str
    page: int | None = None


@dataclass(frozen=True)
class ExtractedDocument:
    title: str
    format: str
    sections: tuple[Section, ...]
    char_count: int


def detect_format(filename: str, content_type: str | None, data: bytes) -> str:
    raise NotImplementedError


def extract(filename: str, content_type: str | None, data: bytes) -> ExtractedDocument:
    raise NotImplementedError
