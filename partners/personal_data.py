from accounts import personal_data
from core.models import AuditEntry
from partners.models import Invitation

personal_data.export(
    "partners.Membership",
    user_field="user",
    fields=("organisation__name", "role", "created_at"),
    section="memberships",
)
personal_data.export(
    "partners.Invitation",
    user_field="invited_by",
    fields=("organisation__name", "role", "created_at", "accepted_at", "revoked_at"),
    section="invitations_sent",
)
personal_data.export(
    "partners.Invitation",
    user_field="accepted_by",
    fields=("organisation__name", "role", "accepted_at"),
    section="invitations_accepted",
)
personal_data.export(
    "core.AuditEntry",
    user_field="actor",
    fields=("created_at", "action", "target_repr"),
    section="actions",
)
personal_data.export(
    "partners.Visit",
    user_field="visitors",
    fields=("company__name", "visited_on", "school__name"),
    section="company_visits",
)
personal_data.exclude(
    "partners.Visit",
    user_field="created_by",
    reason="Who logged a visit is kept for the network; the visitors are exported.",
)
personal_data.export(
    "partners.FollowUp",
    user_field="owner",
    fields=("action", "due_on", "done_at", "visit__company__name"),
    section="follow_up_actions",
)
personal_data.exclude(
    "partners.FollowUp",
    user_field="done_by",
    reason="Who ticked an action done; the owner's actions are exported.",
)
personal_data.exclude(
    "partners.Survey",
    user_field="created_by",
    reason="The survey belongs to its organisation; who built it is not about the person.",
)
personal_data.exclude(
    "partners.ReviewRound",
    user_field="created_by",
    reason="The round belongs to its organiser; who set it up is not about the person.",
)
personal_data.export(
    "partners.PeerReviewer",
    user_field="user",
    fields=("review__school__name", "review__round__title", "role"),
    section="peer_review_teams",
)
personal_data.exclude(
    "partners.PilotCall",
    user_field="created_by",
    reason="The call belongs to its organiser; who set it up is not about the person.",
)
personal_data.export(
    "partners.PilotApplication",
    user_field="contact",
    fields=("title", "call__title", "lead__name", "status", "submitted_at"),
    section="pilot_applications",
)
personal_data.exclude(
    "partners.PilotApplication",
    user_field="decided_by",
    reason="A decision made on behalf of the call's organiser.",
)
personal_data.export(
    "partners.Score",
    user_field="reviewer",
    fields=("application__title", "criterion__text", "score", "comment"),
    section="pilot_scores",
)
personal_data.exclude(
    "partners.ProgressReport",
    user_field="submitted_by",
    reason="A report on behalf of a funded pilot; the pilot's contact is exported.",
)


personal_data.files(
    "partners.PilotAttachment",
    field="file",
    owner="application__contact",
    erased=False,
    reason="The lead organisation's application; it stays when its contact person leaves.",
    fields=("application__title", "title", "uploaded_at"),
    section="pilot_attachments",
)

# The log keeps what happened, not who: the actor link goes with the account
# (on_delete=SET_NULL), and the person's name and addresses leave what the entries say
# about their memberships, claims, pairs and applications.
personal_data.copy("core.AuditEntry", field="target_repr", action=personal_data.MARK)
personal_data.copy("core.AuditEntry", field="data", action=personal_data.MARK)
# An accepted invitation stays as the organisation's record of who was let in and when.
personal_data.copy("partners.Invitation", field="email", action=personal_data.BLANK)
# The organisation's public contact address may be the person's own.
personal_data.copy("partners.Organisation", field="email", action=personal_data.BLANK)
# A survey link sent to the person's address; the company's answers stay without it.
personal_data.copy("partners.Recipient", field="email", action=personal_data.DELETE)
personal_data.copy("partners.Visit", field="met", action=personal_data.MARK)
personal_data.copy("partners.ReviewAction", field="responsible", action=personal_data.MARK)


@personal_data.on_erase
def forget_person(user):
    AuditEntry.objects.filter(target_type__model="user", target_id=str(user.pk)).update(
        target_repr=""
    )
    addresses = [*user.emailaddress_set.values_list("email", flat=True), user.email]
    Invitation.objects.filter(email__in=addresses, accepted_at__isnull=True).delete()
