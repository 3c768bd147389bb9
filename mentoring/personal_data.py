from accounts import personal_data

personal_data.export(
    "mentoring.Enrolment",
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
    fields=("programme__name", "rating", "text", "created_at"),
    section="mentoring_evaluations",
)
# A pair, its goals and its meetings belong to both of its people, whoever logged them.
for side in ("mentor", "mentee"):
    personal_data.export(
        "mentoring.Pair",
        user_field=f"{side}__user",
        fields=(
            "id",
            "programme__name",
            "mentor__user__full_name",
            "mentee__user__full_name",
            "status",
            "origin",
            "created_at",
            "started_at",
            "ended_at",
            "end_reason",
        ),
        section="mentoring_pairs",
    )
    personal_data.export(
        "mentoring.Goal",
        user_field=f"pair__{side}__user",
        fields=("pair_id", "text", "progress"),
        section="mentoring_goals",
    )
    personal_data.export(
        "mentoring.Meeting",
        user_field=f"pair__{side}__user",
        fields=("pair_id", "date", "minutes", "notes", "created_at"),
        section="mentoring_meetings",
    )
personal_data.exclude(
    "mentoring.Meeting",
    user_field="logged_by",
    reason="Meetings are exported with the pairs of the two people they belong to.",
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
