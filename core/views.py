"""The view helpers every app uses to hand a submit to a service.

A view reads the request, finds the object in the viewer's scope (or answers 404) and
calls one of these: ``save_or_show_again`` for a form, ``act_and_redirect`` for a button
(a workflow move included). The service does the work in its own
transaction; a refusal (``DomainError``) becomes a message or a form error, and nothing
the user typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.shortcuts import redirect
from django_stubs_ext import StrOrPromise

from .errors import DomainError

if TYPE_CHECKING:
    from django import forms
    from django.http import HttpRequest, HttpResponse

T = TypeVar("T")


def save_or_show_again(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[Any], Any],
    *,
    done: StrOrPromise | Callable[[Any], StrOrPromise],
    show_again: Callable[[Any], HttpResponse],
    success_url: str | Callable[[Any], str] | None = None,
) -> HttpResponse:
    """Save a valid ``form`` through ``save(form)`` and go to ``success_url`` with the
    ``done`` message; when the form is invalid or the service refuses (its message
    becomes a form error), answer ``show_again(form)`` so nothing typed is lost.
    ``done`` and ``success_url`` may be callables given what ``save`` returned; without
    ``success_url``, the person goes to the page of what was saved (which may exist only
    once saved)."""
    if form.is_valid():
        try:
            saved = save(form)
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, done(saved) if callable(done) else done)
            if success_url is None:
                return redirect(saved.get_absolute_url())
            return redirect(success_url(saved) if callable(success_url) else success_url)
    return show_again(form)


def act_and_redirect(
    request: HttpRequest,
    act: Callable[[], Any],
    *,
    success_url: str,
    done: StrOrPromise | Callable[[Any], StrOrPromise] | None = None,
) -> HttpResponse:
    """Run a state change ``act()`` from a button; say ``done`` (when given; a callable is
    given what ``act`` returned, e.g. the state it moved to) or why it was refused, then
    go to ``success_url``."""
    try:
        acted = act()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if done:
            messages.success(request, done(acted) if callable(done) else done)
    return redirect(success_url)


def act_on_form(
    request: HttpRequest,
    form: forms.BaseForm,
    act: Callable[[dict[str, Any]], Any],
    *,
    success_url: str,
    done: StrOrPromise | Callable[[Any], StrOrPromise] | None = None,
    invalid: StrOrPromise | None = None,
) -> HttpResponse:
    """A button with a small ``form``: when it is valid, make ``act(data)`` and say ``done``
    (as ``act_and_redirect``); else say ``invalid``, or by default the form's errors. Then
    go to ``success_url``."""
    if form.is_valid():
        return act_and_redirect(
            request, lambda: act(form.cleaned_data), success_url=success_url, done=done
        )
    for message in [invalid] if invalid else [m for errors in form.errors.values() for m in errors]:
        messages.error(request, str(message))
    return redirect(success_url)


def found(get: Callable[[Any], T], pk: Any) -> T:
    """``get(pk)``, a selector that reads one object; none such is a 404."""
    try:
        return get(pk)
    except ObjectDoesNotExist as error:
        raise Http404 from error


def acting_for(
    organisations: list[int], obj: Any, *, may_edit: Callable[[Any], bool], owner: str = ""
) -> list[int]:
    """The organisations a form may save ``obj`` in the name of: a new one (``obj`` None)
    needs one of ``organisations``; a stored one needs ``may_edit(obj)`` and keeps the
    organisation in its ``owner`` field on offer. Anything else is a 404."""
    if obj is None:
        if not organisations:
            raise Http404
        return organisations
    if not may_edit(obj):
        raise Http404
    return sorted({*organisations, getattr(obj, owner)}) if owner else organisations


def save_on_page(
    request: HttpRequest,
    page: Callable[..., HttpResponse],
    obj: Any,
    name: str,
    form: forms.BaseForm,
    save: Callable[[Any], Any],
    done: StrOrPromise,
) -> HttpResponse:
    """Save ``form`` from a section of ``obj``'s page and go back to that page; when the
    form is invalid or refused, show ``page(request, obj.pk, name=form)`` again."""
    return save_or_show_again(
        request,
        form,
        save,
        done=done,
        success_url=obj.get_absolute_url(),
        show_again=lambda form: page(request, obj.pk, **{name: form}),
    )
