from celery import shared_task

from .services import outreach, pilots


@shared_task(name="partners.send_follow_up_reminders", ignore_result=True)
def send_follow_up_reminders() -> int:
    return outreach.send_follow_up_reminders()


@shared_task(name="partners.send_pilot_deadline_reminders", ignore_result=True)
def send_pilot_deadline_reminders() -> int:
    return pilots.send_deadline_reminders()
