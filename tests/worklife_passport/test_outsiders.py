"""A POST on a claim, award, badge, share link or evidence file outside the viewer's
scope answers 404 and changes nothing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.models import AuditEntry
from tests.factories import member
from worklife_passport.models import (
    BulkAward,
    Claim,
    ClaimCode,
    ClaimEvent,
    Endorsement,
    EvidenceFile,
    Pathway,
    RecognitionRequest,
    ShareLink,
    SkillNeed,
)

pytestmark = pytest.mark.django_db
S = Claim.Status
PDF = b"%PDF-1.4\n%%EOF\n"


def post_as(client, person, url, data=None):
    client.force_login(person)
    return client.post(url, data or {})


def submitted_claim(world):
    return Claim.objects.create(
        student=world.student, badge=world.badge, status=S.SUBMITTED, narrative="Served."
    )


@pytest.mark.parametrize("who", ["other_student", "other_teacher", "company_contact"])
@pytest.mark.parametrize("action", ["submit", "approve", "reject", "return"])
def test_a_move_on_someone_elses_claim_is_not_found(client, world, who, action):
    claim = submitted_claim(world)
    url = f"/en/passport/claims/{claim.pk}/{action}/"
    assert post_as(client, world.person(who), url, {"comment": "No"}).status_code == 404
    claim.refresh_from_db()
    assert claim.status == S.SUBMITTED
    assert not ClaimEvent.objects.filter(claim=claim).exists()
    assert not AuditEntry.objects.filter(action__startswith="passport.claim.").exists()


@pytest.mark.parametrize("who", ["other_student", "other_teacher", "company_contact"])
def test_evidence_for_someone_elses_claim_is_not_found(client, world, who):
    claim = Claim.objects.create(student=world.student, badge=world.badge, narrative="Mine.")
    upload = SimpleUploadedFile("log.pdf", PDF, content_type="application/pdf")
    response = post_as(
        client,
        world.person(who),
        f"/en/passport/claims/{claim.pk}/",
        {"narrative": "Changed", "file": upload},
    )
    assert response.status_code == 404
    claim.refresh_from_db()
    assert claim.narrative == "Mine."
    assert not EvidenceFile.objects.filter(claim=claim).exists()


@pytest.mark.parametrize("who", ["student", "other_teacher", "company_contact", "teacher"])
def test_revoking_an_award_one_cannot_award_is_not_found(client, world, who):
    award = world.award()
    url = f"/en/passport/awards/{award.public_id}/revoke/"
    assert post_as(client, world.person(who), url, {"reason": "Wrong"}).status_code == 404
    award.refresh_from_db()
    assert award.revoked_at is None


@pytest.mark.parametrize("who", ["student", "teacher", "other_teacher", "company_contact"])
def test_a_claim_code_for_a_badge_one_cannot_award_is_not_found(client, world, who):
    data = {
        "label": "Fair",
        "max_uses": 5,
        "expires_at": (timezone.now() + datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M"),
    }
    url = f"/en/passport/badges/{world.badge.pk}/codes/"
    assert post_as(client, world.person(who), url, data).status_code == 404
    assert not ClaimCode.objects.exists()


@pytest.mark.parametrize("who", ["student", "teacher", "other_teacher"])
def test_endorsing_without_an_organisation_to_endorse_for_is_not_found(client, world, who):
    url = f"/en/passport/badges/{world.badge.pk}/endorse/"
    data = {"organisation": world.company.pk, "comment": "Good"}
    assert post_as(client, world.person(who), url, data).status_code == 404
    assert not Endorsement.objects.exists()


@pytest.mark.parametrize("who", ["student", "teacher", "other_teacher", "company_contact"])
def test_editing_a_badge_one_cannot_manage_is_not_found(client, world, who):
    url = f"/en/passport/badges/{world.badge.pk}/edit/"
    data = {"name_en": "Taken over", "category": world.badge.category}
    assert post_as(client, world.person(who), url, data).status_code == 404
    world.badge.refresh_from_db()
    assert world.badge.name_en == "Customer service basics"


@pytest.mark.parametrize("who", ["student", "teacher", "other_teacher"])
def test_confirming_a_bulk_award_one_cannot_award_is_not_found(client, world, who):
    batch = BulkAward.objects.create(
        badge=world.badge, created_by=world.coordinator, rows=[{"email": "a@example.org"}]
    )
    url = f"/en/passport/bulk/{batch.pk}/"
    assert post_as(client, world.person(who), url).status_code == 404
    batch.refresh_from_db()
    assert batch.status == BulkAward.Status.PREVIEW


@pytest.mark.parametrize("who", ["other_student", "teacher", "coordinator", "staff"])
def test_withdrawing_someone_elses_share_link_is_not_found(client, world, who):
    link = ShareLink.objects.create(
        user=world.student, label="CV", expires_at=timezone.now() + datetime.timedelta(days=7)
    )
    url = f"/en/passport/share/{link.pk}/revoke/"
    assert post_as(client, world.person(who), url).status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


@pytest.mark.parametrize("who", ["student", "coordinator", "other_teacher"])
def test_removing_another_companys_skill_need_is_not_found(client, world, who):
    need = SkillNeed.objects.create(organisation=world.company, text="Welding")
    url = f"/en/passport/skill-needs/{need.pk}/delete/"
    assert post_as(client, world.person(who), url).status_code == 404
    assert SkillNeed.objects.filter(pk=need.pk).exists()


def test_deciding_another_organisations_recognition_request_is_not_found(client, world):
    pathway = Pathway.objects.create(
        name="Business", recognised_by=world.other_school, recognition="5 ECTS"
    )
    request = RecognitionRequest.objects.create(student=world.student, pathway=pathway)
    url = f"/en/passport/recognition/{request.pk}/confirm/"
    assert post_as(client, world.coordinator, url).status_code == 404
    request.refresh_from_db()
    assert request.status == RecognitionRequest.Status.REQUESTED


def test_the_own_organisations_coordinator_decides_the_recognition_request(client, world):
    pathway = Pathway.objects.create(
        name="Business", recognised_by=world.other_school, recognition="5 ECTS"
    )
    request = RecognitionRequest.objects.create(student=world.student, pathway=pathway)
    coordinator = member(world.other_school, "coordinator")
    url = f"/en/passport/recognition/{request.pk}/confirm/"
    assert post_as(client, coordinator, url).status_code == 302
    request.refresh_from_db()
    assert request.status == RecognitionRequest.Status.CONFIRMED
