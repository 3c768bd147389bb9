from celery import shared_task

from . import services


@shared_task(name="mentoring.alert_quiet_pairs", ignore_result=True)
def alert_quiet_pairs() -> int:
    return services.alert_quiet_pairs()
