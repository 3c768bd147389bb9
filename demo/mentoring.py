"""Demo mentoring: a classic and a reverse programme, an active pair, a round to run."""

import datetime

from django.utils import timezone

from demo.accounts import demo_user
from demo.people import HOME, demo_member
from mentoring.models import Enrolment, Meeting, Pair, PairEvent, Programme
from mentoring.services import round_preview
from partners.models import Organisation, Sector
from worklife_passport.models import Badge

# email, as a mentor (else a mentee), skills offered or wanted, languages
CLASSIC = [
    (
        "liisa.mentori@demo.test",
        True,
        ["hitsaus", "työturvallisuus", "asiakaspalvelu"],
        ["fi", "en"],
    ),
    (
        "peeter.mentor@demo.test",
        True,
        ["ohjelmointi", "englanti", "projektinhallinta"],
        ["et", "en", "fi"],
    ),
    ("ruta.mentore@demo.test", True, ["rakentaminen", "yrittäjyys"], ["lt", "en", "ru"]),
    ("olli.opiskelija@demo.test", False, ["hitsaus", "työturvallisuus"], ["fi"]),
    ("mari.opilane@demo.test", False, ["ohjelmointi", "englanti"], ["et", "en"]),
    ("jonas.mokinys@demo.test", False, ["rakentaminen"], ["lt", "ru"]),
    ("aino.opiskelija@demo.test", False, ["asiakaspalvelu", "yrittäjyys"], ["fi", "en"]),
]
# The demo mentor and the demo student, who are a pair.
PAIR_MENTOR = ("mentor@demo.test", True, ["korjausrakentaminen", "työnjohto"], ["fi", "en"])
PAIR_MENTEE = ("student@demo.test", False, ["korjausrakentaminen"], ["fi"])
# Reverse mentoring: students mentor company staff in digital skills.
REVERSE = [
    ("aino.opiskelija@demo.test", True, ["some", "videot", "Canva"], ["fi", "en"]),
    ("mari.opilane@demo.test", True, ["Instagram", "verkkokauppa"], ["et", "en"]),
    ("company@demo.test", False, ["some", "verkkokauppa"], ["fi"]),
    ("peeter.mentor@demo.test", False, ["Instagram"], ["et", "en", "fi"]),
]


def seed(command):
    today = timezone.localdate()
    school = Organisation.objects.get(slug=HOME)
    network = Organisation.objects.get(slug="itameren-ammattikoulutusverkosto-ry")
    classic = programme(
        today,
        "Työelämämentorointi 2026–2027",
        [school, network],
        (-60, 240, -90, 30),
        name_en="Work-life mentoring 2026–2027",
        name_et="Tööelu mentorlus 2026–2027",
        description_fi="Kokeneet työelämän ammattilaiset tukevat opiskelijoita ammatillisen "
        "identiteetin rakentamisessa.",
        description_en="Experienced professionals support students in building their "
        "professional identity.",
        kind=Programme.Kind.ONE_TO_ONE,
        default_capacity=2,
        max_capacity=3,
        prefer_diversity=True,
        goal_template="Tutustu mentorin työpaikkaan\nLaadi oma osaamiskartta",
    )
    reverse = programme(
        today,
        "Käänteinen mentorointi: digitaidot",
        [school],
        (-20, 120, -40, 20),
        name_en="Reverse mentoring: digital skills",
        description_fi="Opiskelijat mentoroivat yritysten työntekijöitä somessa ja "
        "digityökaluissa.",
        description_en="Students mentor company staff in social media and digital tools.",
        kind=Programme.Kind.REVERSE,
        badge=Badge.objects.filter(name_fi="Käänteinen mentori", is_current=True).first(),
    )
    coordinator = demo_user("coordinator@demo.test")
    classic.coordinators.add(coordinator)
    reverse.coordinators.add(coordinator)
    enrol(classic, CLASSIC, capacity=2, sectors=[Sector.objects.get(slug="construction")])
    pair_demo_mentor_and_student(classic, coordinator, today)
    enrol(reverse, REVERSE, capacity=1, regional=False)
    # A matching round ready for the demo coordinator to look at.
    if not classic.rounds.exists():
        round_preview(actor=coordinator, programme=classic)
    command.stdout.write("mentoring: 2 programmes, an active pair, a matching round to preview")


def programme(today, name_fi, organisers, days, **fields):
    """A programme whose start, end, enrolment opening and closing are ``days`` from today."""
    starts, ends, enrol_from, enrol_until = (today + datetime.timedelta(days=d) for d in days)
    programme, _created = Programme.objects.get_or_create(
        name_fi=name_fi,
        defaults={
            "starts_on": starts,
            "ends_on": ends,
            "enrol_from": enrol_from,
            "enrol_until": enrol_until,
            **fields,
        },
    )
    programme.organisers.set(organisers)
    return programme


def enrol(programme, rows, *, capacity, sectors=(), regional=True):
    """Enrol the demo people of ``rows`` in ``programme``; return their enrolments.

    In a ``regional`` programme a person's region is their organisation's."""
    enrolments = []
    for email, as_mentor, skills, languages in rows:
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
                "region": organisation.region if regional else "",
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
    """The demo mentor and the demo student, in an active pair, with its history."""
    [mentor] = enrol(classic, [PAIR_MENTOR], capacity=2)
    [mentee] = enrol(classic, [PAIR_MENTEE], capacity=1)
    pair, created = Pair.objects.get_or_create(
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
    if not created:
        return
    for actor, action, before, after in [
        (coordinator, "proposed", "proposed", "proposed"),
        (mentee.user, "start", "accepted", "active"),
    ]:
        PairEvent.objects.create(
            pair=pair, actor=actor, action=action, from_status=before, to_status=after
        )
    Meeting.objects.create(
        pair=pair,
        date=today - datetime.timedelta(days=10),
        minutes=60,
        notes="Kävimme työmaalla ja puhuimme ammattitutkinnosta.",
        logged_by=mentor.user,
    )
