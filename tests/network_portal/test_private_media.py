"""Only logos and badge images are served as media; every private file stays private,
however its path is written."""

import datetime
import importlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from core.uploads import public_storage
from exchanges.models import PartnershipAgreement
from reports.models import ReportExport
from tests.factories import OrganisationFactory, UserFactory
from worklife_passport.models import Badge

pytestmark = pytest.mark.django_db

SECRET = b"%PDF-1.4 the student's medical certificate"
PRIVATE_NAMES = [
    "evidence/7/0123456789abcdef-certificate.pdf",
    "reports/network-report-20260101-20260331.pdf",
]


def png(size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, "PNG")
    return buffer.getvalue()


def body(response) -> bytes:
    # The test client closes a streamed response once its content has been read.
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture
def private_files():
    for name in PRIVATE_NAMES:
        default_storage.save(name, ContentFile(SECRET))
    return PRIVATE_NAMES


@pytest.fixture
def logo():
    organisation = OrganisationFactory()
    organisation.logo.save("logo.png", ContentFile(png()))
    return organisation.logo


@pytest.fixture
def badge_images():
    issuer = OrganisationFactory()
    made = []
    for name, content in [
        ("badge.png", png()),
        ("badge.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'),
    ]:
        badge = Badge.objects.create(
            issuer=issuer,
            name_fi="Merkki",
            description="Kuvaus",
            criteria="Kriteerit",
            category=Badge.Category.WORK_LIFE,
        )
        badge.image.save(name, ContentFile(content))
        made.append(badge.image)
    return made


DOTS = ["..", "%2e%2e", "%2E%2E", ".%2e", "%252e%252e"]
SEPARATORS = ["/", "%2f", "%2F", "\\", "%5c", "%252f"]


def traversals(target: str):
    """Every way of writing "up, then to ``target``" from a public folder, for a private
    root that holds the public folder and for one beside the public root."""
    media = Path(django_settings.MEDIA_ROOT).name
    for dots in DOTS:
        for sep in SEPARATORS:
            inside = target.replace("/", sep)
            for prefix in ("/media/logos/", "/media/badges/"):
                yield f"{prefix}{dots}{sep}{inside}"
                yield f"{prefix}{dots}{sep}{dots}{sep}{media}{sep}{inside}"
            yield f"/media/{dots}{sep}{media}{sep}{inside}"


def absolutes(target: str):
    full = str(Path(django_settings.MEDIA_ROOT) / target)
    for prefix in ("/media/", "/media/logos/"):
        yield prefix + full
        yield prefix + "/" + full
        yield prefix + full.replace("/", "%2f")
        yield prefix + full.replace("/", "\\")
        yield prefix + "file:" + full
    yield "/media/" + target
    yield "/media//" + target
    yield "/media/./" + target
    yield "/media/logos/.//../" + target
    yield "/media/logos/%00/../" + target


def test_no_private_file_is_served_under_the_public_media_address(
    client, private_files, logo, badge_images
):
    tried = 0
    for target in private_files:
        for path in [*traversals(target), *absolutes(target)]:
            response = client.get(path)
            assert response.status_code == 404, path
            assert SECRET not in body(response), path
            tried += 1
    assert tried > 250


def test_logos_and_badge_images_are_still_served(client, logo, badge_images):
    response = client.get(logo.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert body(response).startswith(b"\x89PNG")
    png_badge, svg_badge = badge_images
    response = client.get(png_badge.url)
    assert response.status_code == 200
    assert body(response).startswith(b"\x89PNG")
    response = client.get(svg_badge.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "sandbox" in response["Content-Security-Policy"]
    assert body(response).startswith(b"<svg")


def test_the_public_addresses_of_logos_and_badge_images_are_kept(logo, badge_images):
    assert re.fullmatch(r"/media/logos/[^/]+\.png", logo.url)
    assert all(re.fullmatch(r"/media/badges/[^/]+\.(png|svg)", i.url) for i in badge_images)


def test_logos_and_badge_images_are_kept_apart_from_private_files(logo, badge_images):
    public_root = Path(django_settings.PUBLIC_MEDIA_ROOT)
    private_root = Path(django_settings.MEDIA_ROOT)
    for field_file in [logo, *badge_images]:
        assert (public_root / field_file.name).is_file()
        assert not (private_root / field_file.name).exists()


def test_a_public_file_no_row_holds_is_not_served(client, logo):
    public_storage().save("logos/replaced-long-ago.png", ContentFile(png()))
    assert client.get("/media/logos/replaced-long-ago.png").status_code == 404


def test_a_logo_whose_file_is_gone_is_not_found(client, logo):
    public_storage().delete(logo.name)
    assert client.get(logo.url).status_code == 404


def test_report_exports_agreements_and_event_materials_get_unguessable_names():
    from events.models import Material

    cases = [
        (ReportExport, "file", "network-report-20260101-20260331.xlsx", r"reports/[0-9a-f]{32}/"),
        (PartnershipAgreement, "document", "mou.pdf", r"agreements/[0-9a-f]{16}-"),
        (Material, "file", "slides.pdf", r"event-materials/5/[0-9a-f]{16}-"),
    ]
    for model, field_name, filename, pattern in cases:
        field = model._meta.get_field(field_name)
        instance = model(event_id=5) if model is Material else model()
        first = field.generate_filename(instance, filename)
        second = field.generate_filename(instance, filename)
        assert re.fullmatch(pattern + re.escape(filename), first), first
        assert first != second


def test_a_built_report_export_is_stored_under_a_token(network_report_export):
    pattern = r"reports/[0-9a-f]{32}/network-report-20260101-20260331\.csv"
    assert re.fullmatch(pattern, network_report_export)


@pytest.fixture
def network_report_export(django_capture_on_commit_callbacks):
    from reports import services

    export = ReportExport.objects.create(
        requested_by=UserFactory(),
        format="csv",
        language="en",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 31),
        expires_at=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
    )
    services.export_build(export.pk)
    export.refresh_from_db()
    return export.file.name


def _migration(app_label, name):
    return importlib.import_module(f"{app_label}.migrations.{name}")


def test_the_migration_moves_stored_logos_and_badge_images_to_public_storage(client):
    organisation = OrganisationFactory()
    default_storage.save("logos/old.png", ContentFile(png()))
    type(organisation).objects.filter(pk=organisation.pk).update(logo="logos/old.png")
    badge = Badge.objects.create(
        issuer=organisation,
        name_fi="Merkki",
        description="Kuvaus",
        criteria="Kriteerit",
        category=Badge.Category.WORK_LIFE,
    )
    default_storage.save("badges/old.png", ContentFile(png()))
    Badge.objects.filter(pk=badge.pk).update(image="badges/old.png")
    assert client.get("/media/logos/old.png").status_code == 404  # not moved yet

    for _ in range(2):  # a second run finds nothing left to move
        _migration("partners", "0008_logos_in_public_storage").move_logos(apps, None)
        _migration("worklife_passport", "0004_badge_images_in_public_storage").move_badge_images(
            apps, None
        )

    organisation.refresh_from_db()
    badge.refresh_from_db()
    assert organisation.logo.name == "logos/old.png"
    assert badge.image.name == "badges/old.png"
    for name in ("logos/old.png", "badges/old.png"):
        assert public_storage().exists(name)
        assert not default_storage.exists(name)
        response = client.get(f"/media/{name}")
        assert response.status_code == 200
        assert body(response).startswith(b"\x89PNG")


def test_the_migration_gives_stored_exports_and_agreements_unguessable_names():
    export = ReportExport.objects.create(
        requested_by=UserFactory(),
        format="pdf",
        language="en",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 31),
        expires_at=datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC),
        file="reports/network-report-20260101-20260331.pdf",
    )
    default_storage.save(export.file.name, ContentFile(SECRET))
    agreement = PartnershipAgreement.objects.create(
        title="MoU",
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2027, 1, 1),
        document="agreements/mou.pdf",
    )
    default_storage.save(agreement.document.name, ContentFile(SECRET))

    _migration("reports", "0002_export_unguessable_names").rename_exports(apps, None)
    _migration("exchanges", "0004_attachments_checked_by_content").rename_agreements(apps, None)
    export.refresh_from_db()
    agreement.refresh_from_db()
    assert re.fullmatch(
        r"reports/[0-9a-f]{32}/network-report-20260101-20260331\.pdf", export.file.name
    )
    assert re.fullmatch(r"agreements/[0-9a-f]{16}-mou\.pdf", agreement.document.name)
    for field_file in (export.file, agreement.document):
        with field_file.open("rb") as handle:
            assert handle.read() == SECRET
    assert not default_storage.exists("reports/network-report-20260101-20260331.pdf")
    assert not default_storage.exists("agreements/mou.pdf")

    names = (export.file.name, agreement.document.name)
    _migration("reports", "0002_export_unguessable_names").rename_exports(apps, None)
    _migration("exchanges", "0004_attachments_checked_by_content").rename_agreements(apps, None)
    export.refresh_from_db()
    agreement.refresh_from_db()
    assert (export.file.name, agreement.document.name) == names


def test_the_public_root_may_not_hold_the_private_one_or_lie_inside_it(tmp_path):
    for media, public in [
        (tmp_path / "media", tmp_path / "media" / "public"),
        (tmp_path / "public" / "media", tmp_path / "public"),
        (tmp_path / "same", tmp_path / "same"),
    ]:
        env = {**os.environ, "MEDIA_ROOT": str(media), "PUBLIC_MEDIA_ROOT": str(public)}
        result = subprocess.run(
            [sys.executable, "-c", "import network_portal.settings"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            cwd=django_settings.BASE_DIR,
        )
        assert result.returncode != 0
        assert "must not hold one another" in result.stderr
