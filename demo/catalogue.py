"""Demo training services, needs, and the demo company's enquiry."""

from typing import Any

from django.core.files.base import ContentFile

from catalogue.models import Enquiry, Material, Need, Service, Topic
from demo.accounts import demo_user
from demo.fields import translated
from demo.people import HOME
from partners.models import Organisation, Sector

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

#: The demo services' titles and descriptions, by language.
SERVICES = {
    "safety": (
        {
            "fi": "Työturvallisuuskortti yrityksen henkilöstölle",
            "en": "Occupational safety card for company staff",
            "sv": "Arbetarskyddskort för företagets personal",
            "et": "Tööohutuskaart ettevõtte töötajatele",
            "lt": "Darbų saugos pažymėjimas įmonės darbuotojams",
            "ru": "Удостоверение по охране труда для персонала предприятия",
        },
        {
            "fi": "Räätälöity työturvallisuuskoulutus yrityksen tiloissa.",
            "en": "Tailored safety training at the company's premises.",
            "sv": "Skräddarsydd arbetarskyddsutbildning i företagets lokaler.",
            "et": "Kohandatud tööohutuskoolitus ettevõtte ruumides.",
            "lt": "Pritaikyti darbų saugos mokymai įmonės patalpose.",
            "ru": "Обучение охране труда в помещениях предприятия.",
        },
    ),
    "apprenticeship": (
        {
            "fi": "Oppisopimuskoulutus",
            "en": "Apprenticeship training",
            "sv": "Läroavtalsutbildning",
            "et": "Õpipoisiõpe",
            "lt": "Pameistrystės mokymas",
            "ru": "Обучение по договору ученичества",
        },
        {
            "fi": "Palkkaa uusi osaaja ja kouluta hänet työssä.",
            "en": "Hire a new employee and train them on the job.",
            "sv": "Anställ en ny medarbetare och utbilda hen i arbetet.",
            "et": "Võta tööle uus töötaja ja õpeta ta välja töökohal.",
            "lt": "Priimkite naują darbuotoją ir apmokykite jį darbo vietoje.",
            "ru": "Наймите нового работника и обучите его на рабочем месте.",
        },
    ),
}


def service_texts(key: str) -> dict[str, str]:
    """A demo service's texts as its fields, but for the Finnish title it is found by."""
    titles, descriptions = SERVICES[key]
    fields = {**translated("title", titles), **translated("description", descriptions)}
    del fields["title_fi"]
    return fields


def seed(command):
    needs = {}
    for slug, names in NEEDS.items():
        needs[slug], _created = Need.objects.update_or_create(
            slug=slug, defaults=translated("name", names)
        )
    school = Organisation.objects.get(slug=HOME)
    advisor = demo_user("advisor@demo.test")
    service, created = Service.objects.get_or_create(
        provider=school,
        title_fi=SERVICES["safety"][0]["fi"],
        defaults={
            **service_texts("safety"),
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
        title_fi=SERVICES["apprenticeship"][0]["fi"],
        defaults={
            **service_texts("apprenticeship"),
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
    materials = seed_materials(school)
    command.stdout.write(
        f"catalogue: {len(NEEDS)} needs, 2 services, an enquiry, {materials} learning materials"
    )


CHECKLIST = """Työpaikkaohjaajan muistilista

1. Sovi opiskelijan kanssa tavoitteet ensimmäisenä päivänä.
2. Esittele työturvallisuusohjeet ja kerro, keneltä kysyä.
3. Anna palautetta viikoittain: mikä sujui, mitä harjoitellaan seuraavaksi.
4. Kirjaa havainnot arviointia varten.
"""


def seed_materials(school: Organisation) -> int:
    teacher = demo_user("teacher@demo.test")
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    materials: list[dict[str, Any]] = [
        {
            "title_fi": "Suomea työpaikalle: sanasto ja harjoitukset",
            "title_en": "Finnish for the workplace: vocabulary and exercises",
            "title_et": "Soome keel töökohal: sõnavara ja harjutused",
            "title_sv": "Finska för arbetsplatsen: ordförråd och övningar",
            "title_lt": "Suomių kalba darbe: žodynas ir pratimai",
            "title_ru": "Финский язык для работы: лексика и упражнения",
            "description_en": "Everyday workplace Finnish for exchange students, level A1–A2.",
            "url": "https://materials.vet-network.example/finnish-for-work",
            "language": Material.MULTILINGUAL,
            "licence": Material.Licence.CC_BY,
            "topics": ["finnish-language-and-culture", "working-life-in-finland"],
        },
        {
            "title_fi": "Oma yritys – liiketoimintasuunnitelman pohja",
            "title_en": "Your own company: a business plan template",
            "title_lt": "Savas verslas: verslo plano šablonas",
            "title_sv": "Eget företag: en mall för affärsplanen",
            "title_et": "Oma ettevõte: äriplaani mall",
            "title_ru": "Своё дело: шаблон бизнес-плана",
            "description_fi": "Pohja ja esimerkki opiskelijayrityksen suunnitelmaan.",
            "url": "https://materials.vet-network.example/business-plan",
            "language": "fi",
            "licence": Material.Licence.CC_BY_SA,
            "topics": ["entrepreneurship", "business"],
        },
        {
            "title_fi": "Työpaikkaohjaajan muistilista",
            "title_en": "Checklist for the workplace instructor",
            "title_sv": "Checklista för arbetsplatshandledaren",
            "title_et": "Töökohajuhendaja meelespea",
            "title_lt": "Darbo vietos instruktoriaus atmintinė",
            "title_ru": "Памятка для наставника на рабочем месте",
            "file": ContentFile(CHECKLIST.encode(), name="tyopaikkaohjaajan-muistilista.txt"),
            "language": "fi",
            "licence": Material.Licence.CC_BY,
            "topics": ["workplace-guidance"],
        },
    ]
    for item in materials:
        topic_slugs = item.pop("topics")
        material, created = Material.objects.get_or_create(
            title_fi=item["title_fi"],
            organisation=school,
            defaults={**item, "uploaded_by": teacher},
        )
        if created:
            material.topics.set([topics[slug] for slug in topic_slugs if slug in topics])
    return Material.objects.count()
