import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_health_reports_database_and_unconfigured_redis(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "not configured"}


def test_health_reports_unreachable_redis_as_an_error(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["redis"] == "error"


@pytest.mark.parametrize(
    ("language", "text"),
    [("fi", "Sivua ei löytynyt"), ("en", "Page not found"), ("et", "Lehte ei leitud")],
)
def test_404_page_is_translated(client, language, text):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()


def test_unknown_language_prefix_is_a_404(client):
    assert client.get("/xx/partners/").status_code == 404


def test_root_redirects_to_a_language(client):
    response = client.get("/", headers={"accept-language": "sv"})
    assert response.status_code == 302
    assert response["Location"] == "/sv/"


@pytest.mark.parametrize("language", ["fi", "sv", "en", "et", "lt", "ru"])
def test_accessibility_statement_in_every_language(client, language):
    response = client.get(f"/{language}/accessibility/")
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


def test_language_switcher_offers_all_six_languages(client):
    body = client.get("/en/").content.decode()
    for code, name in [("fi", "suomi"), ("sv", "svenska"), ("et", "eesti"), ("ru", "Русский")]:
        assert f'value="{code}"' in body and name in body


def test_layout_has_a_skip_link_and_a_footer_link_to_the_statement(client):
    body = client.get("/en/").content.decode()
    assert 'href="#main"' in body
    assert 'href="/en/accessibility/"' in body


def test_dashboard_needs_login(client):
    response = client.get("/en/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_content_security_policy_forbids_inline_scripts(client):
    policy = client.get("/en/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_pages_load_no_asset_from_another_host(client):
    import re

    body = client.get("/en/partners/").content.decode()
    sources = re.findall(r'(?:src|href)="(https?://[^"]+)"', body)
    assert sources == []


@override_settings(DEBUG=False)
def test_demo_logins_are_hidden_when_debug_is_off(client):
    assert "demo-portal-2026" not in client.get("/en/accounts/login/").content.decode()


@override_settings(DEBUG=True)
def test_demo_logins_are_shown_when_debug_is_on(client):
    from network_portal import context_processors  # noqa: F401

    body = client.get("/en/accounts/login/").content.decode()
    assert "coordinator@demo.test" in body
