import re

import pytest
from django.core import mail

from accounts.models import User
from tests.factories import OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_sign_up_verify_log_in_switch_to_estonian_and_open_a_partner(page):
    OrganisationFactory(
        slug="peipsiveere-kutsekool",
        name_fi="Peipsiveere Kutsekool",
        country="EE",
        municipality="Tartu",
        description_fi="Ammattikoulu Tartossa.",
        description_et="Kutsekool Tartus, ehituse ja turismi õppekavadega.",
    )

    # Sign up (the Finnish interface is the default).
    page.goto("/fi/accounts/signup/")
    page.get_by_label("Koko nimi").fill("Liisa Laine")
    page.locator("input[name=email]").fill("liisa@example.org")
    page.locator("input[name=password1]").fill("a-long-and-fine-passphrase-7")
    page.locator("input[name=password2]").fill("a-long-and-fine-passphrase-7")
    page.locator("form[action$='/accounts/signup/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fi/accounts/confirm-email/$"))

    # Verify the address from the e-mail the portal sent.
    message = mail.outbox[-1]
    assert message.to == ["liisa@example.org"]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    page.goto(link)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fi/dashboard/$"))

    # Log out and log in again with the verified address.
    page.locator(".account-menu summary").click()
    page.locator(".account-menu form button").click()
    page.goto("/fi/accounts/login/")
    page.locator("input[name=login]").fill("liisa@example.org")
    page.locator("input[name=password]").fill("a-long-and-fine-passphrase-7")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fi/dashboard/$"))
    assert "Liisa" in page.locator("h1").inner_text()

    # Switch to Estonian: the page follows and the choice is remembered.
    page.select_option("#language-select", "et")
    page.locator(".language-switcher button").click()
    page.wait_for_url(re.compile(r"/et/dashboard/$"))
    assert page.locator("html").get_attribute("lang") == "et"
    assert User.objects.get(email="liisa@example.org").language == "et"

    # Find the partner in the directory and read its page in Estonian.
    page.goto("/et/partners/")
    page.get_by_role("link", name="Peipsiveere Kutsekool").click()
    page.wait_for_url(re.compile(r"/et/partners/peipsiveere-kutsekool/$"))
    assert "Kutsekool Tartus" in page.locator("main").inner_text()
