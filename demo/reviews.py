"""Demo peer review: a round where the demo school's report is out and another school
is writing its self-report, with the demo teacher in its peer team."""

import datetime

from django.utils import timezone

from demo.accounts import demo_user
from demo.people import HOME, demo_member
from partners.models import Organisation
from quality.models import (
    Finding,
    PeerReview,
    PeerReviewer,
    QualityArea,
    QualityCriterion,
    ReviewAction,
    ReviewRound,
    SelfAssessment,
)

AREAS = ["workplace-learning", "internationalisation"]
FINDINGS = [
    (
        "workplace-learning",
        Finding.Kind.STRENGTH,
        "Työpaikkaohjaajat saavat hyvän perehdytyksen, ja yritykset kiittävät yhteistyötä.",
    ),
    (
        "workplace-learning",
        Finding.Kind.RECOMMENDATION,
        "Kootkaa työpaikkojen palaute jaksoittain ja käsitelkää se tiimeissä.",
    ),
    (
        "internationalisation",
        Finding.Kind.DEVELOPMENT,
        "Saapuvien opiskelijoiden perehdytys vaihtelee koulutusaloittain.",
    ),
    (
        "internationalisation",
        Finding.Kind.RECOMMENDATION,
        "Laatikaa yhteinen tervetuloa-paketti ja tutoropiskelijamalli.",
    ),
]


def seed_reviews() -> int:
    school = Organisation.objects.get(slug=HOME)
    title = "Vertaisarviointi 2026–2027"
    if ReviewRound.objects.filter(title_fi=title).exists():
        return ReviewRound.objects.count()
    today = timezone.localdate()
    coordinator = demo_user("coordinator@demo.test")
    review_round = ReviewRound.objects.create(
        title_fi=title,
        title_en="Peer review 2026–2027",
        description_fi="Kumppanikoulut arvioivat toistensa työpaikalla järjestettävää "
        "koulutusta ja kansainvälisyyttä.",
        organiser=school,
        starts_on=today - datetime.timedelta(days=120),
        ends_on=today + datetime.timedelta(days=240),
        created_by=coordinator,
    )
    review_round.areas.set(QualityArea.objects.filter(slug__in=AREAS))
    lead, _org = demo_member("kadri.tamm@demo.test")
    member, _org = demo_member("rasa.petrauskiene@demo.test")
    _review_of_our_school(review_round, school, today, lead, member)
    _review_by_our_teacher(review_round, today, lead)
    return ReviewRound.objects.count()


def _review_of_our_school(review_round, school, today, lead, member) -> None:
    """The demo school's review, reported: self-assessment, findings and actions."""
    now = timezone.now()
    ours = PeerReview.objects.create(
        round=review_round,
        school=school,
        visit_on=today - datetime.timedelta(days=45),
        status=PeerReview.Status.REPORTED,
        summary="Koulun työelämäyhteistyö on vahvaa ja suunnitelmallista. Kansainvälisten "
        "opiskelijoiden vastaanotto kaipaa yhteisiä käytäntöjä.",
        self_reported_at=now - datetime.timedelta(days=70),
        reported_at=now - datetime.timedelta(days=30),
    )
    PeerReviewer.objects.create(review=ours, user=lead, role=PeerReviewer.Role.LEAD)
    PeerReviewer.objects.create(review=ours, user=member, role=PeerReviewer.Role.MEMBER)
    for index, criterion in enumerate(QualityCriterion.objects.filter(area__slug__in=AREAS)):
        SelfAssessment.objects.create(
            review=ours,
            criterion=criterion,
            level=2 + index % 2,
            description="Kuvaus käytännöistä ja niiden seurannasta.",
        )
    recommendations = _findings(ours)
    ReviewAction.objects.create(
        review=ours,
        recommendation=recommendations[0],
        text="Palautteen käsittely osaksi tiimipalavereja joka jakson jälkeen",
        responsible="Kaisa Koordinaattori",
        due_on=today + datetime.timedelta(days=60),
        state=ReviewAction.State.IN_PROGRESS,
    )
    ReviewAction.objects.create(
        review=ours,
        recommendation=recommendations[1],
        text="Tervetuloa-paketti ja tutoropiskelijat saapuville opiskelijoille",
        responsible="Timo Opettaja",
        due_on=today + datetime.timedelta(days=120),
    )


def _findings(review) -> list:
    """Write the review's findings; return its recommendations."""
    areas = {area.slug: area for area in QualityArea.objects.filter(slug__in=AREAS)}
    recommendations = []
    for slug, kind, text in FINDINGS:
        finding = Finding.objects.create(review=review, area=areas[slug], kind=kind, text=text)
        if kind == Finding.Kind.RECOMMENDATION:
            recommendations.append(finding)
    return recommendations


def _review_by_our_teacher(review_round, today, lead) -> None:
    """Another school's review, to come, led by the demo teacher."""
    theirs = PeerReview.objects.create(
        round=review_round,
        school=Organisation.objects.get(slug="kymijoen-ammattiopisto"),
        visit_on=today + datetime.timedelta(days=30),
    )
    PeerReviewer.objects.create(
        review=theirs, user=demo_user("teacher@demo.test"), role=PeerReviewer.Role.LEAD
    )
    PeerReviewer.objects.create(review=theirs, user=lead, role=PeerReviewer.Role.MEMBER)
