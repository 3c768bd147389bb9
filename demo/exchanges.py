"""Demo exchanges: offers at home and abroad (written in the host's language), the demo
student's exchanges, a queue."""

import datetime

from django.utils import timezone

from demo.accounts import demo_user
from demo.people import HOME, demo_member
from exchanges.models import (
    Application,
    ApplicationEvent,
    LearningAgreement,
    MobilityRecord,
    PartnershipAgreement,
    PlacementOffer,
    Signature,
)
from partners.models import Organisation, Sector

S = Application.Status

OFFERS = [
    # host slug, title, sector, form, weeks from now, length weeks, seats, languages,
    # description, tasks, learning outcomes (the place is the host's)
    (
        "rakennus-virtanen-oy",
        "Korjausrakentamisen työssäoppiminen",
        "construction",
        "training_agreement",
        6,
        8,
        2,
        ["fi"],
        "Työskentelet kokeneen työnjohtajan kanssa omakotitalojen korjaustyömailla: purku, "
        "runkotyöt ja sisävalmistus.",
        "Purku- ja runkotyöt; märkätilojen valmistelu",
        "Korjausrakentamisen perustyöt ja työturvallisuus",
    ),
    (
        "rakennus-virtanen-oy",
        "Oppisopimus: kirvesmies",
        "construction",
        "apprenticeship",
        10,
        52,
        1,
        ["fi"],
        "Oppisopimuspaikka kirvesmiehen tutkintoon. Työsuhde ja palkka alusta alkaen.",
        "Runko- ja kattotyöt",
        "Talonrakennusalan perustutkinnon tutkinnon osat",
    ),
    (
        "tartu-ehitus-ou",
        "Renovation placement in Tartu",
        "construction",
        "international_exchange",
        8,
        6,
        3,
        ["en", "et"],
        "Four to six weeks in a small renovation company in Tartu's old town. Working language "
        "English; the team also speaks Russian.",
        "Restoration of wooden houses",
        "Traditional building techniques; working in an international team",
    ),
    (
        "peipsiveere-kutsekool",
        "Kokanduse praktika Tartus",
        "hospitality",
        "international_exchange",
        5,
        4,
        2,
        ["et", "en"],
        "Praktika kooli õpperestoranis ja partnerhotellides.",
        "Köögitööd, teenindus",
        "Eesti köök ja restoranitöö",
    ),
    (
        "klaipedos-uosto-krova-uab",
        "Port logistics placement in Klaipėda",
        "logistics",
        "international_exchange",
        12,
        5,
        2,
        ["en", "lt"],
        "Cargo handling and warehouse work in the port of Klaipėda, with a Lithuanian mentor.",
        "Warehouse management system; loading planning",
        "Port operations and safety",
    ),
    (
        "nemuno-profesinio-mokymo-centras",
        "Teacher job shadowing in Kaunas",
        "technology",
        "teacher_job_shadowing",
        9,
        1,
        2,
        ["en", "lt", "ru"],
        "A week of job shadowing in the technology department: workshops, assessment practices "
        "and cooperation with local companies.",
        "Observing lessons and assessment",
        "Comparing competence-based assessment",
    ),
    (
        "kotkan-konepaja-oy",
        "Hitsaus ja levytyöt konepajassa",
        "technology",
        "training_agreement",
        7,
        10,
        2,
        ["fi"],
        "Hitsaat satamanosturien teräsrakenteita kokeneen hitsaajan ohjauksessa. Opit "
        "MIG-hitsausta, levyjen särmäystä ja piirustusten lukemista.",
        "Teräsrakenteiden hitsaus; osien mittaus ja viimeistely",
        "Hitsaustyöt ja konepajan työturvallisuus",
    ),
    (
        "saimaan-sahkotyo-oy",
        "Sähköasentajan työssäoppiminen",
        "construction",
        "training_agreement",
        4,
        8,
        1,
        ["fi"],
        "Asennat sähköjä omakotitaloihin ja pienyrityksiin asentajaparin kanssa. Tutustut "
        "sähköturvallisuusmääräyksiin ja mittauksiin.",
        "Kaapeloinnit, valaisimien ja pistorasioiden asennus",
        "Sähköasennusten perusteet ja sähkötyöturvallisuus",
    ),
    (
        "narva-metall-ou",
        "Keevitaja praktika Narvas",
        "technology",
        "international_exchange",
        11,
        4,
        2,
        ["et", "ru"],
        "Praktika metallitöökojas: keevitamine, metallkonstruktsioonide koostamine ja "
        "kvaliteedikontroll. Juhendaja räägib eesti ja vene keelt.",
        "Keevitustööd ja detailide mõõtmine",
        "Keevitamise alused ja tööohutus",
    ),
    (
        "kauno-statyba-uab",
        "Statybininko praktika Kaune",
        "construction",
        "international_exchange",
        13,
        5,
        2,
        ["lt", "en"],
        "Praktika gyvenamųjų namų statybvietėje: mūrijimas, apdailos darbai ir renovacija. "
        "Dirbsite kartu su patyrusiu meistru.",
        "Mūrijimo ir apdailos darbai",
        "Statybos darbų sauga ir kokybė",
    ),
    (
        "vyborgstroj",
        "Практика по ремонту и отделке в Выборге",
        "construction",
        "international_exchange",
        15,
        4,
        2,
        ["ru", "fi"],
        "Практика в небольшой строительной компании: ремонт квартир, отделочные работы и "
        "покраска. Наставник говорит по-русски и по-фински.",
        "Отделочные работы; подготовка стен к покраске",
        "Технология ремонта и безопасность на стройке",
    ),
    (
        "nordic-freight-sweden-ab",
        "Praktik inom lager och logistik i Stockholm",
        "logistics",
        "international_exchange",
        16,
        4,
        2,
        ["sv", "en"],
        "Fyra veckors praktik på ett logistikföretag: godsmottagning, lagerhantering och "
        "lastplanering för linjerna till Finland och Baltikum.",
        "Plock och packning; lastplanering",
        "Lagerarbete och arbetssäkerhet i logistikbranschen",
    ),
]

EXTRA_STUDENTS = ["eetu.demo@demo.test", "aada.demo@demo.test", "niko.demo@demo.test"]


def _offer(today, row):
    slug, title, sector, form, weeks, length, seats, langs, description, tasks, outcomes = row
    start = today + datetime.timedelta(weeks=weeks)
    host = Organisation.objects.get(slug=slug)
    offer, _created = PlacementOffer.objects.update_or_create(
        host=host,
        title=title,
        defaults={
            "description": description,
            "sector": Sector.objects.get(slug=sector),
            "form": form,
            "city": host.municipality,
            "country": host.country,
            "start_date": start,
            "end_date": start + datetime.timedelta(weeks=length, days=-1),
            "seats": seats,
            "languages": langs,
            "tasks": tasks,
            "learning_outcomes": outcomes,
            "instructor": "",
            "deadline": start - datetime.timedelta(weeks=2),
            "status": PlacementOffer.Status.PUBLISHED,
            "published_at": timezone.now() - datetime.timedelta(days=weeks),
        },
    )
    return offer


def _application(applicant, offer, status, *, start=None, end=None):
    application, created = Application.objects.get_or_create(
        applicant=applicant,
        offer=offer,
        defaults={
            "home": Organisation.objects.get(slug=HOME),
            "host": offer.host,
            "kind": Application.Kind.STUDENT,
            "motivation": "Haluan oppia uutta ja kokeilla työtä ulkomailla.",
            "language_skills": "suomi (äidinkieli), englanti B1",
            "start_date": start or offer.start_date,
            "end_date": end or offer.end_date,
            "status": status,
            "submitted_at": timezone.now() - datetime.timedelta(days=7),
        },
    )
    if created:
        ApplicationEvent.objects.create(
            application=application,
            actor=applicant,
            action="submit",
            from_status=S.DRAFT,
            to_status=S.SUBMITTED,
        )
    return application, created


def _history(application, coordinator, moves):
    """The events behind a seeded application, so its page shows how it got here.

    The hosts abroad have no portal accounts in the demo, so their moves have no actor.
    """
    before = S.SUBMITTED
    for action, after in moves:
        actor = None if action in ("accept", "sign") else coordinator
        ApplicationEvent.objects.get_or_create(
            application=application,
            action=action,
            defaults={"actor": actor, "from_status": before, "to_status": after},
        )
        before = after


MOVES = [
    ("approve", S.APPROVED),
    ("accept", S.ACCEPTED),
    ("sign", S.AGREEMENT_SIGNED),
    ("arrive", S.IN_PROGRESS),
    ("depart", S.COMPLETED),
]


def _sign_all(application, coordinator):
    agreement, _created = LearningAgreement.objects.get_or_create(
        application=application,
        version=1,
        defaults={
            "learning_outcomes": application.offer.learning_outcomes,
            "tasks": application.offer.tasks,
            "assessment": "Näyttö työpaikalla; työpaikkaohjaajan ja opettajan arviointi.",
            "instructor": "Mart Tamm",
            "recognition": "Tutkinnon osa hyväksiluetaan HOKSissa.",
            "created_by": coordinator,
        },
    )
    for party, user, name in (
        (LearningAgreement.Party.STUDENT, application.applicant, application.applicant.full_name),
        (LearningAgreement.Party.HOME, coordinator, coordinator.full_name),
        (LearningAgreement.Party.HOST, None, "Mart Tamm"),
    ):
        Signature.objects.get_or_create(
            agreement=agreement,
            party=party,
            defaults={"signed_by": user, "signer_name": name, "via_link": user is None},
        )


def seed(command):
    today = timezone.localdate()
    offers = [_offer(today, row) for row in OFFERS]
    student = demo_user("student@demo.test")
    coordinator = demo_user("coordinator@demo.test")
    _partnership(today, coordinator)
    # The demo student: one exchange in progress, one completed with a signed agreement.
    _exchange(today, student, offers[2], coordinator, S.IN_PROGRESS, starts_in=-10, ends_in=25)
    _exchange(
        today,
        student,
        offers[3],
        coordinator,
        S.COMPLETED,
        starts_in=-200,
        ends_in=-172,
        skills="Eesti keittiön perusruoat, à la carte -palvelu, hygienia.",
    )
    # A queue for the demo coordinator.
    for email, offer in zip(EXTRA_STUDENTS, (offers[0], offers[2], offers[4]), strict=True):
        _application(demo_member(email)[0], offer, S.SUBMITTED)
    command.stdout.write(f"exchanges: {len(offers)} offers, the demo student's exchanges, a queue")


def _partnership(today, coordinator):
    agreement, _created = PartnershipAgreement.objects.get_or_create(
        title="Järvenranta – Tartu: rakentaminen ja matkailu",
        defaults={
            "valid_from": today - datetime.timedelta(days=400),
            "valid_until": today + datetime.timedelta(days=700),
            "status": PartnershipAgreement.Status.ACTIVE,
            "yearly_quota": 10,
            "mobility_forms": ["international_exchange", "teacher_job_shadowing"],
            "created_by": coordinator,
        },
    )
    parties = [HOME, "peipsiveere-kutsekool", "tartu-ehitus-ou"]
    agreement.parties.set(Organisation.objects.filter(slug__in=parties))


def _exchange(today, student, offer, coordinator, status, *, starts_in, ends_in, skills=""):
    """One of the demo student's exchanges, signed by all and under way or completed."""
    application, created = _application(
        student,
        offer,
        status,
        start=today + datetime.timedelta(days=starts_in),
        end=today + datetime.timedelta(days=ends_in),
    )
    if not created:
        return
    completed = status == S.COMPLETED
    _sign_all(application, coordinator)
    _history(application, coordinator, MOVES if completed else MOVES[:4])
    PlacementOffer.objects.filter(pk=offer.pk).update(seats_taken=1)
    now = timezone.now()
    record = {
        "arrival_confirmed_at": now + datetime.timedelta(days=starts_in),
        "actual_start": application.start_date,
    }
    if completed:
        record |= {
            "departure_confirmed_at": now + datetime.timedelta(days=ends_in),
            "actual_end": application.end_date,
            "skills_acquired": skills,
        }
    MobilityRecord.objects.get_or_create(application=application, defaults=record)
