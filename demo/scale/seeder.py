"""The scale data set's stages, and the seeder that runs them in order and resumes."""

from django.db import connection, transaction
from django.utils import timezone

from catalogue.models import Material, Service
from core.models import SearchEntry
from core.search import index as search_index
from events.models import Event
from exchanges.models import Application, PlacementOffer
from mentoring.models import Pair
from notifications.models import Notification
from partners.models import Organisation
from worklife_passport.models import Award, Badge, Claim

from . import (
    applications,
    audit,
    awards,
    badges,
    catalogue,
    claims,
    events,
    mentoring,
    notifications,
    offers,
    organisations,
    people,
)
from .base import DOMAIN, TAG, ScaleError, Seeding, tagged_people

#: Each stage and the sizes whose sum is the number of rows it makes, in the order they run.
STAGES = {
    "organisations": ("schools", "companies"),
    "people": ("students", "staff", "companies"),
    "badges": ("badges",),
    "offers": ("offers",),
    "applications": ("applications",),
    "awards": ("awards",),
    "claims": ("claims",),
    "mentoring": ("pairs",),
    "events": ("events",),
    "notifications": ("notifications",),
    "catalogue": ("services", "materials"),
    "audit": ("audit",),
}


class Seeder(Seeding):
    def counts(self) -> dict:
        """How many rows of each stage are in the database."""
        mine = {"recipient__email__endswith": "@" + DOMAIN}
        return {
            "organisations": Organisation.objects.filter(slug__startswith=TAG).count(),
            "people": tagged_people("").count(),
            "badges": Badge.objects.filter(issuer__slug__startswith=TAG).count(),
            "offers": PlacementOffer.objects.filter(host__slug__startswith=TAG).count(),
            "applications": Application.objects.filter(home__slug__startswith=TAG).count(),
            "awards": Award.objects.filter(**mine).count(),
            "claims": Claim.objects.filter(student__email__endswith="@" + DOMAIN).count(),
            "mentoring": Pair.objects.filter(programme__name__startswith=TAG).count(),
            "events": Event.objects.filter(title__startswith=TAG).count(),
            # Only the seeded ones: the portal tells these people of what happens to them
            # (the benchmark approves their applications) and must not upset a re-run.
            "notifications": Notification.objects.filter(
                idempotency_key__startswith=TAG, **mine
            ).count(),
            "catalogue": Service.objects.filter(provider__slug__startswith=TAG).count()
            + Material.objects.filter(organisation__slug__startswith=TAG).count(),
            "audit": audit.seeded().count(),
        }

    def run(self):
        counts = self.counts()
        for stage, size_keys in STAGES.items():
            have, want = counts[stage], sum(self.sizes[key] for key in size_keys)
            if have == want and want:
                self.out(f"{stage}: {have:,} already there")
                continue
            if have:
                raise ScaleError(
                    f"{stage}: {have:,} rows are there, {want:,} were asked for: the data "
                    "set was made with other sizes. Run seed_scale --clean first."
                )
            started = timezone.now()
            with transaction.atomic():
                getattr(self, f"seed_{stage}")()
            seconds = (timezone.now() - started).total_seconds()
            self.out(f"{stage}: {want:,} rows in {seconds:.1f} s")
        self.index()
        # Fresh statistics, so the planner does not take the new tables for empty ones,
        # and the search index's pending entries merged into it: PostgreSQL's full-text
        # index keeps bulk-inserted entries in a list every search reads through, and
        # prices the index by that list, until they are merged (as a vacuum would).
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT gin_clean_pending_list('core_search_terms')")
                cursor.execute("ANALYZE")

    def index(self):
        """Build the search index of each searched model that has rows it lacks: bulk
        inserts send no signals. Each model's index is built in one transaction, so an
        interrupted run builds only those that are not done."""
        for label, searchable in sorted(search_index.REGISTRY.items()):
            objects = searchable.model._default_manager
            entries = SearchEntry.objects.filter(model=label)
            total = objects.count()
            if not objects.exclude(pk__in=entries.values("object_id")).exists():
                self.out(f"search index, {label}: {total:,} rows already there")
                continue
            started = timezone.now()
            with transaction.atomic():
                search_index.rebuild([label], progress=lambda label, count: None)
            seconds = (timezone.now() - started).total_seconds()
            made = entries.count()
            self.out(
                f"search index, {label}: {total:,} rows ({made:,} entries) in {seconds:.1f} s, "
                f"{total / max(seconds, 0.001):,.0f} rows/s"
            )

    # Stages: each is its module's seed(), which run() calls as seed_<stage> ------------
    seed_organisations = organisations.seed
    seed_people = people.seed
    seed_badges = badges.seed
    seed_offers = offers.seed
    seed_applications = applications.seed
    seed_awards = awards.seed
    seed_claims = claims.seed
    seed_mentoring = mentoring.seed
    seed_events = events.seed
    seed_notifications = notifications.seed
    seed_catalogue = catalogue.seed
    seed_audit = audit.seed
