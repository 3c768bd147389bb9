from celery import shared_task

from . import services


@shared_task(name="notifications.deliver", acks_late=True, ignore_result=True)
def deliver(notification_id: int) -> bool:
    """One notice (messages queued one per notice are still taken)."""
    return services.deliver(notification_id=notification_id)


@shared_task(name="notifications.deliver_many", acks_late=True, ignore_result=True)
def deliver_many(notification_ids: list[int]) -> int:
    """The notices of one change, each sent on its own (a redelivered message skips what
    was sent already)."""
    return sum(services.deliver(notification_id=pk) for pk in notification_ids)


@shared_task(name="notifications.sweep", ignore_result=True)
def sweep() -> int:
    return services.sweep()


@shared_task(name="notifications.send_digests", ignore_result=True)
def send_digests() -> int:
    return sum(services.send_digest(user=user) for user in services.users_with_digest())
