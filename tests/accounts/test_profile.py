import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from accounts.models import User
from core.models import AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROFILE_URL = "/en/accounts/profile/"


def _valid_data(**overrides):
    data = {
        "full_name": "Aino Virtanen",
        "language": "en",
        "gender": User.Gender.FEMALE,
        "birth_year": "1990",
        "labour_market_status": User.LabourMarketStatus.EMPLOYED,
    }
    data.update(overrides)
    return data


def _this_year():
    return timezone.localdate().year


def test_profile_redirects_anonymous_visitor_to_login(client):
    response = client.get(PROFILE_URL)

    assert response.status_code == 302
    with override("en"):
        login_url = reverse("account_login")
    assert response.url.startswith(login_url)
    assert "next=/en/accounts/profile/" in response.url


def test_profile_page_shows_the_form_to_a_logged_in_user(client):
    user = UserFactory(full_name="Aino Virtanen")
    client.force_login(user)

    response = client.get(PROFILE_URL)

    assert response.status_code == 200
    assert response.context["form"]["full_name"].value() == "Aino Virtanen"


def test_profile_saves_name_language_and_statistics(client):
    user = UserFactory(full_name="Old Name", language="fi")
    client.force_login(user)

    response = client.post(PROFILE_URL, _valid_data())

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.full_name == "Aino Virtanen"
    assert user.language == "en"
    assert user.gender == User.Gender.FEMALE
    assert user.birth_year == 1990
    assert user.labour_market_status == User.LabourMarketStatus.EMPLOYED


def test_profile_save_shows_a_success_message(client):
    client.force_login(UserFactory(language="en"))

    response = client.post(PROFILE_URL, _valid_data(), follow=True)

    assert "Your profile was saved." in response.content.decode()


def test_profile_update_writes_audit_entry_with_field_names_only(client):
    user = UserFactory(full_name="Old Name", language="fi")
    client.force_login(user)

    client.post(PROFILE_URL, _valid_data())

    entry = AuditEntry.objects.get(action="accounts.user.profile_updated")
    assert entry.actor == user
    assert sorted(entry.data) == ["fields"]
    assert sorted(entry.data["fields"]) == sorted(
        ["full_name", "language", "gender", "birth_year", "labour_market_status"]
    )
    written = repr(entry.data) + entry.target_repr
    for value in ("Aino Virtanen", "Old Name", "1990", "female", "employed"):
        assert value not in written


def test_profile_audit_entry_lists_only_the_changed_fields(client):
    user = UserFactory(full_name="Aino Virtanen", language="en")
    client.force_login(user)

    client.post(
        PROFILE_URL,
        _valid_data(gender="", birth_year="", labour_market_status="", full_name="Aino Korhonen"),
    )

    entry = AuditEntry.objects.get(action="accounts.user.profile_updated")
    assert entry.data == {"fields": ["full_name"]}


def test_profile_saved_without_changes_writes_no_audit_entry(client):
    user = UserFactory(full_name="Aino Virtanen", language="en")
    client.force_login(user)

    response = client.post(
        PROFILE_URL,
        _valid_data(gender="", birth_year="", labour_market_status=""),
    )

    assert response.status_code == 302
    assert not AuditEntry.objects.filter(action="accounts.user.profile_updated").exists()


@pytest.mark.parametrize(
    "birth_year",
    [
        pytest.param(lambda this_year: 1800, id="1800"),
        pytest.param(lambda this_year: this_year + 1, id="next-year"),
        pytest.param(lambda this_year: this_year - 9, id="nine-years-old"),
        pytest.param(lambda this_year: this_year - 111, id="111-years-old"),
    ],
)
def test_profile_rejects_birth_year_outside_the_allowed_range(client, birth_year):
    client.force_login(UserFactory())
    this_year = _this_year()

    response = client.post(PROFILE_URL, _valid_data(birth_year=str(birth_year(this_year))))

    assert response.status_code == 200
    expected = f"Enter a year between {this_year - 110} and {this_year - 10}."
    assert response.context["form"].errors["birth_year"] == [expected]
    assert expected in response.content.decode()


def test_profile_accepts_the_oldest_and_youngest_allowed_birth_years(client):
    user = UserFactory()
    client.force_login(user)
    this_year = _this_year()

    first = client.post(PROFILE_URL, _valid_data(birth_year=str(this_year - 110)))
    user.refresh_from_db()
    oldest = user.birth_year
    last = client.post(PROFILE_URL, _valid_data(birth_year=str(this_year - 10)))
    user.refresh_from_db()

    assert first.status_code == last.status_code == 302
    assert oldest == this_year - 110
    assert user.birth_year == this_year - 10


def test_profile_birth_year_error_is_in_the_language_of_the_page(client):
    client.force_login(UserFactory())
    this_year = _this_year()

    response = client.post("/fi/accounts/profile/", _valid_data(birth_year="1800"))

    with override("fi"):
        expected = gettext("Enter a year between %(first)s and %(last)s.") % {
            "first": this_year - 110,
            "last": this_year - 10,
        }
    assert response.context["form"].errors["birth_year"] == [expected]


def test_profile_error_keeps_what_the_user_typed_in_the_other_fields(client):
    client.force_login(UserFactory(full_name="Old Name", language="fi"))

    response = client.post(
        PROFILE_URL,
        _valid_data(full_name="Typed Name", language="et", birth_year="1800"),
    )

    form = response.context["form"]
    assert form["full_name"].value() == "Typed Name"
    assert form["language"].value() == "et"
    assert form["gender"].value() == User.Gender.FEMALE
    assert form["labour_market_status"].value() == User.LabourMarketStatus.EMPLOYED
    assert form["birth_year"].value() == "1800"
    assert 'value="Typed Name"' in response.content.decode()


def test_profile_error_saves_nothing(client):
    user = UserFactory(full_name="Old Name", language="fi")
    client.force_login(user)

    client.post(PROFILE_URL, _valid_data(full_name="Typed Name", birth_year="1800"))

    user.refresh_from_db()
    assert user.full_name == "Old Name"
    assert user.language == "fi"
    assert user.gender == ""
    assert user.birth_year is None
    assert user.labour_market_status == ""
    assert not AuditEntry.objects.filter(action="accounts.user.profile_updated").exists()


def test_profile_statistics_fields_are_optional(client):
    user = UserFactory(
        language="en",
        gender=User.Gender.MALE,
        birth_year=1980,
        labour_market_status=User.LabourMarketStatus.STUDENT,
    )
    client.force_login(user)

    response = client.post(
        PROFILE_URL,
        _valid_data(gender="", birth_year="", labour_market_status=""),
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.gender == ""
    assert user.birth_year is None
    assert user.labour_market_status == ""


def test_profile_requires_a_full_name(client):
    user = UserFactory(full_name="Aino Virtanen")
    client.force_login(user)

    response = client.post(PROFILE_URL, _valid_data(full_name="   "))

    assert response.status_code == 200
    assert "full_name" in response.context["form"].errors
    user.refresh_from_db()
    assert user.full_name == "Aino Virtanen"


def test_profile_redirect_follows_the_new_language(client):
    user = UserFactory(language="en")
    client.force_login(user)

    response = client.post(PROFILE_URL, _valid_data(language="et"))

    assert response.status_code == 302
    assert response.url == "/et/accounts/profile/"
    user.refresh_from_db()
    assert user.language == "et"


def test_profile_redirect_stays_in_the_language_when_it_is_unchanged(client):
    client.force_login(UserFactory(language="en"))

    response = client.post(PROFILE_URL, _valid_data(language="en"))

    assert response.url == "/en/accounts/profile/"


def test_profile_error_does_not_show_the_unsaved_name_in_the_header(client):
    client.force_login(UserFactory(full_name="Old Name"))

    response = client.post(PROFILE_URL, _valid_data(full_name="Typed Name", birth_year="1800"))

    assert "<summary>Old Name</summary>" in response.content.decode()
