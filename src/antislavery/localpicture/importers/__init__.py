"""Readers of statistics files: the tidy CSV format and the Home Office data tables.

:func:`read_statistics_file` checks that a file is what its name says, then hands it to the
reader for its kind. Readers only read and check; the store is changed by
``services.import_statistics``.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import PurePath

from django.utils.translation import gettext as _

from .common import Cell, Progress, ReadResult
from .tables import read_data_tables
from .tidy import read_tidy_csv
from .workbook import read_ods, read_xlsx

__all__ = ["Cell", "ReadResult", "file_kind", "read_statistics_file"]

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# Spreadsheets save "Unicode text" as UTF-16 with a byte-order mark.
UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
KINDS = {".csv": "csv", ".ods": "ods", ".xlsx": "xlsx"}


def file_kind(file_name: str, data: bytes) -> tuple[str | None, str]:
    """The kind of a file ('csv', 'ods', 'xlsx'), or None and a sentence saying what is wrong.

    The name's extension says what the file should be; its first bytes must agree.
    """
    kind = KINDS.get(PurePath(file_name).suffix.lower())
    if kind is None:
        return None, _("Only .csv, .ods and .xlsx files can be imported; '%(name)s' is neither."
                       ) % {"name": file_name}
    is_zip = data[:4] == b"PK\x03\x04"
    if kind == "csv":
        if is_zip or (b"\x00" in data[:8192] and not data.startswith(UTF16_MARKS)):
            return None, _("'%(name)s' is called a CSV file but is not text. Save it as CSV "
                           "(UTF-8) and try again.") % {"name": file_name}
        return kind, ""
    members = _zip_members(data) if is_zip else None
    if kind == "xlsx" and (members is None or "xl/workbook.xml" not in members):
        return None, _("'%(name)s' is called an Excel workbook (.xlsx) but is not one.") % {
            "name": file_name}
    if kind == "ods" and (members is None or not _is_ods(data)):
        return None, _("'%(name)s' is called an OpenDocument spreadsheet (.ods) but is not "
                       "one.") % {"name": file_name}
    return kind, ""


def _zip_members(data: bytes) -> set[str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except zipfile.BadZipFile:
        return None


def _is_ods(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            return archive.read("mimetype").strip() == ODS_MIMETYPE
        except KeyError:
            return False


def read_statistics_file(data: bytes, file_name: str, *, period: str | None = None,
                         progress: Progress | None = None) -> ReadResult:
    """Read and check every figure of a file; the result's problems say what is wrong."""
    kind, message = file_kind(file_name, data)
    if kind is None:
        result = ReadResult()
        result.problems.add(message)
        return result
    if kind == "csv":
        try:
            text = data.decode("utf-16" if data.startswith(UTF16_MARKS) else "utf-8-sig")
        except UnicodeDecodeError as exc:
            result = ReadResult()
            result.problems.add(_("The file is not UTF-8 text (the first bad byte is at "
                                  "position %(position)s). Save it as CSV UTF-8 and try "
                                  "again.") % {"position": exc.start})
            return result
        return read_tidy_csv(text, progress=progress)
    try:
        sheets = read_xlsx(data) if kind == "xlsx" else read_ods(data)
    except Exception:  # any parser failure means the same to the user: a damaged file
        result = ReadResult()
        result.problems.add(_("'%(name)s' could not be read as a spreadsheet; it may be "
                              "damaged.") % {"name": file_name})
        return result
    return read_data_tables(sheets, period=period, progress=progress)
