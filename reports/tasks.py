from celery import shared_task

from . import services


@shared_task(name="reports.build_export", acks_late=True, ignore_result=True)
def build_export(export_id: str) -> None:
    services.export_build(export_id)


@shared_task(name="reports.delete_expired_exports", ignore_result=True)
def delete_expired_exports() -> int:
    return services.delete_expired()


@shared_task(name="reports.send_monthly_reports", ignore_result=True)
def send_monthly_reports() -> int:
    return services.send_monthly_reports()
