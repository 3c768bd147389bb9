"""Pieces shared by the portal's forms: list filters and saving through a service."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from .errors import DomainError


def save_or_show_again(request, form, save, *, done, success_url, show_again):
    """Save a valid ``form`` through ``save(form)`` and go to ``success_url`` with the
    ``done`` message; when the form is invalid or the service refuses (its message
    becomes a form error), answer ``show_again(form)`` so nothing typed is lost."""
    if form.is_valid():
        try:
            save(form)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, done)
            return redirect(success_url)
    return show_again(form)


def act_and_redirect(request, act, *, success_url, done=None):
    """Run a state change ``act()`` from a button; say ``done`` (when given) or why it
    was refused, then go to ``success_url``."""
    try:
        act()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if done:
            messages.success(request, done)
    return redirect(success_url)


class FilterForm(forms.Form):
    """A GET form of list filters."""

    def filters(self) -> dict:
        """The valid filters; a bad value in one field does not drop the others."""
        if self.is_bound:
            self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) for name in self.fields if name not in self.errors}


def sector_filter() -> forms.ModelChoiceField:
    from partners.models import Sector

    return forms.ModelChoiceField(
        label=_("Sector"),
        required=False,
        queryset=Sector.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All sectors"),
    )


def language_filter() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *settings.LANGUAGES]
    )
