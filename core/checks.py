"""System checks of what the core needs from the machine."""

from typing import Any

from django.core import checks


def finnish_analyser(**kwargs: Any) -> list[checks.CheckMessage]:
    """Finnish search needs Voikko's dictionary; without it, inflected and compound words
    are found less well (by a stemmer), and the portal says so."""
    from .search.analysis import voikko_available

    if voikko_available():
        return []
    return [
        checks.Warning(
            "Finnish search falls back to stemming: the Voikko library or its dictionary is "
            "not installed, so inflected and compound Finnish words are found less well.",
            hint="Install Debian's libvoikko1 and voikko-fi (make voikko), then restart.",
            id="core.W001",
        )
    ]


def register() -> None:
    checks.register(finnish_analyser)
