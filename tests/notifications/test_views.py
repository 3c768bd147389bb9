import pytest

from notifications import services
from notifications.models import Notification, Preference
from tests.factories import UserFactory
from tests.notifications.conftest import accepted_context

pytestmark = pytest.mark.django_db
KIND = "partners.invitation_accepted"


def give_notices(user, count, slug="org-x"):
    for n in range(count):
        services.notify(
            kind=KIND, key=f"{user.pk}:{n}", recipient=user, context=accepted_context(slug)
        )


@pytest.fixture
def user(client):
    user = UserFactory(language="en")
    client.force_login(user)
    return user


def test_inbox_lists_the_persons_own_notices_only(client, user):
    give_notices(user, 2)
    give_notices(UserFactory(), 1)
    response = client.get("/en/notifications/")
    assert response.status_code == 200
    assert len(response.context["items"]) == 2
    assert "Sanni Opiskelija accepted your invitation" in response.content.decode()


def test_bell_shows_the_unread_count_on_every_page(client, user):
    give_notices(user, 3)
    body = client.get("/en/partners/").content.decode()
    assert '<span class="bell-count" aria-hidden="true">3<' in body


def test_opening_a_notice_marks_it_read_and_follows_its_link(client, user):
    give_notices(user, 1, slug="jarvenranta")
    notice = Notification.objects.get(recipient=user, channel="in_app")
    response = client.post(f"/en/notifications/{notice.pk}/open/")
    assert response.status_code == 302
    assert response["Location"] == "/en/partners/jarvenranta/members/"
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_someone_elses_notice_is_not_found(client, user):
    other = UserFactory()
    give_notices(other, 1)
    notice = Notification.objects.get(recipient=other, channel="in_app")
    assert client.post(f"/en/notifications/{notice.pk}/open/").status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_mark_all_read(client, user):
    give_notices(user, 3)
    client.post("/en/notifications/read-all/")
    assert not Notification.objects.filter(
        recipient=user, channel="in_app", read_at__isnull=True
    ).exists()
    assert 'class="bell-count"' not in client.get("/en/").content.decode()


def test_inbox_needs_login(client):
    response = client.get("/en/notifications/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("count", [5, 50])
def test_inbox_query_count_does_not_grow(client, user, count, django_assert_num_queries):
    give_notices(user, count)
    client.get("/en/notifications/")
    # session, user, count, page rows, the viewer's roles (unread count: cache)
    with django_assert_num_queries(5):
        client.get("/en/notifications/")


def test_preferences_are_saved(client, user):
    response = client.post("/en/notifications/settings/", {KIND: "digest"})
    assert response.status_code == 302
    assert Preference.objects.get(user=user, kind=KIND).delivery == "digest"


def test_preferences_reject_an_unknown_choice(client, user):
    response = client.post("/en/notifications/settings/", {KIND: "carrier-pigeon"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Preference.objects.exists()


def test_preferences_do_not_offer_kinds_that_cannot_wait(client, user):
    body = client.get("/en/notifications/settings/").content.decode()
    assert 'name="partners.invitation"' not in body
    assert f'name="{KIND}"' in body
