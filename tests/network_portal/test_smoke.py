import pytest

pytestmark = pytest.mark.django_db


def test_home_shows_live_counts(client):
    from tests.factories import OrganisationFactory, SectorFactory

    sector = SectorFactory(name_fi="Rakentaminen", name_en="Construction")
    OrganisationFactory(country="EE").sectors.add(sector)
    OrganisationFactory(country="EE")
    OrganisationFactory(country="LT", is_active=False)
    response = client.get("/en/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "2 organisations in the network" in body
    assert "?country=EE" in body and "?country=LT" not in body
    assert "Construction" in body
