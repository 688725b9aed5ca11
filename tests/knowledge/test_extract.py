"""Extraction of knowledge documents: every format end to end, sniffing, and every refusal.

DOCX and PDF fixtures are built here at test time (python-docx, a hand-written PDF with a
Helvetica text object, pypdf's writer for outlines and encryption); no binaries are committed.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from resolutionflow.knowledge import extract as extract_module
from resolutionflow.knowledge.extract import (
    SUPPORTED,
    ExtractedDocument,
    ExtractionError,
    Section,
    detect_format,
    extract,
)

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# --------------------------------------------------------------------------------------------
# Fixture builders


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A minimal valid PDF: one Helvetica text object per page, one line per string."""
    objects: dict[int, bytes] = {}
    page_ids = [4 + 2 * i for i in range(len(pages))]
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode()
    objects[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    for pid, lines in zip(page_ids, pages, strict=True):
        shown = " ".join(f"{_pdf_string(line)} Tj T*" for line in lines)
        stream = f"BT /F1 12 Tf 14 TL 72 720 Td {shown} ET".encode("latin-1")
        objects[pid] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {pid + 1} 0 R >>"
        ).encode()
        objects[pid + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    info = None
    if title is not None:
        info = max(objects) + 1
        objects[info] = f"<< /Title {_pdf_string(title)} >>".encode("latin-1")
    out = bytearray(b"%PDF-1.4\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number]
    info_ref = f" /Info {info} 0 R" if info else ""
    out += f"trailer\n<< /Size {size} /Root 1 0 R{info_ref} >>\n".encode()
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def rewrite_pdf(data: bytes, **encrypt: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    if encrypt:
        writer.encrypt(**encrypt)  # type: ignore[arg-type]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def sample_docx() -> bytes:
    document = docx.Document()
    document.core_properties.title = ""
    document.add_paragraph("Printer runbook", style="Title")
    document.add_paragraph("Applies to every site.")
    document.add_heading("Spooler", level=1)
    document.add_paragraph("Restart the spooler service first.")
    document.add_heading("Stuck jobs", level=2)
    document.add_paragraph("Clear C:\\Windows\\System32\\spool\\PRINTERS.")
    document.add_paragraph("Check the queue", style="List Bullet")
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(
        table.rows, [["Model", "Driver", "Port"], ["HP 402", "PCL6", "9100"]], strict=True
    ):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_heading("Drivers", level=1)
    document.add_paragraph("Use the universal driver.")
    return docx_bytes(document)


def rezip(data: bytes, replace: dict[str, bytes] | None = None, drop: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename == drop:
                continue
            body = (replace or {}).get(info.filename, source.read(info.filename))
            target.writestr(info.filename, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def refusal(filename: str, content_type: str | None, data: bytes) -> str:
    with pytest.raises(ExtractionError) as caught:
        extract(filename, content_type, data)
    error: ExtractionError = caught.value
    assert str(error) == error.message
    return error.message


# --------------------------------------------------------------------------------------------
# Markdown

MARKDOWN = b"""Intro before any heading.

# VPN runbook

Overview of the VPN.

## Split tunnel

Enable it per profile.

```powershell
# not a heading: a comment
Set-VpnConnection -Name "Corp" -SplitTunneling $true

Get-VpnConnection
```

Split tunnel setext
-------------------

### Routes
Add routes with `route add`.

# Appendix
Done.
"""


class TestMarkdown:
    def test_sections_follow_the_heading_hierarchy(self) -> None:
        doc = extract("vpn.md", "text/markdown", MARKDOWN)
        assert doc.format == "markdown"
        assert doc.title == "VPN runbook"
        assert [s.heading for s in doc.sections] == [
            None,
            "VPN runbook",
            "VPN runbook > Split tunnel",
            # "Split tunnel setext" has no text of its own, only a subsection.
            "VPN runbook > Split tunnel setext > Routes",
            "Appendix",
        ]
        assert doc.sections[0].text == "Intro before any heading."
        assert doc.sections[3].text == "Add routes with `route add`."
        assert doc.char_count == sum(len(s.text) for s in doc.sections)
        assert all(s.page is None for s in doc.sections)

    def test_code_blocks_are_kept_verbatim(self) -> None:
        doc = extract("vpn.md", None, MARKDOWN)
        split = doc.sections[2].text
        assert (
            '```powershell\n# not a heading: a comment\nSet-VpnConnection -Name "Corp" '
            "-SplitTunneling $true\n\nGet-VpnConnection\n```"
        ) in split

    def test_title_falls_back_to_the_file_name(self) -> None:
        doc = extract("folder/printer-fixes.markdown", None, b"## Only a subheading\n\nText.\n")
        assert doc.title == "printer-fixes"
        assert doc.sections == (Section("Only a subheading", "Text."),)

    def test_front_matter_is_not_a_heading(self) -> None:
        data = b"---\ntitle: From front matter\ntags: [vpn]\n---\nBody text.\n"
        doc = extract("x.md", None, data)
        assert doc.title == "From front matter"
        assert doc.sections == (Section(None, "Body text."),)

    def test_heading_markup_is_reduced_to_text(self) -> None:
        doc = extract("x.md", None, b"# Fix `ipconfig` *fast*\n\nRun it.\n")
        assert doc.title == "Fix ipconfig fast"
        assert doc.sections[0].heading == "Fix ipconfig fast"

    def test_headings_without_text_below_them_make_no_section(self) -> None:
        doc = extract("x.md", None, b"# A\n## B\nUnder B.\n## C\n")
        assert doc.sections == (Section("A > B", "Under B."),)


# --------------------------------------------------------------------------------------------
# Plain text


class TestText:
    def test_utf8_log_with_crlf_and_nul_bytes(self) -> None:
        data = "Event 4625 \u2013 logon failed\r\nuser: bob\x00\r\n\r\n\r\n\r\nnext".encode()
        doc = extract("Security.log", None, data)
        assert doc.format == "text"
        assert doc.title == "Security"
        assert doc.sections == (Section(None, "Event 4625 \u2013 logon failed\nuser: bob\n\nnext"),)

    def test_cp1252_is_decoded_when_utf8_fails(self) -> None:
        doc = extract("notes.txt", "text/plain", b"caf\xe9 \x93quoted\x94 \x80")
        assert doc.sections[0].text == "caf\u00e9 \u201cquoted\u201d \u20ac"

    def test_bytes_undefined_in_cp1252_fall_back_to_latin1(self) -> None:
        doc = extract("notes.txt", None, b"a\x81b \xe9")
        assert doc.sections[0].text == "a\x81b \u00e9"

    @pytest.mark.parametrize(
        "data",
        [
            codecs.BOM_UTF8 + "Grüße".encode(),
            codecs.BOM_UTF16_LE + "Grüße".encode("utf-16-le"),
            codecs.BOM_UTF16_BE + "Grüße".encode("utf-16-be"),
        ],
    )
    def test_byte_order_marks_pick_the_encoding(self, data: bytes) -> None:
        assert extract("g.txt", None, data).sections[0].text == "Grüße"


# --------------------------------------------------------------------------------------------
# HTML

HTML = b"""<!DOCTYPE html>
<html><head><title>Outlook &amp; Exchange</title>
<style>body { color: red }</style>
<script>document.write("INJECTED")</script>
<head>
<body>
<nav><a href="/">Home</a> | <a href="/kb">Knowledge base</a></nav>
<p>Intro paragraph with <b>bold</b> and&nbsp;entities &lt;ok&gt;.</p>
<h1>Outlook</h1>
<p>Check the
   profile.</p>
<h2>Safe mode</h2>
<ul><li>Close Outlook</li><li>Run <code>outlook.exe /safe</code></li></ul>
<pre>
Get-Process outlook |
    Stop-Process
</pre>
<table><tr><th>Build</th><th>Fix</th></tr><tr><td>16.0</td><td>Repair <i>Office</i></td></tr></table>
<div hidden>hidden text</div>
<noscript>Enable JavaScript</noscript>
<h1>Exchange</h1>
<div>Mailbox moves<br>take time.</div>
<script>alert(1)</script>
</body></html>
"""


class TestHtml:
    def test_visible_text_in_heading_sections(self) -> None:
        doc = extract("kb.html", "text/html", HTML)
        assert doc.format == "html"
        assert doc.title == "Outlook & Exchange"
        assert [s.heading for s in doc.sections] == [
            None,
            "Outlook",
            "Outlook > Safe mode",
            "Exchange",
        ]
        assert doc.sections[0].text == "Intro paragraph with bold and entities <ok>."
        assert doc.sections[1].text == "Check the profile."
        assert doc.sections[3].text == "Mailbox moves\ntake time."

    def test_scripts_styles_navigation_and_hidden_content_are_dropped(self) -> None:
        doc = extract("kb.html", None, HTML)
        everything = "\n".join(s.text for s in doc.sections)
        for gone in ("INJECTED", "alert", "color: red", "Home", "Knowledge base", "hidden text"):
            assert gone not in everything
        assert "Enable JavaScript" not in everything

    def test_pre_is_kept_verbatim_as_a_fenced_block_and_tables_flatten_by_row(self) -> None:
        safe_mode = extract("kb.htm", None, HTML).sections[2].text
        assert safe_mode == (
            "- Close Outlook\n\n- Run outlook.exe /safe\n\n"
            "```\nGet-Process outlook |\n    Stop-Process\n```\n\n"
            "Build | Fix\n\n16.0 | Repair Office"
        )

    def test_title_falls_back_to_first_h1_then_file_name(self) -> None:
        assert extract("a.html", None, b"<p>x</p><h1>First</h1><p>y</p>").title == "First"
        assert extract("page.html", None, b"<p>no headings</p>").title == "page"

    def test_pre_containing_backticks_gets_a_longer_fence(self) -> None:
        doc = extract("a.html", None, b"<pre>```\ncode\n```</pre>")
        assert doc.sections[0].text == "````\n```\ncode\n```\n````"


# --------------------------------------------------------------------------------------------
# PDF


class TestPdf:
    def test_text_per_page_with_page_numbers_and_metadata_title(self) -> None:
        data = make_pdf(
            [["Reset the (VPN) tunnel", "then reconnect."], ["Second page text"]],
            title="VPN guide",
        )
        doc = extract("guide.pdf", "application/pdf", data)
        assert doc.format == "pdf"
        assert doc.title == "VPN guide"
        assert doc.sections == (
            Section(None, "Reset the (VPN) tunnel\nthen reconnect.", page=1),
            Section(None, "Second page text", page=2),
        )

    def test_title_falls_back_to_first_line_then_file_name(self) -> None:
        assert extract("g.pdf", None, make_pdf([["Printer runbook", "body"]])).title == (
            "Printer runbook"
        )
        assert extract("scan-42.pdf", None, make_pdf([["2024-01-01", "body"]])).title == "scan-42"

    def test_outline_entries_become_headings(self) -> None:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["a"], ["b"], ["c"]]))))
        intro = writer.add_outline_item(title="Intro", page_number=0)
        writer.add_outline_item(title="Details", page_number=1, parent=intro)
        out = io.BytesIO()
        writer.write(out)
        doc = extract("o.pdf", None, out.getvalue())
        assert [(s.heading, s.page) for s in doc.sections] == [
            ("Intro", 1),
            ("Intro > Details", 2),
            ("Intro > Details", 3),
        ]

    def test_blank_pages_mean_no_text(self) -> None:
        writer = PdfWriter()
        writer.add_blank_page(width=612, height=792)
        out = io.BytesIO()
        writer.write(out)
        assert refusal("scan.pdf", None, out.getvalue()) == (
            "No text found in this PDF — it may be a scanned image"
        )
        assert refusal("scan.pdf", None, make_pdf([[], []])) == (
            "No text found in this PDF — it may be a scanned image"
        )

    def test_encrypted_pdf_is_refused(self) -> None:
        data = rewrite_pdf(
            make_pdf([["secret"]]), user_password="pw", owner_password="o", algorithm="AES-256"
        )
        assert refusal("s.pdf", None, data) == (
            "This PDF is encrypted — remove the password and upload it again"
        )

    def test_pdf_with_empty_user_password_is_opened(self) -> None:
        data = rewrite_pdf(
            make_pdf([["readable text"]]), user_password="", owner_password="o", algorithm="RC4-128"
        )
        assert extract("s.pdf", None, data).sections == (Section(None, "readable text", page=1),)

    @pytest.mark.parametrize(
        "data",
        [
            b"%PDF-1.7\nthis is not really a pdf",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>",
            b"not a pdf at all",
        ],
    )
    def test_corrupt_pdf_is_refused(self, data: bytes) -> None:
        message = refusal("broken.pdf", "application/pdf", data)
        assert message in (
            "This PDF could not be read — it may be damaged",
            "No text found in this PDF — it may be a scanned image",
        )

    def test_truncated_pdf_never_raises_anything_else(self) -> None:
        data = make_pdf([["Some text here"], ["More text"]], title="T")
        for cut in range(10, len(data), 37):
            with contextlib.suppress(ExtractionError):
                extract("t.pdf", None, data[:cut])

    def test_too_many_pages(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(extract_module, "MAX_PDF_PAGES", 2)
        message = refusal("big.pdf", None, make_pdf([["a"], ["b"], ["c"]]))
        assert message == "This PDF has 3 pages; the limit is 2 — split it into smaller documents"


# --------------------------------------------------------------------------------------------
# DOCX


class TestDocx:
    def test_headings_tables_and_lists(self) -> None:
        doc = extract("runbook.docx", DOCX_TYPE, sample_docx())
        assert doc.format == "docx"
        assert doc.title == "Printer runbook"
        assert doc.sections == (
            Section(None, "Applies to every site."),
            Section("Spooler", "Restart the spooler service first."),
            Section(
                "Spooler > Stuck jobs",
                "Clear C:\\Windows\\System32\\spool\\PRINTERS.\n\n- Check the queue\n\n"
                "Model | Driver | Port\nHP 402 | PCL6 | 9100",
            ),
            Section("Drivers", "Use the universal driver."),
        )

    def test_title_from_core_properties_wins(self) -> None:
        document = docx.Document()
        document.core_properties.title = "From properties"
        document.add_heading("Heading one", level=1)
        document.add_paragraph("Body")
        assert extract("x.docx", None, docx_bytes(document)).title == "From properties"

    def test_title_falls_back_to_first_heading_then_file_name(self) -> None:
        document = docx.Document()
        document.core_properties.title = ""
        document.add_heading("Heading one", level=1)
        document.add_paragraph("Body")
        assert extract("x.docx", None, docx_bytes(document)).title == "Heading one"
        plain = docx.Document()
        plain.core_properties.title = ""
        plain.add_paragraph("Body only")
        assert extract("Plain notes.docx", None, docx_bytes(plain)).title == "Plain notes"

    def test_merged_cells_appear_once(self) -> None:
        document = docx.Document()
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).merge(table.cell(0, 1)).text = "Wide header"
        table.cell(1, 0).text = "a"
        table.cell(1, 1).text = "b"
        doc = extract("t.docx", None, docx_bytes(document))
        assert doc.sections[0].text == "Wide header\na | b"

    def test_corrupt_zip_is_refused(self) -> None:
        assert refusal("x.docx", DOCX_TYPE, b"PK\x03\x04garbage") == "Not a valid DOCX file"
        assert refusal("x.docx", None, b"plain words, not a zip") == "Not a valid DOCX file"
        truncated = sample_docx()[:-200]
        assert refusal("x.docx", None, truncated) == "Not a valid DOCX file"

    def test_zip_without_a_document_part_is_refused(self) -> None:
        data = rezip(sample_docx(), drop="word/document.xml")
        assert refusal("x.docx", None, data) == "Not a valid DOCX file"

    def test_invalid_document_xml_is_refused(self) -> None:
        data = rezip(sample_docx(), replace={"word/document.xml": b"<w:document><unclosed"})
        assert refusal("x.docx", None, data) == "Not a valid DOCX file"

    def test_zip_bomb_is_refused_before_parsing(self) -> None:
        out = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(sample_docx())) as source,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            for info in source.infolist():
                target.writestr(info.filename, source.read(info.filename))
            zeros = bytes(1024 * 1024)
            with target.open("word/media/padding.bin", "w") as member:
                for _ in range(extract_module.MAX_DOCX_UNCOMPRESSED_BYTES // len(zeros) + 1):
                    member.write(zeros)
        data = out.getvalue()
        assert len(data) < 1024 * 1024  # small on the wire, 100 MB+ once inflated
        assert refusal("bomb.docx", None, data) == (
            "This DOCX expands to more than 100 MB — it may be a zip bomb, or too large to index"
        )


# --------------------------------------------------------------------------------------------
# Format detection


class TestDetectFormat:
    def test_supported_content_types(self) -> None:
        assert set(SUPPORTED.values()) == {"markdown", "text", "html", "pdf", "docx"}
        for content_type, fmt in SUPPORTED.items():
            if fmt in ("pdf", "docx"):
                continue
            assert detect_format("upload", content_type, b"words") == fmt

    @pytest.mark.parametrize(
        ("filename", "fmt"),
        [
            ("a.md", "markdown"),
            ("A.MARKDOWN", "markdown"),
            ("a.txt", "text"),
            ("a.log", "text"),
            ("a.html", "html"),
            ("a.htm", "html"),
            ("a.pdf", "pdf"),
            ("a.docx", "docx"),
            ("C:\\Users\\bob\\notes.md", "markdown"),
        ],
    )
    def test_extensions(self, filename: str, fmt: str) -> None:
        assert detect_format(filename, None, b"words") == fmt

    def test_magic_bytes_beat_a_misleading_name_and_type(self) -> None:
        pdf = make_pdf([["Real PDF text"]])
        assert detect_format("notes.txt", "text/plain", pdf) == "pdf"
        doc = extract("notes.txt", "text/plain", pdf)
        assert doc.format == "pdf"
        assert doc.sections[0].text == "Real PDF text"
        assert detect_format("readme.md", "text/markdown", sample_docx()) == "docx"
        assert extract("readme.md", None, sample_docx()).format == "docx"

    def test_extension_beats_content_type(self) -> None:
        assert detect_format("a.md", "text/html", b"# x") == "markdown"

    def test_content_type_is_used_when_the_name_says_nothing(self) -> None:
        assert detect_format("upload", "text/markdown; charset=utf-8", b"# x") == "markdown"
        assert detect_format("upload.bin", "text/html", b"<p>x") == "html"
        assert detect_format("kb", "text/x-markdown", b"# x") == "markdown"

    def test_nameless_text_is_sniffed(self) -> None:
        assert detect_format("README", None, b"plain words") == "text"
        assert detect_format("page", "application/octet-stream", b"<!DOCTYPE html><p>x") == "html"

    def test_other_zip_formats_are_unsupported(self) -> None:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
        assert refusal("budget.xlsx", None, out.getvalue()) == (
            "Unsupported file type .xlsx — upload Markdown, text, HTML, PDF or DOCX"
        )

    def test_unknown_binary_is_unsupported(self) -> None:
        assert refusal("setup.exe", None, b"MZ\x90\x00\x03\x00\x00\x00") == (
            "Unsupported file type .exe — upload Markdown, text, HTML, PDF or DOCX"
        )
        assert refusal("blob", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00") == (
            "Unsupported file type (image/png) — upload Markdown, text, HTML, PDF or DOCX"
        )
        assert refusal("blob", None, b"\x00\x01\x02\x03" * 10) == (
            "Unsupported file type — upload Markdown, text, HTML, PDF or DOCX"
        )


# --------------------------------------------------------------------------------------------
# Limits and hostile input


class TestLimits:
    def test_empty_and_blank_files(self) -> None:
        assert refusal("a.md", None, b"") == "This file is empty"
        assert refusal("a.txt", None, b"  \n\t\n") == "This file is empty"
        assert refusal("a.html", None, b"<script>x()</script>") == "No text found in this file"

    def test_too_much_text(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(extract_module, "MAX_TEXT_CHARS", 100)
        expected = (
            "This document has more than 100 characters of text — split it into smaller documents"
        )
        assert refusal("a.txt", None, b"word " * 30) == expected
        assert refusal("a.md", None, b"# h\n\n" + b"word " * 30) == expected
        assert refusal("a.pdf", None, make_pdf([["word " * 15], ["word " * 15]])) == expected
        document = docx.Document()
        for _ in range(30):
            document.add_paragraph("word")
        assert refusal("a.docx", None, docx_bytes(document)) == expected

    def test_too_large_a_file(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(extract_module, "MAX_FILE_BYTES", 10)
        assert refusal("a.txt", None, b"x" * 11) == (
            "This file is larger than 0 MB — split it into smaller documents"
        )

    def test_deeply_nested_html_is_fine(self) -> None:
        data = b"<div>" * 50_000 + b"deep" + b"</div>" * 50_000
        assert extract("deep.html", None, data).sections[0].text == "deep"

    def test_unclosed_skipped_element_does_not_crash(self) -> None:
        doc = extract("x.html", None, b"<p>kept</p><nav><p>menu")
        assert doc.sections == (Section(None, "kept"),)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        data=st.one_of(
            st.binary(max_size=400),
            st.binary(max_size=300).map(lambda b: b"%PDF-1.4\n" + b),
            st.binary(max_size=300).map(lambda b: b"PK\x03\x04" + b),
        ),
        filename=st.sampled_from(["a.md", "a.txt", "a.html", "a.pdf", "a.docx", "a", "a.xyz"]),
    )
    def test_arbitrary_bytes_give_a_document_or_an_extraction_error(
        self, data: bytes, filename: str
    ) -> None:
        try:
            doc = extract(filename, None, data)
        except ExtractionError as error:
            assert error.message
        else:
            assert isinstance(doc, ExtractedDocument)
            assert doc.sections
            assert all(s.text.strip() and "\x00" not in s.text for s in doc.sections)
