"""Background tasks of the local picture (run by ``antislavery db_worker``)."""

from __future__ import annotations

from django_tasks import task


@task()
def run_import_job(job_id: int) -> str:
    """Import an uploaded statistics file; the job row records progress and the outcome."""
    from .models import ImportJob
    from .services import run_import

    job = run_import(ImportJob.objects.get(pk=job_id))
    return job.status


@task()
def warm_area_picture(area_id: int) -> bool:
    """Draw one area's public picture into the shared cache (queued after each import)."""
    from .warming import warm_area

    return warm_area(area_id)
