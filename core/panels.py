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

_home: list[Provider] = []
_dashboard: list[Provider] = []


def home_panel(func: Provider) -> Provider:
    _home.append(func)
    return func


def dashboard_panel(func: Provider) -> Provider:
    _dashboard.append(func)
    return func


def _collect(providers: list[Provider], request: HttpRequest) -> list[Panel]:
    panels = [panel for provider in providers if (panel := provider(request)) is not None]
    return sorted(panels, key=lambda panel: panel.order)


def home_panels(request: HttpRequest) -> list[Panel]:
    return _collect(_home, request)


def dashboard_panels(request: HttpRequest) -> list[Panel]:
    return _collect(_dashboard, request)
