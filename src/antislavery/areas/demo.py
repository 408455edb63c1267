"""Reference areas, offices, national bodies and preset groups (real facts, with sources)."""

from typing import TextIO

from .models import Organisation
from .services import sync_reference_areas

ORDER = 10


def load(*, stdout: TextIO) -> None:
    result = sync_reference_areas()
    for office in Organisation.objects.filter(kind=Organisation.Kind.OFFICE, contact_emails=""):
        # Demonstration contact addresses on the reserved .example domain: reminders sent by
        # the demo reach no one.
        office.contact_emails = f"opcc@{office.area.slug}.demo.example"
        office.save(update_fields=["contact_emails", "modified_at"])
    stdout.write(f"  {result.areas_created} areas added, {result.areas_updated} updated, "
                 f"{result.offices_created} offices added, {result.groups} preset groups\n")
