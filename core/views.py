"""The view helpers every app uses to hand a submit to a service.

A view reads the request, finds the object in the viewer's scope (or answers 404) and
calls one of these: ``save_or_show_again`` for a form, ``act_and_redirect`` for a button,
``move_and_redirect`` for a workflow move. The service does the work in its own
transaction; a refusal (``DomainError``) becomes a message or a form error, and nothing
the user typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.shortcuts import redirect
from django_stubs_ext import StrOrPromise

from .errors import DomainError
from .workflow import Workflow, perform

if TYPE_CHECKING:
    from django import forms
    from django.db import models
    from django.http import HttpRequest, HttpResponse


def save_or_show_again(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[Any], object],
    *,
    done: StrOrPromise,
    success_url: str,
    show_again: Callable[[Any], HttpResponse],
) -> HttpResponse:
    """Save a valid ``form`` through ``save(form)`` and go to ``success_url`` with the
    ``done`` message; when the form is invalid or the service refuses (its message
    becomes a form error), answer ``show_again(form)`` so nothing typed is lost."""
    if form.is_valid():
        try:
            save(form)
        except DomainError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, done)
            return redirect(success_url)
    return show_again(form)


def act_and_redirect(
    request: HttpRequest,
    act: Callable[[], object],
    *,
    success_url: str,
    done: StrOrPromise | None = None,
) -> HttpResponse:
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


def move_and_redirect(
    request: HttpRequest,
    workflow: Workflow[Any],
    obj: models.Model,
    *,
    success_url: str,
    done: StrOrPromise | None = None,
    **extra: Any,
) -> HttpResponse:
    """Make the workflow move a button posted (``action``, with an optional ``comment``)
    on ``obj``, say ``done`` or why it was refused, and go to ``success_url``."""
    return act_and_redirect(
        request,
        lambda: perform(
            workflow,
            actor=request.user,  # type: ignore[arg-type]
            obj=obj,
            action=request.POST.get("action", ""),
            comment=request.POST.get("comment", ""),
            **extra,
        ),
        success_url=success_url,
        done=done,
    )
