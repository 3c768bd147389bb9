from accounts import personal_data

personal_data.export(
    "worklife_passport.Goal",
    user_field="user",
    fields=("badge__name", "created_at"),
    section="passport_goals",
)
personal_data.export(
    "worklife_passport.Claim",
    user_field="student",
    fields=(
        "badge__name",
        "status",
        "narrative",
        "links",
        "supervisor_name",
        "supervisor_email",
        "created_at",
        "submitted_at",
        "decided_at",
    ),
    section="badge_claims",
)
personal_data.export(
    "worklife_passport.Award",
    user_field="recipient",
    fields=("public_id", "badge__name", "issued_on", "expires_on", "revoked_at", "source"),
    section="badges",
)
personal_data.export(
    "worklife_passport.ShareLink",
    user_field="user",
    fields=("label", "created_at", "expires_at", "revoked_at", "view_count"),
    section="passport_shares",
)
personal_data.export(
    "worklife_passport.RecognitionRequest",
    user_field="student",
    fields=("pathway__name", "status", "created_at", "decided_at"),
    section="recognition_requests",
)
for model, field, reason in (
    ("worklife_passport.Claim", "assessor", "The assessor's decision belongs to the claim."),
    ("worklife_passport.ClaimEvent", "actor", "History of another person's claim."),
    ("worklife_passport.Award", "awarded_by", "The award belongs to its recipient."),
    ("worklife_passport.Endorsement", "created_by", "Made on behalf of an organisation."),
    ("worklife_passport.ClaimCode", "created_by", "Made on behalf of an organisation."),
    ("worklife_passport.BulkAward", "created_by", "Made on behalf of an organisation."),
    (
        "worklife_passport.RecognitionRequest",
        "decided_by",
        "A decision made on behalf of an organisation.",
    ),
    ("worklife_passport.SkillNeed", "created_by", "Made on behalf of a company."),
):
    personal_data.exclude(model, user_field=field, reason=reason)
