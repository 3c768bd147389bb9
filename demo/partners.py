"""The demo network: schools around the Baltic Sea, small companies, public bodies.

Their rows are in ``demo/data``: sectors.csv, organisations.csv (the schools and public bodies)
and companies.csv. Sectors are separated by spaces; an empty cell is a text not given.
"""

from django.utils.text import slugify

from demo.accounts import demo_user
from demo.fields import data_rows
from demo.outreach import seed_outreach, seed_surveys
from demo.people import HOME
from demo.pilots import seed_pilots
from demo.reviews import seed_reviews
from partners.models import Membership, Organisation, Sector
from partners.validators import y_tunnus_check_digit

R = Membership.Role

DEMO_MEMBERSHIPS = [
    ("coordinator@demo.test", HOME, R.COORDINATOR),
    ("teacher@demo.test", HOME, R.TEACHER),
    ("student@demo.test", HOME, R.STUDENT),
    ("advisor@demo.test", HOME, R.ADVISOR),
    ("company@demo.test", "rakennus-virtanen-oy", R.COMPANY_CONTACT),
    ("mentor@demo.test", "rakennus-virtanen-oy", R.MENTOR),
]

# The country and region of each town of the demo network.
TOWNS = {
    "Lappeenranta": ("FI", "Etelä-Karjala"),
    "Imatra": ("FI", "Etelä-Karjala"),
    "Kotka": ("FI", "Kymenlaakso"),
    "Mikkeli": ("FI", "Etelä-Savo"),
    "Savonlinna": ("FI", "Etelä-Savo"),
    "Oulu": ("FI", "Pohjois-Pohjanmaa"),
    "Helsinki": ("FI", "Uusimaa"),
    "Tallinn": ("EE", "Harjumaa"),
    "Tartu": ("EE", "Tartumaa"),
    "Narva": ("EE", "Ida-Virumaa"),
    "Vilnius": ("LT", "Vilniaus apskritis"),
    "Kaunas": ("LT", "Kauno apskritis"),
    "Klaipėda": ("LT", "Klaipėdos apskritis"),
    "Palanga": ("LT", "Klaipėdos apskritis"),
    "Выборг": ("RU", "Ленинградская область"),
    "Stockholm": ("SE", "Stockholms län"),
}
LOCAL_LANGUAGE = {"FI": "fi", "EE": "et", "LT": "lt", "RU": "ru", "SE": "sv"}
COMPANY_SLUGS = {"Выборгстрой": "vyborgstroj", "Кафе «Крепость»": "kafe-krepost"}


def seed(command):
    sectors = seed_sectors()
    organisations = seed_schools_and_public_bodies(sectors) + seed_companies(sectors)
    for email, slug, role in DEMO_MEMBERSHIPS:
        Membership.objects.get_or_create(
            user=demo_user(email), organisation=Organisation.objects.get(slug=slug), role=role
        )
    visits, surveys = seed_outreach(), seed_surveys()
    rounds, calls = seed_reviews(), seed_pilots()
    command.stdout.write(
        f"partners: {len(sectors)} sectors, {organisations} organisations, "
        f"{visits} company visits, {surveys} needs survey(s), {rounds} peer review round(s), "
        f"{calls} calls for pilots"
    )


def seed_sectors() -> dict[str, Sector]:
    sectors = {}
    for names in data_rows("sectors"):
        slug = names.pop("slug")
        sectors[slug], _created = Sector.objects.update_or_create(slug=slug, defaults=names)
    return sectors


def _place(municipality: str) -> dict[str, str]:
    country, region = TOWNS[municipality]
    return {"country": country, "region": region, "municipality": municipality}


def _upsert(slug: str, sector_slugs: str, sectors: dict[str, Sector], **fields) -> None:
    organisation, _created = Organisation.objects.update_or_create(slug=slug, defaults=fields)
    organisation.sectors.set([sectors[s] for s in sector_slugs.split()])


def seed_schools_and_public_bodies(sectors: dict[str, Sector]) -> int:
    rows = data_rows("organisations")
    for row in rows:
        place = _place(row["municipality"])
        texts = {k: v for k, v in row.items() if v and k.startswith(("name_", "description_"))}
        # Without a Finnish name of its own, the Finnish pages show the local one.
        texts.setdefault("name_fi", texts[f"name_{LOCAL_LANGUAGE[place['country']]}"])
        _upsert(row["slug"], row["sectors"], sectors, kind=row["kind"], **place, **texts)
    return len(rows)


def valid_fi_ids():
    n = 2_345_670
    while True:
        n += 1
        seven = str(n)
        if (check := y_tunnus_check_digit(seven)) is not None:
            yield f"{seven}-{check}"


def seed_companies(sectors: dict[str, Sector]) -> int:
    rows = data_rows("companies")
    fi_ids = valid_fi_ids()
    for index, row in enumerate(rows):
        place = _place(row["municipality"])
        business_id = {
            "FI": next(fi_ids),
            "EE": f"{10_000_000 + index * 7_919:08d}",
            "LT": f"{300_000_000 + index * 104_729:09d}",
        }.get(place["country"], "")
        _upsert(
            COMPANY_SLUGS.get(row["name"]) or slugify(row["name"]),
            row["sectors"],
            sectors,
            kind=Organisation.Kind.COMPANY,
            size_class=row["size"],
            business_id=business_id,
            name_fi=row["name"],
            **place,
            **{
                f"description_{LOCAL_LANGUAGE[place['country']]}": row["description_local"],
                "description_en": row["description_en"],
            },
        )
    return len(rows)
