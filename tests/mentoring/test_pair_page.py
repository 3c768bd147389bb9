"""The pair page offers exactly the moves the workflow (``PAIRS``) lets the viewer make."""

import re

import pytest
from django.utils import timezone

from mentoring.models import Pair
from mentoring.services import PAIRS

P = Pair.Status
pytestmark = pytest.mark.django_db


def offered(client, user, pair) -> list[str]:
    client.force_login(user)
    html = client.get(f"/en/mentoring/pairs/{pair.pk}/").content.decode()
    return re.findall(
        rf'action="/en/mentoring/pairs/{pair.pk}/(accept|decline|start|complete|end)/"', html
    )


@pytest.mark.parametrize(
    ("status", "who", "moves"),
    [
        # An invitation: the mentor has accepted, so only the mentee still can.
        (P.PROPOSED, "mentor", ["decline"]),
        (P.PROPOSED, "mentee", ["accept", "decline"]),
        (P.PROPOSED, "coordinator", []),
        (P.ACCEPTED, "mentee", ["start", "end"]),
        (P.ACCEPTED, "coordinator", ["start", "end"]),
        (P.ACTIVE, "mentor", ["complete", "end"]),
        (P.ACTIVE, "staff", ["complete", "end"]),
        (P.COMPLETED, "mentor", []),
        (P.ENDED, "coordinator", []),
    ],
)
def test_the_page_offers_the_moves_the_workflow_allows_the_viewer(
    client, world, status, who, moves
):
    pair = Pair.objects.create(
        programme=world.programme,
        mentor=world.mentor,
        mentee=world.mentee,
        status=status,
        origin=Pair.Origin.INVITATION,
        mentor_accepted_at=timezone.now(),
    )
    user = world.person(who)
    allowed = [move.action for move in PAIRS.available(pair, PAIRS.parties(user, pair))]
    assert allowed == moves
    assert offered(client, user, pair) == moves


def test_a_proposal_the_viewer_has_accepted_says_it_waits_for_the_other(client, world):
    pair = Pair.objects.create(
        programme=world.programme,
        mentor=world.mentor,
        mentee=world.mentee,
        origin=Pair.Origin.REQUEST,
        mentee_accepted_at=timezone.now(),
    )
    client.force_login(world.mentee_user)
    assert (
        "Waiting for the other to accept." in client.get(pair.get_absolute_url()).content.decode()
    )
    client.force_login(world.mentor_user)
    assert (
        "Waiting for the other to accept."
        not in client.get(pair.get_absolute_url()).content.decode()
    )
