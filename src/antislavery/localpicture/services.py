"""Changing the statistics store: importing a file as a release, all of it or none of it.

A file is read and checked first (outside any transaction, so that progress can be written
as it goes); then one transaction records the release and its figures. A figure that equals
the current one for its cell is counted unchanged and not stored again; a different one
becomes the current figure and points at the one it revised. Nothing is deleted.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from antislavery.accounts import audit, permissions
from antislavery.errors import Conflict, ImportRejected, Problem, ProblemList

from .importers import Cell, ReadResult, read_statistics_file
from .importers.common import Places, Progress
from .models import ImportJob, Observation, Release, Source

DEFAULT_MAX_BYTES = 50 * 1024 * 1024

# Sources the importer may create on first use; any other source must exist already.
KNOWN_SOURCES: dict[str, dict[str, Any]] = {
    "home-office-nrm": {
        "name": "Modern Slavery: NRM and Duty to Notify statistics",
        "publisher": "Home Office",
        "url": "https://www.gov.uk/government/collections/national-referral-mechanism-statistics",
        "kind": Source.Kind.OFFICIAL,
        "protected": False,
        "licence": "Open Government Licence v3.0",
    },
    "modern-slavery-helpline": {
        "name": "Modern Slavery & Exploitation Helpline",
        "publisher": "Unseen",
        "url": "https://www.modernslaveryhelpline.org/",
        "kind": Source.Kind.HELPLINE,
        "protected": True,
    },
}


def max_upload_bytes() -> int:
    return int(getattr(settings, "STATS_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES))


@dataclass
class ImportOptions:
    """What the person importing says about the file; all optional."""

    source: str = ""
    source_name: str = ""
    title: str = ""
    published_on: datetime.date | None = None
    private_to: str = ""
    visibility: str = ""
    period: str = ""
    synthetic: bool = False
    notes: str = ""


@dataclass
class ImportResult:
    release: Release | None
    added: int = 0
    superseded: int = 0
    unchanged: int = 0
    errors: list[Problem] = field(default_factory=list)
    already_imported: bool = False
    dry_run: bool = False

    def as_json(self) -> dict[str, Any]:
        """The command's ``--json`` object, exactly these keys."""
        return {
            "release": self.release.pk if self.release is not None else None,
            "added": self.added,
            "superseded": self.superseded,
            "unchanged": self.unchanged,
            "errors": [problem.as_dict() for problem in self.errors],
        }


@dataclass
class _Plan:
    """Who the release belongs to, decided before anything is written."""

    source: Source | None
    new_source: dict[str, Any] | None
    visibility: str
    owner_area_id: int | None


def import_statistics(*, data: bytes, file_name: str, actor: Any,
                      options: ImportOptions | None = None, dry_run: bool = False,
                      progress: Progress | None = None) -> ImportResult:
    """Import one statistics file as a release; raise ``ImportRejected`` listing every problem.

    ``actor`` None is the system (the command line). The same file (by SHA-256) imported again
    changes nothing and returns the release it made the first time. With ``dry_run`` every
    check and count is made and nothing is kept.
    """
    options = options or ImportOptions()
    if actor is not None:
        permissions.require_can_import_statistics(actor)
    check_size(len(data))
    sha256 = hashlib.sha256(data).hexdigest()
    existing = Release.objects.filter(sha256=sha256).first()
    if existing is not None:
        return ImportResult(release=existing, unchanged=_cells_of(existing),
                            already_imported=True, dry_run=dry_run)
    with _collector_paused():
        read = read_statistics_file(data, file_name, period=options.period or None,
                                    progress=progress)
    # A file that could not be read at all says nothing useful about its source or areas.
    plan = _plan(read, actor, options) if read.cells or not read.problems else None
    if read.problems or plan is None:
        raise ImportRejected(
            _("The file was not imported: %(count)s problems were found. Nothing was "
              "changed.") % {"count": len(read.problems)},
            problems=read.problems.problems)
    try:
        with _collector_paused():
            return _record(read.cells, plan=plan, sha256=sha256, file_name=file_name,
                           actor=actor, options=options, dry_run=dry_run)
    except IntegrityError as exc:
        raise Conflict(_("Another import changed the same figures at the same time; nothing "
                         "was changed. Import the file again.")) from exc


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a file's hundreds of thousands of rows are made.

    The rows hold no reference cycles, and the collector would otherwise walk them again and
    again as they accumulate (about a third of the import time on large files).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_size(size: int) -> None:
    """Raise ``ImportRejected`` for a file over ``STATS_MAX_UPLOAD_BYTES``."""
    if size > max_upload_bytes():
        raise ImportRejected(
            _("The file is %(size)s MB; the largest file that can be imported is %(limit)s MB.")
            % {"size": _megabytes(size), "limit": _megabytes(max_upload_bytes())},
            code="too_large")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"


def _cells_of(release: Release) -> int:
    return release.added + release.superseded + release.unchanged


def office_source_slug(area_slug: str) -> str:
    return f"local-{area_slug}"


def _plan(read: ReadResult, actor: Any, options: ImportOptions) -> _Plan:
    """Decide source, visibility and owner, adding problems to ``read`` where they clash."""
    problems = read.problems
    office_area = _office_area(actor)
    owner_area_id, visibility = None, options.visibility or ""
    if options.private_to:
        try:
            owner_area_id = Places().resolve(options.private_to)[1]
        except LookupError as exc:
            problems.add(str(exc), column="private-to")
        if owner_area_id is None and not problems:
            problems.add(_("Private figures belong to one police force area's office."),
                         column="private-to")
        visibility = Release.Visibility.PRIVATE
    if office_area is not None:
        _check_own_area(read, office_area, problems)
        owner_area_id = office_area.pk
        visibility = visibility or Release.Visibility.PRIVATE
        return _Plan(*_office_source(read, office_area, options, problems), visibility,
                     owner_area_id)
    visibility = visibility or Release.Visibility.PUBLIC
    source, new_source = _named_source(read, options, visibility, problems)
    return _Plan(source, new_source, visibility, owner_area_id)


def _office_area(actor: Any) -> Any:
    """The area of an office editor importing for their office; None for coordinators."""
    if actor is None or permissions.is_coordinator(actor):
        return None
    from antislavery.areas.models import Area

    return Area.objects.get(pk=permissions.office_area_id(actor))


def _check_own_area(read: ReadResult, area: Any, problems: ProblemList) -> None:
    others = sorted({cell.geography for cell in read.cells if cell.area_id != area.pk})
    if others:
        problems.add(_("An office can import figures for its own area only (%(area)s); this "
                       "file also has figures for: %(others)s.")
                     % {"area": area.name, "others": ", ".join(others[:10])}, column="area")


def _office_source(read: ReadResult, area: Any, options: ImportOptions,
                   problems: ProblemList) -> tuple[Source | None, dict[str, Any] | None]:
    slug = office_source_slug(area.slug)
    named = read.source_slugs | ({options.source} if options.source else set())
    if named - {slug}:
        problems.add(_("An office's own figures go to its source %(slug)s; the file names "
                       "%(named)s.") % {"slug": slug, "named": ", ".join(sorted(named))},
                     column="source")
    source = Source.objects.filter(slug=slug).first()
    if source is not None:
        return source, None
    return None, {"slug": slug, "name": _("Local figures from the office for %(area)s")
                  % {"area": area.name}, "kind": Source.Kind.LOCAL, "protected": True,
                  "owner_area_id": area.pk}


def _named_source(read: ReadResult, options: ImportOptions, visibility: str,
                  problems: ProblemList) -> tuple[Source | None, dict[str, Any] | None]:
    slug = options.source.strip().lower()
    others = read.source_slugs - {slug} if slug else set()
    if others:
        problems.add(_("The file names the source %(named)s but is being imported as "
                       "%(slug)s.") % {"named": ", ".join(sorted(others)), "slug": slug},
                     column="source")
        return None, None
    if not slug:
        if len(read.source_slugs) != 1:
            problems.add(_("Every row of a file must name the same source (or give the source "
                           "when importing); this file names %(count)s.")
                         % {"count": len(read.source_slugs)}, column="source")
            return None, None
        slug = next(iter(read.source_slugs))
    source = Source.objects.filter(slug=slug).first()
    if source is not None:
        return source, None
    if slug in KNOWN_SOURCES:
        return None, {"slug": slug, **KNOWN_SOURCES[slug]}
    if options.source_name:
        return None, {"slug": slug, "name": options.source_name, "kind": Source.Kind.LOCAL,
                      "protected": visibility == Release.Visibility.PRIVATE}
    known = ", ".join(sorted(set(Source.objects.values_list("slug", flat=True))
                             | set(KNOWN_SOURCES)))
    problems.add(_("'%(slug)s' is not a source the toolkit knows (known: %(known)s). To add "
                   "a new source, give its name too.") % {"slug": slug, "known": known},
                 column="source")
    return None, None


@transaction.atomic
def _record(cells: list[Cell], *, plan: _Plan, sha256: str, file_name: str, actor: Any,
            options: ImportOptions, dry_run: bool) -> ImportResult:
    source = plan.source
    if source is None:
        assert plan.new_source is not None  # noqa: S101 -- _plan gives one or the other
        source, _created = Source.objects.get_or_create(slug=plan.new_source["slug"],
                                                        defaults=plan.new_source)
    user = actor if actor is not None and actor.is_authenticated else None
    release = Release.objects.create(
        source=source, title=options.title or file_name, published_on=options.published_on,
        sha256=sha256, file_name=file_name, imported_by=user, imported_at=timezone.now(),
        visibility=plan.visibility, owner_area_id=plan.owner_area_id,
        synthetic=options.synthetic or source.kind == Source.Kind.SYNTHETIC,
        notes=options.notes)
    added, superseded, unchanged = store_cells(release, cells)
    release.added, release.superseded, release.unchanged = added, superseded, unchanged
    release.save(update_fields=["added", "superseded", "unchanged"])
    audit.record(user, "statistics.import", release, area=release.owner_area,
                 after={"file_name": file_name, "sha256": sha256, "source": source.slug,
                        "visibility": release.visibility, "added": added,
                        "superseded": superseded, "unchanged": unchanged})
    result = ImportResult(release=release, added=added, superseded=superseded,
                          unchanged=unchanged, dry_run=dry_run)
    if dry_run:
        transaction.set_rollback(True)
        result.release = None
    return result


def store_cells(release: Release, cells: list[Cell]) -> tuple[int, int, int]:
    """Add a release's figures, superseding changed ones; returns (added, superseded, unchanged).

    Must run inside the caller's transaction.
    """
    current = _current(release.source_id, cells)
    new_rows: list[tuple[Cell, int | None]] = []
    revised: list[int] = []
    unchanged = 0
    for cell in cells:
        old = current.get(cell.key)
        if old is None:
            new_rows.append((cell, None))
        elif old[1] == cell.value and old[2] == cell.flag:
            unchanged += 1
        else:
            revised.append(old[0])
            new_rows.append((cell, old[0]))
    for start in range(0, len(revised), 500):
        Observation.objects.filter(pk__in=revised[start:start + 500]).update(is_current=False)
    # In the order of the indexes (place, period, measure, breakdown), so that each index
    # grows at one end instead of splitting pages all over: much faster for large files.
    new_rows.sort(key=lambda pair: pair[0].key)
    _insert(release, new_rows)
    return len(new_rows) - len(revised), len(revised), unchanged


def _current(source_id: int, cells: list[Cell]) -> dict[tuple[str, str, str, str],
                                                         tuple[int, int | None, str]]:
    if not cells:
        return {}
    measures = {cell.measure for cell in cells}
    periods = {cell.period for cell in cells}
    rows = Observation.objects.filter(
        source_id=source_id, is_current=True, measure__in=measures, period__in=periods,
    ).values_list("pk", "geography", "period", "measure", "breakdown", "value", "flag")
    return {(geo, period, measure, breakdown): (pk, value, flag)
            for pk, geo, period, measure, breakdown, value, flag in rows.iterator(chunk_size=20000)}


_COLUMNS = ("release_id", "source_id", "period", "grain", "period_start", "area_id",
            "geography", "measure", "breakdown", "value", "flag", "synthetic", "is_current",
            "previous_id")


def _rows(release: Release, new_rows: Iterable[tuple[Cell, int | None]],
          dates_as_text: bool) -> Iterable[tuple[Any, ...]]:
    release_id, source_id, synthetic = release.pk, release.source_id, release.synthetic
    for cell, previous in new_rows:
        start = cell.period_start.isoformat() if dates_as_text else cell.period_start
        yield (release_id, source_id, cell.period, cell.grain, start, cell.area_id,
               cell.geography, cell.measure, cell.breakdown, cell.value, cell.flag, synthetic,
               True, previous)


def _insert(release: Release, new_rows: list[tuple[Cell, int | None]]) -> None:
    """Write new observation rows: COPY on PostgreSQL, executemany on SQLite."""
    if not new_rows:
        return
    table = Observation._meta.db_table
    columns = ", ".join(_COLUMNS)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in _rows(release, new_rows, dates_as_text=False):
                    copy.write_row(row)
            return
        if connection.vendor == "sqlite":
            placeholders = ", ".join(["%s"] * len(_COLUMNS))
            sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 -- names are constants
            rows = list(_rows(release, new_rows, dates_as_text=True))
            for start in range(0, len(rows), 50_000):
                cursor.executemany(sql, rows[start:start + 50_000])
            return
    Observation.objects.bulk_create(
        [Observation(**dict(zip(_COLUMNS, row, strict=True)))
         for row in _rows(release, new_rows, dates_as_text=False)], batch_size=2000)


# --- background imports (the upload page) ---


def start_import_job(*, actor: Any, upload: Any, options: ImportOptions) -> ImportJob:
    """Keep an uploaded file and queue its import; the job's page shows progress."""
    permissions.require_can_import_statistics(actor)
    job = ImportJob.objects.create(
        created_by=actor, upload=upload, file_name=upload.name[:255],
        options=_options_json(options))
    audit.record(actor, "statistics.upload", job, note=job.file_name)
    from .tasks import run_import_job

    transaction.on_commit(lambda: run_import_job.enqueue(job.pk))
    return job


def _options_json(options: ImportOptions) -> dict[str, Any]:
    values = dict(options.__dict__)
    if values["published_on"] is not None:
        values["published_on"] = values["published_on"].isoformat()
    return values


def options_from_json(values: dict[str, Any]) -> ImportOptions:
    values = dict(values)
    if values.get("published_on"):
        values["published_on"] = datetime.date.fromisoformat(values["published_on"])
    return ImportOptions(**values)


def run_import(job: ImportJob) -> ImportJob:
    """Import a queued upload, writing progress to the job as the rows are read."""
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)

    def progress(read: int, total: int | None) -> None:
        ImportJob.objects.filter(pk=job.pk).update(rows_read=read, rows_total=total)

    try:
        with job.upload.open("rb") as handle:
            data = handle.read()
        result = import_statistics(data=data, file_name=job.file_name, actor=job.created_by,
                                   options=options_from_json(job.options), progress=progress)
    except ImportRejected as exc:
        _finish(job, ImportJob.Status.REJECTED, exc.message,
                {"release": None, "added": 0, "superseded": 0, "unchanged": 0,
                 "errors": [problem.as_dict() for problem in exc.problems]})
    except Exception as exc:  # the page must say the job ended, whatever failed
        message = exc.message if hasattr(exc, "message") else _(
            "The import failed unexpectedly; nothing was changed.")
        _finish(job, ImportJob.Status.FAILED, str(message), {})
        if not hasattr(exc, "message"):
            raise
    else:
        _finish(job, ImportJob.Status.DONE, "", result.as_json(), release=result.release)
    job.refresh_from_db()
    return job


def _finish(job: ImportJob, status: str, message: str, result: dict[str, Any],
            release: Release | None = None) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        status=status, message=message, result=result, release=release,
        finished_at=timezone.now())
