"""Background work for the themes app (run by ``antislavery serve``'s worker)."""

from __future__ import annotations

from django_tasks import task


@task()
def refresh_suggestions() -> str:
    """Refit the suggestion model on everything coded so far and suggest again for the
    passages nobody has coded; returns the new model's version."""
    from .services.analysis import refresh_suggestions as refresh

    return refresh()
