"""The words the scale data set's texts are made of, per sector of ``base.SECTORS``: what a
search at the scale of the network has to find its way through.

Each sector has its trades (a vocation in Finnish as a noun and in the genitive, "the
welder's", as an offer's title uses it, and in English), the Finnish work they do, the
company names it suggests, and training subjects in Finnish, English, Swedish and
Estonian."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Trade:
    fi: str
    fi_of: str  # genitive: "hitsaajan työharjoittelu"
    en: str


@dataclass(frozen=True)
class Field:
    trades: tuple[Trade, ...]
    #: Finnish work of the trade, as an offer's tasks list it.
    tasks: tuple[str, ...]
    #: What a Finnish company of the sector calls itself ("Konepaja Tampere 12 Oy").
    company: tuple[str, ...]
    #: Training subjects, by language.
    subjects: dict[str, tuple[str, ...]]


def _trades(*rows: tuple[str, str, str]) -> tuple[Trade, ...]:
    return tuple(Trade(*row) for row in rows)


FIELDS = (
    Field(  # Rakentaminen
        _trades(
            ("kirvesmies", "kirvesmiehen", "carpenter"),
            ("muurari", "muurarin", "bricklayer"),
            ("maalari", "maalarin", "painter"),
            ("laatoittaja", "laatoittajan", "tiler"),
        ),
        ("muottityöt", "raudoitus", "muuraus", "laatoitus", "maalaus", "korjausrakentaminen"),
        ("Rakennus", "Remontti", "Talotekniikka"),
        {
            "fi": (
                "Korjausrakentamisen perusteet",
                "Betonityöt",
                "Puurakentaminen",
                "Kosteusvaurioiden korjaus",
                "Rakennustyömaan työturvallisuus",
            ),
            "en": ("Renovation basics", "Concrete work", "Timber construction"),
            "sv": ("Grunderna i renovering", "Betongarbete", "Träbyggande"),
            "et": ("Renoveerimise alused", "Betoonitööd", "Puitehitus"),
        },
    ),
    Field(  # Sosiaali- ja terveysala
        _trades(
            ("lähihoitaja", "lähihoitajan", "practical nurse"),
            ("sairaanhoitaja", "sairaanhoitajan", "nurse"),
            ("hoiva-avustaja", "hoiva-avustajan", "care assistant"),
            ("kotihoitaja", "kotihoitajan", "home care worker"),
        ),
        ("ikäihmisten hoito", "lääkehoito", "kotihoito", "kuntoutus", "asiakkaan ohjaus"),
        ("Hoivakoti", "Terveyspalvelu", "Kotihoito"),
        {
            "fi": (
                "Lääkehoidon perusteet",
                "Ikäihmisten kotihoito",
                "Ensiapu",
                "Muistisairaan kohtaaminen",
            ),
            "en": ("Medication basics", "First aid", "Home care for older people"),
            "sv": ("Första hjälpen", "Hemvård för äldre"),
            "et": ("Esmaabi", "Koduhooldus"),
        },
    ),
    Field(  # Logistiikka
        _trades(
            ("varastotyöntekijä", "varastotyöntekijän", "warehouse worker"),
            ("trukinkuljettaja", "trukinkuljettajan", "forklift driver"),
            ("kuljetussuunnittelija", "kuljetussuunnittelijan", "transport planner"),
        ),
        ("keräily", "trukin käyttö", "varastonhallinta", "lastaus", "kuljetusten suunnittelu"),
        ("Kuljetus", "Logistiikka", "Varastopalvelu"),
        {
            "fi": (
                "Trukkikortti",
                "Varastonhallinta",
                "Ammattipätevyyskoulutus",
                "Vaarallisten aineiden kuljetus",
            ),
            "en": ("Forklift licence", "Warehouse management"),
            "sv": ("Truckkort", "Lagerhantering"),
            "et": ("Tõstukijuhi koolitus", "Laohaldus"),
        },
    ),
    Field(  # Matkailu- ja ravitsemisala
        _trades(
            ("kokki", "kokin", "cook"),
            ("tarjoilija", "tarjoilijan", "waiter"),
            ("vastaanottovirkailija", "vastaanottovirkailijan", "receptionist"),
            ("leipuri", "leipurin", "baker"),
        ),
        ("ruoanvalmistus", "leivonta", "asiakaspalvelu", "tarjoilu", "hotellin vastaanotto"),
        ("Ravintola", "Hotelli", "Leipomo"),
        {
            "fi": (
                "Hygieniapassi",
                "Ruokalistan suunnittelu",
                "Asiakaspalvelu matkailussa",
                "Kasvisruoan valmistus",
            ),
            "en": ("Food hygiene", "Customer service in tourism"),
            "sv": ("Hygienpass", "Kundservice inom turism"),
            "et": ("Hügieenikoolitus", "Klienditeenindus turismis"),
        },
    ),
    Field(  # Tieto- ja viestintätekniikka
        _trades(
            ("ohjelmistokehittäjä", "ohjelmistokehittäjän", "software developer"),
            ("tukihenkilö", "tukihenkilön", "support technician"),
            ("verkkoasentaja", "verkkoasentajan", "network installer"),
        ),
        ("ohjelmointi", "testaus", "käyttäjätuki", "verkkojen asennus", "tietoturva"),
        ("Data", "Ohjelmisto", "Verkkopalvelu"),
        {
            "fi": (
                "Tietoturvan perusteet",
                "Ohjelmoinnin perusteet",
                "Pilvipalvelut",
                "Verkkokaupan kehittäminen",
            ),
            "en": ("Cyber security basics", "Programming basics", "Cloud services"),
            "sv": ("Informationssäkerhet", "Programmering för nybörjare"),
            "et": ("Küberturvalisus", "Programmeerimise alused"),
        },
    ),
    Field(  # Kone- ja tuotantotekniikka
        _trades(
            ("hitsaaja", "hitsaajan", "welder"),
            ("koneistaja", "koneistajan", "machinist"),
            ("levyseppä", "levysepän", "sheet metal worker"),
            ("koneasentaja", "koneasentajan", "machine fitter"),
        ),
        ("MIG-hitsaus", "TIG-hitsaus", "koneistus", "levytyöt", "kokoonpano", "kunnossapito"),
        ("Konepaja", "Hitsaus", "Metalli"),
        {
            "fi": (
                "Hitsauksen perusteet",
                "MIG/MAG-hitsaus",
                "CNC-koneistus",
                "Levytyöt",
                "Hitsaajan pätevyyskoe",
            ),
            "en": ("Welding basics", "CNC machining", "Sheet metal work"),
            "sv": ("Svetsning för nybörjare", "CNC-bearbetning"),
            "et": ("Keevitamise alused", "CNC-töötlus"),
        },
    ),
    Field(  # Sähkö- ja automaatiotekniikka
        _trades(
            ("sähköasentaja", "sähköasentajan", "electrician"),
            ("automaatioasentaja", "automaatioasentajan", "automation technician"),
        ),
        ("sähköasennukset", "automaation ohjelmointi", "huolto", "vianetsintä"),
        ("Sähkö", "Automaatio", "Sähköasennus"),
        {
            "fi": ("Sähköturvallisuus", "Automaation perusteet", "Aurinkosähköjärjestelmät"),
            "en": ("Electrical safety", "Automation basics", "Solar power systems"),
            "sv": ("Elsäkerhet", "Automation för nybörjare"),
            "et": ("Elektriohutus", "Automaatika alused"),
        },
    ),
    Field(  # Kauppa
        _trades(
            ("myyjä", "myyjän", "shop assistant"),
            ("kassatyöntekijä", "kassatyöntekijän", "cashier"),
            ("myymäläpäällikkö", "myymäläpäällikön", "store manager"),
        ),
        ("asiakaspalvelu", "myyntityö", "tuotteiden esillepano", "kassatyö", "verkkokauppa"),
        ("Kauppa", "Myymälä", "Tukku"),
        {
            "fi": ("Asiakaspalvelun perusteet", "Myyntityö", "Verkkokauppa"),
            "en": ("Sales work", "Customer service basics"),
            "sv": ("Försäljning",),
            "et": ("Müügitöö",),
        },
    ),
    Field(  # Maatalous
        _trades(
            ("maatalouslomittaja", "maatalouslomittajan", "farm relief worker"),
            ("karjanhoitaja", "karjanhoitajan", "livestock keeper"),
            ("puutarhuri", "puutarhurin", "gardener"),
        ),
        ("kotieläinten hoito", "lypsy", "peltotyöt", "kasvihuonetyöt"),
        ("Maatila", "Puutarha", "Tila"),
        {
            "fi": ("Kotieläinten hoito", "Luomutuotanto", "Maatalouskoneiden huolto"),
            "en": ("Animal husbandry", "Organic farming"),
            "sv": ("Djurskötsel", "Ekologisk odling"),
            "et": ("Loomakasvatus", "Mahepõllundus"),
        },
    ),
    Field(  # Metsäala
        _trades(
            ("metsuri", "metsurin", "forest worker"),
            ("metsäkoneenkuljettaja", "metsäkoneenkuljettajan", "forest machine operator"),
        ),
        ("puunkorjuu", "taimikonhoito", "metsäkoneen huolto", "moottorisahatyöt"),
        ("Metsäpalvelu", "Puunkorjuu", "Metsä"),
        {
            "fi": ("Moottorisahan käyttö", "Metsänhoito", "Metsäkoneen huolto"),
            "en": ("Chainsaw use", "Forest management"),
            "sv": ("Motorsågskörkort", "Skogsvård"),
            "et": ("Mootorsae kasutamine", "Metsamajandus"),
        },
    ),
    Field(  # Kiinteistöpalvelut
        _trades(
            ("kiinteistönhoitaja", "kiinteistönhoitajan", "caretaker"),
            ("siivooja", "siivoojan", "cleaner"),
            ("laitoshuoltaja", "laitoshuoltajan", "facility cleaner"),
        ),
        ("kiinteistön huolto", "siivous", "ulkoalueiden hoito", "lämmitysjärjestelmät"),
        ("Kiinteistöhuolto", "Siivouspalvelu", "Isännöinti"),
        {
            "fi": ("Puhdistuspalvelut", "Kiinteistön energiatehokkuus", "Tulityökortti"),
            "en": ("Cleaning services", "Building energy efficiency", "Hot work licence"),
            "sv": ("Städservice", "Heta arbeten"),
            "et": ("Puhastusteenused", "Hoone energiatõhusus"),
        },
    ),
    Field(  # Media-ala
        _trades(
            ("valokuvaaja", "valokuvaajan", "photographer"),
            ("graafinen suunnittelija", "graafisen suunnittelijan", "graphic designer"),
            ("mediatuottaja", "mediatuottajan", "media producer"),
        ),
        ("kuvaus", "videoeditointi", "taitto", "sosiaalisen median sisällöt"),
        ("Mediatalo", "Viestintä", "Studio"),
        {
            "fi": ("Videotuotanto", "Graafinen suunnittelu", "Sosiaalisen median markkinointi"),
            "en": ("Video production", "Graphic design", "Social media marketing"),
            "sv": ("Videoproduktion", "Grafisk design"),
            "et": ("Videotootmine", "Graafiline disain"),
        },
    ),
)


def field_of(sector) -> Field:
    """The words of a scale sector (its slug is the tag and its place in ``SECTORS``)."""
    return FIELDS[int(sector.slug.rsplit("-", 1)[-1]) % len(FIELDS)]


def listed(items: list[str]) -> str:
    """Finnish enumeration: "a, b ja c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " ja " + items[-1]
