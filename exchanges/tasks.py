"""Periodic work: reminders and saved-search e-mails."""

from celery import shared_task

from .models import SavedSearch
from .services import reminders, searches


@shared_task(name="exchanges.check_saved_searches", ignore_result=True)
def check_saved_searches() -> int:
    return sum(
        searches.saved_search_check(search=search)
        for search in SavedSearch.objects.select_related("user").filter(user__is_active=True)
    )


@shared_task(name="exchanges.send_reminders", ignore_result=True)
def send_reminders() -> int:
    reminders.expire_agreements()
    return reminders.send_all()
