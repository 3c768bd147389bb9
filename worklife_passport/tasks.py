from celery import shared_task

from .services import awards, passport


@shared_task(name="passport.bulk_award", acks_late=True, ignore_result=True)
def run_bulk_award(batch_id: int) -> int:
    return awards.bulk_run(batch_id=batch_id)


@shared_task(name="passport.flush_share_views", ignore_result=True)
def flush_share_views() -> int:
    return passport.share_views_flush()
