"""Stage 1: the schools and companies, in the sectors of the scale data set."""

from partners.models import Organisation, Sector

from .base import CITIES, COUNTRIES, DOMAIN, SECTORS, TAG, Seeding, bulk
from .words import FIELDS, listed

SCHOOL_NAMES = {
    # kind: (Finnish, English)
    Organisation.Kind.HIGHER_EDUCATION: ("Ammattikorkeakoulu", "University of Applied Sciences"),
    Organisation.Kind.VOCATIONAL_SCHOOL: ("Ammattiopisto", "Vocational College"),
}


def seed(seeder: Seeding) -> None:
    rng = seeder.rng("organisations")
    for n, (fi, en) in enumerate(SECTORS):
        Sector.objects.get_or_create(
            slug=f"{TAG}{n}", defaults={"name": fi, "name_fi": fi, "name_en": en}
        )
    sectors = list(Sector.objects.filter(slug__startswith=TAG).order_by("pk"))
    kinds = Organisation.Kind
    sizes = list(Organisation.SizeClass)
    # Each organisation's first sector names it; the slug and the row's order pair them.
    first_sector: dict[str, int] = {}

    def organisation(n, kind, suffix=""):
        country = rng.choice(COUNTRIES)
        city = rng.choice(CITIES[country])
        main = rng.randrange(len(SECTORS))
        field = FIELDS[main]
        work = listed(rng.sample(field.tasks, 2))
        if kind == kinds.COMPANY:
            name_fi = name_en = f"{rng.choice(field.company)} {city} {n} {suffix}"
            about_fi = f"{SECTORS[main][0]}: {work}. Toimipaikka {city}."
            about_en = f"{SECTORS[main][1]} in {city}."
        else:
            label_fi, label_en = SCHOOL_NAMES[kind]
            name_fi, name_en = f"{label_fi} {city} {n}", f"{label_en} {city} {n}"
            about_fi = f"{label_fi} {city}: {SECTORS[main][0].lower()} ja muut alat, {work}."
            about_en = f"{label_en} in {city}."
        slug = f"{TAG}{'school' if kind != kinds.COMPANY else 'company'}-{n}"
        first_sector[slug] = main
        return Organisation(
            name=name_fi,
            name_fi=name_fi,
            name_en=name_en,
            description=about_fi,
            description_fi=about_fi,
            description_en=about_en,
            slug=slug,
            kind=kind,
            country=country,
            region=city,
            municipality=city,
            size_class=rng.choice(sizes) if kind == kinds.COMPANY else "",
            email=f"info@{kind[:4]}{n}.{DOMAIN}",
        )

    rows = [
        organisation(n, kinds.HIGHER_EDUCATION if n % 5 == 4 else kinds.VOCATIONAL_SCHOOL)
        for n in range(1, seeder.sizes["schools"] + 1)
    ]
    rows += [
        organisation(n, kinds.COMPANY, rng.choice(["Oy", "OÜ", "UAB", "AB", "GmbH"]))
        for n in range(1, seeder.sizes["companies"] + 1)
    ]
    bulk(Organisation, rows)
    through = Organisation.sectors.through
    organisations = Organisation.objects.filter(slug__startswith=TAG).order_by("pk")

    def sectors_of(slug):
        main = sectors[first_sector[slug]]
        others = [sector for sector in sectors if sector != main]
        return [main, *rng.sample(others, rng.randint(0, 2))]

    bulk(
        through,
        (
            through(organisation_id=pk, sector_id=sector.pk)
            for pk, slug in organisations.values_list("pk", "slug")
            for sector in sectors_of(slug)
        ),
    )
