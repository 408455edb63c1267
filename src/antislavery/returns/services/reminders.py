"""Reminding overdue offices by email, through Django's email framework."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from antislavery.accounts import audit, permissions
from antislavery.areas.models import Area
from antislavery.errors import InvalidTransition

from .. import selectors
from ..models import Request, Response


@dataclass
class ReminderResult:
    sent: list[tuple[Area, list[str]]] = field(default_factory=list)
    without_address: list[Area] = field(default_factory=list)


def reminder_message(*, request: Request, response: Response, today: datetime.date,
                     base_url: str = "") -> EmailMessage:
    office = getattr(response.area, "office", None)
    context = {
        "request": request, "response": response, "area": response.area, "office": office,
        "days_late": (today - request.due_on).days,
        "link": base_url.rstrip("/") + response.get_absolute_url(),
    }
    subject = _("Reminder: %(title)s was due on %(date)s") % {
        "title": request.title, "date": date_format(request.due_on, "j F Y")}
    if request.is_demo:
        subject = _("[Demonstration] %(subject)s") % {"subject": subject}
    body = render_to_string("returns/email/reminder.txt", context)
    return EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL,
                        to=office.emails if office else [])


def send_reminders(*, request: Request, actor: Any, today: datetime.date | None = None,
                   base_url: str = "") -> ReminderResult:
    """Email every overdue office on its contact addresses; record each reminder."""
    permissions.require_can_manage_request(actor, request)
    if request.state != Request.State.ISSUED:
        raise InvalidTransition(_("Reminders go only for an issued request that is still open."))
    today = today or timezone.localdate()
    tracker = selectors.tracker(request, today=today)
    result = ReminderResult()
    messages: list[tuple[Response, EmailMessage]] = []
    for row in tracker.rows:
        if not row.overdue:
            continue
        message = reminder_message(request=request, response=row.response, today=today,
                                   base_url=base_url)
        if not message.to:
            result.without_address.append(row.response.area)
            continue
        messages.append((row.response, message))
    with get_connection() as connection:
        for response, message in messages:
            connection.send_messages([message])
            with transaction.atomic():
                Response.objects.filter(pk=response.pk).update(last_reminded_at=timezone.now())
                audit.record(actor, "response.remind", response,
                             note=_("Reminder sent to %(to)s.") % {"to": ", ".join(message.to)})
            result.sent.append((response.area, list(message.to)))
    return result
