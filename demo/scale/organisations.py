"""Stage 1: the schools and companies, in the sectors of the scale data set."""

from partners.models import Organisation, Sector

from .base import CITIES, COUNTRIES, DOMAIN, SECTORS, TAG, Seeding, bulk
from .words import FIELDS, listed

K = Organisation.Kind
SCHOOL_NAMES = {
    # kind: (Finnish, English)
    K.HIGHER_EDUCATION: ("Ammattikorkeakoulu", "University of Applied Sciences"),
    K.VOCATIONAL_SCHOOL: ("Ammattiopisto", "Vocational College"),
}


def seed(seeder: Seeding) -> None:
    rng = seeder.rng("organisations")
    for n, (fi, en) in enumerate(SECTORS):
        Sector.objects.get_or_create(
            slug=f"{TAG}{n}", defaults={"name": fi, "name_fi": fi, "name_en": en}
        )
    sectors = list(Sector.objects.filter(slug__startswith=TAG).order_by("pk"))
    made = [
        organisation(rng, n, K.HIGHER_EDUCATION if n % 5 == 4 else K.VOCATIONAL_SCHOOL)
        for n in range(1, seeder.sizes["schools"] + 1)
    ]
    made += [
        organisation(rng, n, K.COMPANY, rng.choice(["Oy", "OÜ", "UAB", "AB", "GmbH"]))
        for n in range(1, seeder.sizes["companies"] + 1)
    ]
    bulk(Organisation, (row for row, _main in made))
    # Each organisation's first sector is the one that names it.
    first_sector = {row.slug: main for row, main in made}
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


def organisation(
    rng, n: int, kind: Organisation.Kind, suffix: str = ""
) -> tuple[Organisation, int]:
    """A school or company named after its main sector and its town, described in
    Finnish and in English; and the place of that sector in ``SECTORS``."""
    country = rng.choice(COUNTRIES)
    city = rng.choice(CITIES[country])
    main = rng.randrange(len(SECTORS))
    field = FIELDS[main]
    work = listed(rng.sample(field.tasks, 2))
    if kind == K.COMPANY:
        name_fi = name_en = f"{rng.choice(field.company)} {city} {n} {suffix}"
        about_fi = f"{SECTORS[main][0]}: {work}. Toimipaikka {city}."
        about_en = f"{SECTORS[main][1]} in {city}."
    else:
        label_fi, label_en = SCHOOL_NAMES[kind]
        name_fi, name_en = f"{label_fi} {city} {n}", f"{label_en} {city} {n}"
        about_fi = f"{label_fi} {city}: {SECTORS[main][0].lower()} ja muut alat, {work}."
        about_en = f"{label_en} in {city}."
    return Organisation(
        name=name_fi,
        name_fi=name_fi,
        name_en=name_en,
        description=about_fi,
        description_fi=about_fi,
        description_en=about_en,
        slug=f"{TAG}{'company' if kind == K.COMPANY else 'school'}-{n}",
        kind=kind,
        country=country,
        region=city,
        municipality=city,
        size_class=rng.choice(list(Organisation.SizeClass)) if kind == K.COMPANY else "",
        email=f"info@{kind[:4]}{n}.{DOMAIN}",
    ), main
