from celery import shared_task

from .services import outreach


@shared_task(name="partners.send_follow_up_reminders", ignore_result=True)
def send_follow_up_reminders() -> int:
    return outreach.send_follow_up_reminders()
