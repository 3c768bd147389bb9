"""Page shapes that several apps share: a filtered list in pages, and an edit form whose
save goes to the page of what was saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.core.paginator import Paginator
from django.shortcuts import render
from django_stubs_ext import StrOrPromise

from .views import save_or_show_again

if TYPE_CHECKING:
    from django import forms
    from django.http import HttpRequest, HttpResponse


def paged(request: HttpRequest, items: Any, per_page: int) -> dict[str, Any]:
    """The requested page of ``items`` and the other filters of the address, for the links
    to the next pages."""
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "page": Paginator(items, per_page).get_page(request.GET.get("page")),
        "query_string": query.urlencode(),
    }


def changed_rows(rows: forms.BaseFormSet) -> list[dict[str, Any]]:
    """What a valid inline table (formset) holds in its changed rows, for a service."""
    return [row.cleaned_data for row in rows.forms if row.has_changed()]


def edit_page(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[dict], Any],
    *,
    template: str,
    context: dict[str, Any],
    done: StrOrPromise,
    rows: forms.BaseFormSet | None = None,
    success_url: str | None = None,
) -> HttpResponse:
    """Show ``form`` in ``template``; on a post, save its data through ``save(data)`` and go
    to ``success_url``, by default the saved object's page (known only once the service
    saved it). With ``rows``, an inline table shown with the form, those must be valid too."""

    def show(form: forms.BaseForm) -> HttpResponse:
        return render(request, template, {"form": form, **context})

    if request.method != "POST" or (rows is not None and not rows.is_valid()):
        return show(form)
    return save_or_show_again(
        request,
        form,
        lambda form: save(form.cleaned_data),
        done=done,
        show_again=show,
        success_url=success_url,
    )
