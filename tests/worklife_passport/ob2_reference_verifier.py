"""Run the 1EdTech reference verifier (openbadges 1.1.2) on one hosted assertion.

Runs in its own virtualenv (.venv-obverifier) and prints the report as JSON. There is no
internet here: the JSON-LD context https://w3id.org/openbadges/v2 is answered from the
copy the verifier package ships, loopback addresses pass through, anything else fails.

Usage: python ob2_reference_verifier.py ASSERTION_URL RECIPIENT_EMAIL
"""

import json
import sys
import urllib.parse

import openbadges.verifier
import requests
import requests.adapters
from openbadges.verifier.openbadges_context import OPENBADGES_CONTEXT_V2_DICT
from requests.models import Response

CONTEXT_URLS = {
    ("w3id.org", "/openbadges/v2"),
    ("w3id.org", "/openbadges/v2/"),
    ("openbadgespec.org", "/v2/context.json"),
}
CONTEXT_BODY = json.dumps(OPENBADGES_CONTEXT_V2_DICT).encode()


class LocalOnlyAdapter(requests.adapters.HTTPAdapter):
    def send(self, request, **kwargs):
        parts = urllib.parse.urlsplit(request.url)
        if (parts.hostname, parts.path) in CONTEXT_URLS:
            response = Response()
            response.status_code = 200
            response.headers["Content-Type"] = "application/ld+json"
            response._content = CONTEXT_BODY
            response.encoding = "utf-8"
            response.url = request.url
            response.request = request
            response.connection = self
            return response
        if parts.hostname in ("127.0.0.1", "localhost", "::1"):
            return super().send(request, **kwargs)
        raise requests.ConnectionError("no network here: " + request.url)


# The verifier makes its own sessions inside; every one gets the adapter.
_original_init = requests.Session.__init__


def _init(self, *args, **kwargs):
    _original_init(self, *args, **kwargs)
    self.mount("http://", LocalOnlyAdapter())
    self.mount("https://", LocalOnlyAdapter())


requests.Session.__init__ = _init  # type: ignore[method-assign]

url, email = sys.argv[1], sys.argv[2]
result = openbadges.verifier.verify(url, recipient_profile={"email": email}, use_cache=False)
node: dict = next((n for n in result["graph"] if n.get("id") == url), {})
issuer: dict = next((n for n in result["graph"] if n.get("type") in ("Issuer", "Profile")), {})
print(
    json.dumps(
        {
            "valid": result["report"]["valid"],
            "errorCount": result["report"]["errorCount"],
            "messages": [m.get("result") for m in result["report"]["messages"]],
            "revoked": bool(node.get("revoked")),
            "issuerEmail": issuer.get("email", ""),
        }
    )
)
