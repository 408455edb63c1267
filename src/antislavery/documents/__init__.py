"""Check an uploaded document and extract its text, keeping paragraphs and bullets.

One entry point, :func:`inspect`, used by every part of the toolkit that accepts documents
(response attachments, responses received by post or email). It accepts DOCX, ODT, PDF and
plain text, and refuses, with :class:`~antislavery.errors.DocumentRejected` and a sentence
saying what to do, files that are empty, too large, damaged, password-protected, or not what
their name says they are. It stores nothing: callers store the file only once it is accepted.
"""

from __future__ import annotations

from antislavery.errors import DocumentRejected

from .inspection import KINDS, Document, check_size, inspect

__all__ = ["KINDS", "Document", "DocumentRejected", "check_size", "inspect"]
