"""Demo badges from several issuers, two pathways, and the demo student's passport."""

import datetime

from django.utils import timezone

from demo.accounts import demo_user
from demo.fields import translated
from notifications.models import Notification
from partners.models import Organisation, Sector
from worklife_passport.models import (
    Alignment,
    Award,
    Badge,
    Claim,
    ClaimEvent,
    Endorsement,
    Goal,
    Pathway,
    PathwayRule,
    RecognitionAgreement,
    SkillNeed,
)
from worklife_passport.services.awards import award_create

BADGES = [
    # key, issuer slug, category, type, sectors, evidence, names, descriptions, criteria
    (
        "customer",
        "jarvenrannan-ammattiopisto",
        "work_life",
        "Competency",
        ["business-trade"],
        ["text"],
        {
            "fi": "Asiakaspalvelun perusteet",
            "en": "Customer service basics",
            "sv": "Grunderna i kundservice",
            "et": "Klienditeeninduse alused",
            "lt": "Klientų aptarnavimo pagrindai",
            "ru": "Основы обслуживания клиентов",
        },
        {
            "fi": "Osaat palvella asiakkaita ystävällisesti ja ratkaista tavallisia ongelmia.",
            "en": "You serve customers in a friendly way and solve everyday problems.",
            "sv": "Du betjänar kunderna vänligt och löser vardagliga problem.",
            "ru": "Вы вежливо обслуживаете клиентов и решаете повседневные проблемы.",
        },
        {
            "fi": "Olet palvellut asiakkaita vähintään 20 tuntia ja kuvaat kaksi tilannetta, "
            "jotka ratkaisit.",
            "en": "You have served customers for at least 20 hours and describe two situations "
            "you solved.",
        },
    ),
    (
        "safety",
        "jarvenrannan-ammattiopisto",
        "sector",
        "Competency",
        ["construction"],
        ["text", "supervisor"],
        {
            "fi": "Työturvallisuus rakennustyömaalla",
            "en": "Safety on a building site",
            "sv": "Arbetarskydd på byggarbetsplatsen",
            "et": "Tööohutus ehitusplatsil",
            "lt": "Darbų sauga statybvietėje",
            "ru": "Охрана труда на строительной площадке",
        },
        {
            "fi": "Tunnet työmaan vaarat ja toimit turvallisesti.",
            "en": "You know the hazards of a site and work safely.",
            "lt": "Žinote statybvietės pavojus ir dirbate saugiai.",
            "ru": "Вы знаете опасности стройки и работаете безопасно.",
        },
        {
            "fi": "Työpaikkaohjaaja vahvistaa, että noudatit turvallisuusohjeita koko jakson ajan.",
            "en": "Your workplace supervisor confirms that you followed the safety rules during "
            "the whole period.",
        },
    ),
    (
        "idea",
        "jarvenrannan-ammattiopisto",
        "entrepreneurship",
        "Badge",
        [],
        ["text", "link"],
        {
            "fi": "Liikeidean kehittäjä",
            "en": "Business idea developer",
            "sv": "Utvecklare av affärsidéer",
            "et": "Äriidee arendaja",
            "lt": "Verslo idėjos kūrėjas",
            "ru": "Разработчик бизнес-идеи",
        },
        {
            "fi": "Olet kehittänyt liikeidean ja testannut sitä asiakkailla.",
            "en": "You developed a business idea and tested it with customers.",
        },
        {
            "fi": "Esittelet liikeideasi ja kolmen asiakkaan palautteen.",
            "en": "You present your business idea and the feedback of three customers.",
        },
    ),
    (
        "local",
        "itameren-ammattikoulutusverkosto-ry",
        "local_business",
        "Badge",
        [],
        ["text"],
        {
            "fi": "Paikallisen yrityselämän tuntija",
            "en": "Local business insight",
            "et": "Kohaliku ettevõtluse tundja",
            "sv": "Kännare av det lokala näringslivet",
            "lt": "Vietos verslo žinovas",
            "ru": "Знаток местного бизнеса",
        },
        {
            "fi": "Tunnet oman alueesi yrityksiä ja niiden tarpeita.",
            "en": "You know the companies of your region and what they need.",
        },
        {
            "fi": "Olet vieraillut kolmessa paikallisessa yrityksessä ja raportoinut käynneistä.",
            "en": "You have visited three local companies and reported on the visits.",
        },
    ),
    (
        "estonian",
        "peipsiveere-kutsekool",
        "language_culture",
        "Badge",
        [],
        ["text"],
        {
            "fi": "Viron kieli työelämässä",
            "et": "Eesti keel tööelus",
            "en": "Estonian at work",
            "sv": "Estniska i arbetslivet",
            "lt": "Estų kalba darbe",
            "ru": "Эстонский язык на работе",
        },
        {
            "et": "Saad tööülesannetega hakkama eesti keeles.",
            "en": "You manage everyday work tasks in Estonian.",
        },
        {
            "et": "Oled töötanud eestikeelses töökeskkonnas vähemalt neli nädalat.",
            "en": "You have worked in an Estonian-speaking workplace for at least four weeks.",
        },
    ),
    (
        "mentor",
        "ita-suomen-ammattikorkeakoulu",
        "mentoring",
        "Badge",
        [],
        ["text"],
        {
            "fi": "Käänteinen mentori",
            "en": "Reverse mentor",
            "sv": "Omvänd mentor",
            "et": "Pöördmentor",
            "lt": "Atvirkštinis mentorius",
            "ru": "Обратный наставник",
        },
        {
            "fi": "Olet mentoroinut yrityksen työntekijää omalla osaamisellasi.",
            "en": "You mentored a company's employee with your own skills.",
        },
        {
            "fi": "Olet käynyt läpi käänteisen mentoroinnin ohjelman ja saanut palautteen.",
            "en": "You completed a reverse-mentoring programme and received feedback.",
        },
    ),
]

ALL, SOME = PathwayRule.Kind.ALL, PathwayRule.Kind.SOME
PATHWAYS = [
    # name in Finnish and English, recognition, credits, rules (kind, badge keys)
    (
        "Liiketalouden polku",
        "Business pathway",
        "5 op liiketalouden opinnoista / 5 ECTS in business studies",
        5,
        [(ALL, ["customer", "idea"]), (SOME, ["local", "estonian"])],
    ),
    (
        "Suora opiskelupaikka: rakennusala",
        "Direct admission: construction",
        "Suora opiskelupaikka / direct admission",
        None,
        [(ALL, ["safety", "customer", "local"])],
    ),
]


def seed(command):
    badges = seed_badges()
    link_badges_to_work_life(badges)
    uas = Organisation.objects.get(slug="ita-suomen-ammattikorkeakoulu")
    seed_pathways(uas, badges)
    seed_recognition_agreement(uas)
    seed_student_passport(badges)
    command.stdout.write(
        f"passport: {len(badges)} badges, 2 pathways, the demo student's passport "
        "(teacher teacher@demo.test has a claim to assess)"
    )


def seed_badges():
    badges = {}
    for key, issuer, category, kind, sectors, evidence, names, descriptions, criteria in BADGES:
        organisation = Organisation.objects.get(slug=issuer)
        badge = Badge.objects.filter(
            issuer=organisation, name_fi=names["fi"], is_current=True
        ).first()
        if badge is None:
            badge = Badge.objects.create(
                issuer=organisation,
                category=category,
                achievement_type=kind,
                evidence_required=evidence,
                assessor_roles=["teacher", "coordinator"],
                **translated("name", names),
                **translated("description", descriptions),
                **translated("criteria", criteria),
            )
            badge.sectors.set(Sector.objects.filter(slug__in=sectors))
        badges[key] = badge
    return badges


def link_badges_to_work_life(badges):
    """An alignment to EntreComp, a company's endorsement and a skill need it meets."""
    Alignment.objects.get_or_create(
        badge=badges["idea"],
        framework="EntreComp",
        code="1.1",
        defaults={
            "target_name": "Spotting opportunities",
            "target_url": "https://joint-research-centre.ec.europa.eu/entrecomp-entrepreneurship-competence-framework_en",
        },
    )
    company = Organisation.objects.get(slug="rakennus-virtanen-oy")
    Endorsement.objects.get_or_create(
        badge=badges["safety"],
        organisation=company,
        defaults={
            "comment": "Tämä on juuri sitä, mitä odotamme työssäoppijoilta.",
            "created_by": demo_user("company@demo.test"),
        },
    )
    need, _created = SkillNeed.objects.get_or_create(
        organisation=company,
        text="Työturvallisuusosaaminen ennen työmaalle tuloa",
        defaults={
            "sector": Sector.objects.get(slug="construction"),
            "created_by": demo_user("company@demo.test"),
        },
    )
    need.badges.add(badges["safety"])


def seed_pathways(uas, badges):
    for name_fi, name_en, recognition, credits, rules in PATHWAYS:
        pathway, _created = Pathway.objects.get_or_create(
            recognised_by=uas,
            name_fi=name_fi,
            defaults={"name_en": name_en, "recognition": recognition, "credits": credits},
        )
        if pathway.rules.exists():
            continue
        for kind, keys in rules:
            # Of SOME, one badge is enough (the rule's default).
            rule = PathwayRule.objects.create(pathway=pathway, kind=kind)
            rule.badges.set([badges[key] for key in keys])


def seed_recognition_agreement(uas):
    agreement, _created = RecognitionAgreement.objects.get_or_create(
        higher_education=uas,
        what="Työelämäpassin osaamismerkit liiketalouden opintoihin",
        defaults={
            "credits": 5,
            "valid_from": datetime.date(2026, 1, 1),
            "valid_until": datetime.date(2028, 12, 31),
        },
    )
    issuers = ["jarvenrannan-ammattiopisto", "itameren-ammattikoulutusverkosto-ry"]
    agreement.issuers.set(Organisation.objects.filter(slug__in=issuers))


def seed_student_passport(badges):
    """The demo student's awards, notices, goal and the claims the teacher assesses."""
    student = demo_user("student@demo.test")
    coordinator = demo_user("coordinator@demo.test")
    for key in ("customer", "estonian"):
        if not Award.objects.filter(recipient=student, badge__family=badges[key].family).exists():
            award_create(
                actor=coordinator,
                badge=badges[key],
                source=Award.Source.DIRECT,
                recipient=student,
                evidence="Demo",
            )
    _tell_of_awards(student)
    Goal.objects.get_or_create(user=student, badge=badges["idea"])
    # One for the network's own badge (network admins assess it), one for the school's,
    # which the teacher assesses.
    _submitted_claim(
        student,
        badges["local"],
        "Vierailin Saimaan Sähkötyössä, Kahvila Kanelitangossa ja Kuljetus "
        "Hakalassa ja kirjoitin raportin jokaisesta.",
        days_ago=2,
    )
    _submitted_claim(
        student,
        badges["idea"],
        "Suunnittelin kahvilan kesäkioskin ja kysyin palautetta kolmelta "
        "asiakkaalta. Esitys on linkin takana.",
        days_ago=1,
        links=["https://example.org/kesakioski"],
    )


def _submitted_claim(student, badge, narrative, *, days_ago, links=()):
    if Claim.objects.filter(student=student, badge=badge).exists():
        return
    claim = Claim.objects.create(
        student=student,
        badge=badge,
        status=Claim.Status.SUBMITTED,
        narrative=narrative,
        links=list(links),
        submitted_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    ClaimEvent.objects.create(
        claim=claim, actor=student, action="submit", from_status="draft", to_status="submitted"
    )


def _tell_of_awards(student):
    """The notices the demo student got for their badges: the demo is loaded quietly, so
    they are written here as the portal writes them, one already read."""
    for n, award in enumerate(
        Award.objects.filter(recipient=student).select_related("badge__issuer").order_by("pk")
    ):
        Notification.objects.get_or_create(
            idempotency_key=f"passport.awarded:{award.pk}:{Notification.Channel.IN_APP}",
            defaults={
                "recipient": student,
                "kind": "passport.awarded",
                "context": {
                    "badge": award.badge.name,
                    "issuer": award.badge.issuer.name,
                    "link": {
                        "name": "passport:award_detail",
                        "kwargs": {"public_id": str(award.public_id)},
                    },
                },
                "language": student.language,
                "channel": Notification.Channel.IN_APP,
                "state": Notification.State.SENT,
                "created_at": award.issued_on,
                "sent_at": award.issued_on,
                "read_at": award.issued_on if n == 0 else None,
            },
        )
