import pytest
from django.core import mail

from catalogue.models import Enquiry, Service
from core.models import AuditEntry
from partners.models import Membership
from tests.factories import OrganisationFactory, member, staff

pytestmark = pytest.mark.django_db
R = Membership.Role


def test_companies_find_services_by_need(client, world):
    other = Service.objects.create(
        provider=world["school"], title_en="Other", description_en="x", form="course", language="sv"
    )
    page = client.get("/en/catalogue/", {"need": "safety"})
    assert [s.pk for s in page.context["page"].object_list] == [world["service"].pk]
    page = client.get("/en/catalogue/", {"language": "sv"})
    assert [s.pk for s in page.context["page"].object_list] == [other.pk]


def test_an_enquiry_reaches_the_advisor_and_the_answer_the_company(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["contact"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/catalogue/services/{world['service'].pk}/",
            {"question": "Can you train two people in May?"},
        )
    enquiry = Enquiry.objects.get()
    assert enquiry.company == world["company"] and enquiry.status == "new"
    assert [m.to for m in mail.outbox] == [[world["advisor"].email]]
    client.force_login(world["advisor"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/catalogue/enquiries/{enquiry.pk}/", {"answer": "Yes, in week 20."})
    enquiry.refresh_from_db()
    assert enquiry.status == "answered" and enquiry.answered_by == world["advisor"]
    assert mail.outbox[-1].to == [world["contact"].email]
    client.force_login(world["contact"])
    history = client.get("/en/catalogue/enquiries/").context["mine"]
    assert list(history) == [enquiry]


def test_an_empty_question_is_refused_and_nothing_is_sent(client, world):
    client.force_login(world["contact"])
    response = client.post(f"/en/catalogue/services/{world['service'].pk}/", {"question": ""})
    assert response.status_code == 200
    assert not Enquiry.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"), [("asker", 200), ("advisor", 200), ("other_company", 404), ("staff", 200)]
)
def test_an_enquiry_is_seen_by_its_asker_and_the_provider_only(client, world, who, status):
    enquiry = Enquiry.objects.create(
        service=world["service"], asked_by=world["contact"], question="Hello?"
    )
    people = {
        "asker": world["contact"],
        "advisor": world["advisor"],
        "staff": staff(),
        "other_company": member(OrganisationFactory(company=True), R.COMPANY_CONTACT),
    }
    client.force_login(people[who])
    assert client.get(f"/en/catalogue/enquiries/{enquiry.pk}/").status_code == status


def test_only_the_provider_answers(client, world):
    enquiry = Enquiry.objects.create(
        service=world["service"], asked_by=world["contact"], question="Hello?"
    )
    client.force_login(world["contact"])
    client.post(f"/en/catalogue/enquiries/{enquiry.pk}/", {"answer": "I answer myself"})
    enquiry.refresh_from_db()
    assert enquiry.status == "new"


def test_a_closed_enquiry_takes_no_answer(world):
    from catalogue import services

    enquiry = Enquiry.objects.create(
        service=world["service"], asked_by=world["contact"], question="Hello?"
    )
    services.enquiry_close(actor=world["contact"], enquiry=enquiry)
    with pytest.raises(services.CatalogueError):
        services.enquiry_answer(actor=world["advisor"], enquiry=enquiry, answer="Late")


@pytest.mark.parametrize("count", [5, 50])
def test_service_list_query_count_is_fixed(client, world, count, django_assert_num_queries):
    for n in range(count):
        service = Service.objects.create(
            provider=world["school"],
            title_en=f"S{n}",
            description_en="x",
            form="course",
            language="fi",
        )
        service.needs.add(world["need"])
    # count, the page's keys, its rows (provider, sector) and needs unless kept, need
    # choices, sector choices
    with django_assert_num_queries(6):
        client.get("/en/catalogue/")


def test_anonymous_people_are_asked_to_log_in_to_enquire(client, world):
    response = client.post(f"/en/catalogue/services/{world['service'].pk}/", {"question": "x"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def service_data(world, **changes):
    data = {
        "title": "Forklift course",
        "description": "Two days, with the licence test.",
        "provider": world["school"].pk,
        "form": "course",
        "language": "fi",
        "place": "Kotka",
        "advisor": world["advisor"].pk,
        "needs": [world["need"].pk],
        "is_active": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_provider_staff_add_and_edit_their_services(client, world):
    client.force_login(world["advisor"])
    response = client.post("/en/catalogue/services/new/", service_data(world))
    service = Service.objects.get(title_en="Forklift course")
    assert response.status_code == 302 and response["Location"] == service.get_absolute_url()
    assert list(service.needs.all()) == [world["need"]]
    assert AuditEntry.objects.filter(action="catalogue.service.created").exists()
    client.post(
        f"/en/catalogue/services/{service.pk}/edit/",
        service_data(world, title="Forklift course, 2 days", is_active=None),
    )
    service.refresh_from_db()
    assert service.title_en == "Forklift course, 2 days" and not service.is_active
    # Hidden from the catalogue, still visible to its provider.
    assert service not in client.get("/en/catalogue/").context["page"].object_list
    assert client.get(service.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(service.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("advisor", 200),
        ("coordinator", 200),
        ("staff", 200),
        ("contact", 404),
        ("other_school", 404),
        ("anonymous", 302),
    ],
)
def test_only_the_provider_staff_edit_a_service(client, world, who, status):
    people = {
        "advisor": world["advisor"],
        "coordinator": member(world["school"], R.COORDINATOR),
        "staff": staff(),
        "contact": world["contact"],
        "other_school": member(OrganisationFactory(), R.ADVISOR),
    }
    if who in people:
        client.force_login(people[who])
    url = f"/en/catalogue/services/{world['service'].pk}/edit/"
    assert client.get(url).status_code == status
    client.post(url, service_data(world, title="Taken over"))
    world["service"].refresh_from_db()
    assert (world["service"].title_en == "Taken over") == (status == 200)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"form": "lecture"}, "form"),
        ({"place": "", "online": None}, "place"),
        ({"advisor": "other"}, "advisor"),
        ({"provider": "other"}, "provider"),
    ],
)
def test_bad_service_input_is_refused_and_kept(client, world, changes, field):
    other_school = OrganisationFactory()
    outsider = member(other_school, R.ADVISOR)
    changes = {
        key: {"other": outsider.pk if key == "advisor" else other_school.pk}.get(value, value)
        for key, value in changes.items()
    }
    client.force_login(world["advisor"])
    response = client.post("/en/catalogue/services/new/", service_data(world, **changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "Two days, with the licence test." in response.content.decode()
    assert not Service.objects.filter(description_en__startswith="Two days").exists()


def test_an_online_service_needs_no_place(client, world):
    client.force_login(world["advisor"])
    client.post("/en/catalogue/services/new/", service_data(world, place="", online="on"))
    assert Service.objects.get(title_en="Forklift course").online


@pytest.mark.parametrize("count", [5, 50])
def test_our_services_query_count_is_fixed(client, world, count, django_assert_num_queries):
    for n in range(count):
        Service.objects.create(
            provider=world["school"],
            title_en=f"S{n}",
            advisor=world["advisor"],
            description_en="x",
            form="course",
            language="fi",
        )
    client.force_login(world["advisor"])
    client.get("/en/catalogue/manage/")  # the first request also rotates the session
    # session, user, roles, count, rows with their enquiry counts (unread count: cache)
    with django_assert_num_queries(5):
        response = client.get("/en/catalogue/manage/")
    assert response.context["page"].paginator.count == count + 1


def test_people_without_a_provider_role_have_no_services_to_manage(client, world):
    client.force_login(world["contact"])
    assert client.get("/en/catalogue/manage/").status_code == 404
    assert client.get("/en/catalogue/services/new/").status_code == 404


@pytest.mark.parametrize("count", [5, 50])
def test_enquiries_query_count_is_fixed_and_new_ones_come_first(
    client, world, count, django_assert_num_queries
):
    for n in range(count):
        Enquiry.objects.create(
            service=world["service"],
            asked_by=member(OrganisationFactory(company=True), R.COMPANY_CONTACT),
            question=f"Q{n}",
            status="answered" if n % 2 else "new",
        )
    client.force_login(world["advisor"])
    client.get("/en/catalogue/enquiries/")
    # session, user, roles, count, rows, my own enquiries (unread count: cache)
    with django_assert_num_queries(6):
        response = client.get("/en/catalogue/enquiries/")
    statuses = [enquiry.status for enquiry in response.context["page"].object_list]
    assert statuses == sorted(statuses, key=lambda status: status != "new")
    assert response.context["page"].paginator.count == count
