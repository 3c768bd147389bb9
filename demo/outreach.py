"""Demo company visits: the demo advisor's visits, with follow-ups due, overdue and done."""

import datetime
from typing import Any

from django.utils import timezone

from demo.accounts import demo_user
from demo.people import HOME
from outreach.models import Answer, Choice, FollowUp, Question, Recipient, Response, Survey, Visit
from partners.models import Organisation

VISITS: list[dict[str, Any]] = [
    {
        "company": "rakennus-virtanen-oy",
        "days_ago": 40,
        "joint_with": ["saimaan-te-toimisto"],
        "met": "Jari Virtanen, toimitusjohtaja",
        "guidance_needs": (
            "Kaksi työnjohtajaa haluaa työpaikkaohjaajakoulutuksen ennen kevään opiskelijoita."
        ),
        "cooperation_needs": "Yhteinen rekrytointipäivä oppilaitoksella syksyllä.",
        "opportunities": ["training_agreement", "apprenticeship"],
        "skill_needs": "Korjausrakentaminen, märkätilat, työmaan turvallisuus.",
        "follow_ups": [
            ("Lähetä työpaikkaohjaajakoulutuksen ilmoittautumislinkki", -5, True, "advisor"),
            ("Sovi rekrytointipäivän päivämäärä", 1, False, "advisor"),
        ],
    },
    {
        "company": "saimaan-sahkotyo-oy",
        "days_ago": 12,
        "joint_with": [],
        "met": "Anne Lahti, henkilöstöpäällikkö",
        "guidance_needs": "Ohjaajilla kokemusta, ei tarvetta koulutukselle nyt.",
        "cooperation_needs": "Kiinnostusta ottaa virolainen vaihto-opiskelija.",
        "opportunities": ["training_agreement", "exchange"],
        "skill_needs": "Sähköasennukset, aurinkovoimalat.",
        "follow_ups": [
            (
                "Kysy Tallinnan kumppanikoululta sähköalan opiskelijaa keväälle",
                -3,
                False,
                "advisor",
            ),
            ("Lähetä tietoa kansainvälisestä työssäoppimisesta", 10, False, "advisor"),
        ],
    },
    {
        "company": "kotkan-konepaja-oy",
        "days_ago": 3,
        "joint_with": [],
        "met": "Mikko Salo, tuotantopäällikkö",
        "guidance_needs": "",
        "cooperation_needs": "Henkilöstön hitsauskoulutus ja pätevyyskokeet.",
        "opportunities": ["staff_training", "recruitment"],
        "skill_needs": "Hitsaus, CNC-koneistus.",
        "follow_ups": [
            ("Tee tarjous räätälöidystä hitsauskoulutuksesta", 14, False, "coordinator")
        ],
    },
]


def seed_outreach() -> int:
    school = Organisation.objects.get(slug=HOME)
    people = {role: demo_user(f"{role}@demo.test") for role in ("advisor", "coordinator")}
    advisor = people["advisor"]
    today = timezone.localdate()
    for item in VISITS:
        fields = dict(item)
        company = Organisation.objects.filter(slug=fields.pop("company")).first()
        if company is None or Visit.objects.filter(company=company, school=school).exists():
            continue
        days_ago, joint_with = fields.pop("days_ago"), fields.pop("joint_with")
        follow_ups = fields.pop("follow_ups")
        visit = Visit.objects.create(
            company=company,
            school=school,
            visited_on=today - datetime.timedelta(days=days_ago),
            created_by=advisor,
            **fields,
        )
        visit.visitors.set([advisor])
        visit.joint_with.set(Organisation.objects.filter(slug__in=joint_with))
        for action, due_in, done, owner in follow_ups:
            FollowUp.objects.create(
                visit=visit,
                action=action,
                owner=people[owner],
                due_on=today + datetime.timedelta(days=due_in),
                done_at=timezone.now() if done else None,
                done_by=advisor if done else None,
            )
    return Visit.objects.filter(school=school).count()


SURVEY: dict[str, Any] = {
    "title_fi": "Yritysten osaamistarpeet 2027",
    "title_en": "Companies' skill needs 2027",
    "title_sv": "Företagens kompetensbehov 2027",
    "intro_fi": (
        "Kartoitamme alueen yritysten koulutus- ja työvoimatarpeita. Vastaukset ohjaavat "
        "ensi vuoden koulutustarjontaa."
    ),
    "intro_en": (
        "We are mapping the training and recruitment needs of the region's companies. "
        "The answers shape next year's training offer."
    ),
}
QUESTIONS: list[dict[str, Any]] = [
    {
        "kind": "single",
        "text_fi": "Aiotteko palkata uusia työntekijöitä seuraavan vuoden aikana?",
        "text_en": "Do you plan to hire new staff during the next year?",
        "required": True,
        "choices": [("Kyllä", "Yes"), ("Ehkä", "Maybe"), ("Ei", "No")],
    },
    {
        "kind": "multiple",
        "text_fi": "Missä yhteistyössä olisitte mukana?",
        "text_en": "Which kinds of cooperation would you take part in?",
        "choices": [
            ("Työpaikalla järjestettävä koulutus", "Workplace learning"),
            ("Oppisopimus", "Apprenticeship"),
            ("Ulkomaisen opiskelijan vastaanotto", "Hosting a student from abroad"),
            ("Henkilöstön koulutus", "Training for our staff"),
        ],
    },
    {
        "kind": "scale",
        "text_fi": "Kuinka valmis työpaikkanne on ohjaamaan opiskelijoita?",
        "text_en": "How ready is your workplace to instruct students?",
        "scale_min_label_fi": "ei lainkaan",
        "scale_min_label_en": "not at all",
        "scale_max_label_fi": "täysin valmis",
        "scale_max_label_en": "fully ready",
    },
    {
        "kind": "text",
        "text_fi": "Mitä osaamista työpaikallanne tarvitaan lähivuosina?",
        "text_en": "What skills will your workplace need in the coming years?",
    },
]
ANSWERS = {
    "rakennus-virtanen-oy": (0, [0, 1], 3, "Märkätilojen vedeneristys ja työmaan johtaminen."),
    "saimaan-sahkotyo-oy": (1, [0, 2], 4, "Aurinkosähköjärjestelmien asennus."),
}


def seed_surveys() -> int:
    school = Organisation.objects.get(slug=HOME)
    if Survey.objects.filter(organisation=school, title_fi=SURVEY["title_fi"]).exists():
        return Survey.objects.filter(organisation=school).count()
    coordinator = demo_user("coordinator@demo.test")
    survey = Survey.objects.create(
        organisation=school,
        created_by=coordinator,
        status=Survey.Status.OPEN,
        opened_at=timezone.now() - datetime.timedelta(days=14),
        closes_on=timezone.localdate() + datetime.timedelta(days=21),
        **SURVEY,
    )
    questions = []
    for position, spec in enumerate(QUESTIONS):
        spec = dict(spec)
        choices = spec.pop("choices", [])
        question = Question.objects.create(survey=survey, position=position, **spec)
        for index, (fi, en) in enumerate(choices):
            Choice.objects.create(question=question, position=index, text_fi=fi, text_en=en)
        questions.append(question)
    for slug in ["rakennus-virtanen-oy", "saimaan-sahkotyo-oy", "kotkan-konepaja-oy"]:
        company = Organisation.objects.filter(slug=slug).first()
        if company is None:
            continue
        recipient = Recipient.objects.create(
            survey=survey, company=company, email=f"info@{slug}.example", language="fi"
        )
        if slug not in ANSWERS:
            continue
        single, multiple, scale, text = ANSWERS[slug]
        recipient.responded_at = timezone.now() - datetime.timedelta(days=3)
        recipient.save(update_fields=["responded_at"])
        response = Response.objects.create(
            survey=survey, recipient=recipient, company=company, language="fi"
        )
        choice_sets = [list(q.choices.order_by("position")) for q in questions[:2]]
        Answer.objects.create(response=response, question=questions[0]).choices.set(
            [choice_sets[0][single]]
        )
        Answer.objects.create(response=response, question=questions[1]).choices.set(
            [choice_sets[1][i] for i in multiple]
        )
        Answer.objects.create(response=response, question=questions[2], scale=scale)
        Answer.objects.create(response=response, question=questions[3], text=text)
    return Survey.objects.filter(organisation=school).count()
