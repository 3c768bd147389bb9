"""``manage.py search_index [app_label.model ...]``: build the search index again."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from core.search.index import REGISTRY, rebuild


class Command(BaseCommand):
    help = "Build the search index again, for all searched models or the ones named."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "models", nargs="*", help="app_label.model, e.g. exchanges.placementoffer"
        )

    def handle(self, *args: Any, models: list[str], **options: Any) -> None:
        unknown = set(models) - set(REGISTRY)
        if unknown:
            raise CommandError(f"Not searched: {', '.join(sorted(unknown))}")
        rebuild(
            models or None,
            progress=lambda label, count: self.stdout.write(f"{label}: {count} indexed"),
        )
