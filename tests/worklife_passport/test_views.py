import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from worklife_passport.models import Award, Badge, Claim, Goal, ShareLink, SkillNeed
from worklife_passport.services.passport import share_views_flush

pytestmark = pytest.mark.django_db
PEOPLE = [
    "anonymous",
    "student",
    "other_student",
    "teacher",
    "coordinator",
    "other_teacher",
    "company_contact",
    "staff",
]


def open_as(client, world, who, url, method="get", data=None, **extra):
    person = world.person(who)
    if person is not None:
        client.force_login(person)
    return getattr(client, method)(url, data or {}, **extra)


@pytest.mark.parametrize("who", PEOPLE)
def test_catalogue_badge_page_and_verify_page_are_public(client, world, who):
    for url in (
        "/en/passport/badges/",
        f"/en/passport/badges/{world.badge.pk}/",
        "/en/passport/verify/",
        "/en/passport/pathways/",
    ):
        assert open_as(client, world, who, url).status_code == 200


@pytest.mark.parametrize("who", PEOPLE)
def test_a_claim_page_is_for_the_student_and_the_issuers_assessors(client, world, who):
    claim = Claim.objects.create(student=world.student, badge=world.badge, status="submitted")
    response = open_as(client, world, who, f"/en/passport/claims/{claim.pk}/")
    expected = {
        "anonymous": 302,
        "student": 200,
        "teacher": 200,
        "coordinator": 200,
        "staff": 200,
    }.get(who, 404)
    assert response.status_code == expected


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("student", 404),
        ("company_contact", 404),
        ("teacher", 200),
        ("coordinator", 200),
        ("other_teacher", 200),
        ("staff", 200),
    ],
)
def test_assessor_queue_access(client, world, who, status):
    assert open_as(client, world, who, "/en/passport/assess/").status_code == status


def test_assessor_queue_shows_only_the_assessors_issuers(client, world):
    mine = Claim.objects.create(student=world.student, badge=world.badge, status="submitted")
    elsewhere_badge = world.make_badge(issuer=world.other_school, name_fi="Muu")
    theirs = Claim.objects.create(
        student=world.other_student, badge=elsewhere_badge, status="submitted"
    )
    client.force_login(world.teacher)
    rows = list(client.get("/en/passport/assess/").context["page"].object_list)
    assert mine in rows and theirs not in rows


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("student", False),
        ("teacher", False),
        ("other_teacher", False),
        ("coordinator", True),
        ("staff", True),
    ],
)
def test_only_coordinators_edit_badges(client, world, who, allowed):
    response = open_as(client, world, who, f"/en/passport/badges/{world.badge.pk}/edit/")
    assert response.status_code == (200 if allowed else 404)


def test_student_submits_a_claim_with_a_file(client, world):
    client.force_login(world.student)
    start = client.post(f"/en/passport/badges/{world.badge.pk}/claim/")
    claim = Claim.objects.get(student=world.student)
    assert start["Location"] == f"/en/passport/claims/{claim.pk}/"
    client.post(
        f"/en/passport/claims/{claim.pk}/",
        {
            "narrative": "I served customers at the school café.",
            "links_text": "example.org/video",
            "file": SimpleUploadedFile("log.pdf", b"%PDF-1.4 log"),
        },
    )
    claim.refresh_from_db()
    assert claim.links == ["https://example.org/video"]
    assert claim.files.count() == 1
    client.post(f"/en/passport/claims/{claim.pk}/submit/")
    claim.refresh_from_db()
    assert claim.status == Claim.Status.SUBMITTED
    client.force_login(world.teacher)
    file = claim.files.get()
    download = client.get(f"/en/passport/claims/{claim.pk}/files/{file.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 log"
    download.close()


def test_a_bad_link_keeps_what_was_typed(client, world):
    client.force_login(world.student)
    client.post(f"/en/passport/badges/{world.badge.pk}/claim/")
    claim = Claim.objects.get(student=world.student)
    response = client.post(
        f"/en/passport/claims/{claim.pk}/",
        {"narrative": "Keep this text", "links_text": "not a link at all"},
    )
    assert response.status_code == 200
    assert "Keep this text" in response.content.decode()
    claim.refresh_from_db()
    assert claim.narrative == ""


def test_goals_and_suggestions(client, world):
    asked = world.make_badge(name_fi="Turvallisuus", name_en="Safety")
    need = SkillNeed.objects.create(organisation=world.company, text="Safety first")
    need.badges.add(asked)
    client.force_login(world.student)
    client.post(f"/en/passport/badges/{world.badge.pk}/goal/")
    assert Goal.objects.filter(user=world.student, badge=world.badge).exists()
    page = client.get("/en/passport/")
    passport = page.context["passport"]
    assert [g.badge for g in passport["goals"]] == [world.badge]
    assert asked in passport["suggestions"]
    assert world.badge not in passport["suggestions"]


def test_sharing_shows_only_the_chosen_badges_and_counts_views(client, world):
    shown = world.award()
    hidden = world.award(badge=world.make_badge(name_fi="Salainen", name_en="Hidden one"))
    client.force_login(world.student)
    client.post("/en/passport/share/", {"label": "Employer", "days": 7, "awards": [shown.pk]})
    link = ShareLink.objects.get(user=world.student)
    client.logout()
    body = client.get(f"/fi/passport/shared/{link.token}/").content.decode()
    assert "Asiakaspalvelun perusteet" in body and hidden.badge.name_fi not in body
    share_views_flush()  # with Redis, views reach the link every minute
    link.refresh_from_db()
    assert link.view_count == 1
    ShareLink.objects.filter(pk=link.pk).update(expires_at=timezone.now())
    assert client.get(f"/en/passport/shared/{link.token}/").status_code == 404


def test_someone_elses_awards_cannot_be_shared(client, world):
    theirs = world.award(recipient=world.other_student)
    client.force_login(world.student)
    client.post("/en/passport/share/", {"label": "x", "days": 7, "awards": [theirs.pk]})
    assert not ShareLink.objects.exists()


def test_passport_pdf_has_a_page_per_holder(client, world):
    world.award()
    client.force_login(world.student)
    response = client.get("/en/passport/passport.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_verify_page_gives_a_translated_verdict(client, world):
    award = world.award()
    response = client.post(
        "/fi/passport/verify/", {"url": f"http://127.0.0.1:8000/ob/v2/assertions/{award.public_id}"}
    )
    assert response.context["result"].verdict == "valid"
    empty = client.post("/en/passport/verify/", {})
    assert "Give an image, the badge text or its address" in empty.content.decode()


def test_only_recipients_and_issuers_download_the_credential(client, world):
    award = world.award()
    url = f"/en/passport/awards/{award.public_id}/credential.jwt"
    client.force_login(world.other_student)
    assert client.get(url).status_code == 404
    client.force_login(world.student)
    assert client.get(url).status_code == 200


def test_revoking_needs_a_reason_and_the_issuers_coordinator(client, world):
    award = world.award()
    client.force_login(world.teacher)
    client.post(f"/en/passport/awards/{award.public_id}/revoke/", {"reason": "x"})
    award.refresh_from_db()
    assert not award.is_revoked
    client.force_login(world.coordinator)
    client.post(f"/en/passport/awards/{award.public_id}/revoke/", {"reason": ""})
    award.refresh_from_db()
    assert not award.is_revoked
    client.post(f"/en/passport/awards/{award.public_id}/revoke/", {"reason": "Error"})
    award.refresh_from_db()
    assert award.is_revoked


def test_a_company_endorses_a_badge(client, world):
    client.force_login(world.company_contact)
    client.post(
        f"/en/passport/badges/{world.badge.pk}/endorse/",
        {"organisation": world.company.pk, "comment": "Exactly what we need."},
    )
    assert world.badge.endorsements.get().organisation == world.company
    body = client.get(f"/en/passport/badges/{world.badge.pk}/").content.decode()
    assert "Exactly what we need." in body


def test_a_school_cannot_endorse_its_own_badge(client, world):
    client.force_login(world.coordinator)
    client.post(
        f"/en/passport/badges/{world.badge.pk}/endorse/",
        {"organisation": world.school.pk, "comment": "We are great."},
    )
    assert not world.badge.endorsements.exists()


def test_recognition_request_and_decision(client, world):
    from partners.models import Membership
    from tests.factories import OrganisationFactory, member
    from worklife_passport.models import Pathway, PathwayRule

    uas = OrganisationFactory(kind="higher_education", slug="uas")
    uas_coordinator = member(uas, Membership.Role.COORDINATOR)
    pathway = Pathway.objects.create(name_en="Business", recognised_by=uas, recognition="5 ECTS")
    PathwayRule.objects.create(pathway=pathway).badges.add(world.badge)
    client.force_login(world.student)
    response = client.post(f"/en/passport/pathways/{pathway.pk}/request/", follow=True)
    assert "Collect all the badges of the pathway first" in response.content.decode()
    world.award()
    client.post(f"/en/passport/pathways/{pathway.pk}/request/")
    request = pathway.requests.get()
    client.force_login(world.coordinator)  # not the university's
    client.post(f"/en/passport/recognition/{request.pk}/confirm/")
    request.refresh_from_db()
    assert request.status == "requested"
    client.force_login(uas_coordinator)
    client.post(f"/en/passport/recognition/{request.pk}/confirm/")
    request.refresh_from_db()
    assert request.status == "confirmed"


def test_claim_code_page_awards_the_badge(client, world):
    from worklife_passport.services.awards import code_create

    code = code_create(
        actor=world.coordinator,
        badge=world.badge,
        label="Fair",
        max_uses=5,
        expires_at=timezone.now() + datetime.timedelta(hours=2),
    )
    client.force_login(world.student)
    response = client.post("/en/passport/redeem/", {"code": code.code})
    assert response.status_code == 302
    assert Award.objects.filter(recipient=world.student, source="code").exists()
    again = client.post("/en/passport/redeem/", {"code": code.code})
    assert "You already hold this badge" in again.content.decode() or (
        "already holds" in again.content.decode()
    )


def test_bulk_award_pages(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.coordinator)
    upload = SimpleUploadedFile("list.csv", b"anna@example.org,Anna\nbad,Bad\n")
    response = client.post(f"/en/passport/badges/{world.badge.pk}/bulk/", {"file": upload})
    batch_url = response["Location"]
    preview = client.get(batch_url).content.decode()
    assert "Not a valid e-mail address" in preview
    assert not Award.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(batch_url)
    assert Award.objects.filter(recipient_email="anna@example.org").exists()
    progress = client.get(batch_url, headers={"HX-Request": "true"}).content.decode()
    assert "1 of 1 awarded" in progress and "<html" not in progress


def test_a_wrong_type_of_list_is_refused(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        f"/en/passport/badges/{world.badge.pk}/bulk/",
        {"file": SimpleUploadedFile("list.xlsx", b"PK")},
    )
    assert "Upload a CSV file" in response.content.decode()


@pytest.mark.parametrize("count", [5, 50])
def test_catalogue_query_count_is_fixed(
    client, world, count, django_assert_num_queries, fresh_fragments
):
    for n in range(count):
        badge = world.make_badge(name_fi=f"Merkki {n}")
        if n % 2:
            world.award(badge=badge)
    # count, page rows (with holders and "asked for"), sector choices, issuer choices
    with django_assert_num_queries(4):
        client.get("/en/passport/badges/")


@pytest.mark.parametrize("count", [5, 50])
def test_passport_query_count_is_fixed(
    client, world, count, django_assert_num_queries, fresh_fragments
):
    for n in range(count):
        badge = world.make_badge(name_fi=f"Merkki {n}")
        award = world.award(badge=badge)
        Goal.objects.create(user=world.student, badge=world.make_badge(name_fi=f"Tavoite {n}"))
        ShareLink.objects.create(
            user=world.student, label=f"Link {n}", expires_at=timezone.now()
        ).awards.set([award])
    client.force_login(world.student)
    client.get("/en/passport/")
    # user, roles, awards, claims, goals, pathways (+ rules, + their badges), recognition
    # requests, suggestions, share links, the session (notices: cache)
    with django_assert_num_queries(11):
        client.get("/en/passport/")


@pytest.mark.parametrize("count", [5, 50])
def test_assessor_queue_query_count_is_fixed(
    client, world, count, django_assert_num_queries, fresh_fragments
):
    from tests.factories import MembershipFactory

    for _n in range(count):
        student = MembershipFactory(organisation=world.school, role="student").user
        Claim.objects.create(student=student, badge=world.badge, status="submitted")
    client.force_login(world.teacher)
    client.get("/en/passport/assess/")
    # session, user, roles, count, rows (unread count: cache)
    with django_assert_num_queries(5):
        client.get("/en/passport/assess/")


def test_badge_images_are_drawn_when_none_is_uploaded(client, world):
    response = client.get(f"/ob/v2/badges/{world.badge.pk}/image")
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")


def test_badge_model_lists_ob3_types():
    assert "MicroCredential" in Badge.AchievementType.values


def test_a_shared_link_opens_in_the_readers_language(client, world):
    award = world.award()
    client.force_login(world.student)
    client.post("/en/passport/share/", {"label": "Employer", "days": 7, "awards": [award.pk]})
    link = ShareLink.objects.get()
    client.logout()
    response = client.get(f"/passport/shared/{link.token}/", headers={"accept-language": "et"})
    assert response.status_code == 302
    assert response["Location"] == f"/et/passport/shared/{link.token}/"


def test_endorsements_are_carried_in_the_badge_class(world):
    from worklife_passport.models import Endorsement
    from worklife_passport.openbadges import documents

    Endorsement.objects.create(badge=world.badge, organisation=world.company, comment="Good")
    assert len(documents.ob2_badge_class(world.badge)["endorsement"]) == 1
    assert documents.ob3_achievement(world.badge)["related"][0]["type"] == ["Related"]
