"""The kinds of notice the portal sends. Each app registers its own in ``AppConfig.ready``.

A kind's e-mail template triple is named after its key (``<app>/emails/<name>`` for the
key ``<app>.<name>``); it may have a function that turns the stored context (plain JSON)
into what the templates need, run in the recipient's language (codes into translated
labels, for instance).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Kind:
    key: str
    label: StrOrPromise
    template: str
    enrich: Callable[[dict], dict] | None = None
    #: False for notices a person cannot turn into a digest (security, invitations).
    configurable: bool = True


_kinds: dict[str, Kind] = {}


def register(
    key: str,
    *,
    label: StrOrPromise,
    enrich: Callable[[dict], dict] | None = None,
    configurable: bool = True,
) -> Kind:
    app, name = key.split(".", 1)
    _kinds[key] = Kind(key, label, f"{app}/emails/{name}", enrich, configurable)
    return _kinds[key]


def get(key: str) -> Kind:
    try:
        return _kinds[key]
    except KeyError:
        raise LookupError(f"Unknown notification kind {key!r}; register it first.") from None


def configurable() -> list[Kind]:
    return sorted((k for k in _kinds.values() if k.configurable), key=lambda k: k.key)
