"""Admin actions that move workflow objects through the same services the pages call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_stubs_ext import StrOrPromise

from core.errors import DomainError


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))


def workflow_action(
    name: str,
    description: StrOrPromise,
    move: Callable[..., object],
    *,
    needs_comment: bool = False,
) -> Callable[[admin.ModelAdmin[Any], HttpRequest, QuerySet[Any]], HttpResponse | None]:
    """An admin action calling ``move(actor=..., obj=..., comment=...)`` for each selected row.

    Each row moves in its own transaction, so a row the workflow refuses is reported
    with the reason and the others still move. With ``needs_comment`` the admin first
    writes the reason, which reaches the service as the comment."""

    def action(
        modeladmin: admin.ModelAdmin[Any], request: HttpRequest, queryset: QuerySet[Any]
    ) -> HttpResponse | None:
        comment = ""
        if needs_comment:
            form = CommentForm(request.POST if "apply" in request.POST else None)
            if not form.is_valid():
                return TemplateResponse(
                    request,
                    "admin/workflow_comment.html",
                    {
                        **modeladmin.admin_site.each_context(request),
                        "title": description,
                        "form": form,
                        "objects": queryset,
                        "action_name": name,
                        "opts": modeladmin.model._meta,
                        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                    },
                )
            comment = form.cleaned_data["comment"]
        moved, refused = 0, []
        for obj in queryset:
            try:
                move(actor=request.user, obj=obj, comment=comment)
            except DomainError as error:
                refused.append(f"{obj}: {error}")
            else:
                moved += 1
        if moved:
            modeladmin.message_user(
                request,
                ngettext("%(count)d row was moved.", "%(count)d rows were moved.", moved)
                % {"count": moved},
                messages.SUCCESS,
            )
        if refused:
            modeladmin.message_user(
                request,
                _("Not moved: %(rows)s") % {"rows": "; ".join(refused)},
                messages.WARNING,
            )
        return None

    action.__name__ = name
    return admin.action(description=description, permissions=["change"])(action)
