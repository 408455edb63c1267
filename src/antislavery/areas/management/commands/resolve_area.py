from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from antislavery.areas.selectors import resolve


class Command(BaseCommand):
    help = ("Print the slug of the police force area a text names, or exit with status 1 and "
            "print the closest candidates.")

    def add_arguments(self, parser):
        parser.add_argument("text", nargs="+", help="The name to resolve, e.g. 'the Met'.")

    def handle(self, *, text: list[str], **options):
        resolution = resolve(" ".join(text))
        if resolution.slug is not None:
            self.stdout.write(resolution.slug)
            return
        self.stderr.write(_("'%(text)s' is not a police force area.") % {"text": resolution.text})
        if resolution.candidates:
            self.stderr.write(_("Closest: %(names)s") % {"names": "; ".join(resolution.candidates)})
        else:
            self.stderr.write(_("No area has a name like it."))
        raise SystemExit(1)
