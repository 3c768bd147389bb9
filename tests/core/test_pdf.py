"""The shared PDF renderer reaches nothing but the bundled fonts and inline images."""

import pytest

from core import pdf


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/logo.png",
        "https://example.org/font.ttf",
        "file:///etc/passwd",
        (pdf.FONTS / "LICENSE-DejaVu.txt").as_uri(),
        (pdf.FONTS / ".." / "settings.py").as_uri(),
    ],
)
def test_a_document_fetches_nothing_from_outside(url):
    with pytest.raises(ValueError, match="Not fetched"):
        pdf._LocalFetcher().fetch(url)


def test_a_document_reads_its_fonts_and_inline_images():
    font = pdf._LocalFetcher().fetch((pdf.FONTS / "DejaVuSans.ttf").as_uri())
    assert font.read(4) == b"\x00\x01\x00\x00"
    font.close()
    image = pdf._LocalFetcher().fetch(pdf.data_uri(b"GIF89a", "image/gif"))
    assert image.read() == b"GIF89a"
