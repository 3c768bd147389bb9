from django.contrib import admin

from core.admin_filters import CountryListFilter
from core.admin_mixins import MadeByServicesAdmin

from .models import ReportExport


@admin.register(ReportExport)
class ReportExportAdmin(MadeByServicesAdmin):
    list_display = [
        "created_at",
        "requested_by",
        "format",
        "period_start",
        "period_end",
        "organisation",
        "country",
        "status",
        "progress",
        "expires_at",
    ]
    list_filter = ["status", "format", CountryListFilter.on("country")]
    search_fields = ["requested_by__email", "requested_by__full_name", "organisation__name"]
    list_select_related = ["requested_by", "organisation"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in ReportExport._meta.fields]
