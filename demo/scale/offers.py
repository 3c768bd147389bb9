"""Stage 4: the companies' placement offers; most are from past years, a quarter open now."""

import datetime

from exchanges.models import MobilityForm, PlacementOffer
from partners.models import Membership, Sector

from .base import LANGUAGES, TAG, Seeding, bulk
from .words import field_of, listed

S = PlacementOffer.Status


def seed(seeder: Seeding) -> None:
    rng = seeder.rng("offers")
    companies = seeder.companies()
    contact_of = dict(
        Membership.objects.filter(organisation__in=companies).values_list(
            "organisation_id", "user_id"
        )
    )
    sectors = list(Sector.objects.filter(slug__startswith=TAG))
    forms = [f for f, _label in MobilityForm.choices]
    statuses = [S.PUBLISHED] * 5 + [S.CLOSED] * 6 + [S.FILLED] * 4 + [S.ARCHIVED] * 3
    statuses += [S.DRAFT, S.REVIEW]
    rows = []
    for n in range(1, seeder.sizes["offers"] + 1):
        host = companies[n % len(companies)]
        offer = placement_offer(
            seeder, rng, n, host, sectors=sectors, forms=forms, statuses=statuses
        )
        offer.posted_by_id = contact_of.get(host.pk)
        rows.append(offer)
    bulk(PlacementOffer, rows)


def placement_offer(seeder: Seeding, rng, n: int, host, *, sectors, forms, statuses):
    status = rng.choice(statuses)
    if status in (S.PUBLISHED, S.DRAFT, S.REVIEW):
        deadline = seeder.today + datetime.timedelta(days=rng.randint(7, 120))
    else:
        deadline = seeder.today - datetime.timedelta(days=rng.randint(1, 3 * 365))
    start = deadline + datetime.timedelta(days=rng.randint(14, 60))
    seats = rng.randint(1, 6)
    published = (
        seeder.now - datetime.timedelta(days=rng.randint(1, 60))
        if status in (S.PUBLISHED, S.CLOSED, S.FILLED, S.ARCHIVED)
        else None
    )
    sector = rng.choice(sectors)
    words = field_of(sector)
    trade = rng.choice(words.trades)
    tasks = listed(rng.sample(words.tasks, 2))
    return PlacementOffer(
        host=host,
        # A Finnish title, as the network's offers mostly have, and the sector in English.
        title=f"{trade.fi_of.capitalize()} työharjoittelu – {sector.name_en} placement {n}",
        description=(
            f"Työtehtävät: {tasks}. Pääset mukaan tiimiin ja opit alan työtavat käytännössä. "
            f"Work alongside our team as a {trade.en} and learn the trade in practice."
        ),
        sector=sector,
        form=rng.choice(forms),
        city=host.municipality,
        country=host.country,
        start_date=start,
        end_date=start + datetime.timedelta(weeks=rng.randint(2, 12)),
        seats=seats,
        languages=rng.sample(LANGUAGES, rng.randint(1, 2)),
        deadline=deadline,
        status=status,
        published_at=published,
    )
