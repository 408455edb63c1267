"""The upload page for a provision spreadsheet."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from antislavery.accounts import permissions
from antislavery.errors import ImportRejected

from ..forms import ImportForm
from ..importing import (
    LIST_SEPARATOR,
    MAX_IMPORT_BYTES,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    import_entries,
    refuse_if_too_large,
)


@login_required
def upload(request: HttpRequest) -> HttpResponse:
    permissions.require_can_import_provision(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    rejected: ImportRejected | None = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            refuse_if_too_large(upload.name, upload.size)
            result = import_entries(actor=request.user, name=upload.name, data=upload.read())
        except ImportRejected as exc:
            rejected = exc
        else:
            messages.success(request, _(
                "%(name)s was imported: %(created)s entries added, %(updated)s changed, "
                "%(unchanged)s unchanged.") % {"name": upload.name, "created": result.created,
                                               "updated": result.updated,
                                               "unchanged": result.unchanged})
            if result.ignored_columns:
                messages.info(request, _(
                    "Columns not read, as they are not part of the format: %(columns)s.")
                    % {"columns": ", ".join(result.ignored_columns)})
            return redirect("provision:index")
    failed = bool(form.errors or rejected)
    return render(request, "provision/import.html", {
        "form": form, "rejected": rejected,
        "errors": [("#id_file", rejected.message)] if rejected else [],
        "required": REQUIRED_COLUMNS, "optional": OPTIONAL_COLUMNS,
        "separator": LIST_SEPARATOR, "limit_mb": MAX_IMPORT_BYTES // 2**20,
    }, status=400 if failed else 200)
