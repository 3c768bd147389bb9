"""Demo training services, needs, and the demo company's enquiry."""

from django.db import transaction

from accounts.demo import demo_user
from partners.models import Organisation, Sector

from .models import Enquiry, Need, Service

NEEDS = {
    "skills-upgrade": {
        "fi": "Henkilöstön osaamisen päivittäminen",
        "en": "Upskilling staff",
        "sv": "Kompetensutveckling av personalen",
    },
    "recruitment": {
        "fi": "Rekrytointi ja työvoiman saatavuus",
        "en": "Recruitment",
        "et": "Töötajate värbamine",
    },
    "safety": {"fi": "Työturvallisuus", "en": "Occupational safety", "lt": "Darbo sauga"},
    "digital": {"fi": "Digitaaliset taidot", "en": "Digital skills", "ru": "Цифровые навыки"},
}


@transaction.atomic
def seed(command):
    needs = {}
    for slug, names in NEEDS.items():
        needs[slug], _created = Need.objects.update_or_create(
            slug=slug, defaults={f"name_{code}": text for code, text in names.items()}
        )
    school = Organisation.objects.get(slug="jarvenrannan-ammattiopisto")
    advisor = demo_user("advisor@demo.test")
    service, created = Service.objects.get_or_create(
        provider=school,
        title_fi="Työturvallisuuskortti yrityksen henkilöstölle",
        defaults={
            "title_en": "Occupational safety card for company staff",
            "description_fi": "Räätälöity työturvallisuuskoulutus yrityksen tiloissa.",
            "description_en": "Tailored safety training at the company's premises.",
            "form": Service.Form.TAILORED,
            "language": "fi",
            "sector": Sector.objects.get(slug="construction"),
            "place": "Lappeenranta",
            "price": "Sovitaan tarjouksen mukaan",
            "advisor": advisor,
        },
    )
    if created:
        service.needs.set([needs["safety"], needs["skills-upgrade"]])
    oppisopimus, created = Service.objects.get_or_create(
        provider=school,
        title_fi="Oppisopimuskoulutus",
        defaults={
            "title_en": "Apprenticeship training",
            "description_fi": "Palkkaa uusi osaaja ja kouluta hänet työssä.",
            "description_en": "Hire a new employee and train them on the job.",
            "form": Service.Form.APPRENTICESHIP,
            "language": "fi",
            "place": "Lappeenranta",
            "advisor": advisor,
        },
    )
    if created:
        oppisopimus.needs.set([needs["recruitment"]])
    company = demo_user("company@demo.test")
    if not Enquiry.objects.filter(asked_by=company).exists():
        Enquiry.objects.create(
            service=service,
            asked_by=company,
            company=Organisation.objects.get(slug="rakennus-virtanen-oy"),
            question="Voisiko koulutuksen järjestää kahdelle uudelle työntekijälle keväällä?",
        )
    command.stdout.write(f"catalogue: {len(NEEDS)} needs, 2 services, an enquiry")
