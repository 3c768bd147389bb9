"""A shared passport's views are counted without writing a row per view."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.cache import redis
from tests.network_portal.test_cache import SHARED_DOWN
from worklife_passport.models import ShareLink
from worklife_passport.services import passport as passport_services
from worklife_passport.services.awards import award_revoke

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(world):
    award = world.award()
    link = ShareLink.objects.create(
        user=world.student, label="Employer", expires_at=timezone.now() + datetime.timedelta(days=7)
    )
    link.awards.set([award])
    return link


def views(link):
    link.refresh_from_db()
    return link.view_count


def view(client, link):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/en/passport/shared/{link.token}/").status_code == 200
    return [query["sql"] for query in queries]


@pytest.mark.redis
def test_a_view_writes_no_row_and_reaches_the_link_with_the_next_flush(client, link):
    for _ in range(3):
        sql = view(client, link)
        assert not any(statement.startswith("UPDATE") for statement in sql)
    assert views(link) == 0
    assert passport_services.share_views_flush() == 1
    assert views(link) == 3
    assert passport_services.share_views_flush() == 0  # nothing counted twice
    assert views(link) == 3


@pytest.mark.redis
def test_views_counted_while_a_flush_runs_reach_the_next_one(client, link, monkeypatch):
    view(client, link)
    real = ShareLink.objects.filter

    def viewed_meanwhile(*args, **kwargs):
        client.get(f"/en/passport/shared/{link.token}/")
        monkeypatch.setattr(ShareLink.objects, "filter", real)
        return real(*args, **kwargs)

    monkeypatch.setattr(ShareLink.objects, "filter", viewed_meanwhile)
    passport_services.share_views_flush()
    assert views(link) == 1
    passport_services.share_views_flush()
    assert views(link) == 2


@pytest.mark.redis
def test_a_flush_that_stopped_after_taking_the_views_is_finished_by_the_next(
    client, link, monkeypatch
):
    view(client, link)
    view(client, link)
    monkeypatch.setattr(
        passport_services.transaction, "atomic", lambda: (_ for _ in ()).throw(OSError("lost"))
    )
    with pytest.raises(OSError):
        passport_services.share_views_flush()
    monkeypatch.undo()
    view(client, link)  # counted afresh, for the flush after
    assert passport_services.share_views_flush() == 1
    assert views(link) == 2
    passport_services.share_views_flush()
    assert views(link) == 3


def test_without_redis_a_view_is_added_to_the_link_at_once(client, link, settings):
    settings.CACHES = {
        **settings.CACHES,
        "shared": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    assert redis() is None
    view(client, link)
    assert views(link) == 1
    assert passport_services.share_views_flush() == 0


def test_while_redis_cannot_be_reached_a_view_is_added_to_the_link(client, link, settings):
    settings.CACHES = {**settings.CACHES, "shared": SHARED_DOWN}
    view(client, link)
    assert views(link) == 1


def test_the_badges_shown_are_kept_and_drawn_again_when_one_changes(client, link, world):
    view(client, link)
    sql = view(client, link)
    assert not any("worklife_passport_award" in statement for statement in sql)
    award = link.awards.get()
    award_revoke(actor=world.coordinator, award=award, reason="Given in error")
    body = client.get(f"/en/passport/shared/{link.token}/").content.decode()
    assert "revoked" in body


def test_a_withdrawn_link_closes_at_once_though_its_badges_are_kept(client, link, world):
    view(client, link)
    ShareLink.objects.filter(pk=link.pk).update(revoked_at=timezone.now())
    assert client.get(f"/en/passport/shared/{link.token}/").status_code == 404
