"""Notice subjects are plain text: escaped once where HTML shows them, never in e-mail
subjects; every e-mail subject starts with the portal's name in the reader's language."""

import pytest
from django.core import mail
from django.utils import translation

from notifications import services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TITLE = 'Hitsaus & asennus <TIG> "A"'
ESCAPED_ONCE = "Hitsaus &amp; asennus &lt;TIG&gt; &quot;A&quot;"


def notify(user, key="moved"):
    return services.notify(
        kind="exchanges.application_moved",
        key=key,
        recipient=user,
        context={"title": TITLE, "applicant": "Aino", "status": "approved"},
    )


def deliver_all(django_capture_on_commit_callbacks, user, key="moved"):
    with django_capture_on_commit_callbacks(execute=True):
        notify(user, key)


@pytest.fixture
def reader(client):
    user = UserFactory(language="en")
    client.force_login(user)
    return user


def test_inbox_shows_a_subject_with_special_characters_escaped_once(client, reader):
    notify(reader)

    body = client.get("/en/notifications/").content.decode()

    assert f"{ESCAPED_ONCE}: the application is now" in body
    assert "&amp;amp;" not in body and "&amp;lt;" not in body and "&amp;quot;" not in body
    assert "<TIG>" not in body


def test_bell_counts_the_notice_on_the_inbox_page(client, reader):
    notify(reader)

    body = client.get("/en/notifications/").content.decode()

    assert '<span class="bell-count" aria-hidden="true">1<' in body


def test_email_subject_is_plain_text(django_capture_on_commit_callbacks):
    user = UserFactory(language="en")

    deliver_all(django_capture_on_commit_callbacks, user)

    (message,) = mail.outbox
    assert message.subject == (
        f"[VET network] {TITLE}: the application is now “Approved by the home school”"
    )


def test_email_html_body_escapes_the_title_once_and_the_text_body_not_at_all(
    django_capture_on_commit_callbacks,
):
    user = UserFactory(language="en")

    deliver_all(django_capture_on_commit_callbacks, user)

    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert ESCAPED_ONCE in html
    assert "&amp;amp;" not in html and TITLE not in html
    assert TITLE in message.body


def test_digest_lists_subjects_escaped_once_in_html_and_plain_in_text(
    django_capture_on_commit_callbacks,
):
    user = UserFactory(language="en")
    services.preference_set(user=user, kind="exchanges.application_moved", delivery="digest")
    notify(user)

    services.send_digest(user=user)

    (message,) = mail.outbox
    assert message.subject == "[VET network] 1 new notice in the VET network portal"
    assert ESCAPED_ONCE in message.alternatives[0][0]
    assert "&amp;amp;" not in message.alternatives[0][0]
    assert f"- {TITLE}:" in message.body


def test_finnish_recipient_gets_the_subject_prefix_in_finnish(django_capture_on_commit_callbacks):
    user = UserFactory(language="fi")

    deliver_all(django_capture_on_commit_callbacks, user)

    (message,) = mail.outbox
    with translation.override("fi"):
        finnish_name = translation.gettext("VET network")
    assert finnish_name != "VET network"
    assert message.subject.startswith(f"[{finnish_name}] ")


def test_email_footer_names_the_site_by_its_name_not_its_address(
    django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "http://127.0.0.1:8101"
    settings.SITE_NAME = "Example network"
    user = UserFactory(language="en")

    deliver_all(django_capture_on_commit_callbacks, user)

    html = mail.outbox[0].alternatives[0][0]
    assert 'Example network · <a href="http://127.0.0.1:8101"' in html
