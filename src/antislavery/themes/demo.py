"""Demonstration data for themes: the built-in codebook, and the demo requests' responses
split into passages with the machine's suggestions. Safe to repeat: passages are made once
per response version, and suggestions once per model version."""

from __future__ import annotations

from typing import TextIO

ORDER = 60


def load(*, stdout: TextIO) -> None:
    from antislavery.returns.models import Request

    from .services import analyse_request, sync_builtin_codebook

    created = sync_builtin_codebook()
    if created:
        stdout.write(f"  codebook: {created} codes added\n")
    for request in Request.objects.filter(is_demo=True).order_by("slug"):
        result = analyse_request(request=request)
        stdout.write(f"  {request.slug}: {result.passages_created} new passages, "
                     f"suggestions for {result.passages_suggested}\n")
