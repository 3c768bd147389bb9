"""What the exchanges pages share."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect

from core.views import act_and_redirect

PAGE_SIZE = 20


def query_string(request):
    """The page's query string without its page number, for the links of its pager."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def act_on_form(request, form, act, *, success_url, done, invalid=None):
    """A button with a small ``form``: when it is valid, make ``act(data)`` and say ``done``
    (as ``act_and_redirect``); else say ``invalid``, or by default the form's errors. Then
    go to ``success_url``."""
    if form.is_valid():
        return act_and_redirect(
            request, lambda: act(form.cleaned_data), success_url=success_url, done=done
        )
    for message in [invalid] if invalid else [m for errors in form.errors.values() for m in errors]:
        messages.error(request, message)
    return redirect(success_url)
