"""The key pages of a busy day, and the people and records they are measured with.

Shared by the load benchmark (``bench_pages.py``) and the query-count tests, which look
at the same pages with the demo data and with the scale data (``seed_scale``): the
people are picked by the domain of their address, ``demo.test`` or ``scale.test``.
"""

import datetime
import json
import secrets
from dataclasses import dataclass, field
from functools import partial
from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from cryptography.fernet import InvalidToken
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from core.search import text_search
from demo import scale
from exchanges.models import Application, MobilityForm, PlacementOffer
from mentoring.models import Pair
from mentoring.services.rounds import round_preview
from partners.models import Membership
from partners.rules import requires_mfa
from worklife_passport.models import Award, Claim, ShareLink
from worklife_passport.openbadges import credentials, documents, keys

LANGUAGE = "en"

#: The text searches measured, as Finnish readers type them, for the data set of each
#: domain: each finds rows in its data set (the scale data set's words are in
#: ``demo.scale.words``), with Finnish inflected forms that only the analysis matches.
SEARCHES = {
    scale.DOMAIN: {"offers": "hitsauksen", "directory": "konepajat", "catalogue": "koneistuksen"},
    "demo.test": {
        "offers": "korjausrakentamisen",
        "directory": "ammattiopiston",
        "catalogue": "koulutuksen",
    },
}


@dataclass
class Page:
    name: str
    who: str  # a key of Cast.people, or "" for an anonymous visitor
    path: str
    method: str = "GET"
    #: For a POST page: one path per request, each used once (the approve button).
    paths: list = field(default_factory=list)
    #: Each request asks something of its own, so none is served from a fragment kept
    #: for another: as for text searches, which people seldom ask twice alike.
    vary: bool = False
    #: The form a POST sends.
    data: dict = field(default_factory=dict)
    #: The budgets that differ from the benchmark's own for this page.
    budget: dict = field(default_factory=dict)
    #: How many people are on the page at once when its latency is measured.
    people: int = 16

    @property
    def body(self) -> str:
        return urlencode(self.data)

    def request_path(self, n: object) -> str:
        """The path of request ``n``: for a page that varies, with a parameter of its own
        (the page ignores it; the key of every fragment it keeps includes it)."""
        if not self.vary:
            return self.path
        return f"{self.path}{'&' if '?' in self.path else '?'}v={n}"


@dataclass
class Cast:
    people: dict
    pages: list


class NotEnoughData(Exception):
    pass


def _first(queryset, what):
    found = queryset.first()
    if found is None:
        raise NotEnoughData(f"No {what} in the data set.")
    return found


def cast(domain: str, *, approvals: int = 2) -> Cast:
    """The people and pages for the data set whose people have addresses at ``domain``."""
    at = "@" + domain
    student = _first(
        User.objects.filter(
            email__endswith=at, memberships__role=Membership.Role.STUDENT, awards__isnull=False
        )
        .order_by("pk")
        .distinct(),
        "student with a badge",
    )
    application = _first(
        Application.objects.filter(
            applicant__email__endswith=at, status=Application.Status.SUBMITTED
        ).order_by("pk"),
        "submitted application",
    )
    coordinator = _first(
        User.objects.filter(
            email__endswith=at,
            memberships__role=Membership.Role.COORDINATOR,
            memberships__organisation=application.home_id,
        ).order_by("pk"),
        "coordinator of the student's school",
    )
    waiting = Claim.objects.filter(
        status__in=Claim.WAITING_STATES,
        badge__issuer=OuterRef("memberships__organisation"),
        badge__assessor_roles__icontains=Membership.Role.TEACHER,
    )
    assessor = _first(
        User.objects.filter(email__endswith=at, memberships__role=Membership.Role.TEACHER)
        .filter(Exists(waiting))
        .order_by("pk"),
        "teacher with claims to assess",
    )
    pair = _first(
        Pair.objects.filter(status=Pair.Status.ACTIVE, mentee__user__email__endswith=at)
        .select_related("mentee__user")
        .order_by("pk"),
        "active mentoring pair",
    )
    offers = PlacementOffer.objects.published().filter(deadline__gte=timezone.localdate())
    # Demo offers have no poster: the scale data set's hosts are tagged.
    tagged = Q(host__slug__startswith=scale.TAG)
    offer = _first(
        offers.filter(tagged if domain == scale.DOMAIN else ~tagged)
        .exclude(form=MobilityForm.TEACHER_JOB_SHADOWING)  # a student's offer
        .exclude(applications__applicant=student)
        .select_related("sector")
        .order_by("pk"),
        "open offer",
    )
    award = _first(
        Award.objects.filter(recipient=student, revoked_at__isnull=True)
        .exclude(expires_on__lte=timezone.now())
        .select_related("badge__issuer")
        .order_by("pk"),
        "award",
    )
    shared = shared_passport(student, award)
    approve = list(
        Application.objects.filter(home_id=application.home_id, status=Application.Status.SUBMITTED)
        .order_by("pk")
        .values_list("pk", flat=True)[:approvals]
    )
    with translation.override(LANGUAGE):
        query = f"?country={offer.country}&sector={offer.sector.slug}&form={offer.form}"
        pages = [
            Page("home", "student", reverse("home")),
            Page("partner directory", "student", reverse("partners:organisation_list")),
            Page("offer list with filters", "student", reverse("exchanges:offer_list") + query),
            Page("offer page", "student", offer.get_absolute_url()),
            Page(
                "apply", "student", reverse("exchanges:application_create", kwargs={"pk": offer.pk})
            ),
            Page("coordinator queue", "coordinator", reverse("exchanges:queue")),
            Page(
                "approve",
                "coordinator",
                approve_path(application.pk),
                method="POST",
                paths=[approve_path(pk) for pk in approve],
            ),
            Page("passport", "student", reverse("passport:passport")),
            Page("badge catalogue", "student", reverse("passport:catalogue")),
            Page("training catalogue", "student", reverse("catalogue:service_list")),
            Page("learning materials", "student", reverse("catalogue:material_list")),
            Page("assessor queue", "assessor", reverse("passport:assessor_queue")),
            Page(
                "Open Badges assertion JSON",
                "",
                reverse("ob_assertion", kwargs={"public_id": award.public_id}),
            ),
            Page("shared passport", "", reverse("passport:shared", args=[shared.token])),
            Page(
                "verify a credential (VC-JWT)",
                "",
                reverse("passport:verify"),
                method="POST",
                data={"text": signed(award)},
            ),
            Page(
                "verify an assertion (OB 2.0)",
                "",
                reverse("passport:verify"),
                method="POST",
                data={"text": json.dumps(documents.ob2_assertion(award))},
            ),
            Page("mentoring pair page", "mentee", pair.get_absolute_url()),
            Page("notifications inbox", "student", reverse("notifications:inbox")),
            Page("reports dashboard", "coordinator", reverse("reports:dashboard")),
        ]
    pages += search_pages(domain, offers.filter(tagged if domain == scale.DOMAIN else ~tagged))
    admin = network_admin(domain)
    pages += admin_pages(admin, student, application, pair)
    people = {
        "student": student,
        "coordinator": coordinator,
        "assessor": assessor,
        "mentee": pair.mentee.user,
        "admin": admin,
    }
    return Cast(people=people, pages=pages)


#: What the admin's pages and the coordination page are held to: answered within 500 ms
#: at p95 with a fixed number of queries; not the share of the floor or the size of the
#: pages people read every day.
ADMIN_BUDGET = {"p95_ms": 500, "share_of_floor": 0, "kilobytes": None, "queries": 20}


def network_admin(domain: str) -> User:
    """A network admin of the data set, with the authenticator their role requires."""
    admin, _created = User.objects.get_or_create(
        # Not at the data set's own domain, whose people seed_scale counts as its own.
        email=f"network-admin@bench.{domain}",
        defaults={"full_name": "Network Admin", "is_staff": True, "is_superuser": True},
    )
    if not Authenticator.objects.filter(user=admin).exists():
        TOTP.activate(admin, generate_totp_secret())
    return admin


def admin_pages(admin: User, student: User, application: Application, pair: Pair) -> list[Page]:
    """The admin screens a network admin uses daily, on the biggest tables, and the
    coordination page of the pair's mentoring programme with a matching round (run once,
    if it has none yet)."""
    word = student.email.split("@")[0]
    school = application.home
    programme = pair.programme
    if not programme.rounds.exists():
        round_preview(actor=admin, programme=programme)
    # A network has a few admins, not sixteen at the same screen.
    page = partial(Page, who="admin", budget=ADMIN_BUDGET, people=2)
    return [
        page("admin: notifications", path=reverse("admin:notifications_notification_changelist")),
        page(
            "admin: notifications, search",
            path=reverse("admin:notifications_notification_changelist") + f"?q={word}",
        ),
        page(
            "admin: awards, search",
            path=reverse("admin:worklife_passport_award_changelist") + f"?q={word}",
        ),
        page(
            "admin: applications, search",
            path=reverse("admin:exchanges_application_changelist") + f"?q={word}",
        ),
        page("admin: audit log", path=reverse("admin:core_auditentry_changelist")),
        page(
            "admin: a school's page",
            path=reverse("admin:partners_organisation_change", args=[school.pk]),
        ),
        page(
            "mentoring coordination",
            path=reverse("mentoring:coordination", kwargs={"pk": programme.pk}),
        ),
    ]


def shared_passport(student: User, award: Award) -> ShareLink:
    """The student's link to a passport showing ``award``, made once and kept open."""
    link, _created = ShareLink.objects.update_or_create(
        user=student,
        label="Benchmark",
        defaults={"expires_at": timezone.now() + datetime.timedelta(days=365), "revoked_at": None},
    )
    link.awards.set([award])
    return link


def signed(award: Award) -> str:
    """The award's VC-JWT. Its issuer's key may have been made under another SECRET_KEY
    than this process has (the benchmark's own): then the issuer signs with a new key, and
    the old one still verifies what it signed."""
    try:
        return credentials.credential_jwt(award)
    except InvalidToken:
        keys.rotate(award.badge.issuer)
        return credentials.credential_jwt(award)


def search_pages(domain: str, offers) -> list[Page]:
    """The offer list, the directory and the training catalogue searched for text, in
    Finnish, each with a query not served from a kept fragment."""
    words = SEARCHES[domain]
    # An open offer the words find, for its country and form as the two filters.
    found = _first(
        text_search(offers, words["offers"]).order_by("pk"), f"open offer for {words['offers']}"
    )
    with translation.override("fi"):
        offer_query = urlencode(
            {"q": words["offers"], "country": found.country, "form": found.form}
        )
        return [
            Page(
                "offer list, text + country + form",
                "student",
                f"{reverse('exchanges:offer_list')}?{offer_query}",
                vary=True,
            ),
            Page(
                "partner directory, text",
                "student",
                f"{reverse('partners:organisation_list')}?{urlencode({'q': words['directory']})}",
                vary=True,
            ),
            Page(
                "training catalogue, text",
                "student",
                f"{reverse('catalogue:service_list')}?{urlencode({'q': words['catalogue']})}",
                vary=True,
            ),
        ]


def approve_path(pk: int) -> str:
    return reverse("exchanges:application_action", kwargs={"pk": pk, "action": "approve"})


def query_count(cast: Cast, page: Page, *, fresh: bool = True, **client_options) -> tuple[int, int]:
    """The status and the number of queries of ``page`` once its person's session is
    warm (the second request, as nearly every request is). ``fresh``: with nothing kept
    rendered (``FRAGMENT_SECONDS`` 0), so every row's queries count; otherwise as the
    page is usually served, from the fragments the first request kept. In a transaction
    that is rolled back, so an approval leaves the data as it was."""
    client = Client(**client_options)
    seconds = 0 if fresh else settings.FRAGMENT_SECONDS
    run = secrets.token_hex(4)  # nothing kept by an earlier count is found
    with transaction.atomic(), override_settings(FRAGMENT_SECONDS=seconds):
        if page.who:
            person = cast.people[page.who]
            if requires_mfa(person) and not Authenticator.objects.filter(user=person).exists():
                TOTP.activate(person, generate_totp_secret())  # as they would at first login
            client.force_login(person)
        method = getattr(client, page.method.lower())

        def send(path):
            return method(path, page.data) if page.data else method(path)

        send(page.paths[-1] if page.paths else page.request_path(f"{run}-1"))
        if not fresh and page.method == "GET":
            # A page of the reader's own is kept once they have a CSRF cookie, which the
            # first answer gives them.
            send(page.request_path(f"{run}-2"))
        with CaptureQueriesContext(connection) as queries:
            response = send(page.request_path(f"{run}-3"))
        transaction.set_rollback(True)
    return response.status_code, len(queries)
