"""Logos: checked by content and pixels, kept small, served from the public storage."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from partners.models import Membership
from tests.factories import OrganisationFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    return OrganisationFactory(name_fi="Järvenrannan ammattiopisto", slug="jarvenranta")


@pytest.fixture
def coordinator(school):
    return member(school, Membership.Role.COORDINATOR)


def image_bytes(size, fmt="PNG", mode="RGB", **save):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, fmt, **save)
    return buffer.getvalue()


def post_logo(client, school, name, content):
    return client.post(
        f"/en/partners/{school.slug}/edit/",
        {
            "name_fi": school.name_fi,
            "country": "FI",
            "municipality": "Lappeenranta",
            "business_id": "",
            "logo": SimpleUploadedFile(name, content),
        },
    )


def test_a_144_megapixel_logo_is_refused_with_a_clear_message(client, coordinator, school):
    client.force_login(coordinator)
    response = post_logo(client, school, "bomb.png", image_bytes((12000, 12000), mode="1"))
    assert response.status_code == 200
    assert "The image has too many pixels. The limit is 25 megapixels" in response.content.decode()
    school.refresh_from_db()
    assert not school.logo


def test_the_pixel_limit_is_ours_not_pillows(client, coordinator, school, settings):
    # 30 megapixels: Pillow itself would not even warn.
    client.force_login(coordinator)
    response = post_logo(client, school, "big.png", image_bytes((6000, 5000), mode="1"))
    assert "too many pixels" in response.content.decode()
    settings.UPLOAD_IMAGE_MAX_PIXELS = 40_000_000
    response = post_logo(client, school, "big.png", image_bytes((6000, 5000), mode="1"))
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.logo


@pytest.mark.parametrize(
    ("fmt", "name"), [("PNG", "logo.png"), ("JPEG", "logo.jpg"), ("WEBP", "logo.webp")]
)
def test_a_large_logo_is_kept_at_most_512_pixels_on_its_long_side(
    client, coordinator, school, fmt, name
):
    client.force_login(coordinator)
    response = post_logo(client, school, name, image_bytes((2000, 1000), fmt))
    assert response.status_code == 302
    school.refresh_from_db()
    with school.logo.open("rb") as handle, Image.open(handle) as kept:
        assert kept.size == (512, 256)
        assert kept.format == fmt


def test_a_small_logo_keeps_its_size_but_not_its_metadata(client, coordinator, school):
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {2: (60.0, 10.0, 0.0)}  # GPS latitude
    client.force_login(coordinator)
    post_logo(client, school, "logo.jpg", image_bytes((120, 80), "JPEG", exif=exif))
    school.refresh_from_db()
    with school.logo.open("rb") as handle, Image.open(handle) as kept:
        assert kept.size == (120, 80)
        assert not kept.getexif()


def test_a_renamed_file_is_not_a_logo(client, coordinator, school):
    client.force_login(coordinator)
    response = post_logo(client, school, "logo.webp", image_bytes((40, 40), "PNG"))
    assert response.status_code == 200
    assert "does not match its type" in response.content.decode()
    school.refresh_from_db()
    assert not school.logo
