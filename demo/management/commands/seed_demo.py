"""Load the demo network. Safe to run again: it updates what is there, adds what is not.

Each app's part is a module of the ``demo`` package with a ``seed(command)`` function;
they run in the order of ``SEEDERS`` (the apps' order: each builds on the ones before).
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from demo import (
    accounts,
    catalogue,
    events,
    exchanges,
    mentoring,
    partners,
    reports,
    worklife_passport,
)
from notifications.services import quiet

SEEDERS = [
    accounts,
    partners,
    exchanges,
    worklife_passport,
    mentoring,
    events,
    catalogue,
    reports,
]


class Command(BaseCommand):
    help = "Load (or refresh) the demo network and the demo accounts."

    def handle(self, *args, **options):
        # The demo describes a network that has been running for a while: nobody is told.
        with transaction.atomic(), quiet():
            for seeder in SEEDERS:
                seeder.seed(self)
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Demo logins:"))
        for email, *_details in accounts.DEMO_USERS:
            self.stdout.write(f"  {email}")
        self.stdout.write(f"  password for all: {settings.DEMO_PASSWORD}")
        self.stdout.write(
            "  (coordinator and admin set up an authenticator app at their first login)"
        )
