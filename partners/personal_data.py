from accounts import personal_data
from core.models import AuditEntry
from partners.models import Invitation

personal_data.export(
    "partners.Membership",
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
# The log keeps what happened, not who: the actor link goes with the account
# (on_delete=SET_NULL), and the person's name and addresses leave what the entries say
# about their memberships, claims, pairs and applications.
personal_data.copy("core.AuditEntry", field="target_repr", action=personal_data.MARK)
personal_data.copy("core.AuditEntry", field="data", action=personal_data.MARK)
# An accepted invitation stays as the organisation's record of who was let in and when.
personal_data.copy("partners.Invitation", field="email", action=personal_data.BLANK)
# The organisation's public contact address may be the person's own.
personal_data.copy("partners.Organisation", field="email", action=personal_data.BLANK)


@personal_data.on_erase
def forget_person(user):
    AuditEntry.objects.filter(target_type__model="user", target_id=str(user.pk)).update(
        target_repr=""
    )
    addresses = [*user.emailaddress_set.values_list("email", flat=True), user.email]
    Invitation.objects.filter(email__in=addresses, accepted_at__isnull=True).delete()
