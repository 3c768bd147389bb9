"""A badge's image is checked when the badge is edited, as when it is made: only a PNG or
SVG that reads as one is kept, and a refused image is a form error, not a server error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from worklife_passport.models import Badge

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle r="4"/></svg>'


def _post(client, world, image):
    badge = world.badge
    data = {
        "name_fi": badge.name_fi,
        "name_en": "Customer service, edited",
        "description_en": badge.description_en,
        "criteria_fi": badge.criteria_fi,
        "criteria_en": badge.criteria_en,
        "category": badge.category,
        "achievement_type": badge.achievement_type,
        "evidence_required": ["text"],
        "assessor_roles": ["teacher"],
        "is_active": "on",
        "image": image,
    }
    client.force_login(world.coordinator)
    return client.post(
        reverse("passport:badge_edit", args=[badge.pk]), data, HTTP_ACCEPT_LANGUAGE="en"
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("page.html", b"<html><script>alert(1)</script></html>", "text/html"),
        ("badge.svg", b"<svg", "image/svg+xml"),
        ("badge.png", b"not a png at all", "image/png"),
    ],
)
def test_an_image_that_is_not_a_badge_image_is_refused_on_edit(
    client, world, name, content, content_type
):
    response = _post(client, world, SimpleUploadedFile(name, content, content_type=content_type))
    assert response.status_code == 200
    assert response.context["form"].errors
    badge = Badge.objects.get(pk=world.badge.pk)
    assert not badge.image
    assert badge.name_en == "Customer service basics"
    # What the person typed is still in the form.
    assert "Customer service, edited" in response.content.decode()


def test_a_good_svg_is_kept_on_edit(client, world):
    response = _post(
        client, world, SimpleUploadedFile("badge.svg", SVG, content_type="image/svg+xml")
    )
    assert response.status_code == 302
    badge = Badge.objects.get(pk=world.badge.pk)
    assert badge.image.name.endswith(".svg")
    assert badge.name_en == "Customer service, edited"
