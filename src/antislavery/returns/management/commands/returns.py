"""``antislavery returns ...``: the tracker, exports and reminders from the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from antislavery.errors import NotFound, ToolkitError
from antislavery.returns import exports, selectors, services
from antislavery.returns.models import Request


def _request(slug: str) -> Request:
    found = Request.objects.select_related("issuing_body").filter(slug=slug).first()
    if found is None:
        known = ", ".join(Request.objects.order_by("slug").values_list("slug", flat=True))
        raise NotFound(_("There is no request '%(slug)s'. Requests: %(known)s.")
                       % {"slug": slug, "known": known or _("none")})
    return found


class Command(BaseCommand):
    help = "Requests and responses: print a request's tracker, export answers, send reminders."

    def add_arguments(self, parser: Any) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

        listing = actions.add_parser("list", help="List every request with its counts.")
        listing.set_defaults(handler=self.list_requests)

        tracker = actions.add_parser(
            "tracker", help="Print a request's tracker: each recipient's state, last activity "
                            "and days to the due date.")
        tracker.add_argument("request", help="The request's slug, e.g. iasc-vru-priorities.")
        tracker.add_argument("--format", choices=["json", "csv"], default="json",
                             help="json (default) or csv.")
        tracker.set_defaults(handler=self.tracker)

        export = actions.add_parser(
            "export", help="Write the tracker or all submitted answers to a CSV or XLSX file.")
        export.add_argument("request", help="The request's slug.")
        export.add_argument("--what", choices=["tracker", "answers"], default="answers",
                            help="answers (default): every submitted answer; or tracker.")
        export.add_argument("--format", choices=list(exports.FORMATS), default="xlsx",
                            help="xlsx (default) or csv.")
        export.add_argument("--output", type=Path, default=None,
                            help="File to write (default: <request>-<what>.<format> here).")
        export.set_defaults(handler=self.export)

        remind = actions.add_parser(
            "remind", help="Email a reminder to every office whose response is overdue.")
        remind.add_argument("request", help="The request's slug.")
        remind.add_argument("--as", dest="sender", required=True, metavar="EMAIL",
                            help="The coordinator sending the reminders (recorded in the "
                                 "audit log); must be allowed to manage the request.")
        remind.add_argument("--base-url", default="http://127.0.0.1:8000/",
                            help="The toolkit's address, for the links in the emails.")
        remind.set_defaults(handler=self.remind)

    def handle(self, *args: Any, handler: Any, **options: Any) -> None:
        try:
            handler(**options)
        except ToolkitError as exc:
            raise CommandError(exc.message) from exc

    def list_requests(self, **options: Any) -> None:
        for item in selectors.with_counts().order_by("slug"):
            self.stdout.write(f"{item.slug}\t{item.state}\t{item.received_count} of "
                              f"{item.recipient_count} received\t{item.title}")

    def tracker(self, *, request: str, format: str, **options: Any) -> None:
        tracker = selectors.tracker(_request(request))
        if format == "json":
            self.stdout.write(json.dumps(tracker.as_json(), indent=2))
            return
        head = ["area", "state", "last_activity", "days_to_due"]
        rows = [[r["area"], r["state"], r["last_activity"] or "", r["days_to_due"]]
                for r in tracker.as_json()["rows"]]
        self.stdout.write(exports.to_csv(head, rows).decode("utf-8-sig"), ending="")

    def export(self, *, request: str, what: str, format: str, output: Path | None,
               **options: Any) -> None:
        content, _type, name = exports.export(_request(request), what=what, fmt=format)
        path = output or Path(name)
        path.write_bytes(content)
        self.stdout.write(str(path))

    def remind(self, *, request: str, sender: str, base_url: str, **options: Any) -> None:
        from antislavery.accounts.models import User

        actor = User.objects.filter(username=sender, is_active=True).first()
        if actor is None:
            raise NotFound(_("There is no active user '%(name)s'.") % {"name": sender})
        result = services.send_reminders(request=_request(request), actor=actor,
                                         base_url=base_url)
        for area, addresses in result.sent:
            self.stdout.write(f"{area.slug}\t{', '.join(addresses)}")
        for area in result.without_address:
            self.stderr.write(_("%(area)s has no contact address.") % {"area": area.name})
        count = len(result.sent)
        self.stdout.write(ngettext("%(n)s reminder sent.", "%(n)s reminders sent.", count)
                          % {"n": count})
