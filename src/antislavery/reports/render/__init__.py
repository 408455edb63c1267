"""Render a collated report in DOCX, HTML and Markdown from one document structure."""

from __future__ import annotations

from .document import CollatedDocument

FORMATS = ("docx", "html", "md")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}


def render(document: CollatedDocument, fmt: str) -> bytes:
    """The report as a file's bytes; ``fmt`` is one of :data:`FORMATS`."""
    if fmt == "docx":
        from .docx import render_docx

        return render_docx(document)
    if fmt == "html":
        from .html import render_html

        return render_html(document).encode("utf-8")
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(document).encode("utf-8")
    raise ValueError(f"Unknown report format {fmt!r}; use one of {', '.join(FORMATS)}.")
