from accounts import personal_data

personal_data.exclude(
    "pilots.PilotCall",
    user_field="created_by",
    reason="The call belongs to its organiser; who set it up is not about the person.",
)

personal_data.export(
    "pilots.PilotApplication",
    user_field="contact",
    fields=("title", "call__title", "lead__name", "status", "submitted_at"),
    section="pilot_applications",
)

personal_data.exclude(
    "pilots.PilotApplication",
    user_field="decided_by",
    reason="A decision made on behalf of the call's organiser.",
)

personal_data.export(
    "pilots.Score",
    user_field="reviewer",
    fields=("application__title", "criterion__text", "score", "comment"),
    section="pilot_scores",
)

personal_data.exclude(
    "pilots.ProgressReport",
    user_field="submitted_by",
    reason="A report on behalf of a funded pilot; the pilot's contact is exported.",
)

personal_data.files(
    "pilots.PilotAttachment",
    field="file",
    owner="application__contact",
    erased=False,
    reason="The lead organisation's application; it stays when its contact person leaves.",
    fields=("application__title", "title", "uploaded_at"),
    section="pilot_attachments",
)
