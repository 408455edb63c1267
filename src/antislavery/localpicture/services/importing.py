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
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from antislavery.accounts import audit, permissions
from antislavery.errors import Conflict, ImportRejected, Problem, ProblemList

from ..importers import Cell, ReadResult, read_statistics_file
from ..importers.common import Places, Progress
from ..models import Release, Source
from ..warming import queue_warming
from .storing import store_cells

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
    else:
        transaction.on_commit(queue_warming)
    return result


