"""PDF export: the sanitised HTML the app already produces, with a print stylesheet and the
account's branding (logo in the header, colour on headings, footer text on every page),
rendered by WeasyPrint.

The renderer never fetches anything: every URL it is asked for is refused except `data:` URIs
(the logo travels as one). WeasyPrint needs Pango at runtime; without it the export is a clear
503 saying what to install, and every other format keeps working.
"""

from __future__ import annotations

import asyncio
import base64
import html as html_lib
import logging
from dataclasses import dataclass
from typing import Any

from resolutionflow.errors import ServiceUnavailable

log = logging.getLogger("resolutionflow.documentation.pdf")

MEDIA_TYPE = "application/pdf"
DEFAULT_COLOR = "#1e293b"
MISSING = (
    "PDF export needs WeasyPrint and the Pango libraries installed "
    "(Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)."
)


class PdfUnavailable(ServiceUnavailable):
    def __init__(self) -> None:
        super().__init__(MISSING)


@dataclass(frozen=True)
class Branding:
    """What an account's PDFs carry; nothing set is a plain, unbranded document."""

    logo: bytes | None = None
    logo_type: str | None = None
    color: str | None = None
    footer: str = ""


def _css(branding: Branding) -> str:
    color = branding.color or DEFAULT_COLOR
    # The footer is text the team admin wrote: put into a CSS string, escaped so it stays one.
    footer = (
        branding.footer.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
        if branding.footer
        else ""
    )
    footer_rule = f'@bottom-left {{ content: "{footer}"; }}' if footer else ""
    return f"""
@page {{
  size: A4;
  margin: 24mm 18mm 22mm 18mm;
  @top-left {{ content: element(brand); }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); }}
  {footer_rule}
}}
@page {{ @bottom-left {{ font-size: 8pt; color: #64748b; }}
        @bottom-right {{ font-size: 8pt; color: #64748b; }} }}
body {{ font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.45;
        color: #0f172a; }}
h1, h2, h3, h4, h5, h6 {{ color: {color}; page-break-after: avoid; }}
h1 {{ font-size: 17pt; margin: 0 0 8pt; }}
h2 {{ font-size: 12.5pt; margin: 14pt 0 4pt; border-bottom: 0.6pt solid {color}; }}
h3 {{ font-size: 11pt; margin: 10pt 0 3pt; }}
pre {{ white-space: pre-wrap; word-wrap: break-word; background: #f1f5f9; padding: 6pt;
       font-size: 8.5pt; border-radius: 3pt; page-break-inside: avoid; }}
code {{ font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }}
table {{ border-collapse: collapse; width: 100%; font-size: 9pt; }}
th, td {{ border: 0.5pt solid #cbd5e1; padding: 3pt 5pt; text-align: left; vertical-align: top; }}
th {{ background: #f1f5f9; }}
a {{ color: {color}; text-decoration: none; }}
header.brand {{ position: running(brand); }}
header.brand img {{ max-height: 12mm; max-width: 60mm; }}
"""


def page(title: str, body: str, branding: Branding) -> str:
    """A whole HTML document around `body` (already sanitised HTML)."""
    logo = ""
    if branding.logo and branding.logo_type in ("image/png", "image/jpeg"):
        data = base64.b64encode(branding.logo).decode("ascii")
        logo = (
            f'<header class="brand"><img alt="" src="data:{branding.logo_type};base64,{data}">'
            "</header>"
        )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html_lib.escape(title)}</title><style>{_css(branding)}</style></head>"
        f"<body>{logo}\n{body}</body></html>\n"
    )


def _weasyprint() -> Any:
    """The weasyprint module, or PdfUnavailable when it or its libraries cannot be loaded."""
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        log.warning("PDF export unavailable: %s", exc)
        raise PdfUnavailable() from exc
    return weasyprint


def _fetcher(weasyprint: Any) -> Any:
    class OfflineFetcher(weasyprint.urls.URLFetcher):  # type: ignore[misc]
        """Refuses every URL but `data:`: a note's image or a stylesheet link never makes the
        server send a request."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.lower().startswith("data:"):
                raise ValueError("external resources are not fetched")
            return super().fetch(url, headers)

    return OfflineFetcher(allowed_protocols={"data"}, allow_redirects=False)


def _render(document: str) -> bytes:
    weasyprint = _weasyprint()
    pdf: bytes = weasyprint.HTML(string=document, url_fetcher=_fetcher(weasyprint)).write_pdf()
    return pdf


def require() -> None:
    """Raises PdfUnavailable now, before anything is recorded or released, when PDFs cannot
    be made here."""
    _weasyprint()


async def render(document: str) -> bytes:
    """The PDF of a whole HTML document, rendered off the event loop. Callers hand it to
    `uow.while_released`: no transaction is held while a long report prints."""
    require()
    return await asyncio.to_thread(_render, document)
