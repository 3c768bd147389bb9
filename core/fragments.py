"""Parts of pages that many people read alike, kept rendered in the cache.

A list that every student sees the same way (the directory, the open offers, the badge
catalogue) is rendered once per language, filter and page, and kept until the data under
it changes. Each kind of data has a version in the cache; the services that change it, and
saves of its models, move the version on (``changed("offers")``), which retires every
fragment rendered from the old data at once. Fragments also expire after
``FRAGMENT_SECONDS`` whatever happens, so a change made around the services (a bulk
update in a shell) shows within that time.

Templates keep a fragment with Django's ``{% cache %}`` tag, naming the version and what
the fragment varies by::

    {% cache fragment_seconds "exchanges:offers" fragment_version fragment_key %}

and the view passes the querysets lazily, so a fragment found in the cache costs no
query.
"""

from __future__ import annotations

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

_PREFIX = "fragments:version:"


def version(*names: str) -> str:
    """The current version of the data in ``names``, in one cache read. Today's date is
    part of it: lists hide what closed yesterday."""
    found = cache.get_many([_PREFIX + name for name in names])
    stamps = ".".join(str(found.get(_PREFIX + name, 0)) for name in names)
    return f"{stamps}:{timezone.localdate().isoformat()}"


def changed(*names: str) -> None:
    """Retire the fragments rendered from ``names``: at once, for the writer's next page,
    and again when the transaction commits, as another reader may have rendered the old
    data in between."""

    def retire():
        stamp = time.time_ns()
        # A version need not outlive the fragments kept under it: once it is gone, what
        # is rendered next is kept under version 0, and every fragment kept under 0
        # before the first change has long expired.
        timeout = max(2 * settings.FRAGMENT_SECONDS, 60)
        cache.set_many({_PREFIX + name: stamp for name in names}, timeout=timeout)

    retire()
    transaction.on_commit(retire)


def request_key(request, *more) -> str:
    """What a list fragment varies by: the language, everything asked in the query string
    (filters, page) and ``more``."""
    asked = sorted((name, request.GET.getlist(name)) for name in request.GET)
    raw = repr((get_language(), asked, more))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def context(request, *names: str, more=(), personal: bool = False) -> dict:
    """What a template needs to keep fragments of ``names`` for this request.

    A ``personal`` fragment is the reader's own and may hold their forms: it is kept
    for this reader and their CSRF secret (the cookie), as the tokens in it are valid for
    that secret only; before the reader has one it is not kept at all.
    """
    seconds = settings.FRAGMENT_SECONDS
    if personal:
        secret = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
        more = (*more, request.user.pk, secret)
        if not secret:
            seconds = 0
    return {
        "fragment_seconds": seconds,
        # Not kept means not read either: a version no fragment was kept under.
        "fragment_version": version(*names) if seconds else uuid.uuid4().hex,
        "fragment_key": request_key(request, *more),
    }


def on_save_of(name: str, *models) -> None:
    """Retire ``name``'s fragments whenever one of ``models`` is saved or deleted, also from
    the admin, or its many-to-many relations change."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    def receiver(**kwargs):
        changed(name)

    for model in models:
        uid = f"fragments:{name}:{model._meta.label}"
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=uid + ":save")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=uid + ":delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                receiver,
                sender=field.remote_field.through,
                weak=False,
                dispatch_uid=f"{uid}:{field.name}",
            )
