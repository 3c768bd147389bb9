from celery import shared_task

from .services import relationship


@shared_task(name="mentoring.alert_quiet_pairs", ignore_result=True)
def alert_quiet_pairs() -> int:
    return relationship.alert_quiet_pairs()
