"""Changing the statistics store: importing files as releases, in the foreground or queued."""

from .importing import (
    KNOWN_SOURCES,
    ImportOptions,
    ImportResult,
    check_period,
    check_size,
    import_statistics,
    max_upload_bytes,
    office_source_slug,
)
from .jobs import options_from_json, run_import, start_import_job
from .storing import store_cells

__all__ = [
    "KNOWN_SOURCES",
    "ImportOptions",
    "ImportResult",
    "check_period",
    "check_size",
    "import_statistics",
    "max_upload_bytes",
    "office_source_slug",
    "options_from_json",
    "run_import",
    "start_import_job",
    "store_cells",
]
