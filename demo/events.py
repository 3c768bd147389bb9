"""Demo events: seminars, a workshop abroad, info sessions in the partners' languages and an
info point, with registrations."""

import datetime

from django.utils import timezone

from demo.accounts import demo_user
from events.models import Event, Registration
from partners.models import Organisation, Sector

EVENTS = [
    (
        "Työelämäseminaari: pk-yritykset ja työssäoppiminen",
        "seminar",
        "jarvenrannan-ammattiopisto",
        14,
        80,
        "Järvenrannan ammattiopisto, auditorio",
        "Miten pieni yritys ottaa työssäoppijan? Kokemuksia yrittäjiltä ja opettajilta.",
    ),
    (
        "Workshop: working in Estonian companies",
        "workshop",
        "peipsiveere-kutsekool",
        30,
        25,
        "Peipsiveere Kutsekool, Tartu",
        "Practical tips for trainees going to Estonia.",
    ),
    (
        "Infopiste: oppisopimus",
        "info_point",
        "saimaan-te-toimisto",
        3,
        40,
        "Lappeenrannan kauppakeskus",
        "Tule kysymään oppisopimuksesta.",
    ),
    (
        "Õpipoisiõppe infopäev Tartus",
        "info_session",
        "peipsiveere-kutsekool",
        21,
        30,
        "Peipsiveere Kutsekool, Tartu",
        "Tutvustame ettevõtetele õpipoisiõpet: kuidas võtta õpipoiss ja leida talle juhendaja.",
    ),
    (
        "Pameistrystės diena Kaune",
        "info_session",
        "nemuno-profesinio-mokymo-centras",
        24,
        40,
        "Nemuno profesinio mokymo centras, Kaunas",
        "Pristatome pameistrystę įmonėms: kaip priimti mokinį ir paskirti jam meistrą.",
    ),
    (
        "Семинар: производственное обучение на предприятиях",
        "seminar",
        "vyborgskij-kolledzh-professij",
        35,
        50,
        "Выборгский колледж профессий, актовый зал",
        "Как предприятию принять практиканта и назначить наставника. Опыт колледжей сети.",
    ),
    (
        "Informationsdag om lärlingsutbildning",
        "info_session",
        "kymijoen-ammattiopisto",
        40,
        30,
        "Kymmene älv yrkesinstitut, Kotka",
        "Hur ett företag tar emot en lärling och vad handledaren gör. Erfarenheter från "
        "nätverkets skolor.",
    ),
]


def seed(command):
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    events = []
    for title, kind, slug, days, capacity, venue, description in EVENTS:
        event, created = Event.objects.get_or_create(
            title=title,
            defaults={
                "kind": kind,
                "capacity": capacity,
                "venue": venue,
                "description": description,
                "starts_at": now + datetime.timedelta(days=days, hours=2),
                "ends_at": now + datetime.timedelta(days=days, hours=5),
                "created_by": demo_user("advisor@demo.test"),
            },
        )
        if created:
            event.organisers.add(Organisation.objects.get(slug=slug))
            event.sectors.add(Sector.objects.get(slug="business-trade"))
        events.append(event)
    for email in ("company@demo.test", "advisor@demo.test"):
        user = demo_user(email)
        seminar = events[0]
        if not Registration.objects.filter(event=seminar, user=user).exists():
            Registration.objects.create(event=seminar, user=user, status="confirmed")
            Event.objects.filter(pk=seminar.pk).update(
                registered=seminar.registrations.filter(status="confirmed").count()
            )
    command.stdout.write(f"events: {len(events)} events with registrations")
