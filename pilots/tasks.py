from celery import shared_task

from . import services


# The task keeps the name it had in the partners app, which the beat schedule names.
@shared_task(name="partners.send_pilot_deadline_reminders", ignore_result=True)
def send_pilot_deadline_reminders() -> int:
    return services.send_deadline_reminders()
