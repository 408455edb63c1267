"""Imports run in the background from the upload page, with progress kept on the job."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from antislavery.accounts import audit, permissions
from antislavery.errors import ImportRejected

from ..models import ImportJob, Release
from .importing import ImportOptions, import_statistics


def start_import_job(*, actor: Any, upload: Any, options: ImportOptions) -> ImportJob:
    """Keep an uploaded file and queue its import; the job's page shows progress."""
    permissions.require_can_import_statistics(actor)
    job = ImportJob.objects.create(
        created_by=actor, upload=upload, file_name=upload.name[:255],
        options=_options_json(options))
    audit.record(actor, "statistics.upload", job, note=job.file_name)
    from ..tasks import run_import_job

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
