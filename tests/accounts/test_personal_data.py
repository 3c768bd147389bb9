import datetime
import io
import json
import zipfile

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from modeltranslation.fields import TranslationField

from accounts import personal_data
from core.audit import log_action
from partners.models import Membership
from partners.services import invitation_create
from tests.factories import (
    ApplicationFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    member,
)

pytestmark = pytest.mark.django_db

EXPORT_URL = "/en/accounts/profile/my-data.zip"


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
    log_action(
        actor=user, action="partners.organisation.updated", target=school, organisation=school
    )
    return user


@pytest.fixture
def someone_else():
    other = UserFactory(email="outsider@example.org", full_name="Otto Outsider")
    EmailAddress.objects.create(user=other, email="otto.second@example.org", verified=True)
    elsewhere = OrganisationFactory(name_fi="Toinen opisto")
    MembershipFactory(user=other, organisation=elsewhere, role=Membership.Role.STUDENT)
    log_action(
        actor=other, action="partners.invitation.revoked", target=elsewhere, organisation=None
    )
    return other


def _export(client, user):
    """The response, the JSON documents by area, and the archive itself."""
    client.force_login(user)
    response = client.get(EXPORT_URL)
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    documents = {
        name.removesuffix(".json"): json.loads(archive.read(name))
        for name in archive.namelist()
        if name.endswith(".json")
    }
    return response, documents, archive


def test_download_my_data_requires_login(client):
    response = client.get(EXPORT_URL)

    assert response.status_code == 302
    assert "/en/accounts/login/" in response.url


def test_download_my_data_is_a_private_zip_attachment(client, person):
    response, _documents, archive = _export(client, person)

    assert response["Content-Type"] == "application/zip"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="my-data-')
    assert disposition.endswith('.zip"')
    assert response["Cache-Control"] == "private, no-store"
    assert archive.testzip() is None


def test_download_my_data_has_one_document_per_area(client, person):
    _response, documents, _archive = _export(client, person)

    assert {"profile", "partners"} <= set(documents)
    assert "email_addresses" in documents["profile"]
    assert "memberships" in documents["partners"]


def test_download_my_data_contains_the_profile(client, person):
    _response, documents, _archive = _export(client, person)

    profile = documents["profile"]["profile"]
    assert profile["email"] == "aino@example.org"
    assert profile["full_name"] == "Aino Virtanen"
    assert profile["language"] == "en"
    assert profile["gender"] == "female"
    assert profile["birth_year"] == 1990


def test_download_my_data_contains_all_email_addresses(client, person):
    _response, documents, _archive = _export(client, person)

    addresses = {row["email"]: row for row in documents["profile"]["email_addresses"]}
    assert set(addresses) == {"aino@example.org", "aino.work@example.org"}
    assert addresses["aino@example.org"]["verified"] is True
    assert addresses["aino@example.org"]["primary"] is True
    assert addresses["aino.work@example.org"]["verified"] is False


def test_download_my_data_contains_memberships_with_organisation_and_role(client, person):
    _response, documents, _archive = _export(client, person)

    memberships = {
        (row["organisation__name"], row["role"]) for row in documents["partners"]["memberships"]
    }
    assert memberships == {
        ("Saimaan ammattiopisto", Membership.Role.TEACHER),
        ("Rakennus Oy", Membership.Role.MENTOR),
    }


def test_download_my_data_contains_the_persons_audit_actions(client, person):
    _response, documents, _archive = _export(client, person)

    actions = documents["profile"]["actions"]
    assert [row["action"] for row in actions] == ["partners.organisation.updated"]
    assert actions[0]["target_repr"] == "Saimaan ammattiopisto"


def test_download_my_data_contains_invitations_the_person_sent(client):
    school = OrganisationFactory(name_fi="Saimaan ammattiopisto")
    coordinator = member(school, Membership.Role.COORDINATOR)
    invitation_create(
        actor=coordinator,
        organisation=school,
        email="new.teacher@example.org",
        role=Membership.Role.TEACHER,
    )

    _response, documents, _archive = _export(client, coordinator)

    sent = documents["partners"]["invitations_sent"]
    assert [(row["organisation__name"], row["role"]) for row in sent] == [
        ("Saimaan ammattiopisto", Membership.Role.TEACHER)
    ]


def test_download_my_data_lists_the_authenticator_but_not_its_secret(client):
    school = OrganisationFactory()
    coordinator = member(school, Membership.Role.COORDINATOR)
    secret = Authenticator.objects.get(user=coordinator, type=Authenticator.Type.TOTP).data[
        "secret"
    ]

    _response, documents, archive = _export(client, coordinator)

    factors = documents["profile"]["two_factor_authentication"]
    assert [row["type"] for row in factors] == ["totp"]
    assert not any(secret.encode() in archive.read(name) for name in archive.namelist())


def test_download_my_data_contains_nothing_of_another_user(client, person, someone_else):
    _response, documents, archive = _export(client, person)

    body = b"".join(archive.read(name) for name in archive.namelist()).decode()
    for foreign in (
        "outsider@example.org",
        "otto.second@example.org",
        "Otto Outsider",
        "Toinen opisto",
        "partners.invitation.revoked",
    ):
        assert foreign not in body
    assert len(documents["profile"]["email_addresses"]) == 2
    assert len(documents["partners"]["memberships"]) == 2
    assert len(documents["profile"]["actions"]) == 1


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
        ("core.AuditEntry", "actor"),
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


@pytest.fixture
def pair():
    """A mentoring pair whose meeting the mentor logged."""
    from mentoring.models import Enrolment, Meeting, Pair, Programme

    today = timezone.localdate()
    programme = Programme.objects.create(
        name_en="Mentoring 2026",
        kind=Programme.Kind.ONE_TO_ONE,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=200),
        enrol_from=today,
        enrol_until=today,
    )
    mentor = UserFactory(full_name="Maija Mentori")
    mentee = UserFactory(full_name="Sanni Opiskelija")
    pair = Pair.objects.create(
        programme=programme,
        mentor=Enrolment.objects.create(programme=programme, user=mentor, as_mentor=True),
        mentee=Enrolment.objects.create(programme=programme, user=mentee, as_mentee=True),
        status=Pair.Status.ACTIVE,
        origin=Pair.Origin.REQUEST,
    )
    Meeting.objects.create(
        pair=pair, date=today, minutes=45, notes="CV and interviews", logged_by=mentor
    )
    return pair


@pytest.mark.parametrize("side", ["mentor", "mentee"])
def test_both_people_of_a_pair_get_the_pair_and_its_meetings(client, pair, side):
    user = getattr(pair, side).user

    _response, documents, _archive = _export(client, user)

    mentoring = documents["mentoring"]
    assert [row["id"] for row in mentoring["mentoring_pairs"]] == [pair.pk]
    assert mentoring["mentoring_pairs"][0]["mentor__user__full_name"] == "Maija Mentori"
    assert mentoring["mentoring_pairs"][0]["mentee__user__full_name"] == "Sanni Opiskelija"
    meetings = mentoring["mentoring_meetings"]
    assert [(row["pair_id"], row["minutes"], row["notes"]) for row in meetings] == [
        (pair.pk, 45, "CV and interviews")
    ]


def test_claims_come_with_their_evidence_files(client):
    from worklife_passport.models import Badge, Claim, EvidenceFile

    school = OrganisationFactory()
    student = member(school, Membership.Role.STUDENT)
    badge = Badge.objects.create(issuer=school, name_fi="Asiakaspalvelu", category="work_life")
    claim = Claim.objects.create(student=student, badge=badge, narrative="25 hours")
    evidence = EvidenceFile(claim=claim, name="Work diary")
    evidence.file.save("diary.pdf", ContentFile(b"%PDF-1.4 diary"), save=True)

    _response, documents, archive = _export(client, student)

    [row] = documents["passport"]["badge_claim_evidence"]
    assert (row["claim_id"], row["name"]) == (claim.pk, "Work diary")
    assert row["file"].startswith("files/passport/badge_claim_evidence/")
    assert archive.read(row["file"]) == b"%PDF-1.4 diary"


def test_applications_come_with_their_attachments(client):
    from exchanges.models import ApplicationAttachment

    application = ApplicationFactory()
    attachment = ApplicationAttachment(application=application, name="CV")
    attachment.file.save("cv.pdf", ContentFile(b"%PDF-1.4 cv"), save=True)

    _response, documents, archive = _export(client, application.applicant)

    [row] = documents["exchanges"]["application_attachments"]
    assert row["application_id"] == application.pk
    assert archive.read(row["file"]) == b"%PDF-1.4 cv"


def test_a_file_missing_from_storage_does_not_break_the_archive(client):
    from exchanges.models import ApplicationAttachment

    application = ApplicationFactory()
    attachment = ApplicationAttachment(application=application, name="CV")
    attachment.file.save("cv.pdf", ContentFile(b"%PDF-1.4 cv"), save=True)
    attachment.file.storage.delete(attachment.file.name)

    _response, documents, archive = _export(client, application.applicant)

    assert documents["exchanges"]["application_attachments"][0]["file"] is None
    assert not [name for name in archive.namelist() if name.startswith("files/")]


def _models_leading_to_the_user():
    """Models from which a chain of foreign keys reaches the user."""
    user_model = get_user_model()
    reaching = {user_model}
    grew = True
    while grew:
        grew = False
        for model in apps.get_models():
            if model in reaching:
                continue
            if any(
                f.concrete
                and (f.many_to_one or f.one_to_one or f.many_to_many)
                and f.related_model in reaching
                for f in model._meta.get_fields()
            ):
                reaching.add(model)
                grew = True
    return reaching - {user_model}


def _deleted_with_the_user(model, user_model, seen=()):
    """Whether a model's rows go when the user they lead to is deleted."""
    for f in model._meta.concrete_fields:
        if not (f.many_to_one or f.one_to_one) or f.null:
            continue
        if f.remote_field.on_delete is not models.CASCADE or f.related_model in seen:
            continue
        if f.related_model is user_model or _deleted_with_the_user(
            f.related_model, user_model, (*seen, model)
        ):
            return True
    return False


def test_every_file_field_on_a_model_leading_to_the_user_is_registered():
    unregistered = [
        f"{model._meta.label}.{f.name}"
        for model in _models_leading_to_the_user()
        for f in model._meta.concrete_fields
        if isinstance(f, models.FileField)
        and personal_data.file_registration(model._meta.label, f.name) is None
    ]

    assert not unregistered, (
        "File fields that neither go into the export nor are erased, nor say why, in "
        f"accounts.personal_data: {', '.join(sorted(unregistered))}"
    )


def test_files_on_rows_deleted_with_the_user_are_erased_from_storage():
    user_model = get_user_model()
    left_behind = [
        f"{model._meta.label}.{f.name}"
        for model in apps.get_models()
        if _deleted_with_the_user(model, user_model)
        for f in model._meta.concrete_fields
        if isinstance(f, models.FileField)
        and not getattr(personal_data.file_registration(model._meta.label, f.name), "erased", 0)
    ]

    assert not left_behind, f"Files that would stay in storage: {', '.join(left_behind)}"


def test_the_known_file_fields_of_the_person_are_exported_and_erased():
    for label in ("worklife_passport.EvidenceFile", "exchanges.ApplicationAttachment"):
        registration = personal_data.file_registration(label, "file")
        assert (registration.exported, registration.erased) == (True, True)


def test_every_column_that_may_copy_an_address_or_a_name_is_registered():
    """E-mail columns and ``*_name``/``*_repr`` columns: a copy of a person's address or
    name is erased with the account, or the column says why it is not one."""
    candidates = [
        (model._meta.label, f.name)
        for model in apps.get_models()
        for f in model._meta.concrete_fields
        if not isinstance(f, TranslationField)
        and (
            isinstance(f, models.EmailField)
            or (
                isinstance(f, models.CharField | models.TextField)
                and f.name.endswith(("_name", "_repr"))
            )
        )
    ]
    assert ("worklife_passport.Award", "recipient_email") in candidates

    unregistered = [
        f"{label}.{name}"
        for label, name in candidates
        if not personal_data.is_copy_covered(label, name)
    ]
    assert not unregistered, (
        "Columns that may keep a copy of a person's address or name, neither registered "
        f"with personal_data.copy nor with not_a_copy: {', '.join(unregistered)}"
    )


def test_registered_copies_and_files_name_real_columns():
    for spec in personal_data.copies():
        model = apps.get_model(spec.model_label)
        field = model._meta.get_field(spec.field)
        assert field.concrete
        if spec.user_field:
            model._default_manager.filter(**{spec.user_field: None}).exists()
        if spec.language_field:
            model._meta.get_field(spec.language_field)
    for spec in personal_data.erased_files():
        model = apps.get_model(spec.model_label)
        assert isinstance(model._meta.get_field(spec.field), models.FileField)
        model._default_manager.filter(**{spec.owner: None}).exists()


@pytest.mark.parametrize(
    "register",
    [
        lambda: personal_data.files("tests.Nothing", field="f", owner="o", erased=False),
        lambda: personal_data.not_a_copy("tests.Nothing", field="f", reason=" "),
        lambda: personal_data.copy("tests.Nothing", field="f", action="forget"),
    ],
)
def test_a_registration_without_a_reason_or_a_way_raises_value_error(register):
    with pytest.raises(ValueError):
        register()
