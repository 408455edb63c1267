"""Everything that changes requests and responses. Each function checks permission, changes
state in one transaction, and writes the audit entry."""

from .attachments import (
    attach_document,
    record_received_response,
    remove_attachment,
    split_into_answers,
)
from .reminders import ReminderResult, send_reminders
from .requests import (
    add_question,
    change_question,
    close_request,
    create_request,
    extend_request,
    issue_request,
    move_question,
    recipient_areas,
    remove_question,
    update_request,
)
from .responses import (
    SaveConflict,
    accept_response,
    publish_response,
    reopen_response,
    return_response,
    save_answers,
    submit_response,
    withdraw_response,
)

__all__ = [
    "ReminderResult",
    "SaveConflict",
    "accept_response",
    "add_question",
    "attach_document",
    "change_question",
    "close_request",
    "create_request",
    "extend_request",
    "issue_request",
    "move_question",
    "publish_response",
    "recipient_areas",
    "record_received_response",
    "remove_attachment",
    "remove_question",
    "reopen_response",
    "return_response",
    "save_answers",
    "send_reminders",
    "split_into_answers",
    "submit_response",
    "update_request",
    "withdraw_response",
]
