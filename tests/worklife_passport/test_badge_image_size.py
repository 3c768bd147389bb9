"""Badge images: PNGs are kept small and checked for pixels; SVGs are kept as they came."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.uploads import public_storage

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="2000"><rect/></svg>'


def png(size, mode="RGBA"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_large_png_badge_image_is_kept_at_512_pixels(world):
    world.badge.image.save("badge.png", ContentFile(png((1600, 1600))))
    with world.badge.image.open("rb") as handle, Image.open(handle) as kept:
        assert kept.size == (512, 512)
        assert kept.mode == "RGBA"
    assert world.badge.image.storage is public_storage()


def test_an_svg_badge_image_is_stored_as_it_came(world):
    world.badge.image.save("badge.svg", ContentFile(SVG))
    with world.badge.image.open("rb") as handle:
        assert handle.read() == SVG


def test_a_png_badge_image_of_too_many_pixels_is_refused(world, settings):
    settings.UPLOAD_IMAGE_MAX_PIXELS = 1000
    world.badge.image = SimpleUploadedFile("badge.png", png((40, 40)))
    with pytest.raises(ValidationError) as error:
        world.badge.full_clean()
    assert [e.code for e in error.value.error_dict["image"]] == ["image_pixels"]
