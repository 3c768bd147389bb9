from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo and benchmark seeding: management commands only, no models, no URLs."""

    name = "demo"
