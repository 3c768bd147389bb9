import datetime
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.errors import DomainError
from worklife_passport.errors import IllegalMove, NotAllowed, PassportError
from worklife_passport.models import Award, Claim, ClaimCode, ClaimEvent
from worklife_passport.services import awards as award_services
from worklife_passport.services import claims as services

pytestmark = pytest.mark.django_db
S = Claim.Status


def claim_in(world, status, **fields):
    claim = Claim.objects.create(
        student=world.student,
        badge=world.badge,
        status=status,
        narrative="I served customers for 25 hours.",
        **fields,
    )
    return claim


LEGAL = [
    ("submit", S.DRAFT, "student", S.SUBMITTED),
    ("resubmit", S.RETURNED, "student", S.RESUBMITTED),
    ("return", S.SUBMITTED, "teacher", S.RETURNED),
    ("return", S.RESUBMITTED, "coordinator", S.RETURNED),
    ("approve", S.SUBMITTED, "teacher", S.APPROVED),
    ("approve", S.RESUBMITTED, "staff", S.APPROVED),
    ("reject", S.SUBMITTED, "teacher", S.REJECTED),
]
ILLEGAL = [
    (action, status)
    for action, move in services.CLAIM_WORKFLOW.moves.items()
    for status in S.values
    if status not in move.sources
]


@pytest.mark.parametrize(("action", "start", "who", "end"), LEGAL)
def test_every_legal_move(world, action, start, who, end):
    claim = claim_in(world, start)
    moved = services.claim_transition(
        actor=world.person(who), claim=claim, action=action, comment="Please add more."
    )
    assert moved.status == end
    assert ClaimEvent.objects.get(claim=claim).to_status == end


@pytest.mark.parametrize(("action", "start"), ILLEGAL)
def test_every_illegal_move_is_refused(world, action, start):
    claim = claim_in(world, start)
    move = services.CLAIM_WORKFLOW.moves[action]
    who = world.student if "student" in next(iter(move.sources.values())) else world.teacher
    with pytest.raises(IllegalMove):
        services.claim_transition(actor=who, claim=claim, action=action, comment="x")
    claim.refresh_from_db()
    assert claim.status == start


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("teacher", True),
        ("coordinator", True),
        ("staff", True),
        ("other_teacher", False),
        ("other_student", False),
        ("company_contact", False),
    ],
)
def test_only_the_issuers_assessors_decide(world, who, allowed):
    claim = claim_in(world, S.SUBMITTED)
    if allowed:
        services.claim_transition(actor=world.person(who), claim=claim, action="approve")
        assert Award.objects.filter(claim=claim).exists()
    else:
        with pytest.raises(NotAllowed):
            services.claim_transition(actor=world.person(who), claim=claim, action="approve")


def test_a_badge_for_coordinators_only_is_not_assessed_by_teachers(world):
    world.badge.assessor_roles = ["coordinator"]
    world.badge.save()
    claim = claim_in(world, S.SUBMITTED)
    with pytest.raises(NotAllowed):
        services.claim_transition(actor=world.teacher, claim=claim, action="approve")


def test_approval_awards_the_badge_and_tells_the_student(world, django_capture_on_commit_callbacks):
    claim = claim_in(world, S.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_transition(actor=world.teacher, claim=claim, action="approve")
    award = Award.objects.get(claim=claim)
    assert award.recipient == world.student and award.source == Award.Source.CLAIM
    assert [m.to for m in mail.outbox] == [[world.student.email]]


def test_returning_and_rejecting_need_a_reason(world):
    claim = claim_in(world, S.SUBMITTED)
    for action in ("return", "reject"):
        # The workflow core refuses a missing comment (a DomainError, as every refusal).
        with pytest.raises(DomainError) as error:
            services.claim_transition(actor=world.teacher, claim=claim, action=action)
        assert error.value.code == "comment"


def test_submitting_without_the_evidence_the_badge_needs_is_refused(world):
    world.badge.evidence_required = ["text", "link"]
    world.badge.save()
    claim = claim_in(world, S.DRAFT)
    with pytest.raises(PassportError) as error:
        services.claim_transition(actor=world.student, claim=claim, action="submit")
    assert error.value.code == "evidence"
    services.claim_update(
        actor=world.student, claim=claim, data={"links": ["https://example.org/video"]}
    )
    assert (
        services.claim_transition(actor=world.student, claim=claim, action="submit").status
        == S.SUBMITTED
    )


def test_nobody_else_edits_a_students_claim(world):
    claim = claim_in(world, S.DRAFT)
    with pytest.raises(NotAllowed):
        services.claim_update(actor=world.other_student, claim=claim, data={"narrative": "x"})


def test_a_submitted_claim_cannot_be_changed(world):
    claim = claim_in(world, S.SUBMITTED)
    with pytest.raises(IllegalMove):
        services.claim_update(actor=world.student, claim=claim, data={"narrative": "x"})


def test_starting_a_claim_twice_gives_the_same_claim(world):
    first = services.claim_start(actor=world.student, badge=world.badge)
    assert services.claim_start(actor=world.student, badge=world.badge) == first


def test_holding_the_badge_already_refuses_a_claim(world):
    world.award()
    with pytest.raises(PassportError):
        services.claim_start(actor=world.student, badge=world.badge)


def supervisor_claim(world):
    world.badge.evidence_required = ["text", "supervisor"]
    world.badge.save()
    claim = claim_in(
        world, S.DRAFT, supervisor_name="Mart Tamm", supervisor_email="mart@company.example"
    )
    from notifications.services import sweep

    services.claim_transition(actor=world.student, claim=claim, action="submit")
    sweep()
    link = next(m for m in mail.outbox if m.to == ["mart@company.example"])
    token = re.search(r"/passport/confirm/([^/\s]+)/", link.body).group(1)
    return claim, token


def test_the_supervisor_confirms_through_a_single_use_link(world):
    claim, token = supervisor_claim(world)
    with pytest.raises(PassportError) as error:
        services.claim_transition(actor=world.teacher, claim=claim, action="approve")
    assert error.value.code == "supervisor"
    services.supervisor_confirm(token=token, statement="She did great work.")
    with pytest.raises(PassportError) as error:
        services.supervisor_confirm(token=token, statement="again")
    assert error.value.code == "used"
    assert (
        services.claim_transition(actor=world.teacher, claim=claim, action="approve").status
        == S.APPROVED
    )


def test_an_expired_or_forged_supervisor_link_is_refused(world, settings, client):
    _claim, token = supervisor_claim(world)
    with pytest.raises(PassportError) as error:
        services.supervisor_confirm(token=token[:-3] + "abc", statement="")
    assert error.value.code == "invalid"
    settings.SIGNING_LINK_VALID_DAYS = -1
    with pytest.raises(PassportError) as error:
        services.supervisor_confirm(token=token, statement="")
    assert error.value.code == "expired"
    response = client.get(f"/en/passport/confirm/{token}/")
    assert response.status_code == 410
    assert "This confirmation link has expired" in response.content.decode()


def test_evidence_files_are_checked_for_type_and_size(world, settings):
    from django.core.exceptions import ValidationError

    claim = claim_in(world, S.DRAFT)
    with pytest.raises(ValidationError):
        services.evidence_add(
            actor=world.student, claim=claim, file=SimpleUploadedFile("virus.exe", b"MZ")
        )
    settings.EVIDENCE_MAX_BYTES = 10
    with pytest.raises(ValidationError):
        services.evidence_add(
            actor=world.student,
            claim=claim,
            file=SimpleUploadedFile("work.pdf", b"%PDF" + b"x" * 50),
        )
    assert not claim.files.exists()


def code_for(world, **fields):
    values = {
        "label": "Fair",
        "max_uses": 2,
        "expires_at": timezone.now() + datetime.timedelta(days=1),
    }
    values.update(fields)
    return award_services.code_create(actor=world.coordinator, badge=world.badge, **values)


def test_a_claim_code_awards_at_once_and_only_as_often_as_allowed(world):
    code = code_for(world, max_uses=1)
    award = award_services.code_redeem(actor=world.student, code=code.code.lower())
    assert award.source == Award.Source.CODE
    with pytest.raises(PassportError) as error:
        award_services.code_redeem(actor=world.other_student, code=code.code)
    assert error.value.code == "used_up"
    assert not Award.objects.filter(recipient=world.other_student).exists()


def test_an_expired_code_awards_nothing(world):
    code = code_for(world)
    ClaimCode.objects.filter(pk=code.pk).update(expires_at=timezone.now())
    with pytest.raises(PassportError) as error:
        award_services.code_redeem(actor=world.student, code=code.code)
    assert error.value.code == "expired"


def test_only_the_issuers_coordinators_make_codes(world):
    with pytest.raises(NotAllowed):
        award_services.code_create(
            actor=world.teacher,
            badge=world.badge,
            label="x",
            max_uses=1,
            expires_at=timezone.now() + datetime.timedelta(days=1),
        )


def test_a_csv_with_broken_rows_is_previewed_and_only_good_rows_are_awarded(world):
    world.award(recipient=world.other_student)
    data = (
        "email,name\n"
        "anna@example.org,Anna\n"
        "not-an-address,Bad\n"
        "anna@example.org,Anna again\n"
        f"{world.other_student.email},Holder\n"
        "ben@example.org,Ben\n"
    ).encode()
    batch = award_services.bulk_preview(actor=world.coordinator, badge=world.badge, data=data)
    errors = {row["email"]: row["errors"] for row in batch.rows}
    assert errors["not-an-address"] and errors[world.other_student.email]
    assert [row["email"] for row in batch.valid_rows] == ["anna@example.org", "ben@example.org"]
    assert Award.objects.filter(source=Award.Source.BULK).count() == 0  # nothing yet
    award_services.bulk_confirm(actor=world.coordinator, batch=batch)
    award_services.bulk_run(batch_id=batch.pk)
    assert set(Award.objects.filter(source="bulk").values_list("recipient_email", flat=True)) == {
        "anna@example.org",
        "ben@example.org",
    }
    batch.refresh_from_db()
    assert (batch.status, batch.done_count) == ("done", 2)
    with pytest.raises(PassportError):
        award_services.bulk_confirm(actor=world.coordinator, batch=batch)


def test_a_file_that_is_not_text_is_reported(world):
    batch = award_services.bulk_preview(
        actor=world.coordinator, badge=world.badge, data=b"\xff\xfe\x00bad"
    )
    assert batch.rows[0]["errors"]
    assert not batch.valid_rows


def test_editing_the_criteria_of_an_awarded_badge_makes_a_new_version(world):
    from worklife_passport.services.badges import badge_update

    award = world.award()
    new = badge_update(
        actor=world.coordinator,
        badge=world.badge,
        data={"criteria_en": "Thirty hours of customer service."},
    )
    assert new.pk != world.badge.pk and new.version == 2 and new.is_current
    award.refresh_from_db()
    assert award.badge_id == world.badge.pk
    world.badge.refresh_from_db()
    assert not world.badge.is_current
    assert award_services.holds(world.student, new)  # any version counts as held


def test_editing_an_unawarded_badge_changes_it_in_place(world):
    from worklife_passport.services.badges import badge_update

    same = badge_update(
        actor=world.coordinator, badge=world.badge, data={"criteria_en": "Changed."}
    )
    assert same.pk == world.badge.pk and same.version == 1
