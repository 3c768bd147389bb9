"""Stage 1: the schools and companies, in the sectors of the scale data set."""

from partners.models import Organisation, Sector

from .base import CITIES, COUNTRIES, DOMAIN, SECTORS, TAG, Seeding, bulk


def seed(seeder: Seeding) -> None:
    rng = seeder.rng("organisations")
    for n, (fi, en) in enumerate(SECTORS):
        Sector.objects.get_or_create(
            slug=f"{TAG}{n}", defaults={"name": fi, "name_fi": fi, "name_en": en}
        )
    sectors = list(Sector.objects.filter(slug__startswith=TAG).order_by("pk"))
    kinds = Organisation.Kind
    sizes = list(Organisation.SizeClass)

    def organisation(n, kind, label):
        country = rng.choice(COUNTRIES)
        city = rng.choice(CITIES[country])
        name = f"{label} {city} {n}"
        return Organisation(
            name=name,
            name_fi=name,
            name_en=name,
            description=f"{label} in {city}.",
            slug=f"{TAG}{'school' if kind != kinds.COMPANY else 'company'}-{n}",
            kind=kind,
            country=country,
            region=city,
            municipality=city,
            size_class=rng.choice(sizes) if kind == kinds.COMPANY else "",
            email=f"info@{kind[:4]}{n}.{DOMAIN}",
        )

    schools = seeder.sizes["schools"]
    rows = [
        organisation(
            n,
            kinds.HIGHER_EDUCATION if n % 5 == 4 else kinds.VOCATIONAL_SCHOOL,
            "University of Applied Sciences" if n % 5 == 4 else "Vocational College",
        )
        for n in range(1, schools + 1)
    ]
    rows += [
        organisation(n, kinds.COMPANY, rng.choice(["Oy", "OÜ", "UAB", "AB", "GmbH"]))
        for n in range(1, seeder.sizes["companies"] + 1)
    ]
    bulk(Organisation, rows)
    through = Organisation.sectors.through
    organisations = Organisation.objects.filter(slug__startswith=TAG).values_list("pk", flat=True)
    bulk(
        through,
        (
            through(organisation_id=pk, sector_id=sector.pk)
            for pk in organisations.order_by("pk")
            for sector in rng.sample(sectors, rng.randint(1, 3))
        ),
    )
