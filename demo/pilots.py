"""Demo calls for pilots: an open call with applications coming in, and last year's call
with a funded pilot that reports progress."""

import datetime
from decimal import Decimal

from django.utils import timezone

from demo.accounts import demo_user
from demo.people import HOME, demo_member
from partners.models import Organisation
from pilots.models import CallCriterion, PilotApplication, PilotCall, ProgressReport, Score

CRITERIA = [
    ("Vaikuttavuus pk-yrityksiin", "Impact on small companies", 3),
    ("Kumppanuuden laajuus (kunnat ja oppilaitokset)", "Breadth of the partnership", 2),
    ("Toteutettavuus ja budjetti", "Feasibility and budget", 2),
    ("Tulosten levitettävyys verkostossa", "How the results can spread in the network", 1),
]


def _call(title_fi, title_en, deadline, *, closed=False):
    call, created = PilotCall.objects.get_or_create(
        title_fi=title_fi,
        defaults={
            "title_en": title_en,
            "text_fi": "Verkosto rahoittaa kuntien ja oppilaitosten yhteisiä pilotteja, jotka "
            "tuovat pk-yritykset mukaan työpaikalla järjestettävään koulutukseen.",
            "text_en": "The network funds joint pilots of municipalities and schools that bring "
            "small companies into workplace learning.",
            "eligibility_fi": "Hakijana vähintään yksi kunta ja yksi ammatillinen oppilaitos.",
            "eligibility_en": "At least one municipality and one vocational school apply together.",
            "organiser": Organisation.objects.get(slug=HOME),
            "deadline": deadline,
            "budget": "150 000 €, enintään 40 000 € / pilotti",
            "created_by": demo_user("coordinator@demo.test"),
            "published_at": deadline - datetime.timedelta(days=60),
            "closed_at": deadline + datetime.timedelta(days=30) if closed else None,
        },
    )
    if created:
        for position, (fi, en, weight) in enumerate(CRITERIA):
            CallCriterion.objects.create(
                call=call, position=position, text_fi=fi, text_en=en, weight=weight
            )
        call.reviewers.set([demo_user("advisor@demo.test")])
    return call, created


def _application(call, title, lead, partners, contact, status, budget, **fields):
    application = PilotApplication.objects.create(
        call=call,
        title=title,
        lead=Organisation.objects.get(slug=lead),
        contact=contact,
        summary="Yritysvalmentajat kiertävät alueen pk-yrityksissä ja sopivat "
        "työpaikalla järjestettävän koulutuksen jaksoista.",
        objectives="30 uutta pk-yritystä työpaikalla järjestettävään koulutukseen.",
        work_plan="Syksy: valmentajien koulutus. Kevät: yrityskäynnit. Kesä: arviointi.",
        budget=Decimal(budget),
        status=status,
        submitted_at=None if status == "draft" else call.deadline - datetime.timedelta(days=2),
        **fields,
    )
    application.partners.set(Organisation.objects.filter(slug__in=partners))
    return application


def seed_pilots() -> int:
    now = timezone.now()
    contact, _org = demo_member("heikki.kymi@demo.test")
    other, _org = demo_member("leena.linna@demo.test")
    _past_call(now, contact, other)
    _current_call(now, contact, other)
    return PilotCall.objects.count()


def _past_call(now, contact, other) -> None:
    """The 2026 call, decided: one application funded and reporting, one rejected."""
    past, created = _call(
        "Pilottihaku 2026: yritykset työpaikalla järjestettävään koulutukseen",
        "Call for pilots 2026: companies into workplace learning",
        now - datetime.timedelta(days=200),
        closed=True,
    )
    if not created:
        return
    advisor = demo_user("advisor@demo.test")
    funded = _application(
        past,
        "Yritysvalmentajat Itä-Savoon",
        "linnan-koulutuskuntayhtyma",
        ["ita-suomen-ely-keskus"],
        other,
        "funded",
        "38000",
        granted=Decimal("35000"),
        decision_note="Vahva kumppanuus ja selkeä suunnitelma.",
        decided_at=now - datetime.timedelta(days=170),
    )
    rejected = _application(
        past,
        "Digiloikka Kymenlaaksoon",
        "kymijoen-ammattiopisto",
        [],
        contact,
        "rejected",
        "40000",
        decision_note="Kumppanuus jäi yhden oppilaitoksen varaan.",
        decided_at=now - datetime.timedelta(days=170),
    )
    for application, points in [(funded, [5, 4, 4, 3]), (rejected, [3, 1, 3, 2])]:
        for criterion, score in zip(past.criteria.all(), points, strict=True):
            Score.objects.create(
                application=application, reviewer=advisor, criterion=criterion, score=score
            )
    ProgressReport.objects.create(
        application=funded,
        period="Syksy 2026",
        text="Kaksi yritysvalmentajaa aloitti; 14 yritystä tavattu, 6 uutta koulutussopimusta.",
        next_steps="Keväällä laajennetaan Savonlinnan seudun pieniin matkailuyrityksiin.",
        submitted_by=other,
    )


def _current_call(now, contact, other) -> None:
    """The 2027 call, open: one application submitted, one in draft."""
    current, created = _call(
        "Pilottihaku 2027: pk-yritykset ja kansainvälisyys",
        "Call for pilots 2027: small companies and internationalisation",
        (now + datetime.timedelta(days=20)).replace(hour=16, minute=0, second=0, microsecond=0),
    )
    if not created:
        return
    _application(
        current,
        "Kansainväliset harjoittelijat kymenlaaksolaisiin pk-yrityksiin",
        "kymijoen-ammattiopisto",
        ["saimaan-te-toimisto"],
        contact,
        "submitted",
        "36000",
    )
    _application(
        current,
        "Oppisopimus tutuksi pienyrityksille",
        "linnan-koulutuskuntayhtyma",
        [],
        other,
        "draft",
        "25000",
    )
