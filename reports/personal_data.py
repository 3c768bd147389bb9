from accounts import personal_data

personal_data.export(
    "reports.ReportExport",
    user_field="requested_by",
    fields=("format", "period_start", "period_end", "status", "created_at"),
    section="report_exports",
)
personal_data.files(
    "reports.ReportExport",
    field="file",
    owner="requested_by",
    exported=False,
    reason="Network statistics, not data about the person; deleted with the request.",
)
