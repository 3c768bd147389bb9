import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib.auth import get_user_model

from accounts import personal_data
from partners.audit import log_action
from partners.models import Membership
from partners.services import invitation_create
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory, member

pytestmark = pytest.mark.django_db

EXPORT_URL = "/en/accounts/profile/my-data.json"


@pytest.fixture
def person():
    user = UserFactory(
        email="aino@example.org",
        full_name="Aino Virtanen",
        language="en",
        gender="female",
        birth_year=1990,
    )
    EmailAddress.objects.create(user=user, email="aino.work@example.org", verified=False)
    school = OrganisationFactory(name_fi="Saimaan ammattiopisto")
    company = OrganisationFactory(company=True, name_fi="Rakennus Oy")
    MembershipFactory(user=user, organisation=school, role=Membership.Role.TEACHER)
    MembershipFactory(user=user, organisation=company, role=Membership.Role.MENTOR)
    log_action(actor=user, action="partners.organisation.updated", target=school)
    return user


@pytest.fixture
def someone_else():
    other = UserFactory(email="outsider@example.org", full_name="Otto Outsider")
    EmailAddress.objects.create(user=other, email="otto.second@example.org", verified=True)
    elsewhere = OrganisationFactory(name_fi="Toinen opisto")
    MembershipFactory(user=other, organisation=elsewhere, role=Membership.Role.STUDENT)
    log_action(actor=other, action="partners.invitation.revoked", target=elsewhere)
    return other


def _export(client, user):
    client.force_login(user)
    response = client.get(EXPORT_URL)
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_download_my_data_requires_login(client):
    response = client.get(EXPORT_URL)

    assert response.status_code == 302
    assert "/en/accounts/login/" in response.url


def test_download_my_data_is_a_json_attachment(client, person):
    response, _data = _export(client, person)

    assert response["Content-Type"] == "application/json; charset=utf-8"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="my-data-')
    assert disposition.endswith('.json"')


def test_download_my_data_contains_the_profile(client, person):
    _response, data = _export(client, person)

    profile = data["profile"]
    assert profile["email"] == "aino@example.org"
    assert profile["full_name"] == "Aino Virtanen"
    assert profile["language"] == "en"
    assert profile["gender"] == "female"
    assert profile["birth_year"] == 1990


def test_download_my_data_contains_all_email_addresses(client, person):
    _response, data = _export(client, person)

    addresses = {row["email"]: row for row in data["email_addresses"]}
    assert set(addresses) == {"aino@example.org", "aino.work@example.org"}
    assert addresses["aino@example.org"]["verified"] is True
    assert addresses["aino@example.org"]["primary"] is True
    assert addresses["aino.work@example.org"]["verified"] is False


def test_download_my_data_contains_memberships_with_organisation_and_role(client, person):
    _response, data = _export(client, person)

    memberships = {(row["organisation__name"], row["role"]) for row in data["memberships"]}
    assert memberships == {
        ("Saimaan ammattiopisto", Membership.Role.TEACHER),
        ("Rakennus Oy", Membership.Role.MENTOR),
    }


def test_download_my_data_contains_the_persons_audit_actions(client, person):
    _response, data = _export(client, person)

    actions = [row["action"] for row in data["actions"]]
    assert actions == ["partners.organisation.updated"]
    assert data["actions"][0]["target_repr"] == "Saimaan ammattiopisto"


def test_download_my_data_contains_invitations_the_person_sent(client):
    school = OrganisationFactory(name_fi="Saimaan ammattiopisto")
    coordinator = member(school, Membership.Role.COORDINATOR)
    invitation_create(
        actor=coordinator,
        organisation=school,
        email="new.teacher@example.org",
        role=Membership.Role.TEACHER,
    )

    _response, data = _export(client, coordinator)

    assert [(row["organisation__name"], row["role"]) for row in data["invitations_sent"]] == [
        ("Saimaan ammattiopisto", Membership.Role.TEACHER)
    ]


def test_download_my_data_lists_the_authenticator_but_not_its_secret(client):
    school = OrganisationFactory()
    coordinator = member(school, Membership.Role.COORDINATOR)
    secret = Authenticator.objects.get(user=coordinator, type=Authenticator.Type.TOTP).data[
        "secret"
    ]

    response, data = _export(client, coordinator)

    assert [row["type"] for row in data["two_factor_authentication"]] == ["totp"]
    assert secret not in response.content.decode()


def test_download_my_data_contains_nothing_of_another_user(client, person, someone_else):
    response, data = _export(client, person)

    body = response.content.decode()
    for foreign in (
        "outsider@example.org",
        "otto.second@example.org",
        "Otto Outsider",
        "Toinen opisto",
        "partners.invitation.revoked",
    ):
        assert foreign not in body
    assert len(data["email_addresses"]) == 2
    assert len(data["memberships"]) == 2
    assert len(data["actions"]) == 1


def _foreign_keys_to_the_user():
    user_model = get_user_model()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                field.concrete
                and (field.many_to_one or field.one_to_one)
                and field.related_model is user_model
            ):
                yield model._meta.label, field.name


def test_registry_finds_the_known_foreign_keys_to_the_user():
    found = set(_foreign_keys_to_the_user())

    assert {
        ("partners.Membership", "user"),
        ("partners.Invitation", "invited_by"),
        ("partners.Invitation", "accepted_by"),
        ("partners.AuditEntry", "actor"),
        ("account.EmailAddress", "user"),
    } <= found


def test_every_foreign_key_to_the_user_is_exported_or_excluded():
    uncovered = [
        f"{label}.{name}"
        for label, name in _foreign_keys_to_the_user()
        if not personal_data.is_covered(label, name)
    ]

    assert not uncovered, (
        "Foreign keys to the user that are neither exported nor excluded in "
        f"accounts.personal_data: {', '.join(uncovered)}"
    )


@pytest.mark.parametrize("reason", ["", "   "])
def test_exclude_without_a_reason_raises_value_error(reason):
    with pytest.raises(ValueError, match="reason"):
        personal_data.exclude("tests.Nothing", user_field="owner", reason=reason)

    assert not personal_data.is_covered("tests.Nothing", "owner")
