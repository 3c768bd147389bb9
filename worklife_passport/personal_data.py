from accounts import personal_data

personal_data.export(
    "worklife_passport.Goal",
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
personal_data.files(
    "worklife_passport.EvidenceFile",
    field="file",
    owner="claim__student",
    fields=("claim_id", "claim__badge__name", "name", "uploaded_at"),
    section="badge_claim_evidence",
)
for field in ("recipient_email", "recipient_name"):
    personal_data.copy(
        "worklife_passport.Award", field=field, action=personal_data.BLANK, user_field="recipient"
    )
# The person as someone else's workplace supervisor.
personal_data.copy("worklife_passport.Claim", field="supervisor_name", action=personal_data.MARK)
personal_data.copy("worklife_passport.Claim", field="supervisor_email", action=personal_data.BLANK)
# The rows of an uploaded list of recipients.
personal_data.copy("worklife_passport.BulkAward", field="rows", action=personal_data.MARK)
personal_data.not_a_copy(
    "worklife_passport.Alignment",
    field="target_name",
    reason="The skill or qualification a badge aligns with.",
)


@personal_data.on_erase
def keep_awards_verifiable(user):
    """An awarded badge stays valid for whoever holds it: the salted hash of the address
    it was issued to is kept, the address and the name go."""
    from django.db.models import Q

    from .models import Award
    from .openbadges.documents import award_identity

    addresses = [
        a.lower() for a in (*user.emailaddress_set.values_list("email", flat=True), user.email)
    ]
    awards = Award.objects.filter(Q(recipient=user) | Q(recipient_email__in=addresses))
    for award in awards.only("pk", "recipient_email", "recipient_identity", "salt"):
        Award.objects.filter(pk=award.pk).update(
            recipient_identity=award_identity(award), recipient_email="", recipient_name=""
        )
