"""The answer while the database cannot be reached: 503, come back in a moment."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.defaults import server_error as django_server_error

#: Seconds after which a client (or a proxy in front) may try again.
RETRY_AFTER_SECONDS = 30


def service_unavailable() -> HttpResponse:
    """A plain page that needs nothing from the database: no request context, so no
    session, no user and no context processor is touched."""
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name="500.html") -> HttpResponse:
    """``handler500``: a database that cannot be reached answers 503 rather than 500.

    Django calls this while it handles the exception, wherever it was raised (a view, a
    middleware reading the session), so the exception is still the current one.
    """
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        return service_unavailable()
    return django_server_error(request, template_name=template_name)
