"""The text of a PDF as a reader sees it, read with pypdf (a dev requirement), so a PDF
check runs on every machine: no poppler-utils, no skip."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader


def pdf_tekst(pdf: bytes | str | Path) -> str:
    """All pages' text, whitespace collapsed to single spaces (a wrapped table cell or a
    line break in the layout does not split what a test looks for)."""
    bron = io.BytesIO(pdf) if isinstance(pdf, bytes) else Path(pdf)
    lezer = PdfReader(bron)
    return " ".join(" ".join(pagina.extract_text() or "" for pagina in lezer.pages).split())
