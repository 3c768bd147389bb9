"""Demo mentoring: a classic and a reverse programme, an active pair, a round to run."""

import datetime

from django.db import transaction
from django.utils import timezone

from demo.accounts import demo_user
from demo.people import demo_member
from mentoring.models import Enrolment, Meeting, Pair, PairEvent, Programme
from partners.models import Organisation, Sector
from worklife_passport.models import Badge

# email, as a mentor (else a mentee), skills offered or wanted, languages, region
CLASSIC = [
    (
        "liisa.mentori@demo.test",
        True,
        ["hitsaus", "työturvallisuus", "asiakaspalvelu"],
        ["fi", "en"],
        "Kymenlaakso",
    ),
    (
        "peeter.mentor@demo.test",
        True,
        ["ohjelmointi", "englanti", "projektinhallinta"],
        ["et", "en", "fi"],
        "Harjumaa",
    ),
    (
        "ruta.mentore@demo.test",
        True,
        ["rakentaminen", "yrittäjyys"],
        ["lt", "en", "ru"],
        "Kauno apskritis",
    ),
    ("olli.opiskelija@demo.test", False, ["hitsaus", "työturvallisuus"], ["fi"], "Etelä-Karjala"),
    ("mari.opilane@demo.test", False, ["ohjelmointi", "englanti"], ["et", "en"], "Tartumaa"),
    ("jonas.mokinys@demo.test", False, ["rakentaminen"], ["lt", "ru"], "Kauno apskritis"),
    (
        "aino.opiskelija@demo.test",
        False,
        ["asiakaspalvelu", "yrittäjyys"],
        ["fi", "en"],
        "Etelä-Karjala",
    ),
]
# The demo mentor and the demo student, who are a pair.
PAIR_MENTOR = (
    "mentor@demo.test",
    True,
    ["korjausrakentaminen", "työnjohto"],
    ["fi", "en"],
    "Etelä-Karjala",
)
PAIR_MENTEE = ("student@demo.test", False, ["korjausrakentaminen"], ["fi"], "Etelä-Karjala")
# Reverse mentoring: students mentor company staff in digital skills.
REVERSE = [
    ("aino.opiskelija@demo.test", True, ["some", "videot", "Canva"], ["fi", "en"], ""),
    ("mari.opilane@demo.test", True, ["Instagram", "verkkokauppa"], ["et", "en"], ""),
    ("company@demo.test", False, ["some", "verkkokauppa"], ["fi"], ""),
    ("peeter.mentor@demo.test", False, ["Instagram"], ["et", "en", "fi"], ""),
]


@transaction.atomic
def seed(command):
    today = timezone.localdate()
    school = Organisation.objects.get(slug="jarvenrannan-ammattiopisto")
    classic = classic_programme(today, school)
    reverse = reverse_programme(today, school)
    coordinator = demo_user("coordinator@demo.test")
    classic.coordinators.add(coordinator)
    reverse.coordinators.add(coordinator)
    enrol(classic, CLASSIC, capacity=2, sectors=[Sector.objects.get(slug="construction")])
    pair_demo_mentor_and_student(classic, coordinator, today)
    enrol(reverse, REVERSE, capacity=1)
    # A matching round ready for the demo coordinator to look at.
    if not classic.rounds.exists():
        from mentoring.services import round_preview

        round_preview(actor=coordinator, programme=classic)
    command.stdout.write("mentoring: 2 programmes, an active pair, a matching round to preview")


def classic_programme(today, school):
    classic, _created = Programme.objects.get_or_create(
        name_fi="Työelämämentorointi 2026–2027",
        defaults={
            "name_en": "Work-life mentoring 2026–2027",
            "name_et": "Tööelu mentorlus 2026–2027",
            "description_fi": "Kokeneet työelämän ammattilaiset tukevat opiskelijoita "
            "ammatillisen identiteetin rakentamisessa.",
            "description_en": "Experienced professionals support students in building their "
            "professional identity.",
            "kind": Programme.Kind.ONE_TO_ONE,
            "starts_on": today - datetime.timedelta(days=60),
            "ends_on": today + datetime.timedelta(days=240),
            "enrol_from": today - datetime.timedelta(days=90),
            "enrol_until": today + datetime.timedelta(days=30),
            "default_capacity": 2,
            "max_capacity": 3,
            "prefer_diversity": True,
            "goal_template": "Tutustu mentorin työpaikkaan\nLaadi oma osaamiskartta",
        },
    )
    classic.organisers.set(
        [school, Organisation.objects.get(slug="itameren-ammattikoulutusverkosto-ry")]
    )
    return classic


def reverse_programme(today, school):
    reverse, _created = Programme.objects.get_or_create(
        name_fi="Käänteinen mentorointi: digitaidot",
        defaults={
            "name_en": "Reverse mentoring: digital skills",
            "description_fi": "Opiskelijat mentoroivat yritysten työntekijöitä somessa ja "
            "digityökaluissa.",
            "description_en": "Students mentor company staff in social media and digital tools.",
            "kind": Programme.Kind.REVERSE,
            "starts_on": today - datetime.timedelta(days=20),
            "ends_on": today + datetime.timedelta(days=120),
            "enrol_from": today - datetime.timedelta(days=40),
            "enrol_until": today + datetime.timedelta(days=20),
            "badge": Badge.objects.filter(name_fi="Käänteinen mentori", is_current=True).first(),
        },
    )
    reverse.organisers.set([school])
    return reverse


def enrol(programme, rows, *, capacity, sectors=()):
    """Enrol the demo people of ``rows`` in ``programme``; return their enrolments."""
    enrolments = []
    for email, as_mentor, skills, languages, region in rows:
        user, organisation = demo_member(email)
        enrolment, created = Enrolment.objects.get_or_create(
            programme=programme,
            user=user,
            defaults={
                "organisation": organisation,
                "as_mentor": as_mentor,
                "as_mentee": not as_mentor,
                "skills_offered": skills if as_mentor else [],
                "skills_wanted": [] if as_mentor else skills,
                "languages": languages,
                "region": region,
                "remote_ok": True,
                "months": list(range(1, 13)),
                "capacity": capacity,
            },
        )
        if created and sectors:
            enrolment.sectors.add(*sectors)
        enrolments.append(enrolment)
    return enrolments


def pair_demo_mentor_and_student(classic, coordinator, today):
    """The demo mentor and the demo student, in an active pair."""
    [mentor] = enrol(classic, [PAIR_MENTOR], capacity=2)
    [mentee] = enrol(classic, [PAIR_MENTEE], capacity=1)
    pair, created = active_pair(classic, mentor, mentee)
    if created:
        log_pair_history(pair, coordinator, mentee.user, mentor.user, today)


def active_pair(classic, mentor, mentee):
    return Pair.objects.get_or_create(
        mentor=mentor,
        mentee=mentee,
        programme=classic,
        defaults={
            "status": Pair.Status.ACTIVE,
            "origin": Pair.Origin.ROUND,
            "score": 85,
            "explanation": {
                "skills": 40,
                "sector": 0,
                "region": 15,
                "availability": 15,
                "diversity": 10,
            },
            "mentor_accepted_at": timezone.now() - datetime.timedelta(days=40),
            "mentee_accepted_at": timezone.now() - datetime.timedelta(days=40),
            "started_at": timezone.now() - datetime.timedelta(days=35),
        },
    )


def log_pair_history(pair, coordinator, student, mentor_user, today):
    PairEvent.objects.create(
        pair=pair,
        actor=coordinator,
        action="proposed",
        from_status="proposed",
        to_status="proposed",
    )
    PairEvent.objects.create(
        pair=pair, actor=student, action="start", from_status="accepted", to_status="active"
    )
    Meeting.objects.create(
        pair=pair,
        date=today - datetime.timedelta(days=10),
        minutes=60,
        notes="Kävimme työmaalla ja puhuimme ammattitutkinnosta.",
        logged_by=mentor_user,
    )
