from accounts import personal_data

personal_data.export(
    "mentoring.Enrolment",
    user_field="user",
    fields=(
        "programme__name",
        "as_mentor",
        "as_mentee",
        "skills_offered",
        "skills_wanted",
        "languages",
        "region",
        "months",
        "capacity",
        "goals",
        "introduction",
        "created_at",
    ),
    section="mentoring_enrolments",
)
personal_data.export(
    "mentoring.Feedback",
    user_field="author",
    fields=("pair_id", "rating", "text", "created_at"),
    section="mentoring_feedback",
)
personal_data.export(
    "mentoring.Evaluation",
    user_field="user",
    fields=("programme__name", "rating", "text", "created_at"),
    section="mentoring_evaluations",
)
personal_data.export(
    "mentoring.Meeting",
    user_field="logged_by",
    fields=("pair_id", "date", "minutes", "notes"),
    section="mentoring_meetings",
)
personal_data.exclude(
    "mentoring.PairEvent",
    user_field="actor",
    reason="History of a pair; the person's own pairs are in enrolments.",
)
personal_data.exclude(
    "mentoring.MatchingRound",
    user_field="created_by",
    reason="A coordinator's work on behalf of the programme.",
)
