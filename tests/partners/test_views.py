"""Who may open which partner page: one table per page, rows are roles."""

import io

import pytest
from PIL import Image

from core.models import AuditEntry
from partners.models import Membership, Organisation
from tests.factories import OrganisationFactory, SectorFactory, UserFactory, member, staff

pytestmark = pytest.mark.django_db
R = Membership.Role


@pytest.fixture
def school():
    return OrganisationFactory(name_fi="Järvenrannan ammattiopisto", slug="jarvenranta")


@pytest.fixture
def people(school):
    other_school = OrganisationFactory()
    company = OrganisationFactory(company=True)
    student = member(school, R.STUDENT, full_name="Sanni Opiskelija")
    return {
        "anonymous": None,
        "student": student,
        "company_contact": member(company, R.COMPANY_CONTACT),
        "coordinator": member(school, R.COORDINATOR),
        "other_coordinator": member(other_school, R.COORDINATOR),
        "staff": staff(),
        "outsider": UserFactory(),
    }


def open_as(client, people, who, url, method="get", data=None):
    if people[who] is not None:
        client.force_login(people[who])
    return getattr(client, method)(url, data or {})


@pytest.mark.parametrize(
    ("who", "sees_members"),
    [
        ("anonymous", False),
        ("outsider", False),
        ("student", True),
        ("company_contact", True),
        ("coordinator", True),
        ("other_coordinator", True),
        ("staff", True),
    ],
)
def test_organisation_page_shows_members_only_to_network_members(client, people, who, sees_members):
    response = open_as(client, people, who, "/en/partners/jarvenranta/")
    assert response.status_code == 200
    assert ("Sanni Opiskelija" in response.content.decode()) is sees_members


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("student", 404),
        ("company_contact", 404),
        ("coordinator", 200),
        ("other_coordinator", 404),
        ("staff", 200),
    ],
)
@pytest.mark.parametrize("page", ["edit", "members", "audit"])
def test_management_pages_are_for_the_organisations_managers(client, people, who, status, page):
    response = open_as(client, people, who, f"/en/partners/jarvenranta/{page}/")
    assert response.status_code == status
    if status == 302:
        assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("student", False), ("other_coordinator", False), ("coordinator", True), ("staff", True)],
)
def test_only_managers_can_send_invitations(client, people, who, allowed):
    response = open_as(
        client,
        people,
        who,
        "/en/partners/jarvenranta/members/",
        method="post",
        data={"email": "new@example.org", "role": R.TEACHER},
    )
    assert response.status_code == (302 if allowed else 404)
    assert AuditEntry.objects.filter(action="partners.invitation.created").exists() is allowed


def test_inactive_organisation_is_hidden_from_everyone_but_staff(client, people, school):
    Organisation.objects.filter(pk=school.pk).update(is_active=False)
    assert client.get("/en/partners/jarvenranta/").status_code == 404
    client.force_login(people["staff"])
    assert client.get("/en/partners/jarvenranta/").status_code == 200


def test_organisation_page_reads_in_the_readers_language_with_fallback(client):
    OrganisationFactory(
        slug="peipsi",
        name_fi="Peipsiveere Kutsekool",
        description_et="Kutsekool Tartus.",
        description_en="A vocational school in Tartu.",
    )
    assert "Kutsekool Tartus." in client.get("/et/partners/peipsi/").content.decode()
    # No Swedish text: falls back to Finnish (empty here), then English.
    assert "A vocational school in Tartu." in client.get("/sv/partners/peipsi/").content.decode()


def valid_form(school, **changes):
    data = {
        "name_fi": school.name_fi,
        "country": "FI",
        "municipality": "Lappeenranta",
        "business_id": "",
    }
    data.update(changes)
    return data


def test_coordinator_edits_details_and_the_change_is_audited(client, people, school):
    sector = SectorFactory()
    client.force_login(people["coordinator"])
    response = client.post(
        "/en/partners/jarvenranta/edit/",
        valid_form(
            school,
            description_en="A college by the lake.",
            business_id="0737546-2",
            sectors=[sector.pk],
            website="example.org",
        ),
    )
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.description_en == "A college by the lake."
    assert school.business_id == "0737546-2"
    assert school.website == "https://example.org"
    assert list(school.sectors.all()) == [sector]
    entry = AuditEntry.objects.get(action="partners.organisation.updated")
    assert {"business_id", "description_en", "sectors"} <= set(entry.data["fields"])


def test_bad_business_id_is_explained_and_nothing_is_saved(client, people, school):
    client.force_login(people["coordinator"])
    response = client.post(
        "/en/partners/jarvenranta/edit/",
        valid_form(school, business_id="0737546-3", description_en="Typed text stays"),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "wrong check digit" in body
    assert "Typed text stays" in body
    school.refresh_from_db()
    assert not school.description_en
    assert not AuditEntry.objects.exists()


def test_business_id_already_used_in_the_country_is_refused(client, people, school):
    OrganisationFactory(business_id="0737546-2")
    client.force_login(people["coordinator"])
    response = client.post(
        "/en/partners/jarvenranta/edit/", valid_form(school, business_id="0737546-2")
    )
    assert response.status_code == 200
    assert "already has this business ID" in response.content.decode()


def image_upload(name="logo.png", size=(40, 40), fmt="PNG", padding=0):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue() + b"\0" * padding)


def test_logo_upload_is_stored(client, people, school):
    client.force_login(people["coordinator"])
    response = client.post(
        "/en/partners/jarvenranta/edit/", {**valid_form(school), "logo": image_upload()}
    )
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.logo.name.startswith("logos/")


def test_oversized_logo_is_refused(client, people, school, settings):
    settings.LOGO_MAX_BYTES = 1000
    client.force_login(people["coordinator"])
    response = client.post(
        "/en/partners/jarvenranta/edit/",
        {**valid_form(school), "logo": image_upload(padding=2000)},
    )
    assert response.status_code == 200
    assert "The file is too large" in response.content.decode()
    school.refresh_from_db()
    assert not school.logo


def test_non_image_logo_is_refused(client, people, school):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(people["coordinator"])
    response = client.post(
        "/en/partners/jarvenranta/edit/",
        {**valid_form(school), "logo": SimpleUploadedFile("logo.png", b"not an image")},
    )
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()
    school.refresh_from_db()
    assert not school.logo


def test_manager_removes_a_member_who_is_told_and_it_is_audited(
    client, people, school, django_capture_on_commit_callbacks
):
    from django.core import mail

    student_membership = Membership.objects.get(user=people["student"])
    client.force_login(people["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/partners/jarvenranta/members/{student_membership.pk}/remove/")
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[people["student"].email]]
    assert not Membership.objects.filter(pk=student_membership.pk).exists()
    assert AuditEntry.objects.filter(action="partners.membership.deleted").exists()


def test_last_coordinator_cannot_remove_themselves(client, people, school):
    own = Membership.objects.get(user=people["coordinator"])
    client.force_login(people["coordinator"])
    response = client.post(f"/en/partners/jarvenranta/members/{own.pk}/remove/", follow=True)
    assert "You are the only one managing this organisation" in response.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()


def test_audit_page_lists_the_organisations_entries_only(client, people, school):
    from core.audit import log_action

    log_action(
        actor=people["coordinator"],
        action="partners.organisation.updated",
        target=school,
        organisation=school,
    )
    other = OrganisationFactory(name_fi="Toinen opisto")
    log_action(actor=None, action="partners.organisation.updated", target=other, organisation=other)
    client.force_login(people["coordinator"])
    body = client.get("/en/partners/jarvenranta/audit/").content.decode()
    assert "Organisation details changed" in body
    assert "Järvenrannan ammattiopisto" in body
    assert "Toinen opisto" not in body
