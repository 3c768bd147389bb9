from celery import shared_task

from .services import visits


# The task keeps the name it had in the partners app, which the beat schedule names.
@shared_task(name="partners.send_follow_up_reminders", ignore_result=True)
def send_follow_up_reminders() -> int:
    return visits.send_follow_up_reminders()
