"""Places on the home page and the dashboard that each app fills.

An app registers a provider, a function of the request that returns a ``Panel`` or
``None``; the page renders the panels in order. The home page and the dashboard do
not need to know which apps exist. Home panels show the same to every reader, as the
home page keeps them rendered (``core.fragments``); what is personal goes on
the dashboard.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest


@dataclass
class Panel:
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


Provider = Callable[..., "Panel | None"]


class Place:
    """A place the apps fill: a provider decorated with the place is registered there."""

    def __init__(self) -> None:
        self.providers: list[Provider] = []

    def __call__(self, provider: Provider) -> Provider:
        self.providers.append(provider)
        return provider

    def panels(self, request: HttpRequest) -> list[Panel]:
        panels = [panel for provider in self.providers if (panel := provider(request)) is not None]
        return sorted(panels, key=lambda panel: panel.order)


home_panel = Place()
dashboard_panel = Place()
