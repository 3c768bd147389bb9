"""The public verify page answers every input with a verdict: deeply nested or oversized
JSON is invalid input, never an error page."""

import base64
import json

import pytest

from worklife_passport.openbadges import credentials, documents
from worklife_passport.openbadges import verify as verifier

pytestmark = pytest.mark.django_db

INVALID = "Invalid input. The text is too long or nested too deeply to be an Open Badge."


def _b64(data: str) -> str:
    return base64.urlsafe_b64encode(data.encode()).rstrip(b"=").decode()


def test_a_hundred_thousand_brackets_are_invalid_input_on_the_page(client):
    response = client.post("/en/passport/verify/", {"text": "[" * 100_000})
    assert response.status_code == 200
    assert response.context["result"].verdict == verifier.INVALID_INPUT
    assert INVALID in response.content.decode()


def test_deep_nesting_of_objects_and_arrays_is_refused_before_parsing():
    deep = '{"a":' * 5_000 + "1" + "}" * 5_000
    assert verifier.verify_text(deep).verdict == verifier.INVALID_INPUT
    mixed = '{"type": "Assertion", "x": ' + "[{" * 40 + "}]" * 40 + "}"
    assert verifier.verify_text(mixed).verdict == verifier.INVALID_INPUT


def test_brackets_inside_strings_do_not_count_as_nesting():
    assert not verifier.nested_too_deeply(json.dumps({"narrative": "[" * 1_000}))
    assert not verifier.nested_too_deeply(json.dumps({"a": '\\"[[[' * 100}))
    assert verifier.nested_too_deeply("[" * (verifier.MAX_JSON_DEPTH + 1))
    assert not verifier.nested_too_deeply("[" * verifier.MAX_JSON_DEPTH)


def test_oversized_text_is_invalid_input():
    huge = json.dumps({"type": "Assertion", "pad": "x" * verifier.MAX_TEXT_CHARS})
    assert verifier.verify_text(huge).verdict == verifier.INVALID_INPUT


def test_a_jwt_with_a_deeply_nested_header_or_payload_is_invalid_input(client):
    deep = _b64("[" * 100_000)
    fine = _b64(json.dumps({"alg": "EdDSA"}))
    for token in (f"{deep}.{fine}.c2ln", f"{fine}.{deep}.c2ln"):
        assert verifier.verify_text(token).verdict == verifier.INVALID_INPUT
    response = client.post("/en/passport/verify/", {"text": f"{deep}.{fine}.c2ln"})
    assert response.status_code == 200
    assert INVALID in response.content.decode()


def test_ordinary_badges_still_verify(world):
    award = world.award()
    assert verifier.verify_text(credentials.credential_jwt(award)).verdict == verifier.VALID
    text = json.dumps(documents.ob3_credential(award))
    assert verifier.verify_text(text).verdict == verifier.VALID
