"""Enquiries sent twice, the company's reply, and the wording of the catalogue's filter."""

import contextlib
import datetime
import re
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.translation import trans_real

from catalogue import services
from catalogue.models import Enquiry, EnquiryReply, Service
from catalogue.services import CatalogueError
from partners.models import Membership
from tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db
R = Membership.Role


@pytest.fixture
def world():
    school = OrganisationFactory(slug="school")
    company = OrganisationFactory(company=True, slug="company")
    advisor = member(school, R.ADVISOR, full_name="Antti Neuvoja")
    service = Service.objects.create(
        provider=school,
        title_en="Safety card",
        description_en="Training",
        form="tailored",
        language="fi",
        advisor=advisor,
    )
    contact = member(company, R.COMPANY_CONTACT, full_name="Maija Yritys")
    return {"service": service, "advisor": advisor, "contact": contact}


@contextlib.contextmanager
def finnish(**entries):
    """Translations of the Finnish catalogue for the test: what the translators wrote."""
    catalogue = trans_real.translation("fi")._catalog._catalogs[0]
    before = {key: catalogue.get(key) for key in entries}
    catalogue.update(entries)
    try:
        yield
    finally:
        for key, value in before.items():
            if value is None:
                catalogue.pop(key, None)
            else:
                catalogue[key] = value


def _submission_key(client, service):
    page = client.get(f"/en/catalogue/services/{service.pk}/").content.decode()
    return re.search(r'name="submission_key" value="([^"]+)"', page).group(1)


def test_the_same_enquiry_form_sent_twice_is_one_enquiry(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["contact"])
    url = f"/en/catalogue/services/{world['service'].pk}/"
    data = {
        "question": "Two people in May?",
        "submission_key": _submission_key(client, world["service"]),
    }
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, data)
        second = client.post(url, data, follow=True)
    enquiry = Enquiry.objects.get()
    assert first["Location"] == f"/en/catalogue/enquiries/{enquiry.pk}/"
    assert second.redirect_chain[-1][0] == first["Location"]
    assert "You already sent this question" in second.content.decode()
    assert [m.to for m in mail.outbox] == [[world["advisor"].email]]


def test_the_same_question_again_soon_is_the_same_enquiry_but_later_a_new_one(world):
    args = {"actor": world["contact"], "service": world["service"], "question": "Price?"}
    first, created = services.enquiry_send(**args, submission_key="a")
    again, created_again = services.enquiry_send(**args, submission_key="b")
    assert (created, created_again, again) == (True, False, first)
    Enquiry.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - services.RESEND_WINDOW - datetime.timedelta(seconds=1)
    )
    later, created_later = services.enquiry_send(**args, submission_key="c")
    assert created_later and later != first
    assert Enquiry.objects.count() == 2


def test_a_simultaneous_second_submit_meets_the_constraint_and_returns_the_first(world):
    args = {"actor": world["contact"], "service": world["service"], "submission_key": "same"}
    first, _created = services.enquiry_send(**args, question="Price?")
    # As if the other request had not committed yet when this one looked.
    with mock.patch.object(services, "_sent_before", return_value=None):
        again, created = services.enquiry_send(**args, question="Price?")
    assert (again, created) == (first, False)
    assert Enquiry.objects.count() == 1


def test_the_service_filter_uses_the_catalogues_word_not_the_mobilitys(client, world):
    with finnish(Form="Liikkuvuuden muoto", form="liikkuvuuden muoto"):
        page = client.get("/fi/catalogue/").content.decode()
    label = re.search(r'<label for="id_form">([^<]*)', page).group(1)
    assert "liikkuvuuden" not in label.lower()


def _answered(world):
    enquiry, _created = services.enquiry_send(
        actor=world["contact"], service=world["service"], question="Two people in May?"
    )
    return services.enquiry_answer(actor=world["advisor"], enquiry=enquiry, answer="Yes, in May.")


def test_the_company_replies_to_an_answer_and_the_advisor_hears_of_it(
    client, world, django_capture_on_commit_callbacks
):
    enquiry = _answered(world)
    client.force_login(world["contact"])
    page = client.get(f"/en/catalogue/enquiries/{enquiry.pk}/").content.decode()
    assert f'action="/en/catalogue/enquiries/{enquiry.pk}/reply/"' in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/catalogue/enquiries/{enquiry.pk}/reply/", {"body": "Which week?"}, follow=True
        )
    assert "Which week?" in response.content.decode()
    reply = EnquiryReply.objects.get()
    assert (reply.enquiry, reply.author) == (enquiry, world["contact"])
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.NEW  # waiting for the advisor again
    assert [m.to for m in mail.outbox] == [[world["advisor"].email]]
    assert "Which week?" in mail.outbox[0].body


def test_the_advisors_second_answer_keeps_the_first(world):
    enquiry = _answered(world)
    services.enquiry_reply(actor=world["contact"], enquiry=enquiry, body="Which week?")
    services.enquiry_answer(actor=world["advisor"], enquiry=enquiry, answer="Week 20.")
    enquiry.refresh_from_db()
    assert enquiry.answer == "Yes, in May." and enquiry.status == Enquiry.Status.ANSWERED
    assert [r.body for r in enquiry.replies.all()] == ["Which week?", "Week 20."]


def test_no_reply_form_for_the_advisor_nor_before_an_answer_nor_once_closed(client, world):
    enquiry, _created = services.enquiry_send(
        actor=world["contact"], service=world["service"], question="Two people in May?"
    )
    reply_url = f"/en/catalogue/enquiries/{enquiry.pk}/reply/"
    client.force_login(world["contact"])
    assert reply_url not in client.get(f"/en/catalogue/enquiries/{enquiry.pk}/").content.decode()
    with pytest.raises(CatalogueError):
        services.enquiry_reply(actor=world["contact"], enquiry=enquiry, body="Hello?")
    services.enquiry_answer(actor=world["advisor"], enquiry=enquiry, answer="Yes.")
    client.force_login(world["advisor"])
    assert reply_url not in client.get(f"/en/catalogue/enquiries/{enquiry.pk}/").content.decode()
    with pytest.raises(CatalogueError):
        services.enquiry_reply(actor=world["advisor"], enquiry=enquiry, body="Me too")
    services.enquiry_close(actor=world["contact"], enquiry=enquiry)
    client.force_login(world["contact"])
    assert reply_url not in client.get(f"/en/catalogue/enquiries/{enquiry.pk}/").content.decode()
    with pytest.raises(CatalogueError):
        services.enquiry_reply(actor=world["contact"], enquiry=enquiry, body="One more")
    assert not EnquiryReply.objects.exists()
