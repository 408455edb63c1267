"""The open-data package: everything the toolkit publishes, as a Frictionless data package.

:func:`export_package` writes ``datapackage.json`` (a Table Schema for every resource, the
sources and licences) and one CSV file per resource into a folder; :func:`package_zip` keeps
one zip of it per state of the published data for the download link.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from antislavery.errors import ToolkitError

from .. import conditional, formats
from .resources import Resource, all_resources, used_sources

PACKAGE_NAME = "antislavery-local-response-toolkit"
LICENCE = {
    "name": "OGL-UK-3.0",
    "title": "Open Government Licence v3.0",
    "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}


@dataclass(frozen=True)
class ExportResult:
    directory: Path
    rows: dict[str, int]

    @property
    def descriptor(self) -> Path:
        return self.directory / "datapackage.json"


def _write_csv(path: Path, resource: Resource) -> int:
    names = [c.name for c in resource.columns]
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(names)
        for row in resource.rows():
            writer.writerow([formats.csv_cell(row.get(name)) for name in names])
            count += 1
    return count


def descriptor(resources: list[Resource], rows: dict[str, int]) -> dict[str, Any]:
    from antislavery.localpicture import disclosure

    sources = [{"title": s.name, "path": s.url} if s.url else {"title": s.name}
               for s in used_sources()]
    for resource in resources:
        sources += [source for source in resource.sources if source not in sources]
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": "Anti-Slavery Local Response Toolkit: open data",
        "description": (
            "Everything the toolkit publishes: statistics, published responses, public "
            "provision entries, the practice library and the codebook. Figures come from "
            "public releases only; "
            "figures from protected sources are rounded down to a multiple of "
            f"{disclosure.threshold()} and withheld below it (flag fewer_than). Each figure "
            "names its source and the release it came from; each source its licence "
            "(sources.csv). Rows marked synthetic or demo are demonstration data, not real "
            "statistics, responses or services."),
        "created": timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
        "licenses": [LICENCE],
        "sources": sources,
        "resources": [{
            "profile": "tabular-data-resource",
            "name": resource.name,
            "path": resource.path,
            "title": resource.title,
            "description": resource.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "licenses": [LICENCE],
            **({"sources": resource.sources} if resource.sources else {}),
            "schema": resource.schema(),
            "stats": {"rows": rows[resource.name]},
        } for resource in resources],
    }


def export_package(directory: Path) -> ExportResult:
    """Write the package into ``directory`` (made if need be); refuse a non-empty folder."""
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise ToolkitError(_("%(path)s is a file, not a folder.") % {"path": directory},
                           code="not_a_folder")
    if directory.exists() and any(directory.iterdir()):
        raise ToolkitError(_("%(path)s is not empty; give a new or empty folder.")
                           % {"path": directory}, code="folder_not_empty")
    (directory / "data").mkdir(parents=True, exist_ok=True)
    resources = all_resources()
    rows = {r.name: _write_csv(directory / r.path, r) for r in resources}
    text = json.dumps(descriptor(resources, rows), indent=2, ensure_ascii=False)
    (directory / "datapackage.json").write_text(text + "\n", encoding="utf-8")
    return ExportResult(directory, rows)


def published_state() -> str:
    """Changes whenever anything the package holds may have changed."""
    parts = [conditional.statistics_state()[0], conditional.areas_state()[0],
             conditional.returns_state()[0], conditional.provision_state()[0],
             conditional.codebook_state()[0]]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def package_zip() -> Path:
    """A zip of the package for the current published state, made on first request."""
    folder = Path(settings.DATA_DIR) / "open-data"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"open-data-{published_state()}.zip"
    if target.exists():
        return target
    with tempfile.TemporaryDirectory(dir=folder) as work:
        result = export_package(Path(work) / "package")
        partial = Path(work) / "package.zip"
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(result.directory.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(result.directory).as_posix())
        os.replace(partial, target)
    for old in folder.glob("open-data-*.zip"):
        if old != target:
            old.unlink(missing_ok=True)
    return target
