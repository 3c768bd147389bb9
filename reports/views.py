from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.uploads import download
from partners import rules
from partners.models import Membership

from . import charts, indicators, services
from .forms import ExportForm, ReportForm
from .models import ReportExport


def _may_see_reports(user) -> None:
    if not (rules.is_staff(user) or rules.has_role_anywhere(user, Membership.Role.COORDINATOR)):
        raise Http404


def _dashboard(request, form, export_form=None, status=200):
    sections = []
    period = scope = None
    report_key = ""
    if form.is_valid():
        period, scope = form.chosen_period(), form.chosen_scope()

        def drawn():
            sections = indicators.build_cached(period, scope)
            for section in sections:
                for table in section.tables:
                    table.drawing = charts.chart(table)
            return sections

        # Lazy: the sections are kept rendered as long as their figures are.
        sections = SimpleLazyObject(drawn)
        report_key = indicators.cache_key(period, scope)
        if export_form is None:
            export_form = ExportForm(
                {**form.cleaned_data, "format": "xlsx"}, user=request.user, options=form.options
            )
    return render(
        request,
        "reports/dashboard.html",
        {
            "form": form,
            "export_form": export_form,
            "sections": sections,
            "report_key": report_key,
            "report_seconds": settings.REPORT_CACHE_SECONDS,
            "period": period,
            "scope": scope,
            "recent": ReportExport.objects.filter(requested_by=request.user)[:5],
            "export_hours": settings.REPORT_EXPORT_HOURS,
        },
        status=status,
    )


@login_required
def dashboard(request):
    _may_see_reports(request.user)
    return _dashboard(request, ReportForm(request.GET, user=request.user))


@login_required
@require_POST
def export_start(request):
    _may_see_reports(request.user)
    form = ExportForm(request.POST, user=request.user)
    if not form.is_valid():
        return _dashboard(
            request,
            ReportForm(request.POST, user=request.user, options=form.options),
            export_form=form,
            status=400,
        )
    export = services.export_start(
        actor=request.user,
        period=form.chosen_period(),
        scope=form.chosen_scope(),
        format=form.cleaned_data["format"],
    )
    messages.success(request, _("The export is being built. You can leave this page."))
    return redirect(export.get_absolute_url())


def _own_export(request, pk) -> ReportExport:
    exports = ReportExport.objects.select_related("organisation")
    return get_object_or_404(exports, pk=pk, requested_by=request.user)


@login_required
def export_detail(request, pk):
    export = _own_export(request, pk)
    services.requeue_if_stuck(export)
    template = "reports/export.html"
    if request.htmx:
        template += "#progress"
    return render(request, template, {"export": export})


@login_required
def export_download(request, pk):
    export = _own_export(request, pk)
    if export.expired or not export.file:
        return render(request, "reports/export_gone.html", {"export": export}, status=410)
    return download(export.file, filename=export.filename)
