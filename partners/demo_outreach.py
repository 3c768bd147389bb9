"""Demo company visits: the demo advisor's visits, with follow-ups due, overdue and done."""

import datetime

from django.utils import timezone

from accounts.demo import demo_user

from .models import FollowUp, Organisation, Visit

SCHOOL = "jarvenrannan-ammattiopisto"
VISITS = [
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
    school = Organisation.objects.get(slug=SCHOOL)
    people = {role: demo_user(f"{role}@demo.test") for role in ("advisor", "coordinator")}
    advisor = people["advisor"]
    today = timezone.localdate()
    for item in VISITS:
        company = Organisation.objects.filter(slug=item["company"]).first()
        if company is None or Visit.objects.filter(company=company, school=school).exists():
            continue
        visit = Visit.objects.create(
            company=company,
            school=school,
            visited_on=today - datetime.timedelta(days=item["days_ago"]),
            met=item["met"],
            guidance_needs=item["guidance_needs"],
            cooperation_needs=item["cooperation_needs"],
            opportunities=item["opportunities"],
            skill_needs=item["skill_needs"],
            created_by=advisor,
        )
        visit.visitors.set([advisor])
        visit.joint_with.set(Organisation.objects.filter(slug__in=item["joint_with"]))
        for action, due_in, done, owner in item["follow_ups"]:
            FollowUp.objects.create(
                visit=visit,
                action=action,
                owner=people[owner],
                due_on=today + datetime.timedelta(days=due_in),
                done_at=timezone.now() if done else None,
                done_by=advisor if done else None,
            )
    return Visit.objects.filter(school=school).count()
