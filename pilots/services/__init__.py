"""Writes on calls for pilots: calls (``calls``) and applications (``applications``)."""

from .applications import (
    PILOT_WORKFLOW,
    application_decide,
    application_save,
    application_submit,
    application_withdraw,
    attachment_add,
    attachment_delete,
    progress_report_add,
    scores_save,
    send_deadline_reminders,
)
from .calls import call_close, call_publish, call_save
from .common import PilotError

__all__ = [
    "PILOT_WORKFLOW",
    "PilotError",
    "application_decide",
    "application_save",
    "application_submit",
    "application_withdraw",
    "attachment_add",
    "attachment_delete",
    "call_close",
    "call_publish",
    "call_save",
    "progress_report_add",
    "scores_save",
    "send_deadline_reminders",
]
