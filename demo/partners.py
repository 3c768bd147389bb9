"""The demo network: schools around the Baltic Sea, small companies, public bodies."""

from demo.accounts import demo_user
from demo.companies import COMPANIES, LOCAL_LANGUAGE, TOWNS, company_slug, valid_fi_ids
from demo.organisations import ORGANISATIONS, SECTORS
from demo.outreach import seed_outreach, seed_surveys
from demo.pilots import seed_pilots
from demo.reviews import seed_reviews
from partners.models import Membership, Organisation, Sector

R = Membership.Role

DEMO_MEMBERSHIPS = [
    ("coordinator@demo.test", "jarvenrannan-ammattiopisto", R.COORDINATOR),
    ("teacher@demo.test", "jarvenrannan-ammattiopisto", R.TEACHER),
    ("student@demo.test", "jarvenrannan-ammattiopisto", R.STUDENT),
    ("advisor@demo.test", "jarvenrannan-ammattiopisto", R.ADVISOR),
    ("company@demo.test", "rakennus-virtanen-oy", R.COMPANY_CONTACT),
    ("mentor@demo.test", "rakennus-virtanen-oy", R.MENTOR),
]


def _upsert(slug, **fields):
    sectors = fields.pop("sectors")
    organisation, _created = Organisation.objects.update_or_create(slug=slug, defaults=fields)
    organisation.sectors.set(sectors)
    return organisation


def seed(command):
    sectors = seed_sectors()
    seed_schools_and_public_bodies(sectors)
    seed_companies(sectors)
    for email, slug, role in DEMO_MEMBERSHIPS:
        Membership.objects.get_or_create(
            user=demo_user(email), organisation=Organisation.objects.get(slug=slug), role=role
        )
    visits, surveys = seed_outreach(), seed_surveys()
    rounds, calls = seed_reviews(), seed_pilots()
    command.stdout.write(
        f"partners: {len(SECTORS)} sectors, "
        f"{len(ORGANISATIONS) + len(COMPANIES)} organisations, "
        f"{visits} company visits, {surveys} needs survey(s), {rounds} peer review round(s), "
        f"{calls} calls for pilots"
    )


def seed_sectors() -> dict[str, Sector]:
    sectors = {}
    for slug, names in SECTORS.items():
        sectors[slug], _created = Sector.objects.update_or_create(slug=slug, defaults=names)
    return sectors


def seed_schools_and_public_bodies(sectors: dict[str, Sector]) -> None:
    for row in ORGANISATIONS:
        country, region = TOWNS[row["municipality"]]
        texts = {k: v for k, v in row.items() if v and k.startswith(("name_", "description_"))}
        # Without a Finnish name of its own, the Finnish pages show the local one.
        texts.setdefault("name_fi", texts[f"name_{LOCAL_LANGUAGE[country]}"])
        _upsert(
            row["slug"],
            kind=row["kind"],
            country=country,
            region=region,
            municipality=row["municipality"],
            sectors=[sectors[s] for s in row["sectors"].split()],
            **texts,
        )


def seed_companies(sectors: dict[str, Sector]) -> None:
    fi_ids = valid_fi_ids()
    for index, row in enumerate(COMPANIES):
        country, region = TOWNS[row["municipality"]]
        business_id = {
            "FI": next(fi_ids),
            "EE": f"{10_000_000 + index * 7_919:08d}",
            "LT": f"{300_000_000 + index * 104_729:09d}",
        }.get(country, "")
        _upsert(
            company_slug(row["name"]),
            kind=Organisation.Kind.COMPANY,
            country=country,
            region=region,
            municipality=row["municipality"],
            size_class=row["size"],
            business_id=business_id,
            sectors=[sectors[s] for s in row["sectors"].split()],
            name_fi=row["name"],
            **{
                f"description_{LOCAL_LANGUAGE[country]}": row["description_local"],
                "description_en": row["description_en"],
            },
        )
