from accounts import personal_data

personal_data.export(
    "outreach.Visit",
    user_field="visitors",
    fields=("company__name", "visited_on", "school__name"),
    section="company_visits",
)

personal_data.exclude(
    "outreach.Visit",
    user_field="created_by",
    reason="Who logged a visit is kept for the network; the visitors are exported.",
)

personal_data.export(
    "outreach.FollowUp",
    user_field="owner",
    fields=("action", "due_on", "done_at", "visit__company__name"),
    section="follow_up_actions",
)

personal_data.exclude(
    "outreach.FollowUp",
    user_field="done_by",
    reason="Who ticked an action done; the owner's actions are exported.",
)

personal_data.exclude(
    "outreach.Survey",
    user_field="created_by",
    reason="The survey belongs to its organisation; who built it is not about the person.",
)

# A survey link sent to the person's address; the company's answers stay without it.
personal_data.copy("outreach.Recipient", field="email", action=personal_data.DELETE)

personal_data.copy("outreach.Visit", field="met", action=personal_data.MARK)
