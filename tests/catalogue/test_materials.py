import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from catalogue.models import Material, Topic
from core.models import AuditEntry
from partners.models import Membership
from tests.factories import OrganisationFactory, member, staff

pytestmark = pytest.mark.django_db
R = Membership.Role
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def school():
    return OrganisationFactory(slug="school")


@pytest.fixture
def teacher(school):
    return member(school, R.TEACHER, full_name="Tiina Opettaja")


def material(school, *, file=None, **fields):
    """A link, or with ``file=(name, bytes)`` a stored file."""
    if file is None:
        fields.setdefault("url", "https://example.org/material")
    item = Material(
        organisation=school,
        title_en=fields.pop("title", "Material"),
        language=fields.pop("language", "en"),
        licence=fields.pop("licence", Material.Licence.CC_BY),
        **fields,
    )
    if file is not None:
        item.file.save(file[0], ContentFile(file[1]), save=False)
    item.save()
    return item


def upload(name="guide.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def form_data(school, **changes):
    data = {
        "title": "Workplace Finnish",
        "description": "Phrases for the first week.",
        "language": "fi",
        "licence": "CC-BY-4.0",
        "organisation": school.pk,
        "topics": [Topic.objects.get(slug="finnish-language-and-culture").pk],
        "is_public": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_topics_of_the_library_come_in_six_languages():
    topic = Topic.objects.get(slug="international-trade")
    assert (topic.name_fi, topic.name_ru) == ("Kansainvälinen kauppa", "Международная торговля")


def test_a_teacher_shares_a_file_and_anyone_downloads_it(client, school, teacher):
    client.force_login(teacher)
    response = client.post("/en/catalogue/materials/new/", {**form_data(school), "file": upload()})
    shared = Material.objects.get()
    assert response["Location"] == shared.get_absolute_url()
    assert (shared.uploaded_by, shared.title_en, shared.is_link) == (
        teacher,
        "Workplace Finnish",
        False,
    )
    assert AuditEntry.objects.filter(action="catalogue.material.added").exists()
    client.logout()
    download = client.get(f"/en/catalogue/materials/{shared.pk}/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "attachment" in download["Content-Disposition"]
    shared.refresh_from_db()
    assert shared.downloads == 1


def test_a_link_is_counted_and_followed(client, school):
    shared = material(school, url="https://example.org/trade-guide")
    response = client.get(f"/en/catalogue/materials/{shared.pk}/download/")
    assert (response.status_code, response["Location"]) == (302, "https://example.org/trade-guide")
    client.get(f"/en/catalogue/materials/{shared.pk}/download/")
    shared.refresh_from_db()
    assert shared.downloads == 2


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"file": ("tool.exe", b"MZ\x90\x00")}, "file", "Files of this type are not accepted"),
        ({"file": ("guide.pdf", b"MZ\x90\x00 renamed program")}, "file", "does not match its type"),
        ({}, "file", "Choose a file or give a link."),
        ({"file": ("guide.pdf", PDF), "url": "https://example.org/x"}, "url", "not both"),
        ({"url": "javascript:alert(1)"}, "url", "Enter a valid URL."),
        ({"title": "", "url": "https://example.org/x"}, "title", "This field is required."),
        ({"licence": "mine", "url": "https://example.org/x"}, "licence", "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_saved(
    client, school, teacher, changes, field, message
):
    data = form_data(school, **{k: v for k, v in changes.items() if k != "file"})
    if "file" in changes:
        data["file"] = upload(*changes["file"])
    client.force_login(teacher)
    response = client.post("/en/catalogue/materials/new/", data)
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert "Phrases for the first week." in response.content.decode()
    assert not Material.objects.exists()


def test_an_oversized_file_is_refused(client, school, teacher, monkeypatch):
    from catalogue.models import Material as Model

    validator = Model._meta.get_field("file").validators[0]
    monkeypatch.setattr(validator, "max_bytes", 10)
    client.force_login(teacher)
    response = client.post(
        "/en/catalogue/materials/new/", {**form_data(school), "file": upload(content=PDF)}
    )
    assert "The file is too large" in str(response.context["form"].errors["file"])


def test_members_only_material_is_hidden_from_the_public(client, school, teacher):
    public = material(school, title="Open")
    private = material(school, title="Internal", is_public=False)
    listed = client.get("/en/catalogue/materials/").context["page"].object_list
    assert list(listed) == [public]
    response = client.get(private.get_absolute_url())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get(f"/en/catalogue/materials/{private.pk}/download/").status_code == 302
    client.force_login(teacher)
    assert client.get(private.get_absolute_url()).status_code == 200
    assert set(client.get("/en/catalogue/materials/").context["page"].object_list) == {
        public,
        private,
    }


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("uploader", True),
        ("coordinator", True),
        ("staff", True),
        ("colleague", False),
        ("other_school", False),
    ],
)
def test_the_uploader_coordinator_and_staff_edit_and_remove(
    client, school, teacher, who, allowed, django_capture_on_commit_callbacks
):
    shared = material(school, uploaded_by=teacher, file=("old.pdf", PDF))
    stored = shared.file.name
    people = {
        "uploader": teacher,
        "coordinator": member(school, R.COORDINATOR),
        "staff": staff(),
        "colleague": member(school, R.TEACHER),
        "other_school": member(OrganisationFactory(), R.COORDINATOR),
    }
    client.force_login(people[who])
    edit = client.get(f"/en/catalogue/materials/{shared.pk}/edit/")
    assert edit.status_code == (200 if allowed else 404)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/catalogue/materials/{shared.pk}/delete/")
    assert response.status_code == (302 if allowed else 404)
    assert Material.objects.filter(pk=shared.pk).exists() is not allowed
    assert shared.file.storage.exists(stored) is not allowed


def test_replacing_a_file_with_a_link_removes_the_old_file(
    client, school, teacher, django_capture_on_commit_callbacks
):
    client.force_login(teacher)
    client.post("/en/catalogue/materials/new/", {**form_data(school), "file": upload()})
    shared = Material.objects.get()
    stored = shared.file.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/catalogue/materials/{shared.pk}/edit/",
            form_data(school, url="https://example.org/online", **{"file-clear": "on"}),
        )
    shared.refresh_from_db()
    assert shared.is_link and shared.url == "https://example.org/online"
    assert not shared.file.storage.exists(stored)


def test_students_and_anonymous_people_cannot_share(client, school):
    assert client.get("/en/catalogue/materials/new/").status_code == 302
    client.force_login(member(school, R.STUDENT))
    assert client.get("/en/catalogue/materials/new/").status_code == 404
    assert "Share a material" not in client.get("/en/catalogue/materials/").content.decode()


def test_the_library_filters_by_topic_language_kind_and_text(client, school):
    trade = material(school, title="Export basics", language="lt")
    trade.topics.add(Topic.objects.get(slug="international-trade"))
    material(school, title="Finnish at work", language="fi", file=("words.txt", b"sana"))

    def titles(**query):
        page = client.get("/en/catalogue/materials/", query).context["page"]
        return [item.title for item in page.object_list]

    assert titles(topic="international-trade") == ["Export basics"]
    assert titles(language="fi") == ["Finnish at work"]
    assert titles(kind="file") == ["Finnish at work"]
    assert titles(kind="link") == ["Export basics"]
    assert titles(q="export") == ["Export basics"]


def test_a_title_written_in_finnish_is_found_from_the_english_page(client, school):
    Material.objects.create(
        organisation=school,
        title_fi="Vientikaupan perusteet",
        language="fi",
        licence="CC-BY-4.0",
        url="https://example.org/vienti",
    )
    page = client.get("/en/catalogue/materials/", {"q": "vientikaupan"}).context["page"]
    assert [item.title_fi for item in page.object_list] == ["Vientikaupan perusteet"]


@pytest.mark.parametrize("count", [5, 50])
def test_library_query_count_is_fixed(client, school, count, django_assert_num_queries):
    topic = Topic.objects.first()
    for n in range(count):
        material(school, title=f"M{n}").topics.add(topic)
    # count, rows (organisation, sector), topics, topic choices, sector choices
    with django_assert_num_queries(5):
        client.get("/en/catalogue/materials/")


def test_a_link_without_a_file_is_one_or_the_other_in_the_database(school):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        material(school, url="")
