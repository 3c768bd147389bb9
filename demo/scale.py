"""A network-sized data set for measuring the portal: ``manage.py seed_scale``.

Every row is inserted in bulk. Each stage runs in one transaction, so a stage is either
all there or not there at all: running the command again after an interruption skips the
stages that are done and carries on with the first one that is not. ``--clean`` removes
everything the command made, and nothing else: its people have addresses at
``@scale.test`` and its organisations, sectors and programmes are tagged in their slug or
name.

The content comes from one random seed, so two runs with the same seed and sizes on the
same day make the same network. Dates are relative to the day it runs, so offers are open
and the last year has activity whatever the day.
"""

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

DOMAIN = "scale.test"
TAG = "scale-"
BATCH = 5000

#: Sizes of the default data set.
DEFAULTS = {
    "schools": 150,
    "companies": 3000,
    "students": 60000,
    "staff": 3000,
    "offers": 20000,
    "applications": 150000,
    "badges": 300,
    "awards": 500000,
    "claims": 20000,
    "pairs": 20000,
    "events": 2000,
    "registrations": 100000,
    "notifications": 1000000,
}

#: A scaled-down data set keeps at least this many, so its people still have some variety.
SMALLEST = {"schools": 3, "badges": 20, "companies": 10}

COUNTRIES = ["FI", "FI", "FI", "EE", "EE", "LT", "LT", "SE", "LV", "DE"]
LANGUAGES = [code for code, _name in settings.LANGUAGES]
CITIES = {
    "FI": ["Helsinki", "Tampere", "Turku", "Oulu", "Jyväskylä", "Kuopio", "Lahti"],
    "EE": ["Tallinn", "Tartu", "Pärnu", "Narva"],
    "LT": ["Vilnius", "Kaunas", "Klaipėda", "Šiauliai"],
    "SE": ["Stockholm", "Göteborg", "Uppsala"],
    "LV": ["Riga", "Daugavpils"],
    "DE": ["Berlin", "Hamburg", "Leipzig"],
}
SECTORS = [
    ("Rakentaminen", "Construction"),
    ("Sosiaali- ja terveysala", "Health and social care"),
    ("Logistiikka", "Logistics"),
    ("Matkailu- ja ravitsemisala", "Tourism and catering"),
    ("Tieto- ja viestintätekniikka", "ICT"),
    ("Kone- ja tuotantotekniikka", "Mechanical engineering"),
    ("Sähkö- ja automaatiotekniikka", "Electrical and automation"),
    ("Kauppa", "Retail"),
    ("Maatalous", "Agriculture"),
    ("Metsäala", "Forestry"),
    ("Kiinteistöpalvelut", "Property services"),
    ("Media-ala", "Media"),
]
FIRST = ["Aino", "Eero", "Liisa", "Mikko", "Kadri", "Rasmus", "Ieva", "Jonas", "Anna", "Olga"]
LAST = ["Virtanen", "Korhonen", "Tamm", "Saar", "Kazlauskas", "Petrauskas", "Nieminen", "Ivanova"]


@dataclass(frozen=True)
class Stage:
    name: str
    size_key: str


STAGES = [
    Stage("organisations", "schools"),
    Stage("people", "students"),
    Stage("badges", "badges"),
    Stage("offers", "offers"),
    Stage("applications", "applications"),
    Stage("awards", "awards"),
    Stage("claims", "claims"),
    Stage("mentoring", "pairs"),
    Stage("events", "events"),
    Stage("notifications", "notifications"),
]


class ScaleError(Exception):
    pass


def email(prefix: str, n: int) -> str:
    return f"{prefix}{n}@{DOMAIN}"


def _people(prefix: str):
    from accounts.models import User

    return User.objects.filter(email__startswith=prefix, email__endswith="@" + DOMAIN)


def _bulk(model, rows, batch=BATCH):
    """Insert ``rows`` (an iterable of unsaved instances) in batches; return how many."""
    total = 0
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= batch:
            model.objects.bulk_create(chunk, batch_size=batch)
            total += len(chunk)
            chunk = []
    if chunk:
        model.objects.bulk_create(chunk, batch_size=batch)
        total += len(chunk)
    return total


class Seeder:
    def __init__(self, *, seed: int, sizes: dict, out=None):
        self.seed = seed
        self.sizes = {**DEFAULTS, **{k: v for k, v in sizes.items() if v is not None}}
        self.out = out or (lambda message: None)
        self.now = timezone.now().replace(microsecond=0)
        self.today = timezone.localdate()

    def rng(self, stage: str) -> random.Random:
        return random.Random(f"{self.seed}:{stage}")

    # Progress ---------------------------------------------------------------------------

    def counts(self) -> dict:
        """How many rows of each stage are in the database."""
        from events.models import Event
        from exchanges.models import Application, PlacementOffer
        from mentoring.models import Pair
        from notifications.models import Notification
        from partners.models import Organisation
        from worklife_passport.models import Award, Badge, Claim

        mine = {"recipient__email__endswith": "@" + DOMAIN}
        return {
            "organisations": Organisation.objects.filter(slug__startswith=TAG).count(),
            "people": _people("").count(),
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
        }

    def expected(self) -> dict:
        s = self.sizes
        return {
            "organisations": s["schools"] + s["companies"],
            "people": s["students"] + s["staff"] + s["companies"],
            "badges": s["badges"],
            "offers": s["offers"],
            "applications": s["applications"],
            "awards": s["awards"],
            "claims": s["claims"],
            "mentoring": s["pairs"],
            "events": s["events"],
            "notifications": s["notifications"],
        }

    def run(self):
        counts, expected = self.counts(), self.expected()
        for stage in STAGES:
            have, want = counts[stage.name], expected[stage.name]
            if have == want and want:
                self.out(f"{stage.name}: {have:,} already there")
                continue
            if have:
                raise ScaleError(
                    f"{stage.name}: {have:,} rows are there, {want:,} were asked for: the data "
                    "set was made with other sizes. Run seed_scale --clean first."
                )
            started = timezone.now()
            with transaction.atomic():
                getattr(self, f"seed_{stage.name}")()
            seconds = (timezone.now() - started).total_seconds()
            self.out(f"{stage.name}: {want:,} rows in {seconds:.1f} s")
        # Fresh statistics, so the planner does not take the new tables for empty ones.
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    # Stages -----------------------------------------------------------------------------

    def seed_organisations(self):
        from partners.models import Organisation, Sector

        rng = self.rng("organisations")
        for n, (fi, en) in enumerate(SECTORS):
            Sector.objects.get_or_create(
                slug=f"{TAG}{n}", defaults={"name": fi, "name_fi": fi, "name_en": en}
            )
        sectors = list(Sector.objects.filter(slug__startswith=TAG).order_by("pk"))
        kinds = Organisation.Kind
        sizes = list(Organisation.SizeClass)

        def organisation(n, kind, label):
            country = rng.choice(COUNTRIES)
            city = rng.choice(CITIES[country])
            name = f"{label} {city} {n}"
            return Organisation(
                name=name,
                name_fi=name,
                name_en=name,
                description=f"{label} in {city}.",
                slug=f"{TAG}{'school' if kind != kinds.COMPANY else 'company'}-{n}",
                kind=kind,
                country=country,
                region=city,
                municipality=city,
                size_class=rng.choice(sizes) if kind == kinds.COMPANY else "",
                email=f"info@{kind[:4]}{n}.{DOMAIN}",
            )

        schools = self.sizes["schools"]
        rows = [
            organisation(
                n,
                kinds.HIGHER_EDUCATION if n % 5 == 4 else kinds.VOCATIONAL_SCHOOL,
                "University of Applied Sciences" if n % 5 == 4 else "Vocational College",
            )
            for n in range(1, schools + 1)
        ]
        rows += [
            organisation(n, kinds.COMPANY, rng.choice(["Oy", "OÜ", "UAB", "AB", "GmbH"]))
            for n in range(1, self.sizes["companies"] + 1)
        ]
        _bulk(Organisation, rows)
        through = Organisation.sectors.through
        organisations = Organisation.objects.filter(slug__startswith=TAG).values_list(
            "pk", flat=True
        )
        _bulk(
            through,
            (
                through(organisation_id=pk, sector_id=sector.pk)
                for pk in organisations.order_by("pk")
                for sector in rng.sample(sectors, rng.randint(1, 3))
            ),
        )

    def schools(self):
        from partners.models import Organisation

        return list(
            Organisation.objects.filter(
                slug__startswith=f"{TAG}school-", kind__in=Organisation.SCHOOL_KINDS
            ).order_by("pk")
        )

    def companies(self):
        from partners.models import Organisation

        return list(Organisation.objects.filter(slug__startswith=f"{TAG}company-").order_by("pk"))

    def seed_people(self):
        from allauth.mfa.models import Authenticator
        from allauth.mfa.totp.internal.auth import generate_totp_secret
        from allauth.mfa.utils import encrypt

        from accounts.models import User
        from partners.models import Membership

        rng = self.rng("people")
        password = make_password(settings.DEMO_PASSWORD)
        genders = [g for g, _label in User.Gender.choices] + ["", ""]
        statuses = [s for s, _label in User.LabourMarketStatus.choices]
        schools, companies = self.schools(), self.companies()

        def person(prefix, n, *, student):
            joined = self.now - datetime.timedelta(days=rng.randint(0, 4 * 365))
            return User(
                email=email(prefix, n),
                full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {prefix.upper()}{n}",
                password=password,
                language=rng.choice(LANGUAGES),
                gender=rng.choice(genders),
                birth_year=self.today.year
                - (rng.randint(16, 24) if student else rng.randint(25, 64)),
                labour_market_status=User.LabourMarketStatus.STUDENT
                if student
                else rng.choice(statuses),
                date_joined=joined,
            )

        s = self.sizes
        _bulk(User, (person("s", n, student=True) for n in range(1, s["students"] + 1)))
        _bulk(User, (person("t", n, student=False) for n in range(1, s["staff"] + 1)))
        _bulk(User, (person("k", n, student=False) for n in range(1, s["companies"] + 1)))

        R = Membership.Role
        students = _people("s").order_by("pk").values_list("pk", flat=True)
        staff = _people("t").order_by("pk").values_list("pk", flat=True)
        contacts = _people("k").order_by("pk").values_list("pk", flat=True)
        rows = [
            # One in ten has graduated; the first student of each school has not.
            Membership(
                user_id=pk,
                organisation=schools[i % len(schools)],
                role=R.GRADUATE if i % 10 == 9 and i >= len(schools) else R.STUDENT,
            )
            for i, pk in enumerate(students)
        ]
        coordinators = []
        for i, pk in enumerate(staff):
            # The first staff member of each school coordinates it; the rest teach.
            school = schools[i % len(schools)]
            role = R.COORDINATOR if i < len(schools) else R.TEACHER
            rows.append(Membership(user_id=pk, organisation=school, role=role))
            if role == R.COORDINATOR:
                coordinators.append(pk)
        rows += [
            Membership(
                user_id=pk, organisation=companies[i % len(companies)], role=R.COMPANY_CONTACT
            )
            for i, pk in enumerate(contacts)
        ]
        _bulk(Membership, rows)
        # Coordinators must have an authenticator; they all get the same secret here.
        data = {"secret": encrypt(generate_totp_secret())}
        _bulk(
            Authenticator,
            (
                Authenticator(user_id=pk, type=Authenticator.Type.TOTP, data=data)
                for pk in coordinators
            ),
        )

    def seed_badges(self):
        from worklife_passport.models import Badge, StatusList
        from worklife_passport.openbadges import keys

        rng = self.rng("badges")
        schools = self.schools()
        categories = [c for c, _label in Badge.Category.choices]
        rows = []
        for n in range(1, self.sizes["badges"] + 1):
            category = categories[n % len(categories)]
            name = f"{TAG}{category.replace('_', ' ').capitalize()} {n}"
            rows.append(
                Badge(
                    issuer=schools[n % len(schools)],
                    name=name,
                    name_fi=name,
                    name_en=name,
                    description=f"Shows work-life skills, level {rng.randint(1, 5)}.",
                    criteria="Complete the tasks and describe what you learned.",
                    category=category,
                    evidence_required=["text"],
                    assessor_roles=["teacher", "coordinator"],
                    valid_days=rng.choice([None, None, 365 * 3]),
                )
            )
        _bulk(Badge, rows)
        issuers = {badge.issuer for badge in rows}
        for issuer in sorted(issuers, key=lambda o: o.pk):
            keys.active_key(issuer)
        StatusList.objects.bulk_create([StatusList(organisation=o) for o in issuers])

    def seed_offers(self):
        from exchanges.models import MobilityForm, PlacementOffer
        from partners.models import Membership

        rng = self.rng("offers")
        companies = self.companies()
        contact_of = dict(
            Membership.objects.filter(organisation__in=companies).values_list(
                "organisation_id", "user_id"
            )
        )
        sectors = list(
            PlacementOffer._meta.get_field("sector").related_model.objects.filter(
                slug__startswith=TAG
            )
        )
        forms = [f for f, _label in MobilityForm.choices]
        S = PlacementOffer.Status
        # Most offers are from past years; a quarter are open now.
        statuses = (
            [S.PUBLISHED] * 5
            + [S.CLOSED] * 6
            + [S.FILLED] * 4
            + [S.ARCHIVED] * 3
            + [
                S.DRAFT,
                S.REVIEW,
            ]
        )
        rows = []
        for n in range(1, self.sizes["offers"] + 1):
            host = companies[n % len(companies)]
            status = rng.choice(statuses)
            if status in (S.PUBLISHED, S.DRAFT, S.REVIEW):
                deadline = self.today + datetime.timedelta(days=rng.randint(7, 120))
            else:
                deadline = self.today - datetime.timedelta(days=rng.randint(1, 3 * 365))
            start = deadline + datetime.timedelta(days=rng.randint(14, 60))
            seats = rng.randint(1, 6)
            published = (
                self.now - datetime.timedelta(days=rng.randint(1, 60))
                if status in (S.PUBLISHED, S.CLOSED, S.FILLED, S.ARCHIVED)
                else None
            )
            sector = rng.choice(sectors)
            rows.append(
                PlacementOffer(
                    host=host,
                    posted_by_id=contact_of.get(host.pk),
                    title=f"{sector.name_en} placement {n}",
                    description="Work alongside our team and learn the trade in practice.",
                    sector=sector,
                    form=rng.choice(forms),
                    city=host.municipality,
                    country=host.country,
                    start_date=start,
                    end_date=start + datetime.timedelta(weeks=rng.randint(2, 12)),
                    seats=seats,
                    languages=rng.sample(LANGUAGES, rng.randint(1, 2)),
                    deadline=deadline,
                    status=status,
                    published_at=published,
                )
            )
        _bulk(PlacementOffer, rows)

    def seed_applications(self):
        from exchanges.models import Application, MobilityForm, PlacementOffer
        from partners.models import Membership

        rng = self.rng("applications")
        S = Application.Status
        students = list(
            Membership.objects.filter(
                user__email__endswith="@" + DOMAIN, role=Membership.Role.STUDENT
            )
            .order_by("user_id")
            .values_list("user_id", "organisation_id")
        )
        offers = list(
            PlacementOffer.objects.filter(host__slug__startswith=TAG)
            .exclude(status__in=[PlacementOffer.Status.DRAFT, PlacementOffer.Status.REVIEW])
            .exclude(form=MobilityForm.TEACHER_JOB_SHADOWING)  # staff apply for these
            .order_by("pk")
            .values_list("pk", "host_id", "status", "seats", "start_date", "end_date", "deadline")
        )
        open_offers = [o for o in offers if o[2] == PlacementOffer.Status.PUBLISHED]
        past_offers = [o for o in offers if o[2] != PlacementOffer.Status.PUBLISHED]
        open_states = [S.DRAFT, S.SUBMITTED, S.SUBMITTED, S.RETURNED, S.APPROVED, S.WITHDRAWN]
        past_states = [S.COMPLETED, S.RECOGNISED, S.RECOGNISED, S.REJECTED, S.CANCELLED]
        past_states += [S.ACCEPTED, S.AGREEMENT_SIGNED, S.IN_PROGRESS]
        seats_taken = defaultdict(int)
        # The first student of each school keeps exactly one application, a submitted one,
        # so the pages measured for them look the same at any size.
        first_of_school = {}
        for user_id, school_id in students:
            first_of_school.setdefault(school_id, user_id)
        rows = []
        live = set()
        for n in range(self.sizes["applications"]):
            user_id, school_id = students[n % len(students)]
            is_first = first_of_school[school_id] == user_id
            if is_first and n >= len(students):
                user_id, school_id = students[(n + 1) % len(students)]
                is_first = first_of_school[school_id] == user_id
            if is_first or rng.random() < 0.35:
                offer = rng.choice(open_offers)
                status = S.SUBMITTED if is_first else rng.choice(open_states)
            else:
                offer = rng.choice(past_offers)
                status = rng.choice(past_states)
            pk, host_id, _offer_status, seats, start, end, deadline = offer
            if status not in Application.ENDED_STATES:
                # One live application per person and offer (a constraint).
                if (user_id, pk) in live:
                    status = S.WITHDRAWN
                else:
                    live.add((user_id, pk))
            if status in Application.SEAT_STATES:
                if seats_taken[pk] >= seats:
                    status = S.REJECTED
                else:
                    seats_taken[pk] += 1
            created = datetime.datetime.combine(
                deadline - datetime.timedelta(days=rng.randint(1, 40)),
                datetime.time(rng.randint(8, 20)),
                tzinfo=datetime.UTC,
            )
            submitted = created + datetime.timedelta(hours=2) if status != S.DRAFT else None
            approved = (
                submitted + datetime.timedelta(days=3)
                if status not in (S.DRAFT, S.SUBMITTED, S.RETURNED, S.WITHDRAWN, S.REJECTED)
                else None
            )
            rows.append(
                Application(
                    applicant_id=user_id,
                    offer_id=pk,
                    home_id=school_id,
                    host_id=host_id,
                    motivation="I want to learn the trade in a real workplace abroad.",
                    language_skills="English B2",
                    start_date=start,
                    end_date=end,
                    status=status,
                    submitted_at=submitted,
                    approved_at=approved,
                    status_changed_at=approved or submitted or created,
                )
            )
        _bulk(Application, rows)
        # auto_now_add stamps today: spread the applications over the years they belong to.
        Application.objects.filter(home__slug__startswith=TAG).update(
            created_at=Coalesce(
                F("submitted_at") - datetime.timedelta(hours=2), F("status_changed_at")
            )
        )
        by_taken = defaultdict(list)
        for pk, taken in seats_taken.items():
            by_taken[taken].append(pk)
        for taken, pks in by_taken.items():
            PlacementOffer.objects.filter(pk__in=pks).update(seats_taken=taken)

    def students(self):
        from partners.models import Membership

        return list(
            Membership.objects.filter(
                user__email__endswith="@" + DOMAIN,
                role__in=[Membership.Role.STUDENT, Membership.Role.GRADUATE],
            )
            .order_by("user_id")
            .values_list("user_id", "organisation_id", "user__email", "user__full_name")
        )

    def seed_awards(self):
        from worklife_passport.models import Award, Badge, StatusList

        rng = self.rng("awards")
        badges = list(
            Badge.objects.filter(issuer__slug__startswith=TAG)
            .order_by("pk")
            .values_list("pk", "issuer_id", "valid_days")
        )
        students = self.students()
        total = self.sizes["awards"]
        if total > len(students) * len(badges):
            raise ScaleError("More awards were asked for than there are student-badge pairs.")
        next_index = defaultdict(int)
        sources = [Award.Source.CLAIM] * 4 + [
            Award.Source.EXCHANGE,
            Award.Source.EVENT,
            Award.Source.MENTORING,
            Award.Source.BULK,
            Award.Source.CODE,
        ]
        base, extra = divmod(total, len(students))

        def rows():
            for i, (user_id, _school, address, name) in enumerate(students):
                for badge_id, issuer_id, valid_days in rng.sample(
                    badges, base + (1 if i < extra else 0)
                ):
                    issued = self.now - datetime.timedelta(minutes=rng.randint(0, 4 * 525600))
                    index = next_index[issuer_id]
                    next_index[issuer_id] = index + 1
                    yield Award(
                        badge_id=badge_id,
                        recipient_id=user_id,
                        recipient_email=address,
                        recipient_name=name,
                        issued_on=issued,
                        expires_on=issued + datetime.timedelta(days=valid_days)
                        if valid_days
                        else None,
                        source=rng.choice(sources),
                        status_index=index,
                        revoked_at=issued + datetime.timedelta(days=30)
                        if rng.random() < 0.005
                        else None,
                    )

        _bulk(Award, rows())
        for issuer_id, index in next_index.items():
            StatusList.objects.filter(organisation_id=issuer_id).update(next_index=index)

    def seed_claims(self):
        from partners.models import Membership
        from worklife_passport.models import Badge, Claim

        rng = self.rng("claims")
        badges_of = defaultdict(list)
        for pk, issuer_id in Badge.objects.filter(issuer__slug__startswith=TAG).values_list(
            "pk", "issuer_id"
        ):
            badges_of[issuer_id].append(pk)
        assessor_of = dict(
            Membership.objects.filter(
                user__email__endswith="@" + DOMAIN, role=Membership.Role.TEACHER
            ).values_list("organisation_id", "user_id")
        )
        students = [s for s in self.students() if badges_of.get(s[1])]
        if self.sizes["claims"] > len(students):
            raise ScaleError("More claims were asked for than there are students.")
        S = Claim.Status
        statuses = [S.SUBMITTED] * 6 + [S.RESUBMITTED, S.DRAFT, S.DRAFT, S.RETURNED]
        statuses += [S.APPROVED] * 6 + [S.REJECTED] * 2
        rows = []
        for user_id, school_id, _address, _name in rng.sample(students, self.sizes["claims"]):
            status = rng.choice(statuses)
            submitted = self.now - datetime.timedelta(hours=rng.randint(1, 2 * 8760))
            decided = status in (S.APPROVED, S.REJECTED, S.RETURNED)
            rows.append(
                Claim(
                    student_id=user_id,
                    badge_id=rng.choice(badges_of[school_id]),
                    status=status,
                    narrative="I planned and carried out the task with my workplace instructor.",
                    assessor_id=assessor_of.get(school_id) if decided else None,
                    submitted_at=submitted if status != S.DRAFT else None,
                    decided_at=submitted + datetime.timedelta(days=4) if decided else None,
                    status_changed_at=submitted,
                )
            )
        _bulk(Claim, rows)

    def seed_mentoring(self):
        from mentoring.models import Enrolment, Pair, Programme

        rng = self.rng("mentoring")
        total = self.sizes["pairs"]
        schools = self.schools()
        count = max(1, total // 1000)
        mentors_all = list(_people("t").order_by("pk").values_list("pk", flat=True)) + list(
            _people("k").order_by("pk").values_list("pk", flat=True)
        )
        mentees_all = [s[0] for s in self.students()]
        P = Pair.Status
        statuses = [P.ACTIVE] * 8 + [P.COMPLETED] * 6 + [P.PROPOSED, P.ACCEPTED] + [P.ENDED] * 2
        statuses += [P.DECLINED] * 2
        for n in range(count):
            size = total // count + (1 if n < total % count else 0)
            starts = self.today - datetime.timedelta(days=365 * (n % 3) + rng.randint(0, 200))
            name = f"{TAG}Mentoring programme {n + 1}"
            programme = Programme.objects.create(
                name=name,
                name_fi=name,
                name_en=name,
                kind=Programme.Kind.REVERSE if n % 4 == 3 else Programme.Kind.ONE_TO_ONE,
                starts_on=starts,
                ends_on=starts + datetime.timedelta(days=365),
                enrol_from=starts - datetime.timedelta(days=30),
                enrol_until=starts,
                default_capacity=3,
                max_capacity=3,
            )
            programme.organisers.add(schools[n % len(schools)])
            mentor_ids = rng.sample(mentors_all, min(len(mentors_all), -(-size // 3)))
            mentee_ids = rng.sample(mentees_all, size)

            def enrolment(user_id, *, mentor, programme=programme):
                return Enrolment(
                    programme=programme,
                    user_id=user_id,
                    as_mentor=mentor,
                    as_mentee=not mentor,
                    skills_offered=["customer service", "planning"] if mentor else [],
                    skills_wanted=[] if mentor else ["planning"],
                    languages=rng.sample(LANGUAGES, 2),
                    capacity=3 if mentor else 1,
                )

            _bulk(Enrolment, [enrolment(pk, mentor=True) for pk in mentor_ids])
            _bulk(Enrolment, [enrolment(pk, mentor=False) for pk in mentee_ids])
            enrolled = dict(programme.enrolments.values_list("user_id", "pk"))
            pairs = []
            for i, mentee in enumerate(mentee_ids):
                status = rng.choice(statuses)
                created = datetime.datetime.combine(
                    starts + datetime.timedelta(days=rng.randint(0, 20)),
                    datetime.time(10),
                    tzinfo=datetime.UTC,
                )
                started = created + datetime.timedelta(days=7)
                pairs.append(
                    Pair(
                        programme=programme,
                        mentor_id=enrolled[mentor_ids[i // 3 % len(mentor_ids)]],
                        mentee_id=enrolled[mentee],
                        status=status,
                        origin=Pair.Origin.ROUND,
                        score=rng.randint(40, 95),
                        mentor_accepted_at=started if status not in (P.PROPOSED,) else None,
                        mentee_accepted_at=started if status not in (P.PROPOSED,) else None,
                        started_at=started if status in (P.ACTIVE, P.COMPLETED, P.ENDED) else None,
                        ended_at=started + datetime.timedelta(days=180)
                        if status in (P.COMPLETED, P.ENDED)
                        else None,
                        created_at=created,
                    )
                )
            _bulk(Pair, pairs)

    def seed_events(self):
        from events.models import Event, Registration

        rng = self.rng("events")
        schools = self.schools()
        people = [s[0] for s in self.students()] + list(
            _people("t").order_by("pk").values_list("pk", flat=True)
        )
        total_events, total_regs = self.sizes["events"], self.sizes["registrations"]
        kinds = [k for k, _label in Event.Kind.choices]
        events = []
        for n in range(1, total_events + 1):
            starts = self.now + datetime.timedelta(hours=rng.randint(-3 * 8760, 4380))
            events.append(
                Event(
                    title=f"{TAG}Seminar {n}",
                    description="Working life and education meet.",
                    kind=rng.choice(kinds),
                    starts_at=starts,
                    ends_at=starts + datetime.timedelta(hours=3),
                    venue="Main hall",
                    capacity=1,
                )
            )
        _bulk(Event, events)
        events = list(Event.objects.filter(title__startswith=TAG).order_by("pk"))
        through = Event.organisers.through
        _bulk(
            through,
            (
                through(event_id=event.pk, organisation_id=schools[i % len(schools)].pk)
                for i, event in enumerate(events)
            ),
        )
        S = Registration.Status
        regs, confirmed = [], defaultdict(int)
        base, extra = divmod(total_regs, len(events))
        for i, event in enumerate(events):
            for user_id in rng.sample(people, base + (1 if i < extra else 0)):
                status = S.WAITING if rng.random() < 0.03 else S.CONFIRMED
                if rng.random() < 0.05:
                    status = S.CANCELLED
                past = event.starts_at < self.now
                confirmed[event.pk] += status == S.CONFIRMED
                regs.append(
                    Registration(
                        event=event,
                        user_id=user_id,
                        status=status,
                        created_at=event.starts_at - datetime.timedelta(days=rng.randint(1, 40)),
                        checked_in_at=event.starts_at
                        if past and status == S.CONFIRMED and rng.random() < 0.8
                        else None,
                    )
                )
        _bulk(Registration, regs)
        for event in events:
            event.registered = confirmed[event.pk]
            event.capacity = max(1, confirmed[event.pk] + rng.randint(0, 20))
        Event.objects.bulk_update(events, ["registered", "capacity"], batch_size=1000)

    def seed_notifications(self):
        from notifications.models import Notification
        from worklife_passport.models import Badge

        rng = self.rng("notifications")
        people = list(_people("").order_by("pk").values_list("pk", "language"))
        badges = list(
            Badge.objects.filter(issuer__slug__startswith=TAG).values_list("name", "issuer__name")
        )
        C, St = Notification.Channel, Notification.State

        def rows():
            for n in range(self.sizes["notifications"]):
                user_id, language = people[n % len(people)]
                badge, issuer = rng.choice(badges)
                created = self.now - datetime.timedelta(minutes=rng.randint(0, 2 * 525600))
                channel = C.IN_APP if rng.random() < 0.7 else C.EMAIL
                yield Notification(
                    recipient_id=user_id,
                    kind="passport.awarded",
                    context={
                        "badge": badge,
                        "issuer": issuer,
                        "link": {"name": "passport:passport", "kwargs": {}},
                    },
                    language=language,
                    channel=channel,
                    state=St.SENT,
                    attempts=0 if channel == C.IN_APP else 1,
                    idempotency_key=f"{TAG}{self.seed}:{n}",
                    created_at=created,
                    next_attempt_at=created,
                    sent_at=created,
                    read_at=created + datetime.timedelta(hours=5)
                    if channel == C.IN_APP and rng.random() < 0.8
                    else None,
                )

        _bulk(Notification, rows(), batch=10000)


def clean(out=None):
    """Remove everything ``seed_scale`` made, and whatever was done with it since."""
    from django.apps import apps

    out = out or (lambda message: None)
    mine = "@" + DOMAIN
    steps = [
        ("notifications.Notification", {"recipient__email__endswith": mine}),
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
