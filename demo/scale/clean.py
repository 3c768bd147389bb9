"""Removing the scale data set: ``seed_scale --clean``."""

from django.apps import apps
from django.db import transaction

from .base import DOMAIN, TAG


def clean(out=None):
    """Remove everything ``seed_scale`` made, and whatever was done with it since."""
    out = out or (lambda message: None)
    mine = "@" + DOMAIN
    steps = [
        ("core.AuditEntry", {"data__seeded": TAG}),
        ("notifications.Notification", {"recipient__email__endswith": mine}),
        ("catalogue.Service", {"provider__slug__startswith": TAG}),
        ("catalogue.Material", {"organisation__slug__startswith": TAG}),
        ("catalogue.Need", {"slug__startswith": TAG}),
        ("catalogue.Topic", {"slug__startswith": TAG}),
        ("events.Event", {"title__startswith": TAG}),
        ("mentoring.Programme", {"name__startswith": TAG}),
        ("worklife_passport.Claim", {"student__email__endswith": mine}),
        ("worklife_passport.Award", {"badge__issuer__slug__startswith": TAG}),
        ("worklife_passport.Award", {"recipient__email__endswith": mine}),
        ("exchanges.Application", {"home__slug__startswith": TAG}),
        ("exchanges.Application", {"applicant__email__endswith": mine}),
        ("exchanges.PlacementOffer", {"host__slug__startswith": TAG}),
        ("worklife_passport.Badge", {"issuer__slug__startswith": TAG}),
        ("accounts.User", {"email__endswith": mine}),
        ("partners.Organisation", {"slug__startswith": TAG}),
        ("partners.Sector", {"slug__startswith": TAG}),
    ]
    for label, lookup in steps:
        model = apps.get_model(label)
        with transaction.atomic():
            deleted, _by_model = model.objects.filter(**lookup).delete()
        out(f"{model._meta.label}: {deleted:,} rows removed, with what depended on them")
