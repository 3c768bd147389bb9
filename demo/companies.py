"""The demo network's small companies around the Baltic Sea, with valid business ids."""

from django.utils.text import slugify

from demo.fields import data_rows
from partners.validators import y_tunnus_check_digit


def valid_fi_ids():
    n = 2_345_670
    while True:
        n += 1
        seven = str(n)
        if (check := y_tunnus_check_digit(seven)) is not None:
            yield f"{seven}-{check}"


# name, municipality, size, sectors (separated by spaces), description (local language, English)
COMPANIES = data_rows("companies")

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
