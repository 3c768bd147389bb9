"""The demo network's sectors, schools and public bodies: the rows ``demo.partners`` loads."""

from typing import Any

from partners.models import Organisation

K = Organisation.Kind

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


# slug, kind, municipality, sectors, names (Finnish if not the local name), descriptions
SCHOOLS = [
    (
        "jarvenrannan-ammattiopisto",
        K.VOCATIONAL_SCHOOL,
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
        "Tartu",
        ["construction", "hospitality"],
        {"et": "Peipsiveere Kutsekool", "en": "Peipsiveere Vocational School"},
        {
            "et": "Kutsekool Tartus, ehituse ning turismi ja toitlustuse õppekavadega.",
            "en": "A vocational school in Tartu with construction, tourism and catering "
            "programmes.",
        },
    ),
    (
        "tallinna-sadama-kutsekool",
        K.VOCATIONAL_SCHOOL,
        "Tallinn",
        ["logistics", "technology"],
        {"et": "Tallinna Sadama Kutsekool", "en": "Tallinn Harbour Vocational School"},
        {
            "et": "Logistika ja mereliste erialade kutseõpe Tallinna sadama lähedal.",
            "en": "Logistics and maritime vocational training next to the port of Tallinn.",
        },
    ),
    (
        "pohjaranniku-kutsehariduskeskus",
        K.VOCATIONAL_SCHOOL,
        "Narva",
        ["technology", "construction"],
        {
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
        "Kaunas",
        ["construction", "technology"],
        {"lt": "Nemuno profesinio mokymo centras", "en": "Nemunas Vocational Training Centre"},
        {
            "lt": "Profesinio mokymo centras Kaune: statybos ir technologijų programos.",
            "en": "A vocational training centre in Kaunas with construction and technology "
            "programmes.",
        },
    ),
    (
        "baltijos-technologiju-mokykla",
        K.VOCATIONAL_SCHOOL,
        "Klaipėda",
        ["logistics", "hospitality"],
        {
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
        "Vilnius",
        ["business-trade", "health-social-care"],
        {"lt": "Vilniaus Neries kolegija", "en": "Neris University of Applied Sciences, Vilnius"},
        {
            "lt": "Kolegija, teikianti verslo ir socialinių mokslų studijas.",
            "en": "A university of applied sciences offering business and social studies.",
        },
    ),
    (
        "vyborgskij-kolledzh-professij",
        K.VOCATIONAL_SCHOOL,
        "Выборг",
        ["construction", "hospitality"],
        {"ru": "Выборгский колледж профессий", "en": "Vyborg College of Trades"},
        {
            "ru": "Колледж в Выборге, партнёр сети с первых приграничных проектов.",
            "en": "A college in Vyborg, a partner of the network since its first cross-border "
            "projects.",
        },
    ),
]

PUBLIC_BODIES: list[tuple[Any, ...]] = [
    (
        "saimaan-te-toimisto",
        K.PUBLIC_BODY,
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
        "Tartu",
        [],
        {"et": "Tartumaa Arenduskeskus", "en": "Tartu County Development Centre"},
        {
            "et": "Maakondlik arenduskeskus, mis nõustab ettevõtjaid.",
            "en": "The county development centre advising entrepreneurs.",
        },
    ),
    (
        "kauno-uzimtumo-tarnyba",
        K.PUBLIC_BODY,
        "Kaunas",
        [],
        {"lt": "Kauno užimtumo tarnyba", "en": "Kaunas Employment Service"},
        {"lt": "Užimtumo tarnybos skyrius Kaune.", "en": "The employment service in Kaunas."},
    ),
    (
        "itameren-ammattikoulutusverkosto-ry",
        K.ASSOCIATION,
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
