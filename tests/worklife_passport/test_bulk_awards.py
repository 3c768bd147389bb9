"""Bulk awards of large files: the preview and the run take the same queries however many
rows there are, and award, log and notify each person as one award does."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import AuditEntry
from notifications.models import Notification
from tests.factories import UserFactory
from worklife_passport.models import Award, BulkAward, StatusList
from worklife_passport.services import awards as award_services

pytestmark = pytest.mark.django_db


def csv_of(count, start=0):
    return "".join(f"learner{n}@bulk.example,Learner {n}\n" for n in range(start, start + count))


def preview(world, text):
    return award_services.bulk_preview(
        actor=world.coordinator, badge=world.badge, data=text.encode()
    )


def queries(action):
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def test_the_preview_takes_the_same_queries_for_ten_rows_as_for_three_hundred(world):
    UserFactory(email="learner3@bulk.example")
    world.award(recipient=UserFactory(email="learner7@bulk.example"))
    preview(world, csv_of(1))  # the coordinator's roles are read once per request
    few = queries(lambda: preview(world, csv_of(10)))
    many = queries(lambda: preview(world, csv_of(300)))
    assert few == many


def test_the_preview_finds_holders_by_address_in_any_case_and_through_their_account(world):
    held = award_services.award_create(
        actor=world.coordinator,
        badge=world.badge,
        source=Award.Source.DIRECT,
        email="holder@example.org",  # no account at that address
    )
    Award.objects.filter(pk=held.pk).update(recipient_email="Holder@Example.org")
    world.award(recipient=world.other_student)
    batch = preview(
        world,
        f"holder@example.org,Holder\n{world.other_student.email.upper()},Other\n"
        "new@example.org,New\n",
    )
    held = {row["email"]: bool(row["errors"]) for row in batch.rows}
    assert held == {
        "holder@example.org": True,
        world.other_student.email.lower(): True,
        "new@example.org": False,
    }
    assert batch.valid_count == 1


def test_a_revoked_award_does_not_count_as_held(world):
    award = world.award(recipient=UserFactory(email="again@example.org"))
    award_services.award_revoke(actor=world.coordinator, award=award, reason="Given in error")
    assert preview(world, "again@example.org,Again\n").valid_count == 1


def run(world, batch, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        award_services.bulk_confirm(actor=world.coordinator, batch=batch)


def test_the_run_takes_the_same_queries_for_each_step_however_many_rows(world, monkeypatch):
    """(SQLite splits an insert of more than 999 values, so the sizes stay below that.)"""
    monkeypatch.setattr(award_services, "BULK_CHUNK", 1000)
    world.award()  # the issuer's key and status list are made with its first award
    counts = []
    for count, start in ((10, 0), (40, 100)):
        batch = preview(world, csv_of(count, start))
        BulkAward.objects.filter(pk=batch.pk).update(status=BulkAward.Status.RUNNING)
        counts.append(queries(lambda batch=batch: award_services.bulk_run(batch_id=batch.pk)))
    assert counts[0] == counts[1]
    assert Award.objects.filter(source=Award.Source.BULK).count() == 50


def test_each_person_is_awarded_logged_and_told_as_one_award_is(
    world, django_capture_on_commit_callbacks
):
    account = UserFactory(email="member@example.org", language="fi")
    batch = preview(world, "Member@example.org,Member\noutside@example.org,Outsider\n")
    run(world, batch, django_capture_on_commit_callbacks)
    awards = {award.recipient_email: award for award in Award.objects.filter(source="bulk")}
    assert awards["member@example.org"].recipient == account
    assert awards["outside@example.org"].recipient is None
    assert awards["outside@example.org"].recipient_name == "Outsider"
    # Each award has its own place in the issuer's status list.
    indexes = set(Award.objects.filter(badge__issuer=world.school).values_list("status_index"))
    assert len(indexes) == Award.objects.filter(badge__issuer=world.school).count()
    assert StatusList.objects.get(organisation=world.school).next_index == len(indexes)
    logged = AuditEntry.objects.filter(action="passport.award.created", data__source="bulk")
    assert sorted(logged.values_list("target_id", flat=True)) == sorted(
        str(award.pk) for award in awards.values()
    )
    assert set(logged.values_list("organisation_id", flat=True)) == {world.school.pk}
    member_notice = Notification.objects.get(recipient=account, channel="in_app")
    assert member_notice.kind == "passport.awarded" and member_notice.language == "fi"
    assert member_notice.context["link"]["kwargs"]["public_id"] == str(
        awards["member@example.org"].public_id
    )
    assert Notification.objects.filter(
        email="outside@example.org", channel="email", recipient=None
    ).exists()


def test_a_person_who_came_to_hold_the_badge_meanwhile_is_counted_and_skipped(
    world, django_capture_on_commit_callbacks
):
    batch = preview(world, "early@example.org,Early\nlate@example.org,Late\n")
    award_services.award_create(  # e.g. by a claim code, before the run
        actor=world.coordinator,
        badge=world.badge,
        source=Award.Source.DIRECT,
        email="early@example.org",
    )
    run(world, batch, django_capture_on_commit_callbacks)
    batch.refresh_from_db()
    assert (batch.status, batch.done_count) == ("done", 2)
    assert Award.objects.filter(recipient_email="early@example.org").count() == 1
    assert Award.objects.filter(recipient_email="late@example.org", source="bulk").exists()


def test_a_run_that_stopped_goes_on_after_its_last_step(world, monkeypatch):
    monkeypatch.setattr(award_services, "BULK_CHUNK", 3)
    batch = preview(world, csv_of(7))
    BulkAward.objects.filter(pk=batch.pk).update(status=BulkAward.Status.RUNNING)
    calls = []
    real = award_services.award_many

    def stop_on_the_second_step(**kwargs):
        calls.append(len(kwargs["recipients"]))
        if len(calls) == 2:
            raise RuntimeError("worker lost")
        return real(**kwargs)

    monkeypatch.setattr(award_services, "award_many", stop_on_the_second_step)
    with pytest.raises(RuntimeError):
        award_services.bulk_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.done_count == 3 and Award.objects.filter(source="bulk").count() == 3
    monkeypatch.setattr(award_services, "award_many", real)
    assert award_services.bulk_run(batch_id=batch.pk) == 7
    assert Award.objects.filter(source="bulk").count() == 7


def test_the_page_of_a_large_file_shows_a_page_of_rows_and_the_rows_with_a_problem(client, world):
    client.force_login(world.coordinator)
    text = csv_of(250) + "broken,Broken\n"
    upload = SimpleUploadedFile("list.csv", text.encode())
    response = client.post(f"/en/passport/badges/{world.badge.pk}/bulk/", {"file": upload})
    url = response["Location"]
    first = client.get(url).content.decode()
    assert "learner0@bulk.example" in first and "learner100@bulk.example" not in first
    assert "250 recipients can be awarded" in first and "Page 1 of 3" in first
    assert "1 row has a problem" in first
    third = client.get(url, {"page": 3}).content.decode()
    assert "learner249@bulk.example" in third and "broken" in third
    problems = client.get(url, {"show": "problems"}).content.decode()
    assert "broken" in problems and "learner0@bulk.example" not in problems


def test_the_progress_is_read_without_the_rows_of_the_file(client, world):
    client.force_login(world.coordinator)
    batch = preview(world, csv_of(30))
    BulkAward.objects.filter(pk=batch.pk).update(status=BulkAward.Status.RUNNING, done_count=12)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/en/passport/bulk/{batch.pk}/", headers={"HX-Request": "true"})
    assert "12 of 30 awarded" in response.content.decode()
    read = [q["sql"] for q in captured if "worklife_passport_bulkaward" in q["sql"]]
    assert read and not any('"worklife_passport_bulkaward"."rows"' in sql for sql in read)
