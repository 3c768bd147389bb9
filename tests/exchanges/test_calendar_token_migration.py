"""Existing calendar subscriptions keep working once only hashes of the tokens are kept."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import UserFactory

BEFORE = [
    ("exchanges", "0005_workflow_constraints_and_mobility_reasons"),
    ("events", "0003_material_unguessable_names"),
]
AFTER = [
    ("exchanges", "0006_calendar_feed_token_hash"),
    ("events", "0004_calendar_feed_token_hash"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_feeds_made_before_hashing_answer_at_their_old_addresses(client):
    user = UserFactory(language="en")
    old = migrate(BEFORE)
    old.get_model("exchanges", "CalendarFeed").objects.create(user_id=user.pk, token="ex-old")
    old.get_model("events", "CalendarFeed").objects.create(user_id=user.pk, token="ev-old")

    new = migrate(AFTER)

    stored = new.get_model("exchanges", "CalendarFeed").objects.get(user_id=user.pk)
    assert stored.token_hash != "ex-old" and len(stored.token_hash) == 64
    assert client.get("/feeds/exchanges/ex-old.ics").status_code == 200
    assert client.get("/feeds/events/ev-old.ics").status_code == 200
    assert client.get("/feeds/events/ex-old.ics").status_code == 404
