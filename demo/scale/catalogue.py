"""Stage 10: the network's training catalogue and shared library, written mostly in
Finnish, some in English, Swedish or Estonian, each text in its language's column."""

from catalogue.models import Material, Need, Service, Topic
from partners.models import Membership, Sector

from .base import TAG, Seeding, bulk
from .words import field_of, listed

#: (Finnish, English) names of the work-life needs services answer and the library's topics.
NEEDS = [
    ("Osaavan työvoiman saatavuus", "Finding skilled staff"),
    ("Työturvallisuus", "Safety at work"),
    ("Digitalisaatio", "Digitalisation"),
    ("Vihreä siirtymä", "Green transition"),
    ("Kansainvälistyminen", "Going international"),
    ("Johtaminen ja esihenkilötyö", "Leadership"),
    ("Perehdytys", "Induction of new staff"),
    ("Tuottavuus", "Productivity"),
]
TOPICS = [
    ("Työpaikkaohjaajan koulutus", "Training workplace instructors"),
    ("Ohjaus ja arviointi", "Guidance and assessment"),
    ("Kansainvälinen liikkuvuus", "International mobility"),
    ("Työturvallisuus", "Safety at work"),
    ("Digitaidot", "Digital skills"),
    ("Oppisopimus", "Apprenticeships"),
]
#: The language each text is written in, as often as the network writes in it.
WRITTEN_IN = ["fi"] * 14 + ["en"] * 3 + ["sv", "et"]
SERVICE_TITLES = {
    "fi": ["{}", "{} – jatkokurssi", "{} verkossa", "{} yrityksille", "{}, {city}"],
    "en": ["{}", "{} – advanced", "{} online", "{} for companies"],
    "sv": ["{}", "{} – fortsättningskurs", "{} på distans"],
    "et": ["{}", "{} – jätkukursus", "{} veebis"],
}
SERVICE_TEXTS = {
    "fi": (
        "{subject}. Koulutus on tarkoitettu alan työntekijöille ja opiskelijoille, muun "
        "muassa ammattinimikkeille {trades}. Sisältö: {tasks}. Järjestäjä {provider}."
    ),
    "en": (
        "{subject}. For people working as a {trade} or learning the trade: practical "
        "exercises in small groups, with a certificate at the end."
    ),
    "sv": "{subject}. Utbildningen passar alla som arbetar inom branschen: praktiska övningar.",
    "et": "{subject}. Koolitus sobib valdkonna töötajatele ja õppijatele: praktilised harjutused.",
}
MATERIAL_KINDS = {
    "fi": ["opas", "tehtäväpaketti", "diaesitys", "video", "tarkistuslista"],
    "en": ["guide", "exercises", "slides", "video", "checklist"],
    "sv": ["guide", "övningar", "bildspel"],
    "et": ["juhend", "harjutused", "slaidid"],
}
MATERIAL_TEXTS = {
    "fi": "Materiaali aiheesta {subject}: {tasks}. Käytettävissä verkoston oppilaitoksissa.",
    "en": "Material on {subject}, free to use in the network's schools and companies.",
    "sv": "Material om {subject} för nätverkets skolor och företag.",
    "et": "Õppematerjal teemal {subject} võrgustiku koolidele ja ettevõtetele.",
}
PRICES = ["", "Maksuton", "Maksuton", "120 € / hlö", "250 € / hlö", "Tarjouksen mukaan"]


def seed(seeder: Seeding) -> None:
    rng = seeder.rng("catalogue")
    needs = _taxonomy(Need, "need", NEEDS)
    topics = _taxonomy(Topic, "topic", TOPICS)
    sectors = list(Sector.objects.filter(slug__startswith=TAG).order_by("pk"))
    schools, companies = seeder.schools(), seeder.companies()
    staff = dict(
        Membership.objects.filter(
            organisation__in=schools, role=Membership.Role.TEACHER
        ).values_list("organisation_id", "user_id")
    )
    services, chosen = [], []
    for n in range(1, seeder.sizes["services"] + 1):
        provider = companies[n % len(companies)] if n % 5 == 0 else schools[n % len(schools)]
        services.append(service(rng, n, provider, rng.choice(sectors), staff.get(provider.pk)))
        chosen.append(rng.sample(needs, rng.randint(1, 3)))
    bulk(Service, services)
    _link(Service.needs.through, "service", "need", _made(Service, "provider"), chosen)
    materials, chosen = [], []
    for n in range(1, seeder.sizes["materials"] + 1):
        owner = companies[n % len(companies)] if n % 4 == 0 else schools[n % len(schools)]
        materials.append(material(rng, n, owner, rng.choice(sectors)))
        chosen.append(rng.sample(topics, rng.randint(1, 2)))
    bulk(Material, materials)
    _link(Material.topics.through, "material", "topic", _made(Material, "organisation"), chosen)


def service(rng, n: int, provider, sector, advisor_id) -> Service:
    words = field_of(sector)
    language = rng.choice(WRITTEN_IN)
    subject = rng.choice(words.subjects[language])
    city = provider.municipality
    title = rng.choice(SERVICE_TITLES[language]).format(subject, city=city)
    trades = rng.sample(words.trades, min(2, len(words.trades)))
    text = SERVICE_TEXTS[language].format(
        subject=subject,
        trades=listed([trade.fi for trade in trades]),
        trade=trades[0].en,
        tasks=listed(rng.sample(words.tasks, 2)),
        provider=provider.name,
    )
    texts = {f"title_{language}": title, f"description_{language}": text}
    if language == "fi" and rng.random() < 0.4:  # some Finnish services are in English too
        subject_en = rng.choice(words.subjects["en"])
        texts["title_en"] = subject_en
        texts["description_en"] = SERVICE_TEXTS["en"].format(subject=subject_en, trade=trades[0].en)
    online = rng.random() < 0.3
    # Only the language columns: ``title`` would be written in the active language's.
    return Service(
        **texts,
        provider=provider,
        form=rng.choice(Service.Form.values),
        sector=sector,
        language=language,
        place="" if online and rng.random() < 0.5 else city,
        online=online,
        price=rng.choice(PRICES),
        advisor_id=advisor_id,
        is_active=rng.random() < 0.9,
    )


def material(rng, n: int, owner, sector) -> Material:
    words = field_of(sector)
    language = rng.choice(WRITTEN_IN)
    subject = rng.choice(words.subjects[language])
    title = f"{subject}: {rng.choice(MATERIAL_KINDS[language])}"
    text = MATERIAL_TEXTS[language].format(
        subject=subject.lower(), tasks=listed(rng.sample(words.tasks, 2))
    )
    return Material(
        **{f"title_{language}": title, f"description_{language}": text},
        url=f"https://materials.{owner.slug}.example/{n}",
        language=language,
        sector=sector,
        licence=rng.choice(Material.Licence.values),
        organisation=owner,
        is_public=rng.random() < 0.8,
    )


def _taxonomy(model, kind: str, names: list[tuple[str, str]]) -> list:
    for n, (fi, en) in enumerate(names):
        model.objects.get_or_create(
            slug=f"{TAG}{kind}-{n}", defaults={"name": fi, "name_fi": fi, "name_en": en}
        )
    return list(model.objects.filter(slug__startswith=f"{TAG}{kind}-").order_by("pk"))


def _made(model, owner: str) -> list[int]:
    """The ids of the rows the stage made, in the order it made them."""
    tagged = model.objects.filter(**{f"{owner}__slug__startswith": TAG})
    return list(tagged.order_by("pk").values_list("pk", flat=True))


def _link(through, left: str, right: str, ids: list[int], chosen: list[list]) -> None:
    bulk(
        through,
        (
            through(**{f"{left}_id": pk, f"{right}_id": item.pk})
            for pk, items in zip(ids, chosen, strict=True)
            for item in items
        ),
    )
