"""A POST on a training service, an enquiry or a material outside the viewer's scope
answers 404 and changes nothing."""

import pytest
from django.urls import reverse

from catalogue.models import Enquiry, EnquiryReply, Material, Service
from partners.models import Membership
from tests.catalogue.test_catalogue import service_data
from tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db
R = Membership.Role


@pytest.fixture
def outsider():
    return member(OrganisationFactory(), R.COORDINATOR)


@pytest.fixture
def enquiry(world):
    return Enquiry.objects.create(
        service=world["service"], asked_by=world["contact"], question="When is the next course?"
    )


def test_an_outsider_cannot_edit_a_service(client, world, outsider):
    client.force_login(outsider)
    url = reverse("catalogue:service_edit", kwargs={"pk": world["service"].pk})
    assert client.post(url, service_data(world, title="Taken over")).status_code == 404
    assert Service.objects.get().title_en == "Safety card"


def test_an_outsider_cannot_close_or_reply_to_an_enquiry(client, enquiry, outsider):
    client.force_login(outsider)
    close = reverse("catalogue:enquiry_close", kwargs={"pk": enquiry.pk})
    reply = reverse("catalogue:enquiry_reply", kwargs={"pk": enquiry.pk})
    assert client.post(close).status_code == 404
    assert client.post(reply, {"body": "Never"}).status_code == 404
    enquiry.refresh_from_db()
    assert enquiry.status == Enquiry.Status.NEW
    assert not EnquiryReply.objects.exists()


def test_an_outsider_cannot_edit_or_delete_a_material(client, outsider):
    school = OrganisationFactory()
    material = Material.objects.create(
        organisation=school,
        title_en="Safety basics",
        language="fi",
        licence=Material.Licence.CC_BY,
        url="https://example.org/safety",
    )
    client.force_login(outsider)
    edit = reverse("catalogue:material_edit", kwargs={"pk": material.pk})
    delete = reverse("catalogue:material_delete", kwargs={"pk": material.pk})
    assert client.post(edit, {"title": "Taken over"}).status_code == 404
    assert client.post(delete).status_code == 404
    assert Material.objects.get().title_en == "Safety basics"
