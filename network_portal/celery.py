"""The Celery application: ``celery -A network_portal worker``.

Configuration comes from Django settings (``CELERY_*``). Without ``REDIS_URL`` tasks
run eagerly in the web process, which is what a first run and the test-suite want.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_portal.settings")

app = Celery("network_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
