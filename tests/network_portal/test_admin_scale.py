"""The admin at network scale: each big table's list and change page costs the same
queries whatever the number of rows, the sidebar lists no thousands of choices, and the
searches that replaced the scans still find the right rows."""

import io
import re
import uuid

import pytest
from django.conf import settings
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import admin_mixins
from core.admin_filters import AutocompleteFilter
from core.models import AuditEntry
from events.models import Event, Registration
from exchanges.models import Application, PlacementOffer
from mentoring.models import Enrolment, Pair
from notifications.models import Notification
from partners.admin import MembershipInline
from partners.models import ROLES_BY_KIND, Membership, Organisation
from tests.demo.test_scale import SIZES, seed
from tests.factories import UserFactory, staff
from worklife_passport.models import Award, Claim

pytestmark = pytest.mark.django_db

#: The second data set: every stage twice the size of the first (the changelists then
#: hold more than a page of rows), in as many schools (each has twice the members, more
#: than its page shows).
TWICE = {key: value * 2 for key, value in SIZES.items()} | {"schools": SIZES["schools"]}


def changelist(model, **params):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return url, params


def change(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]), {}


def most_members():
    return Organisation.objects.annotate(members=Count("memberships")).order_by("-members").first()


def pages():
    """The pages network admins use daily, over the data set there now."""
    student = Application.objects.order_by("pk").first().applicant
    school = most_members()
    badge_issuer = Award.objects.order_by("pk").first().badge.issuer
    event = Registration.objects.order_by("pk").first().event
    return {
        "notifications": changelist(Notification),
        "notifications, search": changelist(Notification, q=student.email),
        "notifications, state": changelist(Notification, state__exact="sent"),
        "notification": change(Notification.objects.order_by("pk").first()),
        "awards": changelist(Award),
        "awards, search": changelist(Award, q=student.full_name.split()[0]),
        "awards, issuer": changelist(Award, badge__issuer__id__exact=badge_issuer.pk),
        "award": change(Award.objects.order_by("pk").first()),
        "claims": changelist(Claim),
        "claims, issuer": changelist(Claim, badge__issuer__id__exact=badge_issuer.pk),
        "claim": change(Claim.objects.order_by("pk").first()),
        "applications": changelist(Application),
        "applications, search": changelist(Application, q=student.email),
        "application": change(Application.objects.order_by("pk").first()),
        "registrations": changelist(Registration),
        "registrations, event": changelist(Registration, event__id__exact=event.pk),
        "registration": change(Registration.objects.order_by("pk").first()),
        "audit entries": changelist(AuditEntry),
        "users": changelist(type(student)),
        "users, search": changelist(type(student), q=student.email),
        "user": change(student),
        "memberships": changelist(Membership),
        "memberships, search": changelist(Membership, q=student.email),
        "membership": change(Membership.objects.order_by("pk").first()),
        "organisation with the most members": change(school),
        "offers": changelist(PlacementOffer),
        "offer": change(PlacementOffer.objects.order_by("pk").first()),
        "mentoring pairs": changelist(Pair),
        "mentoring pairs, search": changelist(Pair, q=Pair.objects.first().mentee.user.email),
        "pair": change(Pair.objects.order_by("pk").first()),
        "enrolments": changelist(Enrolment),
        "enrolment": change(Enrolment.objects.order_by("pk").first()),
    }


def queries_per_page(client):
    counts = {}
    for name, (url, params) in pages().items():
        client.get(url, params)  # what a first visit reads once (content types, sessions)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, params)
        assert response.status_code == 200, (name, response.status_code)
        counts[name] = len(queries)
    return counts


@pytest.fixture
def admin_client(client):
    client.force_login(staff())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the texts the tests read
    return client


def test_each_admin_page_costs_the_same_queries_with_twice_the_rows(admin_client):
    seed()
    small = queries_per_page(admin_client)
    small_school = most_members()
    call_command("seed_scale", "--clean", stdout=io.StringIO())
    seed(**TWICE)
    assert most_members().members > 20 >= small_school.members
    assert Notification.objects.count() > 2 * 50, "the lists hold more than a page"
    large = queries_per_page(admin_client)
    assert large == small
    # Each page answers with a few queries, none per row.
    assert max(large.values()) <= 20, large


def sidebar(response) -> str:
    html = response.content.decode()
    return html[html.index('id="changelist-filter"') :]


@pytest.mark.parametrize(
    ("model", "parameter"),
    [(Award, "badge__issuer__id__exact"), (Claim, "badge__issuer__id__exact")],
)
def test_the_issuer_filter_is_a_box_to_type_in_not_a_list_of_organisations(
    admin_client, model, parameter
):
    seed()
    response = admin_client.get(changelist(model)[0])
    filters = sidebar(response)
    assert f"{parameter}=" not in filters
    for organisation in Organisation.objects.all():
        assert f">{organisation.name}<" not in filters
    assert f'data-list-filter="{parameter}"' in filters
    assert 'data-field-name="issuer"' in filters
    assert "admin/js/vendor/select2/select2" in response.content.decode()
    assert "js/admin_list_filter.js" in response.content.decode()


def test_the_event_filter_of_registrations_lists_no_events(admin_client):
    seed()
    filters = sidebar(admin_client.get(changelist(Registration)[0]))
    assert "event__id__exact=" not in filters
    for event in Event.objects.all():
        assert f">{event.title}<" not in filters
    assert 'data-list-filter="event__id__exact"' in filters


def test_choosing_an_issuer_shows_only_its_awards_and_names_it_in_the_box(admin_client):
    seed()
    issuer = Award.objects.order_by("pk").first().badge.issuer
    url, params = changelist(Award, badge__issuer__id__exact=issuer.pk)
    response = admin_client.get(url, params)
    assert listed(response) == set(
        Award.objects.filter(badge__issuer=issuer).values_list("pk", flat=True)
    )
    chooser = re.search(
        r'<select name="badge__issuer__id__exact".*?</select>', sidebar(response), re.S
    ).group()
    assert re.search(rf'<option value="{issuer.pk}" selected>{re.escape(issuer.name)}', chooser)


def test_the_autocomplete_view_answers_the_filter_box(admin_client):
    seed()
    issuer = Award.objects.order_by("pk").first().badge.issuer
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "worklife_passport",
            "model_name": "badge",
            "field_name": "issuer",
            "term": issuer.name,
        },
    )
    assert response.status_code == 200
    assert str(issuer.pk) in {row["id"] for row in response.json()["results"]}


def test_every_admin_with_an_autocomplete_filter_loads_its_scripts(rf):
    for model_admin in admin.site._registry.values():
        if any(
            isinstance(entry, tuple) and issubclass(entry[1], AutocompleteFilter)
            for entry in model_admin.list_filter
        ):
            media = str(model_admin.media)
            assert "admin/js/autocomplete.js" in media, model_admin
            assert "js/admin_list_filter.js" in media, model_admin


def found(client, model, term):
    url, _ = changelist(model)
    response = client.get(url, {"q": term})
    assert response.status_code == 200
    return listed(response)


def listed(response):
    """The rows of the list on every page, as its changelist filtered them."""
    return set(response.context["cl"].queryset.values_list("pk", flat=True))


def test_notices_are_found_by_their_recipients_address_or_name(admin_client):
    seed()
    person = Notification.objects.exclude(recipient=None).order_by("pk").first().recipient
    theirs = set(Notification.objects.filter(recipient=person).values_list("pk", flat=True))
    assert found(admin_client, Notification, person.email.upper()) == theirs
    named = set(
        Notification.objects.filter(recipient__full_name__icontains=person.full_name).values_list(
            "pk", flat=True
        )
    )
    assert found(admin_client, Notification, f'"{person.full_name}"') == named
    assert found(admin_client, Notification, "nobody-by-this-name") == set()


def test_a_notice_to_an_address_without_an_account_is_found_by_it(admin_client):
    seed()
    notice = Notification.objects.order_by("pk").first()
    Notification.objects.filter(pk=notice.pk).update(recipient=None, email="Guest@Example.org")
    assert found(admin_client, Notification, "guest@example.org") == {notice.pk}


def test_awards_are_found_by_public_id_recipient_badge_and_an_address_without_account(
    admin_client,
):
    seed()
    award = Award.objects.order_by("pk").first()
    assert found(admin_client, Award, str(award.public_id)) == {award.pk}
    assert found(admin_client, Award, award.recipient.email) == set(
        Award.objects.filter(recipient=award.recipient).values_list("pk", flat=True)
    )
    badge_name = award.badge.name
    assert found(admin_client, Award, f'"{badge_name}"') == set(
        Award.objects.filter(badge__name__icontains=badge_name).values_list("pk", flat=True)
    )
    Award.objects.filter(pk=award.pk).update(recipient=None, recipient_email="guest@example.org")
    assert found(admin_client, Award, "Guest@example.org") == {award.pk}
    # Not a UUID: not looked for in the public id, and no error.
    assert found(admin_client, Award, "0000-not-an-id") == set()


def test_applications_and_pairs_are_found_by_the_people_and_what_they_are_for(admin_client):
    seed()
    application = Application.objects.exclude(offer=None).order_by("pk").first()
    assert application.pk in found(admin_client, Application, application.applicant.email)
    by_title = found(admin_client, Application, f'"{application.offer.title}"')
    assert application.pk in by_title
    assert by_title == set(
        Application.objects.filter(offer__title__icontains=application.offer.title).values_list(
            "pk", flat=True
        )
    ) | set(
        Application.objects.filter(host__name__icontains=application.offer.title).values_list(
            "pk", flat=True
        )
    )
    pair = Pair.objects.order_by("pk").first()
    assert found(admin_client, Pair, pair.mentee.user.email) == set(
        Pair.objects.filter(mentee__user=pair.mentee.user).values_list("pk", flat=True)
    ) | set(Pair.objects.filter(mentor__user=pair.mentee.user).values_list("pk", flat=True))


def test_a_search_word_matching_more_people_than_listed_still_finds_them(admin_client, monkeypatch):
    seed()
    monkeypatch.setattr(admin_mixins, "RELATED_KEYS_AT_MOST", 1)
    people = type(staff()).objects.filter(admin_mixins.person_matches("s"))
    assert people.count() > 1
    expected = Notification.objects.filter(recipient__in=people).values_list("pk", flat=True)
    assert found(admin_client, Notification, "s") == set(expected)


def test_the_kind_filter_lists_registered_kinds_without_reading_the_outbox(admin_client):
    seed()
    url, _ = changelist(Notification)
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(url)
    assert not [q for q in queries if "DISTINCT" in q["sql"].upper()]
    filters = sidebar(response)
    assert "kind=partners.invitation_accepted" in filters  # registered, none in the data
    kind = Notification.objects.order_by("pk").first().kind
    response = admin_client.get(url, {"kind": kind})
    assert listed(response) == set(
        Notification.objects.filter(kind=kind).values_list("pk", flat=True)
    )


def test_a_filtered_list_counts_its_rows_only_up_to_a_bound(admin_client, monkeypatch):
    seed()
    monkeypatch.setattr(admin_mixins, "COUNT_AT_MOST", 5)
    url, params = changelist(Notification, channel__exact="in_app")
    response = admin_client.get(url, params)
    assert response.context["cl"].result_count == 5
    assert "more than 5" in response.content.decode()
    small = changelist(Notification, q="nobody-by-this-name")
    assert admin_client.get(small[0], small[1]).context["cl"].result_count == 0


def test_the_unfiltered_list_counts_exactly_where_no_estimate_applies(admin_client):
    seed()
    response = admin_client.get(changelist(Notification)[0])
    paginator = response.context["cl"].paginator
    assert (paginator.count, paginator.estimated) == (Notification.objects.count(), False)


@pytest.mark.postgres
def test_on_postgresql_the_unfiltered_list_takes_the_planners_estimate(admin_client, monkeypatch):
    seed()  # ends with ANALYZE
    monkeypatch.setattr(admin_mixins, "ESTIMATE_FROM", 1)
    response = admin_client.get(changelist(Notification)[0])
    paginator = response.context["cl"].paginator
    assert paginator.estimated
    assert abs(paginator.count - Notification.objects.count()) <= 50
    assert "about " in response.content.decode()
    filtered = admin_client.get(*changelist(Notification, state__exact="sent"))
    assert not filtered.context["cl"].paginator.estimated


def member_rows(response):
    return [
        form.instance.pk
        for form in response.context["inline_admin_formsets"][0].formset.forms
        if form.instance.pk
    ]


def test_an_organisation_page_shows_its_newest_members_and_links_to_all(admin_client):
    seed(students=100)
    school = most_members()
    memberships = Membership.objects.filter(organisation=school).order_by("-pk")
    assert memberships.count() > 20
    response = admin_client.get(change(school)[0])
    assert member_rows(response) == list(memberships.values_list("pk", flat=True)[:20])
    html = response.content.decode()
    assert f"The 20 newest of {memberships.count()} are shown here." in html
    link = reverse("admin:partners_membership_changelist")
    link += f"?organisation__id__exact={school.pk}"
    assert f'href="{link}"' in html
    assert listed(admin_client.get(link)) == set(memberships.values_list("pk", flat=True))


def test_saving_an_organisation_changes_a_shown_membership_and_leaves_the_others(
    admin_client,
):
    seed(students=100)
    school = most_members()
    response = admin_client.get(change(school)[0])
    data = {}
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
        for form in inline.formset.forms:
            for name, field in form.fields.items():
                value = form.initial.get(name, field.initial)
                if value is not None:
                    data[form.add_prefix(name)] = getattr(value, "pk", value)
    data.update(
        {
            "name_fi": school.name_fi,
            "slug": school.slug,
            "kind": school.kind,
            "country": school.country,
            "is_active": "on",
        }
    )
    shown = Membership.objects.filter(organisation=school).order_by("-pk").first()
    new_role = next(
        role for role in ROLES_BY_KIND[school.kind] if role not in {shown.role, "coordinator"}
    )
    data["memberships-0-role"] = new_role
    before = dict(
        Membership.objects.filter(organisation=school)
        .exclude(pk=shown.pk)
        .values_list("pk", "role")
    )
    response = admin_client.post(change(school)[0], data)
    assert response.status_code == 302, response.content.decode()[:3000]
    shown.refresh_from_db()
    assert shown.role == new_role
    after = dict(
        Membership.objects.filter(organisation=school)
        .exclude(pk=shown.pk)
        .values_list("pk", "role")
    )
    assert after == before


def test_a_posted_membership_form_reads_back_the_rows_it_was_shown(rf):
    seed(students=100)
    school = most_members()
    shown = Membership.objects.filter(organisation=school).order_by("-pk")[:20]
    # Someone joins between showing the page and saving it: the posted rows stay the ones
    # that were shown, none is taken for another.
    newcomer = UserFactory(email=f"{uuid.uuid4().hex[:8]}@example.org")
    Membership.objects.create(user=newcomer, organisation=school, role="student")
    request = rf.get("/")
    request.user = staff()
    formset_class = MembershipInline(Organisation, admin.site).get_formset(request, school)
    data = {
        "memberships-TOTAL_FORMS": "20",
        "memberships-INITIAL_FORMS": "20",
        **{f"memberships-{i}-id": str(m.pk) for i, m in enumerate(shown)},
    }
    formset = formset_class(data, instance=school, prefix="memberships")
    assert {m.pk for m in formset.get_queryset()} == {m.pk for m in shown}
