"""What every stage of the scale data set shares: its sizes, tags, names and helpers."""

import itertools
import random

from django.conf import settings
from django.utils import timezone

from accounts.models import User
from partners.models import Membership, Organisation

DOMAIN = "scale.test"
TAG = "scale-"
BATCH = 5000

#: Sizes of the default data set.
DEFAULTS = {
    "schools": 150,
    "companies": 3000,
    "students": 60000,
    "staff": 3000,
    "offers": 20000,
    "applications": 150000,
    "badges": 300,
    "awards": 500000,
    "claims": 20000,
    "pairs": 20000,
    "events": 2000,
    "registrations": 100000,
    "notifications": 1000000,
    "services": 3000,
    "materials": 3000,
    "audit": 1000000,
}

#: A scaled-down data set keeps at least this many, so its people still have some variety.
SMALLEST = {"schools": 3, "badges": 20, "companies": 10}

COUNTRIES = ["FI", "FI", "FI", "EE", "EE", "LT", "LT", "SE", "LV", "DE"]
LANGUAGES = [code for code, _name in settings.LANGUAGES]
CITIES = {
    "FI": ["Helsinki", "Tampere", "Turku", "Oulu", "Jyväskylä", "Kuopio", "Lahti"],
    "EE": ["Tallinn", "Tartu", "Pärnu", "Narva"],
    "LT": ["Vilnius", "Kaunas", "Klaipėda", "Šiauliai"],
    "SE": ["Stockholm", "Göteborg", "Uppsala"],
    "LV": ["Riga", "Daugavpils"],
    "DE": ["Berlin", "Hamburg", "Leipzig"],
}
SECTORS = [
    ("Rakentaminen", "Construction"),
    ("Sosiaali- ja terveysala", "Health and social care"),
    ("Logistiikka", "Logistics"),
    ("Matkailu- ja ravitsemisala", "Tourism and catering"),
    ("Tieto- ja viestintätekniikka", "ICT"),
    ("Kone- ja tuotantotekniikka", "Mechanical engineering"),
    ("Sähkö- ja automaatiotekniikka", "Electrical and automation"),
    ("Kauppa", "Retail"),
    ("Maatalous", "Agriculture"),
    ("Metsäala", "Forestry"),
    ("Kiinteistöpalvelut", "Property services"),
    ("Media-ala", "Media"),
]
FIRST = ["Aino", "Eero", "Liisa", "Mikko", "Kadri", "Rasmus", "Ieva", "Jonas", "Anna", "Olga"]
LAST = ["Virtanen", "Korhonen", "Tamm", "Saar", "Kazlauskas", "Petrauskas", "Nieminen", "Ivanova"]


class ScaleError(Exception):
    pass


class Seeding:
    """One run's seed, sizes and clock, and what its stages look up."""

    def __init__(self, *, seed: int, sizes: dict, out=None):
        self.seed = seed
        self.sizes = {**DEFAULTS, **{k: v for k, v in sizes.items() if v is not None}}
        self.out = out or (lambda message: None)
        self.now = timezone.now().replace(microsecond=0)
        self.today = timezone.localdate()

    def rng(self, stage: str) -> random.Random:
        return random.Random(f"{self.seed}:{stage}")

    def schools(self):
        return list(
            Organisation.objects.filter(
                slug__startswith=f"{TAG}school-", kind__in=Organisation.SCHOOL_KINDS
            ).order_by("pk")
        )

    def companies(self):
        return list(Organisation.objects.filter(slug__startswith=f"{TAG}company-").order_by("pk"))

    def students(self):
        return list(
            Membership.objects.filter(
                user__email__endswith="@" + DOMAIN,
                role__in=[Membership.Role.STUDENT, Membership.Role.GRADUATE],
            )
            .order_by("user_id")
            .values_list("user_id", "organisation_id", "user__email", "user__full_name")
        )


def email(prefix: str, n: int) -> str:
    return f"{prefix}{n}@{DOMAIN}"


def tagged_people(prefix: str):
    return User.objects.filter(email__startswith=prefix, email__endswith="@" + DOMAIN)


def tagged_ids(prefix: str) -> list[int]:
    return list(tagged_people(prefix).order_by("pk").values_list("pk", flat=True))


def bulk(model, rows, batch=BATCH):
    """Insert ``rows`` (an iterable of unsaved instances) in batches; return how many."""
    rows, total = iter(rows), 0
    while chunk := list(itertools.islice(rows, batch)):
        model.objects.bulk_create(chunk, batch_size=batch)
        total += len(chunk)
    return total
