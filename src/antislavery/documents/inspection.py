"""Decide what an uploaded file really is, refuse what cannot be accepted, extract the rest."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from antislavery.errors import DocumentRejected

from . import extract

# The kinds accepted, by file name extension.
KINDS = {".docx": "docx", ".odt": "odt", ".pdf": "pdf", ".txt": "text", ".text": "text"}

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PDF = b"%PDF-"
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")
# Stream names in an OLE compound file are UTF-16; Office keeps password-protected OOXML files
# in one called "EncryptedPackage".
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
# A ZIP file may unpack to at most this many times its own size (guards against zip bombs).
_UNPACK_RATIO = 30


@dataclass(frozen=True)
class Document:
    """An accepted document: its kind and its text.

    ``paragraphs`` are the document's blocks in order; a list item is its own block and starts
    with ``"- "`` (bullets) or ``"N. "`` (numbered items). ``text`` joins the blocks with a
    blank line between each.
    """

    kind: str
    text: str
    paragraphs: tuple[str, ...]


def _describe(kind: str) -> str:
    return {
        "docx": _("a Word document (DOCX)"),
        "odt": _("an OpenDocument text document (ODT)"),
        "pdf": _("a PDF"),
        "text": _("plain text"),
        "doc": _("an old-style Word or Office document (DOC or XLS)"),
        "encrypted-office": _("a password-protected Office document"),
        "xlsx": _("an Excel spreadsheet (XLSX)"),
        "pptx": _("a PowerPoint presentation (PPTX)"),
        "ods": _("an OpenDocument spreadsheet (ODS)"),
        "odp": _("an OpenDocument presentation (ODP)"),
        "zip": _("a ZIP archive"),
        "image": _("an image"),
    }.get(kind, _("a file of another, unknown type"))


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return _ODF_MIMETYPES.get(mimetype, "zip")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        return "broken-zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    return "zip"


def _looks_like_text(data: bytes) -> bool:
    if b"\x00" in data[:65536]:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            decoded = data.decode("cp1252")
        except UnicodeDecodeError:
            return False
        controls = sum(1 for ch in decoded if ord(ch) < 32 and ch not in "\t\n\r\f")
        return controls <= len(decoded) // 100
    return True


def detect(data: bytes) -> str:
    """What the bytes are, whatever the file is called."""
    if data.startswith(_ZIP):
        return _zip_kind(data)
    if data.startswith(_OLE):
        return "encrypted-office" if _ENCRYPTED_PACKAGE in data else "doc"
    if _PDF in data[:1024]:
        return "pdf"
    if data.startswith(_IMAGES):
        return "image"
    return "text" if _looks_like_text(data) else "binary"


def check_size(size: int, filename: str, *, max_bytes: int) -> None:
    """Refuse a file over the limit before it is read (``DocumentRejected``)."""
    if size > max_bytes:
        raise DocumentRejected(
            _("%(name)s is %(size)s. Files must be %(limit)s or smaller: attach a smaller "
              "copy, or split it into parts.")
            % {"name": PurePath(filename or "").name or _("The file"),
               "size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )


def _check_size(data: bytes, name: str, max_bytes: int) -> None:
    check_size(len(data), name, max_bytes=max_bytes)
    if not data.strip():
        raise DocumentRejected(
            _("%(name)s is empty. Choose the file that has your text in it.") % {"name": name},
            code="empty",
        )


def _claimed_kind(name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix not in KINDS:
        raise DocumentRejected(
            _("%(name)s is not a type of file the toolkit accepts. Attach a Word document "
              "(.docx), an OpenDocument text document (.odt), a PDF (.pdf) or a plain text "
              "file (.txt).") % {"name": name},
            code="unsupported_type",
        )
    return KINDS[suffix]


def _check_kind(claimed: str, actual: str, name: str) -> None:
    if actual == "encrypted-office" and claimed in {"docx", "odt"}:
        raise _password_protected(name)
    if actual == "broken-zip" and claimed in {"docx", "odt"}:
        raise _damaged(name)
    if actual == claimed:
        return
    if actual in KINDS.values():
        advice = _("Rename it to end in .%(extension)s, or save it again as %(claimed)s.") % {
            "extension": {"text": "txt"}.get(actual, actual), "claimed": _describe(claimed)}
    else:
        advice = _("Save it as a DOCX, ODT, PDF or plain text file and attach that.")
    raise DocumentRejected(
        _("%(name)s is named as %(claimed)s but it is %(actual)s. %(advice)s") % {
            "name": name, "claimed": _describe(claimed), "actual": _describe(actual),
            "advice": advice},
        code="type_mismatch",
    )


def _check_unpacked_size(data: bytes, name: str, max_bytes: int) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > max(max_bytes, len(data)) * _UNPACK_RATIO:
        raise DocumentRejected(
            _("%(name)s unpacks to far more than its size (%(size)s). Save a plain copy and "
              "attach that.") % {"name": name, "size": filesizeformat(unpacked)},
            code="too_large",
        )


def _password_protected(name: str) -> DocumentRejected:
    return DocumentRejected(
        _("%(name)s is protected by a password, so its text cannot be read. Save a copy "
          "without the password and attach that.") % {"name": name},
        code="encrypted",
    )


def _damaged(name: str) -> DocumentRejected:
    return DocumentRejected(
        _("%(name)s could not be read: it may be damaged or incomplete. Open it, save it "
          "again, and attach the new copy.") % {"name": name},
        code="corrupt",
    )


def inspect(data: bytes, filename: str, *, max_bytes: int) -> Document:
    """Accept a DOCX, ODT, PDF or plain-text file and return its text, or refuse it.

    Refuses (``DocumentRejected``, nothing kept) a file that is over ``max_bytes``, empty,
    named as one kind but being another, damaged, password-protected, or without any text.
    """
    name = PurePath(filename or "").name or _("The file")
    _check_size(data, name, max_bytes)
    claimed = _claimed_kind(name)
    _check_kind(claimed, detect(data), name)
    if claimed in {"docx", "odt"}:
        _check_unpacked_size(data, name, max_bytes)
    try:
        paragraphs = extract.EXTRACTORS[claimed](data)
    except extract.PasswordProtected as exc:
        raise _password_protected(name) from exc
    except extract.Unreadable as exc:
        raise _damaged(name) from exc
    paragraphs = tuple(p for p in paragraphs if p.strip())
    if not paragraphs:
        raise DocumentRejected(
            _("%(name)s has no text the toolkit can read (a scanned PDF holds only pictures "
              "of text). Attach a version with the text in it.") % {"name": name},
            code="no_text",
        )
    return Document(kind=claimed, text="\n\n".join(paragraphs), paragraphs=paragraphs)
