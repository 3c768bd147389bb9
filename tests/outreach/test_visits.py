import datetime

import pytest
from django.core import mail
from django.utils import timezone

from core.models import AuditEntry
from notifications.models import Notification
from outreach.models import FollowUp, Visit
from outreach.services import visits as services
from partners.models import Membership, Organisation
from tests.factories import (
    ApplicationFactory,
    OfferFactory,
    OrganisationFactory,
    SectorFactory,
    member,
    staff,
)

pytestmark = pytest.mark.django_db
R = Membership.Role
TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)


@pytest.fixture
def world():
    school = OrganisationFactory(slug="school", region="Etelä-Karjala")
    company = OrganisationFactory(
        company=True, slug="virtanen", name_fi="Rakennus Virtanen Oy", region="Etelä-Karjala"
    )
    municipality = OrganisationFactory(kind="public_body", slug="business-services")
    return {
        "school": school,
        "company": company,
        "municipality": municipality,
        "advisor": member(school, R.ADVISOR, full_name="Aino Neuvoja"),
        "colleague": member(school, R.ADVISOR, full_name="Kalle Kollega"),
    }


def visit_data(world, **changes):
    data = {
        "company": world["company"].pk,
        "visited_on": "2026-11-20",
        "school": world["school"].pk,
        "visitors": [world["advisor"].pk],
        "joint_with": [world["municipality"].pk],
        "met": "Jari Virtanen",
        "guidance_needs": "Two supervisors want instructor training.",
        "cooperation_needs": "",
        "opportunities": ["training_agreement", "apprenticeship"],
        "skill_needs": "Renovation",
        "notes": "",
        "follow_ups-TOTAL_FORMS": "2",
        "follow_ups-INITIAL_FORMS": "0",
        "follow_ups-MIN_NUM_FORMS": "0",
        "follow_ups-MAX_NUM_FORMS": "1000",
        "follow_ups-0-action": "Send the training link",
        "follow_ups-0-owner": world["colleague"].pk,
        "follow_ups-0-due_on": "2026-12-01",
        "follow_ups-1-action": "",
        "follow_ups-1-owner": "",
        "follow_ups-1-due_on": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def make_visit(world, **fields):
    visit = Visit.objects.create(
        company=fields.pop("company", world["company"]),
        school=world["school"],
        visited_on=fields.pop("visited_on", TODAY),
        created_by=world["advisor"],
        **fields,
    )
    visit.visitors.add(world["advisor"])
    return visit


def test_an_advisor_logs_a_visit_with_a_follow_up_for_a_colleague(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world["advisor"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/partners/visits/new/", visit_data(world))
    visit = Visit.objects.get()
    assert response["Location"] == visit.get_absolute_url()
    assert visit.opportunities == ["training_agreement", "apprenticeship"]
    assert list(visit.joint_with.all()) == [world["municipality"]]
    follow_up = visit.follow_ups.get()
    assert (follow_up.owner, follow_up.due_on) == (world["colleague"], datetime.date(2026, 12, 1))
    assert AuditEntry.objects.filter(action="partners.visit.logged").count() == 1
    assert [m.to for m in mail.outbox] == [[world["colleague"].email]]
    assert "Send the training link" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"visited_on": "2026-11-30"}, "once it has happened"),
        ({"follow_ups-0-due_on": "2026-11-01"}, "cannot be in the past"),
        ({"follow_ups-0-owner": ""}, "This field is required."),
        ({"company": "999999"}, "Select a valid choice"),
        ({"opportunities": ["castles"]}, "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_kept_and_nothing_saved(client, world, changes, message):
    client.force_login(world["advisor"])
    response = client.post("/en/partners/visits/new/", visit_data(world, **changes))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Two supervisors want instructor training." in page
    assert "Send the training link" in page
    assert not Visit.objects.exists() and not FollowUp.objects.exists()


def test_another_organisation_cannot_be_chosen_as_the_visitor(client, world):
    other = OrganisationFactory()
    client.force_login(world["advisor"])
    response = client.post("/en/partners/visits/new/", visit_data(world, school=other.pk))
    assert "school" in response.context["form"].errors
    assert not Visit.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("advisor", 200),
        ("coordinator", 200),
        ("public_body_advisor", 200),
        ("staff", 200),
        ("teacher", 404),
        ("student", 404),
        ("company_contact", 404),
        ("anonymous", 302),
    ],
)
@pytest.mark.parametrize("page", ["outreach/", "visits/", "visits/new/", "visit"])
def test_outreach_pages_serve_advisors_and_coordinators_only(client, world, who, status, page):
    people = {
        "advisor": world["advisor"],
        "coordinator": member(world["school"], R.COORDINATOR),
        "public_body_advisor": member(world["municipality"], R.ADVISOR),
        "staff": staff(),
        "teacher": member(world["school"], R.TEACHER),
        "student": member(world["school"], R.STUDENT),
        "company_contact": member(world["company"], R.COMPANY_CONTACT),
    }
    if who in people:
        client.force_login(people[who])
    if page == "visit":
        page = f"visits/{make_visit(world).pk}/"
    assert client.get(f"/en/partners/{page}").status_code == status


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("creator", True),
        ("school_coordinator", True),
        ("staff", True),
        ("other_school_advisor", False),
        ("colleague", False),
    ],
)
def test_a_visit_is_edited_by_its_people_and_the_schools_coordinator(client, world, who, allowed):
    visit = make_visit(world)
    people = {
        "creator": world["advisor"],
        "school_coordinator": member(world["school"], R.COORDINATOR),
        "staff": staff(),
        "other_school_advisor": member(OrganisationFactory(), R.ADVISOR),
        "colleague": world["colleague"],
    }
    client.force_login(people[who])
    assert client.get(f"/en/partners/visits/{visit.pk}/edit/").status_code == (
        200 if allowed else 404
    )
    no_actions = {f"follow_ups-0-{name}": "" for name in ("action", "owner", "due_on")}
    data = visit_data(world, notes="Edited", **no_actions)
    client.post(f"/en/partners/visits/{visit.pk}/edit/", data)
    visit.refresh_from_db()
    assert (visit.notes == "Edited") is allowed


def test_the_owner_marks_an_action_done_and_others_may_not(client, world):
    visit = make_visit(world)
    follow_up = FollowUp.objects.create(
        visit=visit, action="Call back", owner=world["colleague"], due_on=TODAY
    )
    client.force_login(member(OrganisationFactory(), R.ADVISOR))
    client.post(f"/en/partners/follow-ups/{follow_up.pk}/done/")
    follow_up.refresh_from_db()
    assert follow_up.done_at is None
    client.force_login(world["colleague"])
    client.post(f"/en/partners/follow-ups/{follow_up.pk}/done/")
    follow_up.refresh_from_db()
    assert follow_up.done_by == world["colleague"]
    response = client.post(f"/en/partners/follow-ups/{follow_up.pk}/done/", follow=True)
    assert "already done" in response.content.decode()


def test_the_owner_hears_when_someone_else_marks_the_action_done(world):
    visit = make_visit(world)
    follow_up = FollowUp.objects.create(
        visit=visit, action="Call back", owner=world["colleague"], due_on=TODAY
    )
    services.follow_up_complete(actor=world["advisor"], follow_up=follow_up)
    assert Notification.objects.filter(
        recipient=world["colleague"], kind="partners.follow_up_done"
    ).exists()


def test_owners_are_reminded_before_the_due_date_and_once_when_overdue(world):
    visit = make_visit(world)
    soon = FollowUp.objects.create(
        visit=visit, action="Soon", owner=world["advisor"], due_on=TODAY + datetime.timedelta(2)
    )
    later = FollowUp.objects.create(
        visit=visit, action="Later", owner=world["advisor"], due_on=TODAY + datetime.timedelta(9)
    )
    late = FollowUp.objects.create(
        visit=visit, action="Late", owner=world["advisor"], due_on=TODAY - datetime.timedelta(1)
    )
    FollowUp.objects.create(
        visit=visit, action="Done", owner=world["advisor"], due_on=TODAY, done_at=timezone.now()
    )

    def reminded():
        return sorted(
            Notification.objects.filter(
                kind="partners.follow_up_due", channel="in_app"
            ).values_list("context__action", flat=True)
        )

    services.send_follow_up_reminders(today=TODAY)
    services.send_follow_up_reminders(today=TODAY)
    assert reminded() == ["Late", "Soon"]
    # A moved due date is reminded of again; later ones come when their time comes.
    FollowUp.objects.filter(pk=late.pk).update(due_on=TODAY + datetime.timedelta(1))
    services.send_follow_up_reminders(today=TODAY)
    assert reminded() == ["Late", "Late", "Soon"]
    services.send_follow_up_reminders(today=later.due_on - datetime.timedelta(2))
    assert "Later" in reminded()
    assert soon.pk


def test_the_outreach_view_lists_the_companies_nobody_has_reached(client, world):
    construction = SectorFactory(slug="construction")
    untouched = OrganisationFactory(company=True, name_fi="Untouched Oy", region="Etelä-Karjala")
    untouched.sectors.add(construction)
    elsewhere = OrganisationFactory(company=True, name_fi="Far Away Oy", region="Kainuu")
    rejected_only = OrganisationFactory(company=True, name_fi="Said No Oy", region="Kainuu")
    ApplicationFactory(
        offer=None,
        host=rejected_only,
        start_date=TODAY,
        end_date=TODAY,
        status="rejected",
    )
    make_visit(world)  # world["company"] is reached by a visit
    OfferFactory(host=OrganisationFactory(company=True, name_fi="Has Offer Oy"))
    placed = OrganisationFactory(company=True, name_fi="Took Student Oy")
    ApplicationFactory(
        offer=None, host=placed, start_date=TODAY, end_date=TODAY, status="in_progress"
    )
    from exchanges.models import PartnershipAgreement

    agreement = PartnershipAgreement.objects.create(
        title="MoU", valid_from=TODAY, valid_until=TODAY
    )
    agreement.parties.add(OrganisationFactory(company=True, name_fi="Signed Oy"))
    client.force_login(world["advisor"])

    def names(**query):
        page = client.get("/en/partners/outreach/", query).context["page"]
        return sorted(company.name for company in page.object_list)

    assert names() == ["Far Away Oy", "Said No Oy", "Untouched Oy"]
    assert names(region="Kainuu") == ["Far Away Oy", "Said No Oy"]
    assert names(sector="construction") == ["Untouched Oy"]
    regions = client.get("/en/partners/outreach/").context["regions"]
    assert [(row["region"], row["count"]) for row in regions] == [
        ("Kainuu", 2),
        ("Etelä-Karjala", 1),
    ]
    assert elsewhere.pk


def test_follow_ups_due_show_the_owners_and_the_coordinators_actions(client, world):
    visit = make_visit(world)
    FollowUp.objects.create(visit=visit, action="Mine", owner=world["advisor"], due_on=TODAY)
    FollowUp.objects.create(visit=visit, action="Theirs", owner=world["colleague"], due_on=TODAY)
    client.force_login(world["advisor"])
    listed = client.get("/en/partners/outreach/").context["follow_ups"]
    assert [item.action for item in listed] == ["Mine"]
    client.force_login(member(world["school"], R.COORDINATOR))
    listed = client.get("/en/partners/outreach/").context["follow_ups"]
    assert sorted(item.action for item in listed) == ["Mine", "Theirs"]


@pytest.mark.parametrize("count", [5, 50])
def test_outreach_query_count_is_fixed(client, world, count, django_assert_num_queries):
    sector = SectorFactory()
    for n in range(count):
        company = OrganisationFactory(company=True, region=f"Region {n % 3}")
        company.sectors.add(sector)
        visit = make_visit(world, company=OrganisationFactory(company=True))
        FollowUp.objects.create(visit=visit, action=f"A{n}", owner=world["advisor"], due_on=TODAY)
    client.force_login(world["advisor"])
    client.get("/en/partners/outreach/")
    # user, roles; country and region choices, sector choices; companies count, rows,
    # their sectors; regions; follow-ups and their count; the session (notices: cache)
    with django_assert_num_queries(12):
        client.get("/en/partners/outreach/")


@pytest.mark.parametrize("count", [5, 50])
def test_visit_list_query_count_is_fixed(client, world, count, django_assert_num_queries):
    for _n in range(count):
        make_visit(world, opportunities=["apprenticeship"])
    client.force_login(world["advisor"])
    client.get("/en/partners/visits/")
    # session, user, roles, school and sector choices, count, rows (notices: cache)
    with django_assert_num_queries(7):
        response = client.get("/en/partners/visits/")
    assert response.context["page"].paginator.count == count


def test_the_company_page_shows_visits_to_outreach_people_only(client, world):
    make_visit(world)
    url = world["company"].get_absolute_url()
    client.force_login(world["advisor"])
    assert len(client.get(url).context["visits"]) == 1
    client.force_login(member(world["company"], R.COMPANY_CONTACT))
    assert client.get(url).context["visits"] is None


def test_an_organisation_cannot_take_the_address_of_a_page():
    from django.core.exceptions import ValidationError

    organisation = OrganisationFactory.build(slug="outreach")
    with pytest.raises(ValidationError) as error:
        organisation.clean()
    assert "slug" in error.value.message_dict


def test_the_demo_advisor_has_visits_and_follow_ups():
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_demo", stdout=StringIO())
    advisor = Membership.objects.get(user__email="advisor@demo.test", role=R.ADVISOR).user
    assert Visit.objects.filter(visitors=advisor).count() >= 3
    open_actions = FollowUp.objects.open().filter(owner=advisor)
    assert open_actions.filter(due_on__lt=timezone.localdate()).exists()
    assert open_actions.filter(due_on__gte=timezone.localdate()).exists()
    assert Organisation.objects.filter(kind="company").exclude(region="").exists()
