"""The demo network: schools around the Baltic Sea, small companies, public bodies."""

from typing import Any

from django.db import transaction

from demo.accounts import demo_user
from demo.outreach import seed_outreach, seed_surveys
from demo.pilots import seed_pilots
from demo.reviews import seed_reviews
from partners.models import Membership, Organisation, Sector
from partners.validators import y_tunnus_check_digit

K = Organisation.Kind
S = Organisation.SizeClass
R = Membership.Role

SECTORS = {
    "construction": {
        "fi": "Rakentaminen",
        "sv": "Byggande",
        "en": "Construction",
        "et": "Ehitus",
        "lt": "Statyba",
        "ru": "Строительство",
    },
    "health-social-care": {
        "fi": "Sosiaali- ja terveysala",
        "sv": "Social- och hälsovård",
        "en": "Health and social care",
        "et": "Sotsiaal- ja tervishoid",
        "lt": "Sveikatos ir socialinė priežiūra",
        "ru": "Здравоохранение и социальная работа",
    },
    "technology": {
        "fi": "Teknologia",
        "sv": "Teknik",
        "en": "Technology",
        "et": "Tehnoloogia",
        "lt": "Technologijos",
        "ru": "Технологии",
    },
    "hospitality": {
        "fi": "Matkailu- ja ravitsemisala",
        "sv": "Turism och restaurang",
        "en": "Hospitality and tourism",
        "et": "Turism ja toitlustus",
        "lt": "Turizmas ir maitinimas",
        "ru": "Туризм и общественное питание",
    },
    "logistics": {
        "fi": "Logistiikka",
        "sv": "Logistik",
        "en": "Logistics",
        "et": "Logistika",
        "lt": "Logistika",
        "ru": "Логистика",
    },
    "business-trade": {
        "fi": "Liiketalous ja kauppa",
        "sv": "Företagsekonomi och handel",
        "en": "Business and trade",
        "et": "Ärindus ja kaubandus",
        "lt": "Verslas ir prekyba",
        "ru": "Бизнес и торговля",
    },
}


def _fi_id(seven: str) -> str:
    return f"{seven}-{y_tunnus_check_digit(seven)}"


def _valid_fi_ids():
    n = 2_345_670
    while True:
        n += 1
        seven = str(n)
        if y_tunnus_check_digit(seven) is not None:
            yield _fi_id(seven)


# slug, kind, country, region, municipality, sectors, names, descriptions
SCHOOLS = [
    (
        "jarvenrannan-ammattiopisto",
        K.VOCATIONAL_SCHOOL,
        "FI",
        "Etelä-Karjala",
        "Lappeenranta",
        ["construction", "technology", "logistics", "business-trade"],
        {"fi": "Järvenrannan ammattiopisto", "en": "Järvenranta Vocational College"},
        {
            "fi": "Monialainen ammattiopisto Saimaan rannalla. Noin 4 000 opiskelijaa, vahvat "
            "yhteydet alueen pk-yrityksiin ja kansainvälinen työssäoppimisvaihto Viroon ja "
            "Liettuaan.",
            "en": "A multi-sector vocational college on the shore of Lake Saimaa with about 4,000 "
            "students, close ties with local SMEs and work-placement exchanges with Estonia "
            "and Lithuania.",
        },
    ),
    (
        "linnan-koulutuskuntayhtyma",
        K.VOCATIONAL_SCHOOL,
        "FI",
        "Etelä-Savo",
        "Savonlinna",
        ["hospitality", "health-social-care"],
        {"fi": "Savonlinnan seudun koulutuskuntayhtymä Linna", "en": "Linna Education Consortium"},
        {
            "fi": "Matkailu-, ravitsemis- ja hyvinvointialan koulutusta Saimaan matkailualueella.",
            "en": "Training in hospitality, tourism and care in the Saimaa lake district.",
        },
    ),
    (
        "kymijoen-ammattiopisto",
        K.VOCATIONAL_SCHOOL,
        "FI",
        "Kymenlaakso",
        "Kotka",
        ["logistics", "technology"],
        {
            "fi": "Kymijoen ammattiopisto",
            "sv": "Kymmene älv yrkesinstitut",
            "en": "Kymijoki Vocational Institute",
        },
        {
            "fi": "Satama- ja logistiikka-alan osaamiskeskus Suomenlahden rannalla.",
            "en": "A centre of port and logistics skills on the Gulf of Finland.",
        },
    ),
    (
        "pohjantahti-opisto",
        K.VOCATIONAL_SCHOOL,
        "FI",
        "Pohjois-Pohjanmaa",
        "Oulu",
        ["technology", "business-trade"],
        {"fi": "Pohjantähti-opisto", "en": "Pohjantähti College"},
        {
            "fi": "Teknologia- ja liiketalousalan ammatillista koulutusta sekä oppisopimuksia.",
            "en": "Vocational training and apprenticeships in technology and business.",
        },
    ),
    (
        "ita-suomen-ammattikorkeakoulu",
        K.HIGHER_EDUCATION,
        "FI",
        "Etelä-Savo",
        "Mikkeli",
        ["business-trade", "health-social-care", "technology"],
        {
            "fi": "Itä-Suomen ammattikorkeakoulu",
            "sv": "Östra Finlands yrkeshögskola",
            "en": "East Finland University of Applied Sciences",
        },
        {
            "fi": "Ammattikorkeakoulu, joka hyväksilukee työelämäpassin osaamismerkkejä "
            "liiketalouden ja sosiaalialan opintoihin.",
            "en": "A university of applied sciences that recognises work-life passport badges "
            "towards business and social services studies.",
        },
    ),
    (
        "peipsiveere-kutsekool",
        K.VOCATIONAL_SCHOOL,
        "EE",
        "Tartumaa",
        "Tartu",
        ["construction", "hospitality"],
        {
            "fi": "Peipsiveere Kutsekool",
            "et": "Peipsiveere Kutsekool",
            "en": "Peipsiveere Vocational School",
        },
        {
            "et": "Kutsekool Tartus, ehituse ning turismi ja toitlustuse õppekavadega.",
            "en": "A vocational school in Tartu with construction, tourism and catering "
            "programmes.",
        },
    ),
    (
        "tallinna-sadama-kutsekool",
        K.VOCATIONAL_SCHOOL,
        "EE",
        "Harjumaa",
        "Tallinn",
        ["logistics", "technology"],
        {
            "fi": "Tallinna Sadama Kutsekool",
            "et": "Tallinna Sadama Kutsekool",
            "en": "Tallinn Harbour Vocational School",
        },
        {
            "et": "Logistika ja mereliste erialade kutseõpe Tallinna sadama lähedal.",
            "en": "Logistics and maritime vocational training next to the port of Tallinn.",
        },
    ),
    (
        "pohjaranniku-kutsehariduskeskus",
        K.VOCATIONAL_SCHOOL,
        "EE",
        "Ida-Virumaa",
        "Narva",
        ["technology", "construction"],
        {
            "fi": "Põhjaranniku Kutsehariduskeskus",
            "et": "Põhjaranniku Kutsehariduskeskus",
            "en": "North Coast Vocational Education Centre",
            "ru": "Северо-прибрежный центр профессионального образования",
        },
        {
            "et": "Kutseharidus eesti ja vene keeles, tööstus- ja ehituserialad.",
            "ru": "Профессиональное обучение на эстонском и русском языках: промышленность и "
            "строительство.",
            "en": "Vocational training in Estonian and Russian in industry and construction.",
        },
    ),
    (
        "nemuno-profesinio-mokymo-centras",
        K.VOCATIONAL_SCHOOL,
        "LT",
        "Kauno apskritis",
        "Kaunas",
        ["construction", "technology"],
        {
            "fi": "Nemuno profesinio mokymo centras",
            "lt": "Nemuno profesinio mokymo centras",
            "en": "Nemunas Vocational Training Centre",
        },
        {
            "lt": "Profesinio mokymo centras Kaune: statybos ir technologijų programos.",
            "en": "A vocational training centre in Kaunas with construction and technology "
            "programmes.",
        },
    ),
    (
        "baltijos-technologiju-mokykla",
        K.VOCATIONAL_SCHOOL,
        "LT",
        "Klaipėdos apskritis",
        "Klaipėda",
        ["logistics", "hospitality"],
        {
            "fi": "Baltijos technologijų profesinė mokykla",
            "lt": "Baltijos technologijų profesinė mokykla",
            "en": "Baltic Technology Vocational School",
        },
        {
            "lt": "Uosto logistikos ir svetingumo profesinis mokymas Klaipėdoje.",
            "en": "Port logistics and hospitality training in Klaipėda.",
        },
    ),
    (
        "vilniaus-neries-kolegija",
        K.HIGHER_EDUCATION,
        "LT",
        "Vilniaus apskritis",
        "Vilnius",
        ["business-trade", "health-social-care"],
        {
            "fi": "Vilniaus Neries kolegija",
            "lt": "Vilniaus Neries kolegija",
            "en": "Neris University of Applied Sciences, Vilnius",
        },
        {
            "lt": "Kolegija, teikianti verslo ir socialinių mokslų studijas.",
            "en": "A university of applied sciences offering business and social studies.",
        },
    ),
    (
        "vyborgskij-kolledzh-professij",
        K.VOCATIONAL_SCHOOL,
        "RU",
        "Ленинградская область",
        "Выборг",
        ["construction", "hospitality"],
        {
            "fi": "Выборгский колледж профессий",
            "ru": "Выборгский колледж профессий",
            "en": "Vyborg College of Trades",
        },
        {
            "ru": "Колледж в Выборге, партнёр сети с первых приграничных проектов.",
            "en": "A college in Vyborg, a partner of the network since its first cross-border "
            "projects.",
        },
    ),
]

# name, country, municipality, size, sectors, description (local language, English)
COMPANIES = [
    (
        "Rakennus Virtanen Oy",
        "FI",
        "Lappeenranta",
        S.SMALL,
        ["construction"],
        "Perheyritys, joka tekee korjausrakentamista ja omakotitaloja.",
        "A family business in renovation and detached houses.",
    ),
    (
        "Saimaan Sähkötyö Oy",
        "FI",
        "Lappeenranta",
        S.MICRO,
        ["construction", "technology"],
        "Sähköasennukset koteihin ja pienyrityksiin.",
        "Electrical installations.",
    ),
    (
        "Kotkan Konepaja Oy",
        "FI",
        "Kotka",
        S.MEDIUM,
        ["technology"],
        "Konepaja, joka valmistaa satamanosturien osia.",
        "Parts for harbour cranes.",
    ),
    (
        "Linnan Matkailu Oy",
        "FI",
        "Savonlinna",
        S.SMALL,
        ["hospitality"],
        "Järvimatkailua ja elämyspalveluja.",
        "Lake tourism and experiences.",
    ),
    (
        "Kahvila Kanelitanko",
        "FI",
        "Savonlinna",
        S.MICRO,
        ["hospitality"],
        "Pieni kahvila ja leipomo torin laidalla.",
        "A small café and bakery.",
    ),
    (
        "Hoivakoti Kielo Oy",
        "FI",
        "Mikkeli",
        S.SMALL,
        ["health-social-care"],
        "Ikäihmisten palvelukoti.",
        "A care home for older people.",
    ),
    (
        "Kymen Logistiikka Oy",
        "FI",
        "Kotka",
        S.MEDIUM,
        ["logistics"],
        "Huolinta ja varastointi Mussalon satamassa.",
        "Forwarding and warehousing.",
    ),
    (
        "Pohjoisen Koodi Oy",
        "FI",
        "Oulu",
        S.SMALL,
        ["technology", "business-trade"],
        "Ohjelmistotalo, joka tekee verkkopalveluja pk-yrityksille.",
        "Web services for SMEs.",
    ),
    (
        "Tilitoimisto Tase Oy",
        "FI",
        "Oulu",
        S.MICRO,
        ["business-trade"],
        "Kirjanpito- ja palkanlaskentapalvelut.",
        "Bookkeeping and payroll.",
    ),
    (
        "Mikkelin Kodinkone Oy",
        "FI",
        "Mikkeli",
        S.MICRO,
        ["business-trade", "technology"],
        "Kodinkoneiden myynti ja huolto.",
        "Sale and repair of home appliances.",
    ),
    (
        "Itä-Karjalan Puutyö Oy",
        "FI",
        "Imatra",
        S.SMALL,
        ["construction"],
        "Puusepänteollisuutta: ikkunat ja ovet.",
        "Joinery: windows and doors.",
    ),
    (
        "Ravintola Saimaan Helmi",
        "FI",
        "Lappeenranta",
        S.SMALL,
        ["hospitality"],
        "Lounas- ja juhlaravintola.",
        "A lunch and banquet restaurant.",
    ),
    (
        "Kuljetus Hakala Oy",
        "FI",
        "Lappeenranta",
        S.MICRO,
        ["logistics"],
        "Kuljetuksia Suomen ja Baltian välillä.",
        "Transport between Finland and the Baltics.",
    ),
    (
        "Hyvinvointipalvelu Aalto Oy",
        "FI",
        "Oulu",
        S.MICRO,
        ["health-social-care"],
        "Kotihoito ja henkilökohtainen apu.",
        "Home care and personal assistance.",
    ),
    (
        "Savon Verkkokauppa Oy",
        "FI",
        "Mikkeli",
        S.SMALL,
        ["business-trade"],
        "Verkkokauppa, joka myy retkeilyvarusteita.",
        "An online shop for outdoor gear.",
    ),
    (
        "Tartu Ehitus OÜ",
        "EE",
        "Tartu",
        S.SMALL,
        ["construction"],
        "Väike ehitusettevõte, mis teeb renoveerimistöid.",
        "Small renovation builder.",
    ),
    (
        "Emajõe Kohvik OÜ",
        "EE",
        "Tartu",
        S.MICRO,
        ["hospitality"],
        "Kohvik ja toitlustus vanalinnas.",
        "A café and catering in the old town.",
    ),
    (
        "Sadama Logistika AS",
        "EE",
        "Tallinn",
        S.MEDIUM,
        ["logistics"],
        "Laondus ja ekspedeerimine Muuga sadamas.",
        "Warehousing and forwarding.",
    ),
    (
        "Koodikoda OÜ",
        "EE",
        "Tallinn",
        S.SMALL,
        ["technology"],
        "Tarkvaraarendus ja IT-tugi väikeettevõtetele.",
        "Software and IT support.",
    ),
    (
        "Narva Metall OÜ",
        "EE",
        "Narva",
        S.SMALL,
        ["technology"],
        "Metallitöötlus ja keevitus.",
        "Metalwork and welding.",
    ),
    (
        "Hoolduskodu Päikeseratas OÜ",
        "EE",
        "Tartu",
        S.SMALL,
        ["health-social-care"],
        "Eakate hooldekodu.",
        "A care home for older people.",
    ),
    (
        "Kauno Statyba UAB",
        "LT",
        "Kaunas",
        S.SMALL,
        ["construction"],
        "Gyvenamųjų namų statyba ir renovacija.",
        "Housing construction and renovation.",
    ),
    (
        "Nemuno Elektronika UAB",
        "LT",
        "Kaunas",
        S.MICRO,
        ["technology"],
        "Elektronikos remontas ir surinkimas.",
        "Electronics repair and assembly.",
    ),
    (
        "Klaipėdos Uosto Krova UAB",
        "LT",
        "Klaipėda",
        S.MEDIUM,
        ["logistics"],
        "Krovinių tvarkymas Klaipėdos uoste.",
        "Cargo handling in the port of Klaipėda.",
    ),
    (
        "Pajūrio Svečių Namai UAB",
        "LT",
        "Palanga",
        S.MICRO,
        ["hospitality"],
        "Svečių namai ir kavinė prie jūros.",
        "A guest house and café by the sea.",
    ),
    (
        "Vilniaus Apskaita UAB",
        "LT",
        "Vilnius",
        S.MICRO,
        ["business-trade"],
        "Buhalterinės apskaitos paslaugos.",
        "Accounting services.",
    ),
    (
        "Senjorų Namai UAB",
        "LT",
        "Vilnius",
        S.SMALL,
        ["health-social-care"],
        "Senjorų globos namai.",
        "A home for senior citizens.",
    ),
    (
        "Выборгстрой",
        "RU",
        "Выборг",
        S.SMALL,
        ["construction"],
        "Небольшая строительная компания: ремонт и отделка.",
        "Renovation and finishing.",
    ),
    (
        "Кафе «Крепость»",
        "RU",
        "Выборг",
        S.MICRO,
        ["hospitality"],
        "Кафе в историческом центре города.",
        "A café in the historic centre.",
    ),
    (
        "Nordic Freight Sweden AB",
        "SE",
        "Stockholm",
        S.LARGE,
        ["logistics"],
        "Logistikföretag med linjer till Finland och Baltikum.",
        "Logistics company with routes to Finland and the Baltics.",
    ),
]

PUBLIC_BODIES: list[tuple[Any, ...]] = [
    (
        "saimaan-te-toimisto",
        K.PUBLIC_BODY,
        "FI",
        "Etelä-Karjala",
        "Lappeenranta",
        [],
        {
            "fi": "Saimaan TE-toimisto",
            "sv": "Saimens arbets- och näringsbyrå",
            "en": "Saimaa Employment Office",
        },
        {
            "fi": "Työ- ja elinkeinopalvelut työnhakijoille ja yrityksille.",
            "en": "Employment and business services for jobseekers and companies.",
        },
    ),
    (
        "ita-suomen-ely-keskus",
        K.PUBLIC_BODY,
        "FI",
        "Etelä-Savo",
        "Mikkeli",
        [],
        {
            "fi": "Itä-Suomen ELY-keskus",
            "sv": "NTM-centralen i Östra Finland",
            "en": "East Finland Centre for Economic Development",
        },
        {
            "fi": "Verkoston rahoittaja, jolle raportoidaan hankkeen indikaattorit.",
            "en": "The network's regional funding authority, which receives its indicator reports.",
        },
    ),
    (
        "tartu-arenduskeskus",
        K.PUBLIC_BODY,
        "EE",
        "Tartumaa",
        "Tartu",
        [],
        {
            "fi": "Tartumaa Arenduskeskus",
            "et": "Tartumaa Arenduskeskus",
            "en": "Tartu County Development Centre",
        },
        {
            "et": "Maakondlik arenduskeskus, mis nõustab ettevõtjaid.",
            "en": "The county development centre advising entrepreneurs.",
        },
    ),
    (
        "kauno-uzimtumo-tarnyba",
        K.PUBLIC_BODY,
        "LT",
        "Kauno apskritis",
        "Kaunas",
        [],
        {
            "fi": "Kauno užimtumo tarnyba",
            "lt": "Kauno užimtumo tarnyba",
            "en": "Kaunas Employment Service",
        },
        {"lt": "Užimtumo tarnybos skyrius Kaune.", "en": "The employment service in Kaunas."},
    ),
    (
        "itameren-ammattikoulutusverkosto-ry",
        K.ASSOCIATION,
        "FI",
        "Uusimaa",
        "Helsinki",
        [],
        {
            "fi": "Itämeren ammattikoulutusverkosto ry",
            "sv": "Östersjöns yrkesutbildningsnätverk rf",
            "en": "Baltic Sea VET Network Association",
            "et": "Läänemere kutsehariduse võrgustik",
            "lt": "Baltijos jūros profesinio mokymo tinklas",
            "ru": "Балтийская сеть профобразования",
        },
        {
            "fi": "Verkoston yhdistys, joka koordinoi yhteisiä hankkeita.",
            "en": "The network's association, which coordinates joint projects.",
        },
    ),
]

DEMO_MEMBERSHIPS = [
    ("coordinator@demo.test", "jarvenrannan-ammattiopisto", R.COORDINATOR),
    ("teacher@demo.test", "jarvenrannan-ammattiopisto", R.TEACHER),
    ("student@demo.test", "jarvenrannan-ammattiopisto", R.STUDENT),
    ("advisor@demo.test", "jarvenrannan-ammattiopisto", R.ADVISOR),
    ("company@demo.test", "rakennus-virtanen-oy", R.COMPANY_CONTACT),
    ("mentor@demo.test", "rakennus-virtanen-oy", R.MENTOR),
]


REGION_OF_TOWN = {
    "Lappeenranta": "Etelä-Karjala",
    "Imatra": "Etelä-Karjala",
    "Kotka": "Kymenlaakso",
    "Mikkeli": "Etelä-Savo",
    "Savonlinna": "Etelä-Savo",
    "Oulu": "Pohjois-Pohjanmaa",
    "Tallinn": "Harjumaa",
    "Tartu": "Tartumaa",
    "Narva": "Ida-Virumaa",
    "Vilnius": "Vilniaus apskritis",
    "Kaunas": "Kauno apskritis",
    "Klaipėda": "Klaipėdos apskritis",
    "Palanga": "Klaipėdos apskritis",
    "Выборг": "Ленинградская область",
    "Stockholm": "Stockholms län",
}


def _fields(prefix: str, values: dict) -> dict:
    return {f"{prefix}_{code}": text for code, text in values.items()}


def _upsert(slug, **fields):
    sectors = fields.pop("sectors")
    organisation, _created = Organisation.objects.update_or_create(slug=slug, defaults=fields)
    organisation.sectors.set(sectors)
    return organisation


_COMPANY_SLUGS = {"Выборгстрой": "vyborgstroj", "Кафе «Крепость»": "kafe-krepost"}


def company_slug(name: str) -> str:
    from django.utils.text import slugify

    return _COMPANY_SLUGS.get(name) or slugify(name)


@transaction.atomic
def seed(command):
    sectors = {}
    for slug, names in SECTORS.items():
        sectors[slug], _created = Sector.objects.update_or_create(
            slug=slug, defaults=_fields("name", names)
        )
    for slug, kind, country, region, municipality, sector_slugs, names, texts in (
        SCHOOLS + PUBLIC_BODIES
    ):
        _upsert(
            slug,
            kind=kind,
            country=country,
            region=region,
            municipality=municipality,
            sectors=[sectors[s] for s in sector_slugs],
            **_fields("name", names),
            **_fields("description", texts),
        )
    fi_ids = _valid_fi_ids()
    local_language = {"FI": "fi", "EE": "et", "LT": "lt", "RU": "ru", "SE": "sv"}
    for index, (name, country, town, size, sector_slugs, local, english) in enumerate(COMPANIES):
        business_id = {
            "FI": next(fi_ids),
            "EE": f"{10_000_000 + index * 7_919:08d}",
            "LT": f"{300_000_000 + index * 104_729:09d}",
        }.get(country, "")
        _upsert(
            company_slug(name),
            kind=K.COMPANY,
            country=country,
            region=REGION_OF_TOWN.get(town, ""),
            municipality=town,
            size_class=size,
            business_id=business_id,
            sectors=[sectors[s] for s in sector_slugs],
            name_fi=name,
            **{f"description_{local_language[country]}": local, "description_en": english},
        )
    for email, slug, role in DEMO_MEMBERSHIPS:
        Membership.objects.get_or_create(
            user=demo_user(email), organisation=Organisation.objects.get(slug=slug), role=role
        )
    visits, surveys = seed_outreach(), seed_surveys()
    rounds, calls = seed_reviews(), seed_pilots()
    command.stdout.write(
        f"partners: {len(SECTORS)} sectors, "
        f"{len(SCHOOLS) + len(COMPANIES) + len(PUBLIC_BODIES)} organisations, "
        f"{visits} company visits, {surveys} needs survey(s), {rounds} peer review round(s), "
        f"{calls} calls for pilots"
    )
