"""The demo network's small companies around the Baltic Sea, with valid business ids."""

from django.utils.text import slugify

from partners.models import Organisation
from partners.validators import y_tunnus_check_digit

S = Organisation.SizeClass


def valid_fi_ids():
    n = 2_345_670
    while True:
        n += 1
        seven = str(n)
        if (check := y_tunnus_check_digit(seven)) is not None:
            yield f"{seven}-{check}"


# name, municipality, size, sectors, description (local language, English)
COMPANIES = [
    (
        "Rakennus Virtanen Oy",
        "Lappeenranta",
        S.SMALL,
        ["construction"],
        "Perheyritys, joka tekee korjausrakentamista ja omakotitaloja.",
        "A family business in renovation and detached houses.",
    ),
    (
        "Saimaan Sähkötyö Oy",
        "Lappeenranta",
        S.MICRO,
        ["construction", "technology"],
        "Sähköasennukset koteihin ja pienyrityksiin.",
        "Electrical installations.",
    ),
    (
        "Kotkan Konepaja Oy",
        "Kotka",
        S.MEDIUM,
        ["technology"],
        "Konepaja, joka valmistaa satamanosturien osia.",
        "Parts for harbour cranes.",
    ),
    (
        "Linnan Matkailu Oy",
        "Savonlinna",
        S.SMALL,
        ["hospitality"],
        "Järvimatkailua ja elämyspalveluja.",
        "Lake tourism and experiences.",
    ),
    (
        "Kahvila Kanelitanko",
        "Savonlinna",
        S.MICRO,
        ["hospitality"],
        "Pieni kahvila ja leipomo torin laidalla.",
        "A small café and bakery.",
    ),
    (
        "Hoivakoti Kielo Oy",
        "Mikkeli",
        S.SMALL,
        ["health-social-care"],
        "Ikäihmisten palvelukoti.",
        "A care home for older people.",
    ),
    (
        "Kymen Logistiikka Oy",
        "Kotka",
        S.MEDIUM,
        ["logistics"],
        "Huolinta ja varastointi Mussalon satamassa.",
        "Forwarding and warehousing.",
    ),
    (
        "Pohjoisen Koodi Oy",
        "Oulu",
        S.SMALL,
        ["technology", "business-trade"],
        "Ohjelmistotalo, joka tekee verkkopalveluja pk-yrityksille.",
        "Web services for SMEs.",
    ),
    (
        "Tilitoimisto Tase Oy",
        "Oulu",
        S.MICRO,
        ["business-trade"],
        "Kirjanpito- ja palkanlaskentapalvelut.",
        "Bookkeeping and payroll.",
    ),
    (
        "Mikkelin Kodinkone Oy",
        "Mikkeli",
        S.MICRO,
        ["business-trade", "technology"],
        "Kodinkoneiden myynti ja huolto.",
        "Sale and repair of home appliances.",
    ),
    (
        "Itä-Karjalan Puutyö Oy",
        "Imatra",
        S.SMALL,
        ["construction"],
        "Puusepänteollisuutta: ikkunat ja ovet.",
        "Joinery: windows and doors.",
    ),
    (
        "Ravintola Saimaan Helmi",
        "Lappeenranta",
        S.SMALL,
        ["hospitality"],
        "Lounas- ja juhlaravintola.",
        "A lunch and banquet restaurant.",
    ),
    (
        "Kuljetus Hakala Oy",
        "Lappeenranta",
        S.MICRO,
        ["logistics"],
        "Kuljetuksia Suomen ja Baltian välillä.",
        "Transport between Finland and the Baltics.",
    ),
    (
        "Hyvinvointipalvelu Aalto Oy",
        "Oulu",
        S.MICRO,
        ["health-social-care"],
        "Kotihoito ja henkilökohtainen apu.",
        "Home care and personal assistance.",
    ),
    (
        "Savon Verkkokauppa Oy",
        "Mikkeli",
        S.SMALL,
        ["business-trade"],
        "Verkkokauppa, joka myy retkeilyvarusteita.",
        "An online shop for outdoor gear.",
    ),
    (
        "Tartu Ehitus OÜ",
        "Tartu",
        S.SMALL,
        ["construction"],
        "Väike ehitusettevõte, mis teeb renoveerimistöid.",
        "Small renovation builder.",
    ),
    (
        "Emajõe Kohvik OÜ",
        "Tartu",
        S.MICRO,
        ["hospitality"],
        "Kohvik ja toitlustus vanalinnas.",
        "A café and catering in the old town.",
    ),
    (
        "Sadama Logistika AS",
        "Tallinn",
        S.MEDIUM,
        ["logistics"],
        "Laondus ja ekspedeerimine Muuga sadamas.",
        "Warehousing and forwarding.",
    ),
    (
        "Koodikoda OÜ",
        "Tallinn",
        S.SMALL,
        ["technology"],
        "Tarkvaraarendus ja IT-tugi väikeettevõtetele.",
        "Software and IT support.",
    ),
    (
        "Narva Metall OÜ",
        "Narva",
        S.SMALL,
        ["technology"],
        "Metallitöötlus ja keevitus.",
        "Metalwork and welding.",
    ),
    (
        "Hoolduskodu Päikeseratas OÜ",
        "Tartu",
        S.SMALL,
        ["health-social-care"],
        "Eakate hooldekodu.",
        "A care home for older people.",
    ),
    (
        "Kauno Statyba UAB",
        "Kaunas",
        S.SMALL,
        ["construction"],
        "Gyvenamųjų namų statyba ir renovacija.",
        "Housing construction and renovation.",
    ),
    (
        "Nemuno Elektronika UAB",
        "Kaunas",
        S.MICRO,
        ["technology"],
        "Elektronikos remontas ir surinkimas.",
        "Electronics repair and assembly.",
    ),
    (
        "Klaipėdos Uosto Krova UAB",
        "Klaipėda",
        S.MEDIUM,
        ["logistics"],
        "Krovinių tvarkymas Klaipėdos uoste.",
        "Cargo handling in the port of Klaipėda.",
    ),
    (
        "Pajūrio Svečių Namai UAB",
        "Palanga",
        S.MICRO,
        ["hospitality"],
        "Svečių namai ir kavinė prie jūros.",
        "A guest house and café by the sea.",
    ),
    (
        "Vilniaus Apskaita UAB",
        "Vilnius",
        S.MICRO,
        ["business-trade"],
        "Buhalterinės apskaitos paslaugos.",
        "Accounting services.",
    ),
    (
        "Senjorų Namai UAB",
        "Vilnius",
        S.SMALL,
        ["health-social-care"],
        "Senjorų globos namai.",
        "A home for senior citizens.",
    ),
    (
        "Выборгстрой",
        "Выборг",
        S.SMALL,
        ["construction"],
        "Небольшая строительная компания: ремонт и отделка.",
        "Renovation and finishing.",
    ),
    (
        "Кафе «Крепость»",
        "Выборг",
        S.MICRO,
        ["hospitality"],
        "Кафе в историческом центре города.",
        "A café in the historic centre.",
    ),
    (
        "Nordic Freight Sweden AB",
        "Stockholm",
        S.LARGE,
        ["logistics"],
        "Logistikföretag med linjer till Finland och Baltikum.",
        "Logistics company with routes to Finland and the Baltics.",
    ),
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


_COMPANY_SLUGS = {"Выборгстрой": "vyborgstroj", "Кафе «Крепость»": "kafe-krepost"}


def company_slug(name: str) -> str:
    return _COMPANY_SLUGS.get(name) or slugify(name)
