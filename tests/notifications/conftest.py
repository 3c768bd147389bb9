import pytest

from notifications import services


@pytest.fixture(autouse=True)
def _broker_is_up():
    services._broker_down_until = 0.0
    yield
    services._broker_down_until = 0.0


def accepted_context(slug="org-x", role="student"):
    return {
        "organisation_name": "Järvenrannan ammattiopisto",
        "member_name": "Sanni Opiskelija",
        "role": role,
        "link": {"name": "partners:organisation_members", "kwargs": {"slug": slug}},
    }
