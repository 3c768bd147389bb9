import pytest
from django.core import mail

from exchanges.errors import ExchangeError, IllegalMove, NotAllowed
from exchanges.models import Application, LearningAgreement
from exchanges.services import agreements as services

pytestmark = pytest.mark.django_db
S = Application.Status
P = LearningAgreement.Party

CONTENT = {
    "learning_outcomes": "Restoring wooden windows",
    "tasks": "Assist the carpenter",
    "assessment": "Demonstration at the workplace",
    "instructor": "Mart Tamm",
    "mentor": "",
    "monitoring": "Weekly call with the teacher",
    "recognition": "Unit 3 of the qualification",
}


@pytest.fixture
def accepted(world):
    application = world.application(status=S.ACCEPTED)
    Application.objects.filter(pk=application.pk).update(approved_at="2026-01-01T00:00Z")
    application.refresh_from_db()
    return application


def sign_all(world, agreement):
    services.agreement_sign(actor=world.student, agreement=agreement, party=P.STUDENT)
    services.agreement_sign(actor=world.coordinator, agreement=agreement, party=P.HOME)
    services.agreement_sign(actor=world.host_contact, agreement=agreement, party=P.HOST)


def test_three_signatures_move_the_application_on(world, accepted):
    agreement = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    services.agreement_sign(actor=world.student, agreement=agreement, party=P.STUDENT)
    services.agreement_sign(actor=world.coordinator, agreement=agreement, party=P.HOME)
    accepted.refresh_from_db()
    assert accepted.status == S.ACCEPTED
    services.agreement_sign(actor=world.host_contact, agreement=agreement, party=P.HOST)
    accepted.refresh_from_db()
    assert accepted.status == S.AGREEMENT_SIGNED
    assert accepted.events.filter(action="sign").exists()


@pytest.mark.parametrize(
    ("who", "party"),
    [
        ("other_student", P.STUDENT),
        ("host_contact", P.STUDENT),
        ("student", P.HOME),
        ("other_coordinator", P.HOME),
        ("other_company_contact", P.HOST),
        ("coordinator", P.HOST),
    ],
)
def test_nobody_signs_for_a_party_they_are_not(world, accepted, who, party):
    agreement = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    with pytest.raises(NotAllowed):
        services.agreement_sign(actor=world.person(who), agreement=agreement, party=party)
    assert not agreement.signatures.exists()


def test_signing_twice_is_refused(world, accepted):
    agreement = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    services.agreement_sign(actor=world.student, agreement=agreement, party=P.STUDENT)
    with pytest.raises(ExchangeError):
        services.agreement_sign(actor=world.student, agreement=agreement, party=P.STUDENT)


def test_a_change_before_any_signature_edits_the_same_version(world, accepted):
    first = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    second = services.agreement_save(
        actor=world.host_contact, application=accepted, data={**CONTENT, "tasks": "More tasks"}
    )
    assert second.pk == first.pk and second.version == 1
    assert second.tasks == "More tasks"


def test_a_change_after_a_signature_makes_a_new_version_that_needs_all_signatures(world, accepted):
    first = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    sign_all(world, first)
    accepted.refresh_from_db()
    assert accepted.status == S.AGREEMENT_SIGNED
    second = services.agreement_save(
        actor=world.coordinator, application=accepted, data={**CONTENT, "tasks": "New tasks"}
    )
    assert second.version == 2
    assert not second.signatures.exists()
    accepted.refresh_from_db()
    assert accepted.status == S.ACCEPTED
    first.refresh_from_db()
    assert first.tasks == CONTENT["tasks"] and first.signatures.count() == 3
    with pytest.raises(IllegalMove):
        services.agreement_sign(actor=world.student, agreement=first, party=P.STUDENT)
    sign_all(world, second)
    accepted.refresh_from_db()
    assert accepted.status == S.AGREEMENT_SIGNED


def test_the_moves_the_agreement_makes_are_history_and_cannot_be_posted(world, accepted):
    from exchanges.services.applications import application_transition

    first = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    with pytest.raises(IllegalMove):
        application_transition(actor=world.coordinator, application=accepted, action="sign")
    sign_all(world, first)
    with pytest.raises(IllegalMove):
        application_transition(
            actor=world.coordinator, application=accepted, action="reopen_agreement"
        )
    services.agreement_save(
        actor=world.host_contact, application=accepted, data={**CONTENT, "tasks": "New tasks"}
    )
    moves = list(accepted.events.values_list("action", "from_status", "to_status", "actor"))
    assert moves == [
        ("sign", S.ACCEPTED, S.AGREEMENT_SIGNED, world.host_contact.pk),
        ("reopen_agreement", S.AGREEMENT_SIGNED, S.ACCEPTED, world.host_contact.pk),
    ]


def test_saving_the_same_content_makes_no_new_version(world, accepted):
    first = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    services.agreement_sign(actor=world.student, agreement=first, party=P.STUDENT)
    again = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    assert again.pk == first.pk


def test_the_agreement_is_written_only_after_the_host_accepts(world):
    application = world.application(status=S.SUBMITTED)
    with pytest.raises(IllegalMove):
        services.agreement_save(actor=world.coordinator, application=application, data=CONTENT)


def test_the_student_cannot_write_the_agreement(world, accepted):
    with pytest.raises(NotAllowed):
        services.agreement_save(actor=world.student, application=accepted, data=CONTENT)


def send_link(world, agreement, settings=None):
    services.agreement_send_host_link(
        actor=world.coordinator, agreement=agreement, email="host@example.org"
    )
    from notifications.services import sweep

    sweep()
    import re

    return re.search(r"/exchanges/sign/([^/\s]+)/", mail.outbox[-1].body).group(1)


def test_host_signs_without_an_account_through_the_link(world, accepted):
    agreement = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    token = send_link(world, agreement)
    assert mail.outbox[-1].to == ["host@example.org"]
    services.agreement_sign_with_link(token=token, signer_name="Mart Tamm")
    signature = agreement.signatures.get(party=P.HOST)
    assert signature.via_link and signature.signer_name == "Mart Tamm"
    assert signature.signed_by is None


def test_the_signing_link_works_once(world, accepted):
    agreement = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    token = send_link(world, agreement)
    services.agreement_sign_with_link(token=token, signer_name="Mart Tamm")
    with pytest.raises(ExchangeError) as error:
        services.agreement_sign_with_link(token=token, signer_name="Someone Else")
    assert error.value.code == "used"


def test_an_expired_signing_link_is_refused(world, accepted, settings):
    agreement = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    token = send_link(world, agreement)
    settings.SIGNING_LINK_VALID_DAYS = -1
    with pytest.raises(ExchangeError) as error:
        services.agreement_sign_with_link(token=token, signer_name="Mart Tamm")
    assert error.value.code == "expired"


def test_a_forged_signing_link_is_refused(world, accepted):
    agreement = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    token = send_link(world, agreement)
    with pytest.raises(ExchangeError) as error:
        services.agreement_sign_with_link(token=token[:-2] + "xx", signer_name="Mart Tamm")
    assert error.value.code == "invalid"


def test_a_link_to_a_replaced_version_is_refused(world, accepted):
    agreement = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    services.agreement_sign(actor=world.student, agreement=agreement, party=P.STUDENT)
    token = send_link(world, agreement)
    services.agreement_save(
        actor=world.coordinator, application=accepted, data={**CONTENT, "tasks": "Changed"}
    )
    with pytest.raises(IllegalMove) as error:
        services.agreement_sign_with_link(token=token, signer_name="Mart Tamm")
    assert error.value.code == "outdated"


def test_the_signing_link_page_shows_expiry_as_a_clear_message(client, world, accepted, settings):
    agreement = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    token = send_link(world, agreement)
    settings.SIGNING_LINK_VALID_DAYS = -1
    response = client.get(f"/en/exchanges/sign/{token}/")
    assert response.status_code == 410
    assert "This signing link has expired" in response.content.decode()


def test_the_host_signs_on_the_link_page(client, world, accepted):
    agreement = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    token = send_link(world, agreement)
    page = client.get(f"/en/exchanges/sign/{token}/")
    assert "Restoring wooden windows" in page.content.decode()
    missing = client.post(f"/en/exchanges/sign/{token}/", {"name": "Mart Tamm"})
    assert missing.status_code == 200 and not agreement.signatures.exists()
    done = client.post(f"/en/exchanges/sign/{token}/", {"name": "Mart Tamm", "confirm": "on"})
    assert "You signed the learning agreement" in done.content.decode()
    assert agreement.signatures.filter(party=P.HOST).exists()


def test_agreement_pdf_downloads_for_the_parties(client, world, accepted):
    agreement = services.agreement_save(actor=world.coordinator, application=accepted, data=CONTENT)
    services.agreement_sign(actor=world.student, agreement=agreement, party=P.STUDENT)
    client.force_login(world.student)
    response = client.get(f"/en/exchanges/applications/{accepted.pk}/agreement.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    client.force_login(world.other_student)
    assert client.get(f"/en/exchanges/applications/{accepted.pk}/agreement.pdf").status_code == 404
