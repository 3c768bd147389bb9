from accounts import personal_data

personal_data.exclude(
    "quality.ReviewRound",
    user_field="created_by",
    reason="The round belongs to its organiser; who set it up is not about the person.",
)

personal_data.export(
    "quality.PeerReviewer",
    user_field="user",
    fields=("review__school__name", "review__round__title", "role"),
    section="peer_review_teams",
)

personal_data.copy("quality.ReviewAction", field="responsible", action=personal_data.MARK)
