"""Load the demo network. Safe to run again: it updates what is there, adds what is not.

Each app adds its part in ``<app>/demo.py`` with a ``seed(command)`` function; they run
in the order of ``INSTALLED_APPS``.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_ROLES = ["admin", "coordinator", "teacher", "student", "company", "mentor", "advisor"]


class Command(BaseCommand):
    help = "Load (or refresh) the demo network and the demo accounts."

    def handle(self, *args, **options):
        from notifications.services import quiet

        # The demo describes a network that has been running for a while: nobody is told.
        with transaction.atomic(), quiet():
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if not config.path.startswith(str(settings.BASE_DIR)):
                    continue
                if find_spec(module_name) is None:
                    continue
                import_module(module_name).seed(self)
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Demo logins:"))
        for role in DEMO_ROLES:
            self.stdout.write(f"  {role}@demo.test")
        self.stdout.write(f"  password for all: {settings.DEMO_PASSWORD}")
        self.stdout.write(
            "  (coordinator and admin set up an authenticator app at their first login)"
        )
