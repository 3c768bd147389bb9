from celery import shared_task

from . import services


@shared_task(name="events.send_reminders", ignore_result=True)
def send_reminders() -> int:
    return services.send_reminders()
